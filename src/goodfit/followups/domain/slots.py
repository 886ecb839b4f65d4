"""The times a prospect may pick on the pick-a-time page.

Pure Python (stdlib only). Slots are half-hours inside both the prospect's contact hours
and the rep's working hours, on every contact day from ``lead`` after now until the link
expires, none clashing with the rep's other follow-ups. Each day offers at most
``per_day`` of them, spread over the day, so a prospect sees mornings and afternoons
across the whole week rather than a dozen slots on the first day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from goodfit.followups.domain.timing import ContactHours

HALF_HOUR = dt.timedelta(minutes=30)


def overlap(a: ContactHours, b: ContactHours, day: dt.date) -> Iterator[dt.datetime]:
    """Half-hour starts (UTC) on the local ``day`` of ``a`` that fall inside both windows."""
    span = a.window(day)
    if span is None:
        return
    moment, end = span
    last = dt.timedelta(seconds=1)
    while moment + HALF_HOUR <= end:
        if b.contains(moment) and b.contains(moment + HALF_HOUR - last):
            yield moment
        moment += HALF_HOUR


def spread(items: Sequence[dt.datetime], count: int) -> list[dt.datetime]:
    """At most ``count`` of ``items``, evenly spaced from the first to the last."""
    if len(items) <= count:
        return list(items)
    if count <= 1:
        return list(items[:count])
    step = (len(items) - 1) / (count - 1)
    return [items[round(i * step)] for i in range(count)]


def free_slots(
    *,
    now: dt.datetime,
    until: dt.datetime,
    prospect: ContactHours,
    rep: ContactHours,
    busy: Sequence[dt.datetime],
    per_day: int = 6,
    lead: dt.timedelta = dt.timedelta(hours=2),
) -> dict[dt.date, list[dt.datetime]]:
    """Slots by the prospect's local day, for every contact day up to ``until``."""
    earliest = now + lead
    day = now.astimezone(prospect.tz).date()
    last_day = until.astimezone(prospect.tz).date()
    days: dict[dt.date, list[dt.datetime]] = {}
    while day <= last_day:
        free = [
            slot
            for slot in overlap(prospect, rep, day)
            if earliest <= slot
            and slot + HALF_HOUR <= until
            and not any(abs(slot - b) < HALF_HOUR for b in busy)
        ]
        if free:
            days[day] = spread(free, per_day)
        day += dt.timedelta(days=1)
    return days
