"""The to-do list, the product board, coaching and the objection oracle, from rows."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from goodfit.core.extensions import alternative_referrals
from goodfit.debriefs.selectors import (
    coaching,
    open_debrief_count,
    open_debriefs,
    product_board,
    segment_objections,
)
from goodfit.debriefs.services import debrief_complete, debrief_save_draft, objection_record
from goodfit.pipeline.models import Deal, Outcome
from tests.debriefs.conftest import end_deal
from tests.factories import DealFactory, ProspectFactory


def lost(team, owner, segment="SMB", outcome=Outcome.LOST):
    prospect = ProspectFactory(team=team, segment=segment)
    deal = DealFactory(team=team, owner=owner, prospect=prospect)
    return end_deal(deal, owner, outcome)


def test_open_debriefs_are_the_owners_closed_deals_without_a_complete_one(team, owner, teammate):
    draft, done, fresh = (lost(team, owner) for _ in range(3))
    lost(team, teammate)
    DealFactory(team=team, owner=owner)  # still open
    debrief_save_draft(deal=draft, actor=owner)
    debrief_complete(deal=done, actor=owner, primary_category="price")
    todo = list(open_debriefs(owner))
    assert {d.pk for d in todo} == {draft.pk, fresh.pk}
    assert {d.pk: d.has_draft for d in todo} == {draft.pk: True, fresh.pk: False}
    assert open_debrief_count(owner) == 2
    assert open_debriefs(owner, everyone=True).count() == 3


def test_the_to_do_list_leaves_out_deals_that_ended_long_ago(team, owner):
    recent, old = lost(team, owner), lost(team, owner)
    Deal.objects.filter(pk=old.pk).update(closed_at=timezone.now() - dt.timedelta(days=61))
    assert [d.pk for d in open_debriefs(owner)] == [recent.pk]
    assert open_debrief_count(owner) == 1


def test_the_product_board_groups_product_reasons_by_segment(team, owner):
    for segment, reason in [
        ("SMB", "product_quality"),
        ("SMB", "product_quality"),
        ("Enterprise", "product_integration"),
        ("SMB", "price"),
    ]:
        debrief_complete(
            deal=lost(team, owner, segment),
            actor=owner,
            primary_category=reason,
            prospect_words=f"{segment} said {reason}",
        )
    board = product_board(team)
    assert [(s.segment, s.count) for s in board.segments] == [("SMB", 2), ("Enterprise", 1)]
    assert board.all_segments == ["Enterprise", "SMB"]
    assert board.segments[0].theme_list[0].quotes[0] == "SMB said product_quality"
    assert [s.segment for s in product_board(team, "Enterprise").segments] == ["Enterprise"]


def test_coaching_compares_a_rep_with_the_rest_of_the_team(team, owner, teammate):
    for rep, reason in [(owner, "rep_pushy"), (owner, "rep_pushy"), (teammate, "price")]:
        debrief_complete(deal=lost(team, rep), actor=rep, primary_category=reason)
    report = coaching(team, owner.pk)
    assert [p.code for p in report.patterns] == ["rep_pushy"]
    assert report.team_debriefs == 1


def test_the_oracle_counts_objections_of_the_segment_per_deal(team, owner):
    deals = [lost(team, owner, "SMB") for _ in range(4)] + [lost(team, owner, "Enterprise")]
    for deal, category in zip(deals, ["Price", "Price", "Timing", "Price", "Timing"], strict=True):
        objection_record(deal=deal, actor=owner, category=category)
    top = segment_objections(team, "SMB")
    assert [(o.category, o.deals, o.share) for o in top] == [
        ("Price", 3, 0.75),
        ("Timing", 1, 0.25),
    ]


def test_the_board_reads_in_a_fixed_number_of_queries(team, owner):
    for _ in range(5):
        deal = lost(team, owner)
        debrief_complete(
            deal=deal, actor=owner, primary_category="product_quality", secondary=["price"]
        )
    with CaptureQueriesContext(connection) as queries:
        product_board(team)
    assert len(queries) == 2


def test_referrals_out_are_empty_without_rows(team):
    assert alternative_referrals(Deal.objects.filter(team=team)) == []
