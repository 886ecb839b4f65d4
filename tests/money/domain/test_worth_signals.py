"""The good-money signals: table-driven cases and properties (no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goodfit.money.domain import worth_signals as s
from goodfit.money.domain.rules import Rules, rules_from

T0 = dt.datetime(2026, 3, 2, 14, 0, tzinfo=dt.UTC)  # a Monday, 14:00 UTC
GOOD_TERMS = s.Terms(D("20000"), D("0"), D("8000"), D("35"))
HOURS = s.WorkHours("UTC", dt.time(9), dt.time(17), "12345")


def at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def touch(id, direction, hours, channel="email", words=10, flags=()):
    return s.InteractionFact(id, direction, channel, at(hours), words, frozenset(flags))


def facts(**fields) -> s.DealFacts:
    fields.setdefault("terms", GOOD_TERMS)
    fields.setdefault("work_hours", HOURS)
    return s.DealFacts(**fields)


def by_key(assessment):
    return {signal.key: signal for signal in assessment.signals}


CLEAN = [touch(1, "out", 0), touch(2, "in", 2), touch(3, "out", 24), touch(4, "in", 26)]


def test_a_clean_good_margin_deal_scores_high_and_is_pursued():
    result = s.assess(facts(interactions=CLEAN))
    assert result.score >= 90
    assert result.recommendation == "pursue"
    assert result.resets == ()


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        ({"terms": s.Terms(D("20000"), D("50"), D("8000"), D("35"))}, "margin", "is 20%,"),
        (
            {"concessions": [s.ConcessionFact(7, "custom_work", D("3000"), T0)]},
            "concessions",
            "custom work",
        ),
        ({"interactions": [*CLEAN, touch(5, "in", 9)]}, "after_hours", "1 of 3 inbound"),
        (
            {"interactions": [touch(i, "out", i * 24) for i in range(1, 6)]},
            "unanswered",
            "5 of our 5",
        ),
        (
            {"interactions": [touch(1, "out", 0), touch(2, "in", 200)]},
            "reply_latency",
            "200 hours",
        ),
        (
            {"interactions": [touch(i, "in", i * 24, "message", 1) for i in range(1, 5)]},
            "terse_replies",
            "4 of 4",
        ),
        (
            {"meetings": [s.Meeting(3, "declined"), s.Meeting(4, "missed")]},
            "meetings",
            "1 declined, 1 missed",
        ),
        (
            {"quotes": [s.QuoteFact(i, i, D("20000"), "1 site", at(i * 24)) for i in range(1, 6)]},
            "quote_resends",
            "sent 5 times; 4 of the re-sends had the same terms",
        ),
        (
            {"interactions": [touch(1, "in", 0, flags={"future_business_promise"})]},
            "future_promises",
            "2%",
        ),
        (
            {"interactions": [touch(1, "out", 0, flags={"rep_hard_promise"})]},
            "rep_promises",
            "1 hard promise",
        ),
        ({"time_entries": [s.TimeEntry(1, D("200"))]}, "effort", "200 hours logged"),
    ],
)
def test_each_bad_sign_lowers_the_score_with_a_reason_and_its_evidence(change, key, words):
    clean = s.assess(facts(interactions=CLEAN))
    bad = s.assess(facts(**{"interactions": CLEAN, **change}))
    signal = by_key(bad)[key]
    assert bad.score < clean.score
    assert signal.severity > 0 and signal.effect < 0
    assert words in signal.reason
    assert bad.signals[0].effect <= bad.signals[-1].effect  # ranked by effect


def test_evidence_names_the_rows_behind_a_signal():
    late = touch(9, "in", 10, "message", 3, {"immediate_demand"})
    result = s.assess(facts(interactions=[*CLEAN, late]))
    assert by_key(result)["after_hours"].evidence == (s.Evidence("interaction", 9),)
    assert "demanding an immediate answer" in by_key(result)["after_hours"].reason


def test_after_hours_are_judged_in_the_reps_time_zone():
    # 14:00 UTC is 09:00 in New York (in hours) but 23:00 in Tokyo (after hours).
    inbound = [touch(1, "in", 0)]
    new_york = s.WorkHours("America/New_York", dt.time(9), dt.time(17))
    tokyo = s.WorkHours("Asia/Tokyo", dt.time(9), dt.time(17))
    assert (
        by_key(s.assess(facts(interactions=inbound, work_hours=new_york)))["after_hours"].value == 0
    )
    assert by_key(s.assess(facts(interactions=inbound, work_hours=tokyo)))["after_hours"].value == 1


def test_a_weekend_message_is_after_hours():
    saturday = touch(1, "in", 5 * 24)
    assert by_key(s.assess(facts(interactions=[saturday])))["after_hours"].value == 1


def test_discount_concessions_are_not_counted_twice_in_the_margin():
    discounted = s.Terms(D("20000"), D("10"), D("8000"), D("35"))
    plain = s.assess(facts(terms=discounted))
    logged = s.assess(
        facts(terms=discounted, concessions=[s.ConcessionFact(1, "discount", D("2000"), T0)])
    )
    assert by_key(plain)["margin"].value == by_key(logged)["margin"].value


def test_a_margin_far_below_the_floor_means_walking_away_or_resetting_the_discount():
    terms = s.Terms(D("24000"), D("30"), D("13500"), D("35"))
    result = s.assess(facts(terms=terms, interactions=CLEAN))
    assert result.recommendation == "reset_terms"
    discount = next(r for r in result.resets if r.term == "discount")
    assert "At most 13% off keeps the floor" in discount.why


def test_a_deal_with_everything_wrong_is_walked_away_from():
    terms = s.Terms(D("24000"), D("30"), D("13500"), D("35"))
    chase = [touch(i, "out", i * 24) for i in range(1, 9)]
    texts = [
        touch(20 + i, "in", i * 24 + 10, "message", 2, {"future_business_promise"})
        for i in range(3)
    ]
    quotes = [s.QuoteFact(i, i, D("16800"), "1 site", at(i)) for i in range(1, 6)]
    result = s.assess(facts(terms=terms, interactions=chase + texts, quotes=quotes))
    assert result.recommendation == "walk_away"
    assert result.score < 45
    assert result.signals[0].key == "margin"


def test_no_revenue_counts_as_the_worst_margin():
    result = s.assess(facts(terms=s.Terms(D("1"), D("0"), D("100"), D("20")), interactions=CLEAN))
    assert by_key(result)["margin"].severity == 1
    assert any(r.term == "price" for r in result.resets)


def test_a_deal_without_an_amount_has_no_verdict_yet():
    result = s.assess(facts(terms=s.Terms(D("0"), D("0"), D("100"), D("20")), interactions=CLEAN))
    assert result.recommendation == "not_enough_history"
    assert any("amount" in fact for fact in result.missing)


def test_team_rules_change_weights_and_thresholds():
    rules = rules_from({"margin": 0}, {"walk_away_below": 10})
    terms = s.Terms(D("20000"), D("60"), D("8000"), D("35"))
    assert s.assess(facts(terms=terms), rules).score > s.assess(facts(terms=terms)).score


@pytest.mark.parametrize(
    ("weights", "thresholds", "message"),
    [
        ({"charm": 3}, {}, "charm: unknown setting."),
        ({"margin": -1}, {}, "margin: -1 is out of range"),
        ({"margin": "a lot"}, {}, "margin: give a number"),
        ({}, {"pursue_from": 10, "walk_away_below": 50}, "pursue_from: must be at least"),
        ({}, {"bottom_percent": 0}, "bottom_percent: 0 is out of range"),
    ],
)
def test_bad_rules_are_refused_naming_the_setting(weights, thresholds, message):
    with pytest.raises(ValueError, match=message):
        rules_from(weights, thresholds)


# ---- properties ------------------------------------------------------------------------

channels = st.sampled_from(["call", "email", "meeting", "message", "chat"])


@st.composite
def histories(draw):
    count = draw(st.integers(0, 14))
    items = [
        s.InteractionFact(
            id=index + 1,
            direction=draw(st.sampled_from(["in", "out"])),
            channel=draw(channels),
            occurred_at=at(draw(st.integers(0, 24 * 60))),
            word_count=draw(st.integers(0, 30)),
            flags=frozenset(draw(st.sets(st.sampled_from(sorted(FLAGS)), max_size=2))),
        )
        for index in range(count)
    ]
    terms = s.Terms(
        D(draw(st.integers(0, 50_000))),
        D(draw(st.integers(0, 60))),
        D(draw(st.integers(0, 30_000))),
        D(draw(st.integers(0, 60))),
    )
    quotes = [
        s.QuoteFact(i + 1, i + 1, D(draw(st.sampled_from([900, 1000]))), "terms", at(i))
        for i in range(draw(st.integers(0, 5)))
    ]
    concessions = [
        s.ConcessionFact(i + 1, draw(st.sampled_from(KINDS)), D(draw(st.integers(0, 3000))), T0)
        for i in range(draw(st.integers(0, 4)))
    ]
    zone = draw(st.sampled_from(["UTC", "America/Chicago", "Etc/GMT-3"]))
    return facts(
        terms=terms,
        interactions=items,
        quotes=quotes,
        concessions=concessions,
        meetings=[s.Meeting(i.id, draw(OUTCOMES)) for i in items if i.channel == "meeting"],
        time_entries=[s.TimeEntry(1, D(draw(st.integers(0, 40))))],
        work_hours=s.WorkHours(zone, dt.time(9), dt.time(17)),
    )


FLAGS = {"future_business_promise", "rep_hard_promise", "immediate_demand"}
KINDS = ["discount", "free_extra", "extended_terms", "custom_work"]
OUTCOMES = st.sampled_from(["held", "declined", "rescheduled", "missed"])


def _last(deal: s.DealFacts) -> dt.datetime:
    return max((i.occurred_at for i in deal.interactions), default=T0)


def _next_id(deal: s.DealFacts) -> int:
    return max((i.id for i in deal.interactions), default=0) + 1


def _flag_one(deal: s.DealFacts, flag: str) -> s.DealFacts:
    if not deal.interactions:
        return deal
    first, *rest = deal.interactions
    flagged = dataclasses.replace(first, flags=first.flags | {flag})
    return dataclasses.replace(deal, interactions=[flagged, *rest])


BAD_ADDITIONS = {
    "a concession": lambda d: dataclasses.replace(
        d, concessions=[*d.concessions, s.ConcessionFact(99, "free_extra", D("500"), T0)]
    ),
    "a deeper discount": lambda d: dataclasses.replace(
        d, terms=dataclasses.replace(d.terms, discount_pct=min(D(100), d.terms.discount_pct + 10))
    ),
    "an unanswered message after the last exchange": lambda d: dataclasses.replace(
        d,
        interactions=[
            *d.interactions,
            s.InteractionFact(_next_id(d), "out", "email", _last(d) + dt.timedelta(hours=1), 5),
        ],
    ),
    "a quote re-sent": lambda d: dataclasses.replace(
        d, quotes=[*d.quotes, s.QuoteFact(99, 99, D("1000"), "terms", at(999))]
    ),
    "a declined meeting": lambda d: dataclasses.replace(
        d, meetings=[*d.meetings, s.Meeting(999, "declined")]
    ),
    "hours logged": lambda d: dataclasses.replace(
        d, time_entries=[*d.time_entries, s.TimeEntry(99, D("3"))]
    ),
    "a future-business promise": lambda d: _flag_one(d, "future_business_promise"),
    "a hard promise by the rep": lambda d: _flag_one(d, "rep_hard_promise"),
    "a demand for an immediate answer": lambda d: _flag_one(d, "immediate_demand"),
    "a terse reply": lambda d: dataclasses.replace(
        d, interactions=[dataclasses.replace(i, word_count=1) if i.direction == "in" else i
                         for i in d.interactions][:1] + list(d.interactions[1:]),
    ),
}  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(deal=histories(), addition=st.sampled_from(sorted(BAD_ADDITIONS)))
def test_adding_a_bad_signal_never_raises_the_score(deal, addition):
    before = s.assess(deal)
    after = s.assess(BAD_ADDITIONS[addition](deal))
    assert after.score <= before.score
    for key, signal in by_key(after).items():
        assert signal.severity >= by_key(before)[key].severity - 1e-9, key


@settings(max_examples=150, deadline=None)
@given(deal=histories(), seed=st.randoms(use_true_random=False))
def test_the_score_is_independent_of_interaction_order(deal, seed):
    shuffled = list(deal.interactions)
    seed.shuffle(shuffled)
    reordered = dataclasses.replace(deal, interactions=shuffled, quotes=list(reversed(deal.quotes)))
    assert s.assess(reordered) == s.assess(deal)


@settings(max_examples=100, deadline=None)
@given(deal=histories())
def test_the_score_stays_between_0_and_100_and_signals_are_ranked(deal):
    result = s.assess(deal)
    assert 0 <= result.score <= 100
    effects = [signal.effect for signal in result.signals]
    assert effects == sorted(effects)
    assert all(0 <= signal.severity <= 1 for signal in result.signals)


def test_default_rules_are_a_documented_dataclass():
    rules = Rules()
    assert rules.weight("margin") == 30
    assert rules.walk_away_below < rules.pursue_from
