"""When a follow-up happens: chosen on the prospect's clock, stored in UTC.

Pure Python (stdlib only). Every function takes aware datetimes and returns aware UTC
datetimes; local wall-clock times are computed in the zone named by ``ContactHours``.
"Tomorrow at 10" means 10:00 on the prospect's next calendar day, whatever the UTC
offset does in between (a DST change moves the UTC instant, not the local time).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass, field

UTC = dt.UTC
ALL_DAYS = frozenset(range(1, 8))


@dataclass(frozen=True)
class ContactHours:
    """A daily window ``start``–``end`` (local, end excluded) on ISO weekdays ``days``."""

    zone: str
    start: dt.time = dt.time(9, 0)
    end: dt.time = dt.time(18, 0)
    days: frozenset[int] = field(default=ALL_DAYS)

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError("contact hours must start before they end")
        if not self.days or not self.days <= ALL_DAYS:
            raise ValueError("days must be ISO weekdays 1–7, at least one")
        zoneinfo.ZoneInfo(self.zone)  # unknown zones fail here, not later

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.zone)

    def contains(self, moment: dt.datetime) -> bool:
        local = moment.astimezone(self.tz)
        return local.isoweekday() in self.days and self.start <= local.time() < self.end

    def describe(self) -> str:
        return f"{self.start:%H:%M}–{self.end:%H:%M} {self.zone}"


class Delay:
    """How a rung's due time is chosen (``LadderStep.delay_kind``)."""

    HOURS = "hours"  # after N hours (later today)
    DAYS = "days"  # N calendar days later, at a local time of day


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
    local = moment.astimezone(hours.tz)
    day = local.date()
    if local.time() >= hours.start:
        day += dt.timedelta(days=1)
    for _ in range(8):
        if day.isoweekday() in hours.days:
            start = localize(day, hours.start, hours.zone)
            if start >= moment:
                return start
        day += dt.timedelta(days=1)
    raise AssertionError("contact hours have at least one day a week")  # pragma: no cover


def due_for_rung(now: dt.datetime, rung: Rung, hours: ContactHours) -> dt.datetime:
    """The first allowed moment for ``rung`` counted from ``now``, in UTC."""
    if rung.kind == Delay.HOURS:
        candidate = now + dt.timedelta(hours=rung.amount)
    elif rung.kind == Delay.DAYS:
        local = now.astimezone(hours.tz)
        at = rung.at or local.time().replace(second=0, microsecond=0)
        candidate = localize(local.date() + dt.timedelta(days=rung.amount), at, hours.zone)
    else:
        raise ValueError(f"unknown rung kind {rung.kind!r}")
    return next_in_hours(candidate, hours)


def overlap(a: ContactHours, b: ContactHours, day: dt.date) -> Iterator[dt.datetime]:
    """Half-hour starts (UTC) on the local ``day`` of ``a`` that fall inside both windows."""
    if day.isoweekday() not in a.days:
        return
    moment = localize(day, a.start, a.zone)
    end = localize(day, a.end, a.zone)
    step = dt.timedelta(minutes=30)
    last = dt.timedelta(seconds=1)
    while moment + step <= end:
        if b.contains(moment) and b.contains(moment + step - last):
            yield moment
        moment += step


def free_slots(
    *,
    now: dt.datetime,
    prospect: ContactHours,
    rep: ContactHours,
    busy: list[dt.datetime],
    days: int = 5,
    limit: int = 12,
    length: dt.timedelta = dt.timedelta(minutes=30),
    lead: dt.timedelta = dt.timedelta(hours=2),
) -> list[dt.datetime]:
    """Half-hour slots inside both the prospect's and the rep's hours, none clashing with
    ``busy`` (starts of the rep's other follow-ups), at least ``lead`` from now."""
    earliest = now + lead
    first_day = now.astimezone(prospect.tz).date()
    slots: list[dt.datetime] = []
    for offset in range(days + 1):
        for slot in overlap(prospect, rep, first_day + dt.timedelta(days=offset)):
            if slot >= earliest and not any(abs(slot - b) < length for b in busy):
                slots.append(slot)
                if len(slots) >= limit:
                    return slots
    return slots
