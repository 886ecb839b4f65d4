"""When a follow-up happens: chosen on the prospect's clock and week, stored in UTC.

Pure Python (stdlib only). Every function takes aware datetimes and returns aware UTC
datetimes; local wall-clock times are computed in the zone named by ``ContactHours``.

- "Tomorrow at 10" means 10:00 on the prospect's next **contact day** (a Friday's
  tomorrow is Monday for a Monday–Friday prospect), whatever the UTC offset does in
  between (a DST change moves the UTC instant, not the local time).
- "N days later" counts contact days: weekends (or whatever days the prospect does not
  take calls) and the team's skipped dates do not count.
- A time outside the prospect's hours moves to the next start of them.
- When the rep's working hours overlap the prospect's on that day, the time is kept
  inside both; when they don't, the prospect's hours win and the proposal says so.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field

UTC = dt.UTC
ALL_DAYS = frozenset(range(1, 8))
WEEKDAYS = frozenset(range(1, 6))
# How far ahead a search for the next contact day may look (a year of skipped dates).
HORIZON_DAYS = 400


@dataclass(frozen=True)
class ContactHours:
    """A daily window ``start``–``end`` (local, end excluded) on ISO weekdays ``days``,
    except the local dates in ``skip`` (holidays the team listed)."""

    zone: str
    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(18, 0)
    days: frozenset[int] = field(default=ALL_DAYS)
    skip: frozenset[dt.date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("contact hours must start before they end")
        if not self.days or not self.days <= ALL_DAYS:
            raise ValueError("days must be ISO weekdays 1–7, at least one")
        zoneinfo.ZoneInfo(self.zone)  # unknown zones fail here, not later

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.zone)

    def is_contact_day(self, day: dt.date) -> bool:
        return day.isoweekday() in self.days and day not in self.skip

    def contains(self, moment: dt.datetime) -> bool:
        local = moment.astimezone(self.tz)
        return self.is_contact_day(local.date()) and self.start <= local.time() < self.end

    def window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime] | None:
        """The UTC start and end of the hours on local ``day``; None on a day off."""
        if not self.is_contact_day(day):
            return None
        return localize(day, self.start, self.zone), localize(day, self.end, self.zone)

    def next_day(self, day: dt.date, after: int = 1) -> dt.date:
        """The ``after``-th contact day after ``day`` (after=0: ``day`` itself if it is one)."""
        count, current = 0, day
        if after == 0 and self.is_contact_day(day):
            return day
        for _ in range(HORIZON_DAYS + after):
            current += dt.timedelta(days=1)
            if self.is_contact_day(current):
                count += 1
                if count >= max(after, 1):
                    return current
        raise ValueError("no contact day within a year: too many skipped dates")

    def describe(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M} {days_text(self.days)}, {self.zone}"


DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def days_text(days: frozenset[int]) -> str:
    """'Mon–Fri', 'every day', 'Mon, Wed, Fri'."""
    ordered = sorted(days)
    if ordered == list(range(1, 8)):
        return "every day"
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{DAY_NAMES[ordered[0] - 1]}–{DAY_NAMES[ordered[-1] - 1]}"
    return ", ".join(DAY_NAMES[d - 1] for d in ordered)


class Delay:
    """How a rung's due time is chosen (``LadderStep.delay_kind``)."""

    HOURS = "hours"  # after N hours (later today)
    DAYS = "days"  # N contact days later, at a local time of day


@dataclass(frozen=True)
class Rung:
    """One step of a ladder, as the scheduler sees it."""

    kind: str
    amount: int
    at: dt.time | None = None  # local time of day for DAYS; None keeps the current time


def localize(day: dt.date, at: dt.time, zone: str) -> dt.datetime:
    """``day`` at wall-clock ``at`` in ``zone``, as UTC.

    A wall time that does not exist (skipped by spring-forward) becomes the first real
    moment after the gap; an ambiguous one (repeated by fall-back) is its first occurrence.
    """
    tz = zoneinfo.ZoneInfo(zone)
    naive = dt.datetime.combine(day, at)
    # In a gap, fold=0 reads the wall time with the offset from before the change, which
    # lands just after the gap (02:30 that never happened becomes 03:30).
    return naive.replace(tzinfo=tz, fold=0).astimezone(UTC)


def next_in_hours(moment: dt.datetime, hours: ContactHours) -> dt.datetime:
    """``moment`` if it is inside the contact hours, else the next start of them (UTC)."""
    if hours.contains(moment):
        return moment.astimezone(UTC)
    day = moment.astimezone(hours.tz).date()
    for _ in range(HORIZON_DAYS):
        span = hours.window(day)
        if span is not None and span[0] >= moment:
            return span[0]
        day += dt.timedelta(days=1)
    raise ValueError("no contact day within a year: too many skipped dates")


def rung_target(now: dt.datetime, rung: Rung, hours: ContactHours) -> dt.datetime:
    """What the rung asks for before the hours are applied: N hours later, or the N-th
    contact day after today at the rung's time (or the current time of day)."""
    if rung.kind == Delay.HOURS:
        return now + dt.timedelta(hours=rung.amount)
    if rung.kind == Delay.DAYS:
        local = now.astimezone(hours.tz)
        at = rung.at or local.time().replace(second=0, microsecond=0)
        target = localize(hours.next_day(local.date(), rung.amount), at, hours.zone)
        return max(target, now)  # "today at 10:00" asked at 11:00 means now, not earlier
    raise ValueError(f"unknown rung kind {rung.kind!r}")


def due_for_rung(now: dt.datetime, rung: Rung, hours: ContactHours) -> dt.datetime:
    """The first allowed moment for ``rung`` counted from ``now``, in UTC."""
    return next_in_hours(rung_target(now, rung, hours), hours)


@dataclass(frozen=True)
class Proposal:
    """A proposed time. ``for_rep`` is False when it lies outside the rep's own hours
    (their hours did not overlap the prospect's that day: the prospect's win)."""

    when: dt.datetime
    for_rep: bool


def _rep_spans(
    rep: ContactHours, start: dt.datetime, end: dt.datetime
) -> Iterator[tuple[dt.datetime, dt.datetime]]:
    """The rep's working windows (UTC) that touch [start, end)."""
    first = start.astimezone(rep.tz).date() - dt.timedelta(days=1)
    last = end.astimezone(rep.tz).date() + dt.timedelta(days=1)
    day = first
    while day <= last:
        span = rep.window(day)
        if span is not None and span[0] < end and span[1] > start:
            yield span
        day += dt.timedelta(days=1)


def within_both(moment: dt.datetime, prospect: ContactHours, rep: ContactHours | None) -> Proposal:
    """``moment`` moved into the prospect's hours and, when the rep's hours overlap
    theirs on that day, into the rep's too (the earliest shared moment not before it)."""
    when = next_in_hours(moment, prospect)
    if rep is None or rep.contains(when):
        return Proposal(when, True)
    span = prospect.window(when.astimezone(prospect.tz).date())
    if span is None:  # pragma: no cover - next_in_hours lands inside a window
        return Proposal(when, False)
    day_end = span[1]
    for rep_start, rep_end in _rep_spans(rep, when, day_end):
        shared = max(when, rep_start)
        if shared < min(day_end, rep_end):
            return Proposal(shared, True)
    return Proposal(when, False)


def propose(
    now: dt.datetime, rung: Rung, prospect: ContactHours, rep: ContactHours | None = None
) -> Proposal:
    """The time ``rung`` proposes: inside the prospect's hours, and the rep's if they can."""
    return within_both(rung_target(now, rung, prospect), prospect, rep)
