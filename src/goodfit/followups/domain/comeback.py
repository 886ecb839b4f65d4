"""Push or nurture: do leads from this source ever come back after a "not now"?

Pure Python. The come-back rate of a lead source is the share of its past deals that
ended a conversation without a decision and afterwards re-engaged (an inbound
interaction or a stage advance after the "not now") or were won. A deal counts only
once its first "not now" is at least ``settle`` old, so last week's stalls do not pass
for leads that never came back.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

NO_SOURCE = "(no source)"


@dataclass(frozen=True)
class DealHistory:
    source: str
    stalled_at: dt.datetime | None  # first conversation that ended without a decision
    inbound_at: tuple[dt.datetime, ...] = ()
    advanced_at: tuple[dt.datetime, ...] = ()
    won: bool = False

    def came_back(self) -> bool:
        if self.won:
            return True
        after = self.stalled_at
        return after is not None and any(t > after for t in (*self.inbound_at, *self.advanced_at))


class Advice:
    NURTURE = "nurture"
    PUSH = "push"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourceRate:
    source: str
    sample: int
    came_back: int
    rate: float | None = field(default=None)
    advice: str = Advice.UNKNOWN

    @property
    def percent(self) -> int | None:
        return None if self.rate is None else round(self.rate * 100)

    def sentence(self) -> str:
        """'leads from web form came back 31% of the time (13 deals): nurture'."""
        if self.rate is None:
            return (
                f"Leads from {self.source}: only {self.sample} past "
                f"deal{'s' if self.sample != 1 else ''} stalled, too few to tell; use judgement."
            )
        tail = (
            "nurture: follow up on their terms"
            if self.advice == Advice.NURTURE
            else "ask for a decision now"
        )
        return (
            f"Leads from {self.source} came back {self.percent}% of the time "
            f"({self.came_back} of {self.sample} deals): {tail}."
        )


def advise(rate: float | None, threshold: float) -> str:
    if rate is None:
        return Advice.UNKNOWN
    return Advice.NURTURE if rate >= threshold else Advice.PUSH


def comeback_rates(
    deals: Iterable[DealHistory],
    *,
    now: dt.datetime,
    threshold: float,
    min_sample: int = 5,
    settle: dt.timedelta = dt.timedelta(days=14),
) -> dict[str, SourceRate]:
    """Come-back rate, sample size and advice per source (``threshold`` is a share 0–1)."""
    sample: dict[str, int] = defaultdict(int)
    back: dict[str, int] = defaultdict(int)
    for deal in deals:
        if deal.stalled_at is None or deal.stalled_at > now - settle:
            continue
        source = deal.source.strip() or NO_SOURCE
        sample[source] += 1
        back[source] += deal.came_back()
    rates = {}
    for source, n in sample.items():
        rate = back[source] / n if n >= min_sample else None
        rates[source] = SourceRate(source, n, back[source], rate, advise(rate, threshold))
    return rates
