"""The "Bottom of the pipeline" review page and the walk-away page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from goodfit.money.models import WalkAway, WorthOverride
from goodfit.pipeline.models import Outcome
from tests.factories import DealFactory, InteractionFactory
from tests.money.factories import TimeLogFactory, give_history

pytestmark = pytest.mark.django_db


@pytest.fixture
def bad_deal(team, owner):
    deal = DealFactory(team=team, owner=owner, discount_pct=80, title="Costly Co — Ledgerly")
    for days in (20, 15, 10, 5):
        InteractionFactory(
            deal=deal, direction="out", channel="email",
            occurred_at=timezone.now() - dt.timedelta(days=days),
        )  # fmt: skip
    TimeLogFactory(deal=deal, hours=6)
    return deal


def test_the_review_page_lists_the_worst_deal_with_its_reasons(manager_client, deal, bad_deal):
    response = manager_client.get(reverse("money-review"))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [r.deal for r in rows] == [bad_deal]
    body = response.content.decode()
    assert "Costly Co" in body and "Margin after a 80% discount" in body
    assert rows[0].touches == 4 and rows[0].hours == 6


def test_reps_see_the_review_page_too(owner_client, bad_deal):
    assert owner_client.get(reverse("money-review")).status_code == 200


def test_the_share_shown_is_configurable_and_bad_values_say_so(
    manager_client, deal, owner, bad_deal
):
    give_history(deal, owner)
    response = manager_client.get(reverse("money-review") + "?percent=100")
    assert len(response.context["rows"]) == 2
    response = manager_client.get(reverse("money-review") + "?percent=lots")
    assert response.status_code == 200
    assert "is not a number from 1 to 100" in response.content.decode()


def test_bulk_walk_away_moves_deals_and_records_message_and_time(manager_client, bad_deal):
    response = manager_client.post(
        reverse("money-review-act"), {"action": "walk_away", "deals": [bad_deal.pk]}
    )
    assert response.status_code == 302
    walk = WalkAway.objects.get(deal=bad_deal)
    assert "right fit for each other" in walk.message
    assert walk.touches_per_week_before == 1  # four emails in four weeks
    assert walk.hours_per_week_before == 1.75  # (6 h logged + 4 × 0.25 h) / 4
    bad_deal.refresh_from_db()
    assert bad_deal.stage.outcome == Outcome.WALKED_AWAY
    page = manager_client.get(reverse("money-review"))
    assert page.context["freed"].deals == 1 and page.context["freed"].hours_per_week == 1.75


def test_keeping_a_deal_needs_a_reason_and_is_recorded(manager_client, bad_deal):
    refused = manager_client.post(
        reverse("money-review-act"), {"action": "keep", "deals": [bad_deal.pk]}
    )
    assert refused.status_code == 422
    assert "Say why" in refused.content.decode()
    manager_client.post(
        reverse("money-review-act"),
        {"action": "keep", "deals": [bad_deal.pk], "reason": "Strategic logo"},
    )
    override = WorthOverride.objects.get(deal=bad_deal)
    assert (override.recommendation, override.reason) == ("pursue", "Strategic logo")


def test_an_action_on_another_teams_deal_is_refused(manager_client, outsider, other_team):
    foreign = DealFactory(team=other_team, owner=outsider)
    response = manager_client.post(
        reverse("money-review-act"), {"action": "walk_away", "deals": [foreign.pk]}
    )
    assert response.status_code == 422
    assert not WalkAway.objects.exists()


def test_the_walk_away_page_shows_the_message_and_walks_away(owner_client, bad_deal):
    url = reverse("money-walk-away", args=[bad_deal.pk])
    page = owner_client.get(url)
    assert "if things change" in page.content.decode().lower()
    response = owner_client.post(url, {"message": "Thank you, good luck!"})
    assert response.status_code == 302
    assert WalkAway.objects.get(deal=bad_deal).message == "Thank you, good luck!"


def test_an_empty_walk_away_message_is_refused(owner_client, bad_deal):
    response = owner_client.post(reverse("money-walk-away", args=[bad_deal.pk]), {"message": " "})
    assert response.status_code == 422
    assert not WalkAway.objects.exists()


def test_an_outsider_gets_404_on_the_walk_away_page_and_an_empty_review(outsider_client, bad_deal):
    assert outsider_client.get(reverse("money-walk-away", args=[bad_deal.pk])).status_code == 404
    assert outsider_client.post(reverse("money-walk-away", args=[bad_deal.pk])).status_code == 404
    assert outsider_client.get(reverse("money-review")).context["rows"] == []


def test_the_nav_has_a_review_item(owner_client, deal):
    body = owner_client.get(reverse("board")).content.decode()
    assert f'href="{reverse("money-review")}"' in body


# ---- the bulk action has no destructive default ----------------------------------------


def test_the_bulk_action_has_nothing_preselected(manager_client, bad_deal):
    body = manager_client.get(reverse("money-review")).content.decode()
    select = body[body.index('<select id="review-action"') : body.index("</select>", body.index(
        '<select id="review-action"'))]  # fmt: skip
    assert '<option value="" selected>Choose an action…</option>' in select
    assert select.count(" selected") == 1


def test_applying_with_no_action_chosen_writes_nothing(manager_client, bad_deal):
    response = manager_client.post(reverse("money-review-act"), {"deals": [bad_deal.pk]})
    assert response.status_code == 422
    assert "Choose what to do with the selected deals." in response.content.decode()
    assert not WalkAway.objects.exists() and not WorthOverride.objects.exists()


@pytest.mark.parametrize("action", ["walk_away", "keep", "reset_terms"])
def test_an_empty_selection_says_select_at_least_one_deal_next_to_the_control(
    manager_client, bad_deal, action
):
    response = manager_client.post(
        reverse("money-review-act"), {"action": action, "reason": "Because"}
    )
    assert response.status_code == 422
    body = response.content.decode()
    error = body.index('id="review-bulk-error"')
    assert "Select at least one deal." in body[error : error + 200]
    assert body.index('id="review-action"') < error  # right under the control
    assert not WalkAway.objects.exists() and not WorthOverride.objects.exists()


def test_labels_say_what_happens_nothing_claims_to_send(manager_client, owner_client, bad_deal):
    review = manager_client.get(reverse("money-review")).content.decode()
    walk = owner_client.get(reverse("money-walk-away", args=[bad_deal.pk])).content.decode()
    assert "record the team’s polite message as sent" in review
    assert "Copy message" in walk and "Record as sent and walk away" in walk
    for body in (review, walk):
        assert ">Send<" not in body and "send each" not in body.lower()


# ---- the walk-away message is checked for pressure --------------------------------------

PUSHY = "Hi Dana, this offer expires today. You're making a mistake walking away from it."


def test_a_pushy_walk_away_message_is_flagged_and_not_recorded(owner_client, bad_deal):
    url = reverse("money-walk-away", args=[bad_deal.pk])
    response = owner_client.post(url, {"message": PUSHY})
    assert response.status_code == 422
    body = response.content.decode()
    assert "This message pressures the prospect" in body
    assert "<mark" in body and "record it as written anyway" in body
    assert not WalkAway.objects.exists()
    bad_deal.refresh_from_db()
    assert bad_deal.stage.outcome == Outcome.OPEN


def test_a_flagged_message_is_recorded_when_the_rep_confirms(owner_client, bad_deal):
    url = reverse("money-walk-away", args=[bad_deal.pk])
    response = owner_client.post(url, {"message": PUSHY, "pressure_ok": "on"})
    assert response.status_code == 302
    assert WalkAway.objects.get(deal=bad_deal).message == PUSHY


def test_the_walk_away_page_warns_before_sending_when_the_template_pressures(
    owner_client, team, manager, bad_deal
):
    from goodfit.money.services import money_settings_update

    money_settings_update(
        team=team, actor=manager, walk_away_template="Hi {prospect_first_name}, last chance today!"
    )
    body = owner_client.get(reverse("money-walk-away", args=[bad_deal.pk])).content.decode()
    assert "may pressure" in body


def test_a_bulk_walk_away_with_a_pushy_template_writes_nothing(
    manager_client, team, manager, bad_deal
):
    from goodfit.money.services import money_settings_update

    money_settings_update(
        team=team, actor=manager, walk_away_template="Hi {prospect_first_name}, last chance today!"
    )
    response = manager_client.post(
        reverse("money-review-act"), {"action": "walk_away", "deals": [bad_deal.pk]}
    )
    assert response.status_code == 422
    assert "pressures the prospect" in response.content.decode()
    assert not WalkAway.objects.exists()


def test_deals_without_enough_history_are_not_ranked_but_counted(manager_client, team, owner):
    DealFactory(team=team, owner=owner, title="Just met")
    response = manager_client.get(reverse("money-review"))
    assert response.context["rows"] == []
    assert "1 open deal has too little history to judge yet" in response.content.decode()
