"""Aggregations over debriefs and objections (pure Python: no Django).

- coaching: how often each reason shows up in one rep's debriefs against the rest of
  the team, and which gaps are big enough to talk about;
- the product board: product feedback grouped by segment and theme, counted by month,
  with the prospects' own words;
- the "oracle" line: what most prospects in a segment ask about.

Services turn rows into these inputs; selectors call these and hand the result to pages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from goodfit.debriefs.domain.categories import CATEGORIES, PRODUCT_THEMES, label

# A rep reason ("was it me?") is a coaching pattern when it shows up in at least this
# many of the rep's debriefs and in a share at least this much larger than the rest of
# the team's. Other reasons are shown for comparison but are not the rep's to coach: a
# rep who says "not a fit" more often than the team may simply be more honest.
PATTERN_MIN_COUNT = 2
PATTERN_MIN_GAP = 0.15
QUOTES_PER_THEME = 3
UNKNOWN_SEGMENT = "No segment"


@dataclass(frozen=True)
class DebriefFacts:
    rep_id: int
    categories: tuple[str, ...]  # primary first, then the secondary ones
    segment: str = ""
    closed_on: dt.date | None = None
    words: str = ""


@dataclass(frozen=True)
class ReasonShare:
    code: str
    label: str
    group: str
    rep_count: int
    rep_share: float
    team_count: int
    team_share: float

    @property
    def gap(self) -> float:
        return self.rep_share - self.team_share

    @property
    def is_pattern(self) -> bool:
        return (
            self.group == "rep"
            and self.rep_count >= PATTERN_MIN_COUNT
            and self.gap >= PATTERN_MIN_GAP
        )


@dataclass(frozen=True)
class CoachingReport:
    rep_id: int
    rep_debriefs: int
    team_debriefs: int  # the rest of the team's, the rep's own left out
    shares: list[ReasonShare]

    @property
    def patterns(self) -> list[ReasonShare]:
        return sorted((s for s in self.shares if s.is_pattern), key=lambda s: -s.gap)


def _counts(facts: Iterable[DebriefFacts]) -> tuple[Counter[str], int]:
    counts: Counter[str] = Counter()
    total = 0
    for fact in facts:
        total += 1
        counts.update(set(fact.categories))
    return counts, total


def coaching_report(facts: Sequence[DebriefFacts], rep_id: int) -> CoachingReport:
    """Share of debriefs naming each reason: the rep's against the rest of the team's.

    A debrief counts once per reason it names (primary or secondary), so shares of one
    side can add up to more than 100%.
    """
    rep_counts, rep_total = _counts(f for f in facts if f.rep_id == rep_id)
    team_counts, team_total = _counts(f for f in facts if f.rep_id != rep_id)
    shares = [
        ReasonShare(
            code=c.code,
            label=c.label,
            group=c.group,
            rep_count=rep_counts[c.code],
            rep_share=rep_counts[c.code] / rep_total if rep_total else 0.0,
            team_count=team_counts[c.code],
            team_share=team_counts[c.code] / team_total if team_total else 0.0,
        )
        for c in CATEGORIES
        if rep_counts[c.code] or team_counts[c.code]
    ]
    return CoachingReport(rep_id, rep_total, team_total, shares)


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def last_months(today: dt.date, count: int) -> list[str]:
    """The ``count`` month keys ending with ``today``'s month, oldest first."""
    year, month = today.year, today.month
    keys = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return keys[::-1]


@dataclass
class ThemeFeedback:
    theme: str
    label: str
    count: int = 0
    by_month: dict[str, int] = field(default_factory=dict)
    quotes: list[str] = field(default_factory=list)

    def trend(self, months: Sequence[str]) -> list[tuple[str, int]]:
        return [(m, self.by_month.get(m, 0)) for m in months]


@dataclass
class SegmentFeedback:
    segment: str
    count: int = 0
    themes: dict[str, ThemeFeedback] = field(default_factory=dict)

    @property
    def theme_list(self) -> list[ThemeFeedback]:
        return sorted(self.themes.values(), key=lambda t: (-t.count, t.theme))


def product_feedback(facts: Iterable[DebriefFacts]) -> list[SegmentFeedback]:
    """Product reasons grouped by segment, then theme; biggest first.

    A debrief counts once under each product theme it names; the segment's count is of
    debriefs. Quotes are the prospects' own words, newest first (facts come newest first).
    """
    segments: dict[str, SegmentFeedback] = {}
    for fact in facts:
        themes = [c for c in dict.fromkeys(fact.categories) if c in PRODUCT_THEMES]
        if not themes:
            continue
        name = fact.segment.strip() or UNKNOWN_SEGMENT
        segment = segments.setdefault(name, SegmentFeedback(name))
        segment.count += 1
        for theme in themes:
            item = segment.themes.setdefault(theme, ThemeFeedback(theme, label(theme)))
            item.count += 1
            if fact.closed_on is not None:
                key = month_key(fact.closed_on)
                item.by_month[key] = item.by_month.get(key, 0) + 1
            quote = fact.words.strip()
            if quote and quote not in item.quotes and len(item.quotes) < QUOTES_PER_THEME:
                item.quotes.append(quote)
    return sorted(segments.values(), key=lambda s: (-s.count, s.segment))


def feedback_rows(board: Iterable[SegmentFeedback]) -> list[tuple[str, str, int, str]]:
    """(segment, theme label, count, months as ``YYYY-MM:n`` pairs) for a CSV export."""
    return [
        (
            segment.segment,
            theme.label,
            theme.count,
            " ".join(f"{m}:{n}" for m, n in sorted(theme.by_month.items())),
        )
        for segment in board
        for theme in segment.theme_list
    ]


@dataclass(frozen=True)
class ObjectionShare:
    category: str
    deals: int
    share: float  # of the deals in the segment with any objection recorded


def top_objections(rows: Iterable[tuple[int, str]], limit: int = 3) -> list[ObjectionShare]:
    """What most prospects ask about, from ``(deal_id, category)`` pairs.

    Counted per deal (a prospect who raised price three times asked about price once),
    as a share of the deals that raised anything.
    """
    deals_by_category: dict[str, set[int]] = defaultdict(set)
    all_deals: set[int] = set()
    for deal_id, category in rows:
        deals_by_category[category].add(deal_id)
        all_deals.add(deal_id)
    if not all_deals:
        return []
    ranked = sorted(deals_by_category.items(), key=lambda item: (-len(item[1]), item[0]))
    return [
        ObjectionShare(category, len(deals), len(deals) / len(all_deals))
        for category, deals in ranked[:limit]
    ]
