"""The demo team's debriefs, objections and referrals."""

from __future__ import annotations

import datetime as dt

from goodfit.debriefs.models import Debrief, KeepInTouch, Objection, Referral
from goodfit.debriefs.selectors import coaching, product_board
from goodfit.demo.load import demo_load

NOW = dt.datetime(2026, 3, 10, 15, 30, tzinfo=dt.UTC)


def test_the_demo_tells_the_debrief_stories_and_fills_the_boards(db):
    team = demo_load(deals=120, now=NOW)
    referral = Referral.objects.get(referrer__name="Gloria Ramirez")
    assert referral.referred.name == "Rosa Ramirez"
    assert referral.deal.stage.outcome == "won"
    assert KeepInTouch.objects.filter(deal__prospect__name="Gloria Ramirez").exists()
    meridian = Debrief.objects.get(deal__prospect__name="Carol Jennings")
    assert meridian.primary_category == "product_capability"
    drafts = Debrief.objects.filter(deal__team=team, status=Debrief.Status.DRAFT)
    assert [d.deal.prospect.name for d in drafts] == ["Dr. Helen Hale"]
    assert not Debrief.objects.filter(deal__prospect__name="Linda Park").exists()
    board = product_board(team, today=NOW.date())
    assert "Enterprise" in [s.segment for s in board.segments]
    assert Objection.objects.filter(team=team).count() > 30
    sam = team.memberships.get(user__username="sam").user_id
    assert "rep_follow_up" in [p.code for p in coaching(team, sam).patterns]
