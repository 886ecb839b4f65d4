"""The close-out linter: flags words that argue with, guilt or pressure a prospect who
has said no (pure Python: no Django).

Seed 004: "DO NOT EVER tell the prospect you think they are making a mistake."
A close-out thanks them, accepts the decision and leaves the door open; anything that
reopens the decision, keeps score or manufactures urgency undoes that.

The phrase list is data (a team setting). Matching ignores case, treats typographic
apostrophes like straight ones (and a missing apostrophe like a present one), lets
any run of whitespace stand for a space, and only matches whole words. Findings carry
the span in the original text, so a page can mark exactly what was flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

KINDS = ("argue", "guilt", "pressure")
APOSTROPHES = "'’‘ʼ`"
MAX_PHRASE = 120


@dataclass(frozen=True)
class LintRule:
    phrase: str
    reason: str
    rewrite: str
    kind: str = "pressure"


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    text: str  # as written in the message
    phrase: str  # the rule that matched
    kind: str
    reason: str
    rewrite: str


_MISTAKE = (
    "Tells them their judgment is poor. After a long sales cycle that insults them, "
    "changes nothing and damages the relationship."
)
_SURE = "Questions a decision they have already made; it reads as trying to reopen it."
_URGENCY = "Manufactured urgency. A close-out accepts the decision; it does not race it."
_DOOR = "The door stays open: if your situation changes, we're here."
_SCORE = "Keeps score of your effort. They owe you nothing for it, and it sounds like a bill."

DEFAULT_RULES: tuple[LintRule, ...] = (
    LintRule(
        "you're making a mistake",
        _MISTAKE,
        "It sounds like you're making the best decision for your team.",
        "argue",
    ),
    LintRule(
        "you are making a mistake",
        _MISTAKE,
        "It sounds like you're making the best decision for your team.",
        "argue",
    ),
    LintRule("big mistake", _MISTAKE, "I respect your decision.", "argue"),
    LintRule("are you sure", _SURE, "Thank you for letting me know your decision.", "argue"),
    LintRule("reconsider", _SURE, "If anything changes, I'd be glad to talk again.", "argue"),
    LintRule(
        "you don't understand",
        "Blames them for a gap in the explanation, and argues with their conclusion.",
        "Thank you for explaining your reasons.",
        "argue",
    ),
    LintRule(
        "you should have",
        "Lectures them about a choice that was theirs to make.",
        "What would have made the difference for you?",
        "argue",
    ),
    LintRule(
        "you'll regret",
        "A threat dressed as advice; nobody comes back to a rep who warned them off.",
        "I hope it works out well for you.",
        "guilt",
    ),
    LintRule(
        "you will regret",
        "A threat dressed as advice; nobody comes back to a rep who warned them off.",
        "I hope it works out well for you.",
        "guilt",
    ),
    LintRule(
        "after all the time",
        _SCORE,
        "I've enjoyed getting to know you and your team.",
        "guilt",
    ),
    LintRule("waste of time", _SCORE, "I appreciate the time you gave us.", "guilt"),
    LintRule(
        "disappointed",
        "Makes your feelings their problem.",
        "I appreciate you telling me.",
        "guilt",
    ),
    LintRule(
        "let me down",
        "Makes your feelings their problem.",
        "Thank you for being straight with me.",
        "guilt",
    ),
    LintRule("last chance", _URGENCY, _DOOR),
    LintRule("only today", _URGENCY, _DOOR),
    LintRule("today only", _URGENCY, _DOOR),
    LintRule("final offer", _URGENCY, _DOOR),
    LintRule("act now", _URGENCY, _DOOR),
    LintRule("limited time", _URGENCY, _DOOR),
    LintRule("offer expires", _URGENCY, _DOOR),
    LintRule("before it's too late", _URGENCY, _DOOR),
    LintRule("don't miss out", _URGENCY, _DOOR),
    LintRule("if you sign today", _URGENCY, _DOOR),
)


def _token_pattern(token: str) -> str:
    """A word of the phrase; an apostrophe in it matches any apostrophe, or none."""
    parts = []
    for char in token:
        if char in APOSTROPHES:
            parts.append(f"[{re.escape(APOSTROPHES)}]?")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@lru_cache(maxsize=512)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """Whole words, any case, any whitespace between them."""
    tokens = [_token_pattern(t) for t in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(tokens) + r"(?!\w)", re.IGNORECASE)


def lint(text: str, rules: Iterable[LintRule] = DEFAULT_RULES) -> list[Finding]:
    """Every flagged phrase in ``text``, in reading order.

    Where two rules match overlapping text (``"you're making a mistake"`` and
    ``"big mistake"`` in "you're making a big mistake"), the earlier, longer one wins:
    one finding per stretch of text is what a person can act on.
    """
    found = [
        Finding(m.start(), m.end(), m.group(0), r.phrase, r.kind, r.reason, r.rewrite)
        for r in rules
        if r.phrase.strip()
        for m in phrase_pattern(r.phrase).finditer(text)
    ]
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    for finding in found:
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
    return kept


def highlight(text: str, findings: Sequence[Finding]) -> list[tuple[str, Finding | None]]:
    """``text`` cut into pieces, each flagged or not, for a page to mark up safely."""
    pieces: list[tuple[str, Finding | None]] = []
    at = 0
    for finding in findings:
        if finding.start > at:
            pieces.append((text[at : finding.start], None))
        pieces.append((text[finding.start : finding.end], finding))
        at = finding.end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


# The team setting is edited as text, one rule a line: "phrase | reason | rewrite | kind".


def rules_format(rules: Iterable[LintRule]) -> str:
    return "\n".join(f"{r.phrase} | {r.reason} | {r.rewrite} | {r.kind}" for r in rules)


def _rule_from_line(line: str) -> LintRule:
    parts = [part.strip() for part in line.split("|")]
    if len(parts) not in (3, 4) or not all(parts[:3]):
        raise ValueError(
            "write “phrase | reason | suggested rewrite”, optionally followed by "
            f"“| kind” ({', '.join(KINDS)})"
        )
    kind = parts[3] if len(parts) == 4 and parts[3] else "pressure"
    if kind not in KINDS:
        raise ValueError(f"the kind “{kind}” is not one of {', '.join(KINDS)}")
    if len(parts[0]) > MAX_PHRASE:
        raise ValueError(f"the phrase is longer than {MAX_PHRASE} characters")
    return LintRule(phrase=" ".join(parts[0].split()), reason=parts[1], rewrite=parts[2], kind=kind)


def rules_parse(text: str) -> tuple[list[LintRule], list[str]]:
    """The rules in ``text`` and a message for each line that is not one (blank lines and
    lines starting with ``#`` are skipped)."""
    rules: list[LintRule] = []
    errors: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            rules.append(_rule_from_line(line))
        except ValueError as error:
            errors.append(f"Line {number}: {error}.")
    return rules, errors


def rules_to_data(rules: Iterable[LintRule]) -> list[dict[str, str]]:
    return [asdict(rule) for rule in rules]


def rules_from_data(data: Iterable[dict[str, str]]) -> list[LintRule]:
    """Rules stored as JSON; entries missing a phrase are skipped rather than trusted."""
    return [
        LintRule(
            phrase=str(item["phrase"]),
            reason=str(item.get("reason", "")),
            rewrite=str(item.get("rewrite", "")),
            kind=str(item.get("kind", "pressure")),
        )
        for item in data
        if isinstance(item, dict) and str(item.get("phrase", "")).strip()
    ]
