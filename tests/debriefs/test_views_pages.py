"""The to-do list, product board (and CSV), coaching, referrals and settings pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from goodfit.debriefs.models import DebriefSettings, ObjectionCategory
from goodfit.debriefs.services import debrief_complete, debrief_save_draft, referral_record
from goodfit.pipeline.models import Outcome
from tests.debriefs.conftest import end_deal
from tests.factories import DealFactory, ProspectFactory


def lost(team, owner, segment="SMB"):
    deal = DealFactory(team=team, owner=owner, prospect=ProspectFactory(team=team, segment=segment))
    return end_deal(deal, owner, Outcome.LOST)


def test_the_to_do_list_shows_my_open_debriefs_and_the_nav_badge(owner_client, team, owner):
    draft = lost(team, owner)
    debrief_save_draft(deal=draft, actor=owner)
    done = lost(team, owner)
    debrief_complete(deal=done, actor=owner, primary_category="price")
    html = owner_client.get(reverse("debriefs-todo")).content.decode()
    assert draft.title in html and done.title not in html
    assert "Draft" in html
    assert (
        'Debriefs <span class="nav-count"><span class="visually-hidden">, </span>1</span>' in html
    )


def test_a_manager_can_see_everyones_open_debriefs(manager_client, team, owner):
    deal = lost(team, owner)
    assert deal.title not in manager_client.get(reverse("debriefs-todo")).content.decode()
    html = manager_client.get(reverse("debriefs-todo") + "?who=team").content.decode()
    assert deal.title in html


def test_the_product_board_groups_by_segment_with_quotes(manager_client, team, owner):
    deal = lost(team, owner, "Enterprise")
    debrief_complete(
        deal=deal,
        actor=owner,
        primary_category="product_capability",
        prospect_words="No PO matching across hospitals",
    )
    html = manager_client.get(reverse("debriefs-product")).content.decode()
    assert "Enterprise" in html and "Missing capability" in html
    assert "No PO matching across hospitals" in html
    other = manager_client.get(reverse("debriefs-product") + "?segment=SMB").content.decode()
    assert "No PO matching" not in other


def test_the_product_board_exports_csv_safely(manager_client, team, owner):
    deal = lost(team, owner, "=HYPERLINK(1)")
    debrief_complete(deal=deal, actor=owner, primary_category="product_quality")
    response = manager_client.get(reverse("debriefs-product-csv"))
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode().splitlines()
    assert lines[0] == "segment,theme,count,by_month"
    assert lines[1].startswith("'=HYPERLINK(1),Quality,1,")


def test_coaching_shows_a_reps_pattern_against_the_team(manager_client, team, owner, teammate):
    for rep, reason in [(owner, "rep_pushy"), (owner, "rep_pushy"), (teammate, "price")]:
        debrief_complete(deal=lost(team, rep), actor=rep, primary_category=reason)
    index = manager_client.get(reverse("debriefs-coaching")).content.decode()
    assert "Too pushy 100% vs 0%" in index
    html = manager_client.get(reverse("debriefs-coaching-rep", args=[owner.pk])).content.decode()
    assert "Worth a conversation" in html and "Too pushy" in html


def test_a_rep_sees_their_own_coaching_but_not_a_teammates(owner_client, owner, teammate):
    assert owner_client.get(reverse("debriefs-coaching-rep", args=[owner.pk])).status_code == 200
    assert owner_client.get(reverse("debriefs-coaching-rep", args=[teammate.pk])).status_code == 403


@pytest.mark.parametrize("name", ["debriefs-product", "debriefs-product-csv", "debriefs-coaching"])
def test_manager_pages_are_forbidden_to_reps(owner_client, name):
    assert owner_client.get(reverse(name)).status_code == 403


def test_referrals_are_listed_with_their_outcome(owner_client, team, owner):
    deal = lost(team, owner)
    referral_record(referrer=deal.prospect, actor=owner, name="Rosa Ramirez", phone="555")
    html = owner_client.get(reverse("debriefs-referrals")).content.decode()
    assert "Rosa Ramirez" in html and deal.prospect.name in html and "No deal yet" in html


def test_settings_save_and_explain_bad_lines(manager_client, team):
    url = reverse("settings-debriefs")
    assert "Pressure patterns" in manager_client.get(url).content.decode()
    bad = manager_client.post(
        url,
        {
            "keep_in_touch_days": "0",
            "closeout_template": "Hi $nickname",
            "objection_categories": "Price",
        },
    )
    html = bad.content.decode()
    assert "greater than or equal to 1" in html and "$nickname" in html
    assert not DebriefSettings.objects.exists()
    ok = manager_client.post(
        url,
        {
            "keep_in_touch_days": "60",
            "closeout_template": "Hi $first_name, thank you.",
            "objection_categories": "Price\nTiming",
        },
    )
    assert ok.status_code == 302
    row = DebriefSettings.objects.get(team=team)
    assert row.keep_in_touch_days == 60
    names = ObjectionCategory.objects.filter(team=team, is_active=True).values_list(
        "name", flat=True
    )
    assert list(names) == ["Price", "Timing"]


def test_settings_are_for_managers(owner_client):
    assert owner_client.get(reverse("settings-debriefs")).status_code == 403


def test_an_outsider_sees_nothing_of_this_team(outsider_client, team, owner):
    deal = lost(team, owner, "Enterprise")
    debrief_complete(deal=deal, actor=owner, primary_category="product_quality", prospect_words="Q")
    referral_record(referrer=deal.prospect, actor=owner, name="Rosa Ramirez", phone="555")
    for name in ["debriefs-todo", "debriefs-product", "debriefs-referrals", "debriefs-coaching"]:
        html = outsider_client.get(reverse(name) + "?who=team").content.decode()
        assert "Enterprise" not in html and "Rosa Ramirez" not in html and deal.title not in html
    response = outsider_client.get(reverse("debriefs-coaching-rep", args=[owner.pk]))
    assert response.status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(reverse("debriefs-todo")).status_code == 302
