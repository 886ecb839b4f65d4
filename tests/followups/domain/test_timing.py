"""Scheduling on the prospect's clock: local times survive DST; hours are respected."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from goodfit.followups.domain.slots import free_slots
from goodfit.followups.domain.timing import (
    UTC,
    ContactHours,
    Delay,
    Rung,
    due_for_rung,
    localize,
    next_in_hours,
)

TOMORROW_AT_10 = Rung(Delay.DAYS, 1, dt.time(10, 0))
ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Denver", "Asia/Tokyo"]


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


# (zone, a "now" just before a DST change in that zone, the expected UTC of tomorrow 10:00)
DST_CASES = [
    # New York springs forward 2024-03-10 (EST -5 → EDT -4) and falls back 2024-11-03.
    ("America/New_York", utc(2024, 3, 9, 20, 0), utc(2024, 3, 10, 14, 0)),
    ("America/New_York", utc(2024, 11, 2, 20, 0), utc(2024, 11, 3, 15, 0)),
    # Berlin: 2024-03-31 (CET +1 → CEST +2) and 2024-10-27.
    ("Europe/Berlin", utc(2024, 3, 30, 12, 0), utc(2024, 3, 31, 8, 0)),
    ("Europe/Berlin", utc(2024, 10, 26, 12, 0), utc(2024, 10, 27, 9, 0)),
    # Sydney falls back 2024-04-07 (AEDT +11 → AEST +10), springs forward 2024-10-06.
    ("Australia/Sydney", utc(2024, 4, 6, 2, 0), utc(2024, 4, 7, 0, 0)),
    ("Australia/Sydney", utc(2024, 10, 5, 2, 0), utc(2024, 10, 5, 23, 0)),
]


@pytest.mark.parametrize(("zone", "now", "expected"), DST_CASES)
def test_tomorrow_at_ten_stays_ten_local_across_a_dst_change(zone, now, expected):
    with time_machine.travel(now, tick=False):
        due = due_for_rung(dt.datetime.now(UTC), TOMORROW_AT_10, ContactHours(zone))
    assert due == expected
    assert due.astimezone(zoneinfo.ZoneInfo(zone)).time() == dt.time(10, 0)
    assert due.tzinfo is UTC


@pytest.mark.parametrize("zone", ZONES)
@given(day=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)))
def test_tomorrow_at_ten_is_ten_local_on_any_day_in_any_zone(zone, day):
    tz = zoneinfo.ZoneInfo(zone)
    now = dt.datetime.combine(day, dt.time(15, 0), tzinfo=tz)
    due = due_for_rung(now, TOMORROW_AT_10, ContactHours(zone))
    local = due.astimezone(tz)
    assert (local.date(), local.time()) == (day + dt.timedelta(days=1), dt.time(10, 0))


def test_a_wall_time_skipped_by_spring_forward_becomes_the_first_real_moment_after():
    moment = localize(dt.date(2024, 3, 10), dt.time(2, 30), "America/New_York")
    assert moment.astimezone(zoneinfo.ZoneInfo("America/New_York")).time() == dt.time(3, 30)


def test_a_wall_time_repeated_by_fall_back_is_its_first_occurrence():
    assert localize(dt.date(2024, 11, 3), dt.time(1, 30), "America/New_York") == utc(
        2024, 11, 3, 5, 30
    )


HOURS_CASES = [
    # (local now in New York, rung, expected local due)
    ("2024-05-06 10:00", Rung(Delay.HOURS, 3), "2024-05-06 13:00"),  # later today
    ("2024-05-06 16:00", Rung(Delay.HOURS, 3), "2024-05-07 09:00"),  # after hours → next start
    ("2024-05-06 07:00", Rung(Delay.HOURS, 0), "2024-05-06 09:00"),  # too early → start
    ("2024-05-06 15:00", Rung(Delay.DAYS, 3, dt.time(11, 0)), "2024-05-09 11:00"),
    ("2024-05-06 15:20", Rung(Delay.DAYS, 2), "2024-05-08 15:20"),  # keeps time of day
    ("2024-05-06 12:00", Rung(Delay.DAYS, 1, dt.time(20, 0)), "2024-05-08 09:00"),
]


@pytest.mark.parametrize(("now", "rung", "expected"), HOURS_CASES)
def test_due_times_fall_inside_the_prospects_hours(now, rung, expected):
    tz = zoneinfo.ZoneInfo("America/New_York")
    hours = ContactHours("America/New_York", dt.time(9), dt.time(18))
    start = dt.datetime.fromisoformat(now).replace(tzinfo=tz)
    due = due_for_rung(start, rung, hours)
    assert due.astimezone(tz).strftime("%Y-%m-%d %H:%M") == expected


def test_contact_days_skip_the_weekend():
    hours = ContactHours("Europe/Berlin", days=frozenset({1, 2, 3, 4, 5}))
    friday_evening = utc(2024, 5, 10, 18, 0)
    assert next_in_hours(friday_evening, hours) == utc(2024, 5, 13, 7, 0)


@given(
    moment=st.datetimes(
        min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(ZONES),
    start=st.integers(0, 22),
    length=st.integers(1, 8),
    days=st.frozensets(st.integers(1, 7), min_size=1),
)
def test_next_in_hours_is_never_earlier_and_always_inside(moment, zone, start, length, days):
    end = dt.time(min(start + length, 23), 59 if start + length >= 23 else 0)
    hours = ContactHours(zone, dt.time(start), end, days)
    result = next_in_hours(moment, hours)
    assert result >= moment
    assert hours.contains(result)
    assert result - moment < dt.timedelta(days=8)


def test_invalid_contact_hours_are_refused():
    with pytest.raises(ValueError, match="start before"):
        ContactHours("UTC", dt.time(18), dt.time(9))
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
        ContactHours("Mars/Olympus_Mons")


def test_free_slots_lie_in_both_windows_and_avoid_busy_times():
    prospect = ContactHours("America/Los_Angeles", dt.time(9), dt.time(17))
    rep = ContactHours("America/New_York", dt.time(9), dt.time(17), frozenset({1, 2, 3, 4, 5}))
    now = utc(2024, 5, 6, 12, 0)  # Monday 08:00 in New York
    busy = [utc(2024, 5, 6, 17, 0)]
    days = free_slots(
        now=now, until=now + dt.timedelta(days=5), prospect=prospect, rep=rep, busy=busy, per_day=99
    )
    slots = [slot for day in days.values() for slot in day]
    assert slots
    assert utc(2024, 5, 6, 17, 0) not in slots
    for slot in slots:
        assert prospect.contains(slot) and rep.contains(slot)
        assert rep.contains(slot + dt.timedelta(minutes=29))
        assert slot >= now + dt.timedelta(hours=2)
    # 09:00 in Los Angeles (12:00 in New York) is the first shared half-hour on Monday.
    assert slots[0] == utc(2024, 5, 6, 16, 0)
