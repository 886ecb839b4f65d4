"""The cadence guard: each refusal says why and offers the next allowed time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.followups.domain.cadence import CadencePolicy, Reason, busiest_window, cadence_check
from goodfit.followups.domain.timing import UTC, ContactHours

HOURS = ContactHours("America/Chicago", dt.time(9), dt.time(17))
NOW = dt.datetime(2024, 5, 6, 14, 0, tzinfo=UTC)  # Monday 09:00 in Chicago
POLICY = CadencePolicy(max_touches=2, window=dt.timedelta(days=3))


def at(hours_from_now: float) -> dt.datetime:
    return NOW + dt.timedelta(hours=hours_from_now)


def check(when, touches=(), dnc=False):
    return cadence_check(
        when=when, now=NOW, hours=HOURS, touches=list(touches), policy=POLICY, do_not_contact=dnc
    )


def codes(verdict) -> set[str]:
    return {r.code for r in verdict.refusals}


CASES = [
    # (proposed, existing touches, refusal codes, next allowed)
    (at(2), [], set(), at(2)),
    (at(10), [], {Reason.OUTSIDE_HOURS}, at(24)),  # 19:00 local → 09:00 next day
    (at(2), [at(-30), at(-20)], {Reason.TOO_MANY_TOUCHES}, at(48)),  # leaves at 42: 03:00 local
    (at(2), [at(-30), at(30)], {Reason.TOO_MANY_TOUCHES}, at(48)),  # future touch counts too
    (at(2), [at(-100)], set(), at(2)),
    (at(-3), [], {Reason.IN_THE_PAST, Reason.OUTSIDE_HOURS}, at(0)),
]


@pytest.mark.parametrize(("when", "touches", "expected_codes", "next_allowed"), CASES)
def test_cadence_check_says_why_and_when(when, touches, expected_codes, next_allowed):
    verdict = check(when, touches)
    assert verdict.allowed is (not expected_codes)
    assert codes(verdict) == expected_codes
    assert verdict.next_allowed == next_allowed


def test_do_not_contact_refuses_with_no_next_time():
    verdict = check(at(2), dnc=True)
    assert not verdict.allowed
    assert codes(verdict) == {Reason.DO_NOT_CONTACT}
    assert verdict.next_allowed is None
    assert "asked not to be contacted" in verdict.explain("America/Chicago")


def test_refusals_read_as_sentences_with_the_local_time_and_the_limit():
    text = check(at(10), [at(-30), at(-20)]).explain("America/Chicago", "Europe/London")
    assert "Mon 19:00 is outside the prospect's contact hours (09:00–17:00 every day, " in text
    assert "their time (" in text and "yours)" in text and "UTC" not in text
    assert "at most 2" in text
    assert "next allowed time" in text


def test_a_policy_must_allow_at_least_one_touch():
    with pytest.raises(ValueError):
        CadencePolicy(max_touches=0)


touch_times = st.lists(st.integers(-300, 300).map(lambda h: at(h)), max_size=8)


@given(
    touches=touch_times,
    proposed=st.integers(-5, 200),
    limit=st.integers(1, 4),
    days=st.integers(1, 7),
)
def test_the_offered_next_time_always_passes_the_guard(touches, proposed, limit, days):
    policy = CadencePolicy(limit, dt.timedelta(days=days))
    verdict = cadence_check(when=at(proposed), now=NOW, hours=HOURS, touches=touches, policy=policy)
    assert verdict.next_allowed is not None
    again = cadence_check(
        when=verdict.next_allowed, now=NOW, hours=HOURS, touches=touches, policy=policy
    )
    assert again.allowed
    assert verdict.next_allowed >= min(at(proposed), NOW) or verdict.allowed


@given(touches=touch_times, proposed=st.integers(0, 200))
def test_the_offered_time_is_the_earliest_allowed_half_hour(touches, proposed):
    verdict = cadence_check(when=at(proposed), now=NOW, hours=HOURS, touches=touches, policy=POLICY)
    if verdict.allowed:
        return
    probe = max(at(proposed), NOW)
    while probe < verdict.next_allowed - dt.timedelta(minutes=30):
        assert not (HOURS.contains(probe) and busiest_window(probe, touches, POLICY.window) < 2), (
            probe
        )
        probe += dt.timedelta(minutes=30)
