"""Come-back rates per lead source, from plain records."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.followups.domain.comeback import Advice, DealHistory, comeback_rates

NOW = dt.datetime(2024, 6, 1, tzinfo=dt.UTC)


def days_ago(n: float) -> dt.datetime:
    return NOW - dt.timedelta(days=n)


def stalled(source="web form", *, at=60, inbound=(), advanced=(), won=False) -> DealHistory:
    return DealHistory(
        source,
        days_ago(at),
        tuple(days_ago(d) for d in inbound),
        tuple(days_ago(d) for d in advanced),
        won,
    )


CASES = [
    ("an inbound reply after the stall", stalled(inbound=[50]), True),
    ("a stage advance after the stall", stalled(advanced=[40]), True),
    ("a win", stalled(won=True), True),
    ("only replies before the stall", stalled(inbound=[70], advanced=[65]), False),
    ("silence", stalled(), False),
]


@pytest.mark.parametrize(("label", "deal", "expected"), CASES)
def test_what_counts_as_coming_back(label, deal, expected):
    assert deal.came_back() is expected, label


def test_rates_are_per_source_with_sample_size_and_advice():
    deals = [stalled("web form", inbound=[30]) for _ in range(3)]
    deals += [stalled("web form") for _ in range(7)]
    deals += [stalled("mortgage ads") for _ in range(49)] + [stalled("mortgage ads", won=True)]
    rates = comeback_rates(deals, now=NOW, threshold=0.2)
    web, ads = rates["web form"], rates["mortgage ads"]
    assert (web.sample, web.came_back, web.percent, web.advice) == (10, 3, 30, Advice.NURTURE)
    assert (ads.sample, ads.came_back, ads.percent, ads.advice) == (50, 1, 2, Advice.PUSH)
    assert web.sentence() == (
        "Leads from web form came back 30% of the time (3 of 10 deals): "
        "nurture: follow up on their terms."
    )
    assert "ask for a decision now" in ads.sentence()


def test_recent_stalls_and_deals_that_never_stalled_are_left_out():
    deals = [stalled(at=3), DealHistory("web form", None, (days_ago(1),))]
    assert comeback_rates(deals, now=NOW, threshold=0.2) == {}


def test_a_small_sample_gives_no_advice():
    rates = comeback_rates([stalled(won=True)] * 2, now=NOW, threshold=0.2, min_sample=5)
    assert rates["web form"].rate is None
    assert rates["web form"].advice == Advice.UNKNOWN
    assert "too few to tell" in rates["web form"].sentence()


def test_a_blank_source_is_grouped_as_no_source():
    rates = comeback_rates([stalled("  ")], now=NOW, threshold=0.2, min_sample=1)
    assert list(rates) == ["(no source)"]


histories = st.builds(
    DealHistory,
    source=st.sampled_from(["a", "b", "c"]),
    stalled_at=st.one_of(st.none(), st.integers(0, 200).map(days_ago)),
    inbound_at=st.lists(st.integers(0, 200).map(days_ago), max_size=3).map(tuple),
    advanced_at=st.lists(st.integers(0, 200).map(days_ago), max_size=3).map(tuple),
    won=st.booleans(),
)


@given(deals=st.lists(histories, max_size=40), threshold=st.floats(0, 1))
def test_rates_are_shares_and_samples_add_up(deals, threshold):
    rates = comeback_rates(deals, now=NOW, threshold=threshold, min_sample=1)
    counted = [d for d in deals if d.stalled_at and d.stalled_at <= NOW - dt.timedelta(days=14)]
    assert sum(r.sample for r in rates.values()) == len(counted)
    for rate in rates.values():
        assert 0 <= rate.came_back <= rate.sample
        assert rate.rate == rate.came_back / rate.sample
        assert rate.advice == (Advice.NURTURE if rate.rate >= threshold else Advice.PUSH)
