"""Coaching shares, the product board and the objection oracle (pure aggregations)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.debriefs.domain.categories import CODES, PRODUCT_THEMES, grouped_choices, label
from goodfit.debriefs.domain.patterns import (
    UNKNOWN_SEGMENT,
    DebriefFacts,
    coaching_report,
    feedback_rows,
    last_months,
    product_feedback,
    top_objections,
)


def facts(rep, *categories, segment="SMB", on=dt.date(2025, 3, 5), words=""):
    return DebriefFacts(rep, tuple(categories), segment, on, words)


def test_a_rep_who_is_often_too_pushy_shows_it_as_a_pattern():
    rows = [
        facts(1, "rep_pushy"),
        facts(1, "rep_pushy", "price"),
        facts(1, "timing"),
        facts(2, "price"),
        facts(2, "timing"),
        facts(3, "rep_pushy"),
        facts(3, "price"),
    ]
    report = coaching_report(rows, rep_id=1)
    assert (report.rep_debriefs, report.team_debriefs) == (3, 4)
    pushy = next(s for s in report.shares if s.code == "rep_pushy")
    assert (pushy.rep_count, pushy.team_count) == (2, 1)
    assert pushy.rep_share == pytest.approx(2 / 3)
    assert pushy.team_share == pytest.approx(1 / 4)
    assert [s.code for s in report.patterns] == ["rep_pushy"]


@pytest.mark.parametrize(
    ("rep_rows", "team_rows", "is_pattern"),
    [
        (1, 0, False),  # one debrief is an anecdote, not a pattern
        (2, 4, False),  # 2/4 vs 4/8 is the same share as the team's
        (2, 0, True),
        (3, 1, True),
    ],
)
def test_patterns_need_repetition_and_a_gap(rep_rows, team_rows, is_pattern):
    rows = [facts(1, "rep_follow_up") for _ in range(rep_rows)]
    rows += [facts(1, "price") for _ in range(4 - rep_rows)]
    rows += [facts(2, "rep_follow_up") for _ in range(team_rows)]
    rows += [facts(2, "price") for _ in range(8 - team_rows)]
    report = coaching_report(rows, rep_id=1)
    share = next(s for s in report.shares if s.code == "rep_follow_up")
    assert share.is_pattern is is_pattern


def test_a_rep_with_no_debriefs_has_no_shares_of_their_own():
    report = coaching_report([facts(2, "price")], rep_id=1)
    assert report.rep_debriefs == 0
    assert [(s.code, s.rep_share, s.team_share) for s in report.shares] == [("price", 0.0, 1.0)]
    assert report.patterns == []


def test_product_feedback_is_grouped_by_segment_and_theme_with_months_and_quotes():
    rows = [
        facts(1, "product_capability", on=dt.date(2025, 2, 1), words="No PO matching."),
        facts(2, "price", "product_capability", on=dt.date(2025, 3, 1), words="Too dear."),
        facts(1, "product_integration", segment="", on=dt.date(2025, 3, 9)),
        facts(1, "price", segment="Enterprise"),
    ]
    board = product_feedback(rows)
    assert [(s.segment, s.count) for s in board] == [("SMB", 2), (UNKNOWN_SEGMENT, 1)]
    capability = board[0].theme_list[0]
    assert (capability.theme, capability.count) == ("product_capability", 2)
    assert capability.trend(last_months(dt.date(2025, 3, 20), 3)) == [
        ("2025-01", 0),
        ("2025-02", 1),
        ("2025-03", 1),
    ]
    assert capability.quotes == ["No PO matching.", "Too dear."]
    assert feedback_rows(board)[0] == ("SMB", "Missing capability", 2, "2025-02:1 2025-03:1")


def test_quotes_are_capped_per_theme():
    rows = [facts(1, "product_quality", words=f"quote {n}") for n in range(6)]
    assert product_feedback(rows)[0].theme_list[0].quotes == ["quote 0", "quote 1", "quote 2"]


@pytest.mark.parametrize(
    ("today", "count", "expected"),
    [
        (dt.date(2025, 3, 1), 3, ["2025-01", "2025-02", "2025-03"]),
        (dt.date(2025, 1, 31), 2, ["2024-12", "2025-01"]),
        (dt.date(2025, 1, 31), 0, []),
    ],
)
def test_last_months_cross_year_boundaries(today, count, expected):
    assert last_months(today, count) == expected


def test_top_objections_are_counted_per_deal_as_a_share():
    rows = [(1, "Price"), (1, "Price"), (2, "Price"), (2, "Timing"), (3, "Trust"), (4, "Timing")]
    top = top_objections(rows, limit=2)
    assert [(o.category, o.deals, o.share) for o in top] == [("Price", 2, 0.5), ("Timing", 2, 0.5)]
    assert top_objections([]) == []


def test_every_category_has_a_label_and_a_group():
    assert {code for _, choices in grouped_choices() for code, _ in choices} == set(CODES)
    assert all(label(code) != code for code in CODES)
    assert label("gone") == "gone"


category_lists = st.lists(st.sampled_from(CODES), min_size=1, max_size=4).map(tuple)
fact_lists = st.lists(
    st.builds(DebriefFacts, st.integers(1, 4), category_lists, st.sampled_from(["A", "B", ""])),
    max_size=40,
)


@given(fact_lists, st.integers(1, 4))
def test_shares_are_fractions_and_counts_add_up(rows, rep):
    report = coaching_report(rows, rep)
    assert report.rep_debriefs + report.team_debriefs == len(rows)
    for share in report.shares:
        assert 0 <= share.rep_share <= 1 and 0 <= share.team_share <= 1
        assert share.rep_count <= report.rep_debriefs


@given(fact_lists)
def test_the_board_counts_each_product_debrief_once_per_segment(rows):
    board = product_feedback(rows)
    with_product = [r for r in rows if set(r.categories) & set(PRODUCT_THEMES)]
    assert sum(s.count for s in board) == len(with_product)
    for segment in board:
        assert max(t.count for t in segment.theme_list) <= segment.count


@given(st.lists(st.tuples(st.integers(1, 20), st.sampled_from("abcde")), max_size=60))
def test_objection_shares_are_ranked_and_bounded(rows):
    top = top_objections(rows, limit=5)
    assert [o.deals for o in top] == sorted((o.deals for o in top), reverse=True)
    assert all(0 < o.share <= 1 for o in top)


def test_only_rep_reasons_are_coaching_patterns():
    rows = [facts(1, "not_a_fit"), facts(1, "not_a_fit"), facts(2, "price")]
    report = coaching_report(rows, rep_id=1)
    assert report.patterns == []
    assert next(s for s in report.shares if s.code == "not_a_fit").gap == 1.0
