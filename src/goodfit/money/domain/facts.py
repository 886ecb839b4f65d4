"""What the good-money check reads about a deal: plain dataclasses (no Django).

Services build them from rows (``money.selectors``); tests and benchmarks build them
directly.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
# A concession's kind, and the flags a person puts on an interaction, that the rules read.
DISCOUNT = "discount"
FUTURE_PROMISE = "future_business_promise"
REP_PROMISE = "rep_hard_promise"
IMMEDIATE = "immediate_demand"


@dataclass(frozen=True, slots=True)
class Terms:
    amount: Decimal
    discount_pct: Decimal
    cost_to_serve: Decimal
    min_margin_pct: Decimal


@dataclass(frozen=True, slots=True)
class ConcessionFact:
    id: int
    kind: str  # discount, free_extra, extended_terms, custom_work
    value: Decimal
    at: dt.datetime


@dataclass(frozen=True, slots=True)
class InteractionFact:
    id: int
    direction: str  # "in" from the prospect, "out" from us
    channel: str  # call, email, meeting, message, chat
    occurred_at: dt.datetime
    word_count: int = 0
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class WorkHours:
    time_zone: str = "UTC"
    start: dt.time = dt.time(9)
    end: dt.time = dt.time(17)
    days: str = "12345"  # ISO weekdays

    def covers(self, moment: dt.datetime, zone: dt.tzinfo | None = None) -> bool:
        local = moment.astimezone(zone or ZoneInfo(self.time_zone))
        inside = self.start <= local.time() < self.end
        return inside and str(local.isoweekday()) in self.days

    def describe(self) -> str:
        return _describe(self)


@functools.lru_cache(maxsize=256)
def _describe(hours: WorkHours) -> str:
    """ "Mon–Fri 09:00–17:00 America/Chicago" (cached: a team has a handful of reps)."""
    digits = sorted(hours.days)
    run = len(digits) > 2 and int(digits[-1]) - int(digits[0]) == len(digits) - 1
    names = [DAYS[int(d) - 1] for d in digits]
    days = f"{names[0]}–{names[-1]}" if run else ", ".join(names)
    return f"{days} {hours.start:%H:%M}–{hours.end:%H:%M} {hours.time_zone}"


@dataclass(frozen=True, slots=True)
class Meeting:
    id: int  # the interaction the meeting was logged as
    outcome: str  # held, declined, rescheduled, missed


@dataclass(frozen=True, slots=True)
class QuoteFact:
    id: int
    version: int
    amount: Decimal
    terms: str
    sent_at: dt.datetime


@dataclass(frozen=True, slots=True)
class TimeEntry:
    id: int
    hours: Decimal


@dataclass(frozen=True)
class DealFacts:
    terms: Terms
    interactions: Sequence[InteractionFact] = ()
    concessions: Sequence[ConcessionFact] = ()
    meetings: Sequence[Meeting] = ()
    quotes: Sequence[QuoteFact] = ()
    time_entries: Sequence[TimeEntry] = ()
    work_hours: WorkHours = field(default_factory=WorkHours)
    currency: str = ""


def extras_cost(facts: DealFacts) -> Decimal:
    """What non-discount concessions cost us; discounts are already in ``discount_pct``."""
    return sum((c.value for c in facts.concessions if c.kind != DISCOUNT), Decimal(0))
