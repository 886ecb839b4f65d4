"""The column (numpy) scorer of the benchmarks agrees with the one-deal scorer."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from goodfit.money.domain import worth_signals as s
from goodfit.money.domain.rules import Rules
from tests.money.domain.test_worth_signals import histories

# The column scorer is a benchmark module (bench/ is not a package).
sys.path.append(str(Path(__file__).resolve().parents[3] / "bench"))
from money_vector import RECOMMENDATIONS, assess_columns, columns_from, severities

FIXED_ZONES = ["UTC", "Etc/GMT-3", "Etc/GMT+6"]  # the columns take one offset per deal


@settings(max_examples=40, deadline=None)
@given(deals=st.lists(histories(), min_size=1, max_size=12), zone=st.sampled_from(FIXED_ZONES))
def test_columns_give_the_same_scores_and_recommendations(deals, zone):
    deals = [
        dataclasses.replace(d, work_hours=s.WorkHours(zone, dt.time(9), dt.time(17))) for d in deals
    ]
    columns = columns_from(deals, slots=16)
    scores, choices = assess_columns(columns)
    found = severities(columns, Rules())
    for row, deal in enumerate(deals):
        expected = s.assess(deal)
        for signal in expected.signals:
            assert abs(found[signal.key][row] - signal.severity) < 0.01, signal.key
        assert abs(int(scores[row]) - expected.score) <= 1
        if int(scores[row]) == expected.score:
            assert RECOMMENDATIONS[choices[row]] == expected.recommendation


def test_empty_slots_are_ignored():
    deal = s.DealFacts(terms=s.Terms(Decimal("1000"), Decimal("0"), Decimal("200"), Decimal("20")))
    scores, choices = assess_columns(columns_from([deal], slots=20))
    assert int(scores[0]) == s.assess(deal).score == 100
    assert RECOMMENDATIONS[choices[0]] == "not_enough_history"  # no interactions yet


def test_each_severe_rule_gives_the_same_recommendation_in_columns():
    from tests.money.domain.test_severe import SEVERE_CASES

    for _, deal, _ in SEVERE_CASES:
        columns = columns_from([deal], slots=16)
        scores, choices = assess_columns(columns)
        expected = s.assess(deal)
        assert int(scores[0]) == expected.score
        assert RECOMMENDATIONS[choices[0]] == expected.recommendation
