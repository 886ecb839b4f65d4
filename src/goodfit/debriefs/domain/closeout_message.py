"""The close-out template: a team's words with a few named blanks (pure Python: no Django).

Rendering uses ``string.Template``: ``$first_name`` or ``${first_name}`` is replaced by a
plain string from a fixed set, nothing else is looked up (no attributes, no format
specs), so a template edited in Settings can reach only the values given to it.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

PLACEHOLDERS: dict[str, str] = {
    "first_name": "the prospect's first name",
    "name": "the prospect's full name",
    "company": "the prospect's company (or their name)",
    "rep_name": "your name",
    "team_name": "your team's name",
    "offering": "what the deal was for",
}

DEFAULT_TEMPLATE = """Hi $first_name,

Thank you for respecting my time and for letting me know your reasoning. I appreciate \
the feedback, and it sounds like you are choosing what's best for your situation.

I've enjoyed getting to know you and I hope we keep in touch. If anything changes, \
$team_name is here and glad to pick the conversation up again.

Two questions, only if you have a minute: what would have made the difference for you? \
And do you know anyone who could use what we do? I'd take good care of them.

Take care,
$rep_name"""


def template_errors(text: str) -> list[str]:
    """What is wrong with a template, in words a manager can act on (empty when fine)."""
    template = string.Template(text)
    if not template.is_valid():
        return ["A “$” must start a blank such as $first_name; write $$ for a dollar sign."]
    unknown = sorted(set(template.get_identifiers()) - set(PLACEHOLDERS))
    if unknown:
        known = ", ".join(f"${name}" for name in PLACEHOLDERS)
        return [
            f"Unknown blank{'s' if len(unknown) > 1 else ''} "
            f"{', '.join('$' + u for u in unknown)}; use {known}."
        ]
    return []


def render(text: str, values: Mapping[str, str]) -> str:
    """Fill the blanks; a blank without a value is left as written rather than guessed."""
    known = {name: str(values.get(name, "")) for name in PLACEHOLDERS if values.get(name)}
    return string.Template(text).safe_substitute(known)
