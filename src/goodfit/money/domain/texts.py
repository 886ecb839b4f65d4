"""Words in and out: the walk-away message and phrases that promise future business.

Pure Python. A message template may name only the placeholders in ``PLACEHOLDERS``
(``{prospect_first_name}``); the values are plain strings, so a template can reach
nothing else (no attributes, no indexing, no format specs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDERS = {
    "prospect_name": "the prospect's full name",
    "prospect_first_name": "the prospect's first name",
    "company": "the prospect's company (or name)",
    "offering": "what we offered",
    "rep_name": "the deal owner's name",
    "rep_email": "the deal owner's email address",
    "team": "the team's name",
}
DEFAULT_WALK_AWAY = (
    "Hi {prospect_first_name},\n\n"
    "Thank you for the time you've spent with me. I enjoyed learning about your business, "
    "but I don't think we're the right fit for each other right now, so I'm going to step "
    "back rather than keep taking up your time.\n\n"
    "If things change, here's how to reach me: {rep_name}, {rep_email}. I'd be glad to "
    "hear from you.\n\n"
    "Good luck!\n{rep_name}"
)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
MAX_TEMPLATE = 5000


def template_problems(template: str) -> list[str]:
    """What is wrong with a template, in words; empty when it can be used."""
    if not template.strip():
        return ["The message cannot be empty."]
    if len(template) > MAX_TEMPLATE:
        return [f"Keep the message under {MAX_TEMPLATE} characters."]
    unknown = sorted({n for n in _PLACEHOLDER.findall(template) if n not in PLACEHOLDERS})
    if unknown:
        known = ", ".join("{" + k + "}" for k in PLACEHOLDERS)
        return [f"Unknown placeholder {{{unknown[0]}}}; use only {known}."]
    return []


def render_message(template: str, values: Mapping[str, str]) -> str:
    """Fill ``{placeholder}`` from ``values``; refuses unknown ones (ValueError)."""
    problems = template_problems(template)
    if problems:
        raise ValueError(problems[0])
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), template)


FUTURE_PHRASES = (
    r"next (?:quarter|qtr|year|month)",
    r"more (?:deals|business|orders|sites|work|projects)",
    r"bigger (?:order|deal|contract)s?(?: later)?",
    r"(?:future|repeat) (?:business|orders|deals)",
    r"down the (?:road|line)",
    r"take care of us",
    r"lots more (?:coming|to come)",
)
_FUTURE = re.compile(r"\b(" + "|".join(FUTURE_PHRASES) + r")\b", re.IGNORECASE)


def future_business_phrases(text: str) -> list[str]:
    """The phrases in ``text`` that promise business later ("more deals next quarter")."""
    return [m.group(1) for m in _FUTURE.finditer(text)]
