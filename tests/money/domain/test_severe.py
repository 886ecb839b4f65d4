"""Severe signals and the recommendation they lead to: tables and properties (no database)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest
from hypothesis import given, settings

from goodfit.money.domain import worth_signals as s
from goodfit.money.domain.advice import RANK, by_score, override_allowed, with_severe
from goodfit.money.domain.rules import Rules, rules_from
from tests.money.domain.test_worth_signals import CLEAN, GOOD_TERMS, facts, histories, touch

DEMAND, FUTURE = {"immediate_demand"}, {"future_business_promise"}
# Monday 14:00 UTC is hour 0; 9 and 33 are 23:00 on Monday and Tuesday (after hours).
LATE_DEMANDS = [
    touch(1, "out", 0), touch(2, "in", 9, "message", 8, DEMAND),
    touch(3, "out", 24), touch(4, "in", 33, "message", 8),
]  # fmt: skip
SLOW_TERSE = [
    touch(1, "out", 0), touch(2, "in", 50, "email", 1),
    touch(3, "out", 51), touch(4, "in", 101, "email", 2),
    touch(5, "out", 102), touch(6, "in", 170, "email", 1),
]  # fmt: skip
PROMISED = [*CLEAN[:1], dataclasses.replace(CLEAN[1], flags=frozenset(FUTURE)), *CLEAN[2:]]


def quotes(*terms: tuple[int, str]) -> list[s.QuoteFact]:
    return [
        s.QuoteFact(i + 1, i + 1, D(amount), text, CLEAN[0].occurred_at) for i, (amount, text) in
        enumerate(terms)
    ]  # fmt: skip


SAME_FOUR = quotes(*[(20000, "1 site, 12 months")] * 4)
FAR_BELOW = s.Terms(D("20000"), D("40"), D("8000"), D("50"))  # 33.3% against 50%
NEAR_BELOW = s.Terms(D("20000"), D("40"), D("8000"), D("42"))  # 33.3% against 42%

# (case, facts, the severe signals expected)
SEVERE_CASES = [
    ("most contact after hours, with a demand", facts(interactions=LATE_DEMANDS),
     ["after_hours_demands"]),
    ("half the contact after hours is not most", facts(interactions=[
        *LATE_DEMANDS[:2], touch(3, "out", 20), touch(4, "in", 22)]), []),
    ("after hours without a demand", facts(interactions=[
        LATE_DEMANDS[0], touch(2, "in", 9), *LATE_DEMANDS[2:]]), []),
    ("the same quote re-sent three times", facts(interactions=CLEAN, quotes=SAME_FOUR),
     ["same_quote_resent"]),
    ("the same quote re-sent twice", facts(interactions=CLEAN, quotes=SAME_FOUR[:3]), []),
    ("four quotes with new terms each time", facts(interactions=CLEAN, quotes=quotes(
        (24000, "list"), (22000, "10% off"), (20000, "20% off"), (19000, "25% off"))), []),
    ("slow replies of one or two words", facts(interactions=SLOW_TERSE), ["slow_and_terse"]),
    ("slow replies with words in them", facts(interactions=[
        dataclasses.replace(i, word_count=30) for i in SLOW_TERSE]), []),
    ("terse replies that come fast", facts(interactions=[
        dataclasses.replace(i, occurred_at=CLEAN[0].occurred_at + (i.occurred_at -
        CLEAN[0].occurred_at) / 10) for i in SLOW_TERSE]), []),
    ("a promise of future business with a discount", facts(
        interactions=PROMISED, terms=dataclasses.replace(GOOD_TERMS, discount_pct=D("10"))),
     ["promise_for_discount"]),
    ("a discount concession after the promise", facts(
        interactions=PROMISED, concessions=[s.ConcessionFact(1, "discount", D("500"), PROMISED[3]
                                                         .occurred_at)]),
     ["promise_for_discount"]),
    ("a discount given before the promise", facts(
        interactions=PROMISED, concessions=[s.ConcessionFact(1, "discount", D("500"), PROMISED[0]
                                                         .occurred_at)]), []),
    ("a promise without a discount", facts(interactions=PROMISED), []),
    ("the margin 16 points under the floor", facts(interactions=CLEAN, terms=FAR_BELOW),
     ["margin_far_below"]),
    ("the margin 9 points under the floor", facts(interactions=CLEAN, terms=NEAR_BELOW), []),
    ("after-hours demands and the same quote", facts(interactions=LATE_DEMANDS,
     quotes=SAME_FOUR), ["after_hours_demands", "same_quote_resent"]),
]  # fmt: skip


@pytest.mark.parametrize(("case", "deal", "keys"), SEVERE_CASES, ids=[c[0] for c in SEVERE_CASES])
def test_severe_rules(case, deal, keys):
    result = s.assess(deal)
    assert [f.key for f in result.severe] == keys
    expected = {0: None, 1: "reset_terms", 2: "walk_away"}[len(keys)]
    if expected:
        assert result.recommendation == expected
        assert all(f.reason and f.change for f in result.severe)
        # the rows behind it (the margin's are the deal's own terms)
        assert all(f.evidence for f in result.severe if f.key != "margin_far_below")


@pytest.mark.parametrize(
    ("case", "deal"),
    [(c, d) for c, d, keys in SEVERE_CASES if len(keys) == 1 and c != "the margin 16 points "
     "under the floor"],
)  # fmt: skip
def test_one_severe_signal_resets_terms_even_with_a_high_score(case, deal):
    result = s.assess(deal)
    assert result.score >= Rules().pursue_from, case  # the total alone would say pursue
    assert result.recommendation == "reset_terms"
    severe = result.severe[0]
    assert result.resets[0] == s.Reset(severe.term, severe.change)  # the change it asks for


def test_two_severe_signals_walk_away_even_with_a_high_score():
    result = s.assess(facts(interactions=LATE_DEMANDS, quotes=SAME_FOUR))
    assert result.score >= Rules().pursue_from
    assert result.recommendation == "walk_away"
    assert {r.term for r in result.resets} >= {"contact hours", "quote"}


def test_thresholds_are_team_settings():
    deal = facts(interactions=SLOW_TERSE)
    patient = rules_from({}, {"severe_latency_hours": 72})
    assert [f.key for f in s.assess(deal).severe] == ["slow_and_terse"]
    assert s.assess(deal, patient).severe == ()
    strict = rules_from({}, {"severe_same_quote_resends": 2})
    assert [f.key for f in s.assess(facts(interactions=CLEAN, quotes=SAME_FOUR[:3]), strict)
            .severe] == ["same_quote_resent"]  # fmt: skip


@pytest.mark.parametrize(
    ("interactions", "terms", "missing"),
    [
        ([], GOOD_TERMS, ["0 so far"]),
        (CLEAN[:2], GOOD_TERMS, ["2 so far"]),
        (CLEAN, dataclasses.replace(GOOD_TERMS, amount=D("0")), ["amount"]),
        ([], dataclasses.replace(GOOD_TERMS, amount=D("0")), ["0 so far", "amount"]),
        (CLEAN[:3], GOOD_TERMS, []),
    ],
)
def test_no_verdict_without_evidence(interactions, terms, missing):
    result = s.assess(facts(interactions=interactions, terms=terms, quotes=SAME_FOUR))
    assert len(result.missing) == len(missing)
    for words, fact in zip(missing, result.missing, strict=True):
        assert words in fact
    if missing:
        assert result.recommendation == "not_enough_history"
        assert result.resets == () and result.severe == ()
    else:
        assert result.recommendation != "not_enough_history"


def test_what_would_have_to_change_is_shown_next_to_pursue():
    # Score 70+ with no terms trouble, but most messages unanswered: pursue, and say so.
    chase = [touch(1, "out", 0), touch(2, "in", 2), *[touch(i, "out", i * 24) for i in range(3, 8)]]
    result = s.assess(facts(interactions=chase))
    assert result.recommendation == "pursue"
    assert [r.term for r in result.resets] == ["next step"]


@pytest.mark.parametrize(
    ("by_total", "severe", "expected"),
    [
        ("pursue", 0, "pursue"), ("pursue", 1, "reset_terms"), ("pursue", 2, "walk_away"),
        ("reset_terms", 0, "reset_terms"), ("reset_terms", 1, "reset_terms"),
        ("reset_terms", 3, "walk_away"), ("walk_away", 0, "walk_away"),
        ("walk_away", 1, "walk_away"),
    ],
)  # fmt: skip
def test_severe_signals_only_ever_raise_the_recommendation(by_total, severe, expected):
    assert with_severe(by_total, severe) == expected


@pytest.mark.parametrize(
    ("choice", "severe", "margin", "allowed"),
    [
        ("pursue", 2, 40.0, True),  # healthy margin (floor 35): a person may override
        ("pursue", 2, 34.9, False),  # under the floor: walk away stands
        ("reset_terms", 3, 20.0, False),
        ("walk_away", 2, 0.0, True),
        ("pursue", 1, 0.0, True),  # one severe signal: any call with a reason
    ],
)
def test_overriding_walk_away_needs_a_healthy_margin(choice, severe, margin, allowed):
    assert override_allowed(choice, severe, margin, 35.0, Rules()) is allowed


@settings(max_examples=150, deadline=None)
@given(deal=histories())
def test_the_recommendation_is_never_milder_than_its_severe_signals(deal):
    result = s.assess(deal)
    if result.missing:
        assert result.recommendation == "not_enough_history" and not result.severe
        return
    signals = {signal.key: signal for signal in result.signals}
    floor = {0: "pursue", 1: "reset_terms"}.get(len(result.severe), "walk_away")
    assert RANK[result.recommendation] >= RANK[floor]
    assert RANK[result.recommendation] >= RANK[by_score(result.score, signals, Rules())]
    assert {f.term for f in result.severe} <= {r.term for r in result.resets}
