"""The good-money panel on the deal page and its forms."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from goodfit.money.models import Concession, InteractionFlag, WorthOverride, WorthScore
from tests.factories import InteractionFactory
from tests.money.factories import give_history

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_deal_page_shows_the_score_the_recommendation_and_the_signals(
    owner_client, deal, owner
):
    give_history(deal, owner)
    response = owner_client.get(reverse("deal-detail", args=[deal.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="money-panel"' in body
    assert "Good money" in body and "Margin" in body
    panel = owner_client.get(reverse("money-panel", args=[deal.pk])).context["panel"]
    assert panel["worth"] == WorthScore.objects.filter(deal=deal).latest("at", "id")


def test_a_new_deal_says_not_enough_history_and_what_would_inform_it(owner_client, deal):
    response = owner_client.get(reverse("money-panel", args=[deal.pk]))
    body = response.content.decode()
    assert "Not enough history yet" in body
    assert "0 so far" in body
    assert "/100" not in body  # no score without evidence


def test_recording_a_concession_updates_the_panel_in_place(owner_client, deal, owner):
    give_history(deal, owner)
    before = owner_client.get(reverse("money-panel", args=[deal.pk])).context["panel"]["worth"]
    response = owner_client.post(
        reverse("money-concession-new", args=[deal.pk]),
        {"concession-kind": "custom_work", "concession-value": "5000", "concession-note": "API"},
        **HTMX,
    )
    assert response.status_code == 200
    after = response.context["panel"]["worth"]
    assert after.score < before.score
    assert "Concession recorded." in response.content.decode()
    assert Concession.objects.get(deal=deal).value == 5000


def test_bad_input_names_the_field_and_writes_nothing(owner_client, deal):
    response = owner_client.post(
        reverse("money-concession-new", args=[deal.pk]),
        {"concession-kind": "bribe", "concession-value": "-3"},
        **HTMX,
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Not saved" in body and "Select a valid choice" in body
    assert "greater than or equal to 0" in body
    assert not Concession.objects.exists()


def test_without_htmx_a_post_redirects_back_to_the_deal(owner_client, deal):
    response = owner_client.post(
        reverse("money-time-new", args=[deal.pk]),
        {"time-hours": "2", "time-on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302
    assert response.url == reverse("deal-detail", args=[deal.pk])


def test_a_flag_can_be_added_and_dismissed(owner_client, deal):
    interaction = InteractionFactory(deal=deal, direction="in")
    owner_client.post(
        reverse("money-flag-new", args=[deal.pk]),
        {"flag-interaction": interaction.pk, "flag-kind": "rep_hard_promise"},
        **HTMX,
    )
    flag = InteractionFlag.objects.get()
    response = owner_client.post(reverse("money-flag-dismiss", args=[deal.pk, flag.pk]), **HTMX)
    assert response.status_code == 200
    flag.refresh_from_db()
    assert flag.dismissed_at is not None


def test_phrases_promising_future_business_are_flagged_when_logged(owner_client, deal, owner):
    from goodfit.pipeline.services import interaction_log

    interaction_log(
        deal=deal, actor=owner, direction="in", channel="message", summary="Text",
        text="we'll have more deals next quarter",
        occurred_at=timezone.now() - dt.timedelta(days=1),
    )  # fmt: skip
    flag = InteractionFlag.objects.get()
    response = owner_client.get(reverse("money-panel", args=[deal.pk]))
    assert flag.source == "phrase" and flag.kind == "future_business_promise"
    assert "suggested by" in response.content.decode()


def test_an_override_needs_a_reason_and_is_recorded(owner_client, deal):
    url = reverse("money-override", args=[deal.pk])
    refused = owner_client.post(url, {"override-recommendation": "pursue"}, **HTMX)
    assert "This field is required" in refused.content.decode()
    owner_client.post(
        url, {"override-recommendation": "pursue", "override-reason": "Signed LOI"}, **HTMX
    )
    assert WorthOverride.objects.get(deal=deal).reason == "Signed LOI"


@pytest.mark.parametrize(
    "name",
    [
        "money-panel",
        "money-concession-new",
        "money-quote-new",
        "money-flag-new",
        "money-meeting",
        "money-time-new",
        "money-override",
        "money-walk-away",
    ],
)
def test_an_outsider_gets_404(outsider_client, deal, name):
    url = reverse(name, args=[deal.pk])
    method = (
        outsider_client.get if name in ("money-panel", "money-walk-away") else outsider_client.post
    )
    assert method(url).status_code == 404


def test_an_outsider_cannot_dismiss_a_flag(outsider_client, owner, deal):
    from goodfit.money.services import flag_add

    flag = flag_add(interaction=InteractionFactory(deal=deal), actor=owner, kind="immediate_demand")
    url = reverse("money-flag-dismiss", args=[deal.pk, flag.pk])
    assert outsider_client.post(url).status_code == 404
