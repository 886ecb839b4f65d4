"""Contact days: "tomorrow" is the next contact day, "later today" after hours is the
next contact day (and says so), skipped dates don't count, the rep's hours are kept when
they overlap the prospect's. Table tests across weekends and DST in several zones, and
hypothesis properties for time-zone round trips."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.followups.domain.slots import free_slots, spread
from goodfit.followups.domain.timing import (
    UTC,
    WEEKDAYS,
    ContactHours,
    Delay,
    Rung,
    days_text,
    localize,
    propose,
)
from goodfit.followups.domain.when import in_zones, relative, stamp

LATER_TODAY = Rung(Delay.HOURS, 3)
TOMORROW_AT_10 = Rung(Delay.DAYS, 1, dt.time(10))
IN_3_DAYS = Rung(Delay.DAYS, 3, dt.time(10))
ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "America/Denver", "Asia/Tokyo"]


def local(zone: str, text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zoneinfo.ZoneInfo(zone))


def as_local(moment: dt.datetime, zone: str) -> str:
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).strftime("%a %Y-%m-%d %H:%M")


# (zone, local now, rung, expected local due) — prospect 09:00–18:00, Monday–Friday.
CASES = [
    # Friday evening "let me think about it": later today and tomorrow are both Monday.
    ("Europe/Berlin", "2024-05-10 19:30", LATER_TODAY, "Mon 2024-05-13 09:00"),
    ("Europe/Berlin", "2024-05-10 19:30", TOMORROW_AT_10, "Mon 2024-05-13 10:00"),
    ("America/New_York", "2024-05-10 16:00", LATER_TODAY, "Mon 2024-05-13 09:00"),
    ("Asia/Tokyo", "2024-05-10 17:00", TOMORROW_AT_10, "Mon 2024-05-13 10:00"),
    # Thursday's "in three days" counts Friday, Monday, Tuesday.
    ("Australia/Sydney", "2024-05-09 11:00", IN_3_DAYS, "Tue 2024-05-14 10:00"),
    # A Saturday call: tomorrow is Monday.
    ("America/Denver", "2024-05-11 12:00", TOMORROW_AT_10, "Mon 2024-05-13 10:00"),
    # Across DST: New York springs forward on Sunday 2024-03-10; Friday's tomorrow is
    # Monday 10:00 EDT (14:00 UTC, not 15:00).
    ("America/New_York", "2024-03-08 17:00", TOMORROW_AT_10, "Mon 2024-03-11 10:00"),
    # Berlin falls back on Sunday 2024-10-27.
    ("Europe/Berlin", "2024-10-25 18:30", LATER_TODAY, "Mon 2024-10-28 09:00"),
    # Sydney springs forward on Sunday 2024-10-06.
    ("Australia/Sydney", "2024-10-04 20:00", TOMORROW_AT_10, "Mon 2024-10-07 10:00"),
    # Inside hours on a weekday: later today stays today.
    ("America/Denver", "2024-05-08 10:00", LATER_TODAY, "Wed 2024-05-08 13:00"),
]


@pytest.mark.parametrize(("zone", "now", "rung", "expected"), CASES)
def test_rungs_land_on_contact_days(zone, now, rung, expected):
    hours = ContactHours(zone, dt.time(9), dt.time(18), WEEKDAYS)
    proposal = propose(local(zone, now), rung, hours)
    assert as_local(proposal.when, zone) == expected
    assert hours.contains(proposal.when)
    assert proposal.when.tzinfo is UTC


def test_dst_moves_the_utc_instant_not_the_local_time():
    hours = ContactHours("America/New_York", dt.time(9), dt.time(18), WEEKDAYS)
    friday = propose(local("America/New_York", "2024-03-08 17:00"), TOMORROW_AT_10, hours)
    assert friday.when == dt.datetime(2024, 3, 11, 14, 0, tzinfo=UTC)


def test_skipped_dates_do_not_count_as_contact_days():
    # Monday 2024-05-27 is Memorial Day: Friday's tomorrow becomes Tuesday.
    hours = ContactHours(
        "America/New_York", dt.time(9), dt.time(18), WEEKDAYS, frozenset({dt.date(2024, 5, 27)})
    )
    due = propose(local("America/New_York", "2024-05-24 17:30"), TOMORROW_AT_10, hours).when
    assert as_local(due, "America/New_York") == "Tue 2024-05-28 10:00"
    assert not hours.contains(localize(dt.date(2024, 5, 27), dt.time(11), "America/New_York"))


def test_too_many_skipped_dates_is_a_clear_error():
    start = dt.date(2024, 1, 1)
    every_day = frozenset(start + dt.timedelta(days=n) for n in range(800))
    hours = ContactHours("UTC", skip=every_day)
    with pytest.raises(ValueError, match="no contact day within a year"):
        propose(dt.datetime(2024, 1, 1, 12, tzinfo=UTC), TOMORROW_AT_10, hours)


# (prospect zone, rep zone, rep hours, local now for the prospect, rung, expected local due,
# inside the rep's hours?)
OVERLAP_CASES = [
    # Prospect in Denver 08:00–17:00; rep in New York 09:00–17:00 (07:00–15:00 Denver).
    # Later today from 13:00 Denver would be 16:00 Denver (18:00 NY): the rep's hours end
    # at 15:00 Denver that day, so with no overlap left the prospect's hours win.
    (
        "America/Denver",
        "America/New_York",
        (9, 17),
        "2024-05-08 13:00",
        LATER_TODAY,
        "Wed 2024-05-08 16:00",
        False,
    ),
    # From 10:00 Denver, later today is 13:00: inside both.
    (
        "America/Denver",
        "America/New_York",
        (9, 17),
        "2024-05-08 10:00",
        LATER_TODAY,
        "Wed 2024-05-08 13:00",
        True,
    ),
    # Tomorrow at 08:00 Denver is 10:00 NY: inside both, kept.
    (
        "America/Denver",
        "America/New_York",
        (9, 17),
        "2024-05-08 10:00",
        Rung(Delay.DAYS, 1, dt.time(8)),
        "Thu 2024-05-09 08:00",
        True,
    ),
    # Prospect in Berlin 09:00–18:00, rep in New York from 09:00 (15:00 Berlin): tomorrow
    # at 10:00 Berlin moves to 15:00 Berlin, the first moment both are working.
    (
        "Europe/Berlin",
        "America/New_York",
        (9, 17),
        "2024-05-08 12:00",
        TOMORROW_AT_10,
        "Thu 2024-05-09 15:00",
        True,
    ),
    # Prospect in Tokyo 09:00–18:00, rep in New York 09:00–17:00: no overlap at all, the
    # prospect's 10:00 wins and the rep is told it is outside their hours.
    (
        "Asia/Tokyo",
        "America/New_York",
        (9, 17),
        "2024-05-08 12:00",
        TOMORROW_AT_10,
        "Thu 2024-05-09 10:00",
        False,
    ),
]


@pytest.mark.parametrize(
    ("p_zone", "r_zone", "r_hours", "now", "rung", "expected", "for_rep"), OVERLAP_CASES
)
def test_the_rep_hours_are_kept_when_they_overlap(
    p_zone, r_zone, r_hours, now, rung, expected, for_rep
):
    prospect = ContactHours(
        p_zone,
        dt.time(9 if p_zone != "America/Denver" else 8),
        dt.time(18 if p_zone != "America/Denver" else 17),
        WEEKDAYS,
    )
    rep = ContactHours(r_zone, dt.time(r_hours[0]), dt.time(r_hours[1]), WEEKDAYS)
    proposal = propose(local(p_zone, now), rung, prospect, rep)
    assert as_local(proposal.when, p_zone) == expected
    assert proposal.for_rep is for_rep
    assert prospect.contains(proposal.when)
    assert rep.contains(proposal.when) is for_rep


@given(
    moment=st.datetimes(
        min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 1, 1), timezones=st.just(UTC)
    ),
    p_zone=st.sampled_from(ZONES),
    r_zone=st.sampled_from(ZONES),
    days=st.frozensets(st.integers(1, 7), min_size=1),
    amount=st.integers(0, 10),
)
def test_proposals_are_never_early_always_in_the_prospects_hours(
    moment, p_zone, r_zone, days, amount
):
    prospect = ContactHours(p_zone, dt.time(9), dt.time(18), days)
    rep = ContactHours(r_zone, dt.time(9), dt.time(17), WEEKDAYS)
    proposal = propose(moment, Rung(Delay.DAYS, amount, dt.time(10)), prospect, rep)
    assert proposal.when >= moment
    assert prospect.contains(proposal.when)
    assert proposal.for_rep == rep.contains(proposal.when)


@given(
    day=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2035, 12, 31)),
    at=st.times(),
    zone=st.sampled_from(ZONES),
)
def test_a_wall_time_round_trips_through_utc(day, at, zone):
    """Local → UTC → local gives the same wall time, except inside a spring-forward gap,
    which moves forward by the gap (never backward, never by more than the gap)."""
    at = at.replace(microsecond=0)
    moment = localize(day, at, zone)
    back = moment.astimezone(zoneinfo.ZoneInfo(zone))
    wall = dt.datetime.combine(day, at)
    shift = back.replace(tzinfo=None) - wall
    assert dt.timedelta(0) <= shift <= dt.timedelta(hours=1)
    assert localize(back.date(), back.time(), zone) == moment


@given(
    moment=st.datetimes(
        min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2035, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(ZONES),
)
def test_a_stamp_names_the_local_wall_time_and_zone(moment, zone):
    local_moment = moment.astimezone(zoneinfo.ZoneInfo(zone))
    text = stamp(moment, zone)
    assert text.endswith(f"{local_moment:%H:%M} {local_moment.tzname()}")
    assert "UTC" not in text or zone == "UTC"


RELATIVE_CASES = [
    ("2024-05-10 19:30", "2024-05-13 09:00", "Monday at 09:00"),
    ("2024-05-10 10:00", "2024-05-10 13:00", "today at 13:00"),
    ("2024-05-10 10:00", "2024-05-11 10:00", "tomorrow at 10:00"),
    ("2024-05-10 10:00", "2024-05-21 10:00", "Tuesday 21 May at 10:00"),
]


@pytest.mark.parametrize(("now", "due", "expected"), RELATIVE_CASES)
def test_labels_say_the_day_it_really_is(now, due, expected):
    zone = "Europe/Berlin"
    assert relative(local(zone, due), local(zone, now), zone) == expected


def test_alternatives_are_written_in_both_zones_never_utc_alone():
    moment = localize(dt.date(2024, 5, 13), dt.time(9), "Europe/Berlin")
    text = in_zones(moment, "Europe/Berlin", "Europe/London")
    assert text == "Mon 13 May, 09:00 CEST their time (08:00 BST yours)"
    assert in_zones(moment, "Europe/Berlin", "Europe/Berlin").endswith("(your time too)")


def test_days_read_as_words():
    assert days_text(WEEKDAYS) == "Mon–Fri"
    assert days_text(frozenset({1, 3, 5})) == "Mon, Wed, Fri"
    assert days_text(frozenset(range(1, 8))) == "every day"


def test_pick_slots_cover_every_contact_day_until_the_link_expires():
    prospect = ContactHours("America/Denver", dt.time(8), dt.time(17), WEEKDAYS)
    rep = ContactHours("America/New_York", dt.time(9), dt.time(17), WEEKDAYS)
    now = dt.datetime(2024, 5, 8, 14, 0, tzinfo=UTC)  # Wednesday 08:00 Denver
    days = free_slots(
        now=now, until=now + dt.timedelta(days=7), prospect=prospect, rep=rep, busy=[]
    )
    weekdays = [day.strftime("%a") for day in days]
    # The link expires next Wednesday at 08:00 Denver, before any shared half-hour.
    assert weekdays == ["Wed", "Thu", "Fri", "Mon", "Tue"]
    for slots in days.values():
        assert 1 <= len(slots) <= 6
        assert all(prospect.contains(s) and rep.contains(s) for s in slots)
    # Spread over the day: mornings and afternoons, not the first six half-hours.
    thursday = days[dt.date(2024, 5, 9)]
    hours = [s.astimezone(prospect.tz).hour for s in thursday]
    assert hours[0] == 8 and hours[-1] >= 14


def test_spread_keeps_the_ends_and_spaces_the_rest():
    items = [dt.datetime(2024, 1, 1, h, tzinfo=UTC) for h in range(10)]
    picked = spread(items, 4)
    assert [p.hour for p in picked] == [0, 3, 6, 9]
    assert spread(items[:3], 6) == items[:3]
