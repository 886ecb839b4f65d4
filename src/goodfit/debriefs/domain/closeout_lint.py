"""The pressure checker: finds words that rush, guilt, frighten or argue with a prospect
(pure Python: no Django).

Seed 004: "DO NOT EVER tell the prospect you think they are making a mistake." A
close-out, a follow-up or a walk-away message thanks them, respects their decision and
their time; anything that manufactures urgency, keeps score or reopens a no undoes that.

Rules are patterns grouped in families (``pressure_families``), written in the syntax
of ``pressure_syntax``. A finding is cleared when the same clause says, just before it,
that there is no pressure ("no need to decide by Friday", "there's no deadline"):
that is the gracious version of the same words. Findings carry the span in the
original text, so a page can mark exactly what was flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from goodfit.debriefs.domain.pressure_families import (
    DEFAULT_PATTERNS,
    PatternRule,
    family_label,
)
from goodfit.debriefs.domain.pressure_syntax import PatternError, compile_pattern, may_match

DEFAULT_RULES = DEFAULT_PATTERNS

# Said just before a flagged phrase in the same clause, or inside it, these turn it
# gracious.
SOFTENERS = (
    "no (rush/pressure/hurry/obligation/deadline/expiry) | no need [for you] to",
    "(don't/do not/doesn't/does not/won't/will not/never) (need/have/has/expire*) [to]",
    "(there's/there is/there are) no | not (asking/expecting/trying) [you] [to]",
    "nothing (expire*/ends/changes) | only if | whenever | in your own time",
    "(never/not/doesn't/does not/won't/will not) (rise/rises/go up/increase/disappear/expire)",
)
# Where a clause starts: sentence punctuation, or a turn such as "but" ("no pressure,
# but the offer ends tonight" is still pressure).
_CLAUSE_START = re.compile(r"[.!?;:,\n—–]|\b(?:but|however|though|although|yet|still)\b", re.I)
SOFTENER_REACH = 60  # characters before the finding


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    text: str  # the matched words, as written in the message
    pattern: str
    family: str
    reason: str
    suggestion: str
    key: str = ""

    @property
    def family_label(self) -> str:
        return family_label(self.family)

    @property
    def words(self) -> str:
        return self.text

    # The first version's names, still read by API clients.
    @property
    def phrase(self) -> str:
        return self.pattern

    @property
    def kind(self) -> str:
        return self.family

    @property
    def rewrite(self) -> str:
        return self.suggestion


def _softened(text: str, start: int, end: int) -> bool:
    """A softener in the clause just before the match, or inside it ("prices won't go
    up" is the match of "prices ... go up" with its own denial)."""
    before = text[max(0, start - SOFTENER_REACH) : start]
    cuts = [m.end() for m in _CLAUSE_START.finditer(before)]
    clause = (before[cuts[-1] :] if cuts else before) + text[start:end]
    return any(compile_pattern(p).search(clause) for p in SOFTENERS)


def _matches(text: str, folded: str, rule: PatternRule) -> Iterable[re.Match[str]]:
    try:
        if not may_match(folded, rule.pattern):
            return ()
        regex = compile_pattern(rule.pattern)
    except PatternError:  # stored before validation existed: skipped, never a crash
        return ()
    return regex.finditer(text)


def lint(text: str, rules: Iterable[PatternRule] = DEFAULT_PATTERNS) -> list[Finding]:
    """Every flagged stretch of ``text``, in reading order.

    Where two patterns match overlapping text, the earlier, longer one wins: one
    finding per stretch of text is what a person can act on.
    """
    folded = text.casefold()
    found = [
        Finding(m.start(), m.end(), m.group(0), r.pattern, r.family, r.why, r.gentler, r.key)
        for r in rules
        if r.active and r.pattern.strip()
        for m in _matches(text, folded, r)
        if not _softened(text, m.start(), m.end())
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


def merge_rules(
    defaults: Iterable[PatternRule], overrides: dict[str, PatternRule], own: Iterable[PatternRule]
) -> list[PatternRule]:
    """A team's rules: each default, or the team's version of it (edited or switched
    off, by key), then the team's own patterns."""
    return [overrides.get(rule.key, rule) for rule in defaults] + list(own)
