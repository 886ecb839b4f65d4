"""Editing deals, who may reach a deal's pages, and the defaults of a new deal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from goodfit.pipeline.models import Deal, Prospect
from goodfit.pipeline.services import deal_update
from tests.pipeline.test_views_deals import deal_form_data

# ---------- Edit ----------


def test_edit_form_carries_the_version(owner_client, deal):
    response = owner_client.get(reverse("deal-edit", args=[deal.pk]))
    assert response.status_code == 200
    assert 'name="version" value="1"' in response.content.decode()
    assert "stage" not in response.context["form"].fields


def edit_data(deal, **overrides):
    data = {
        "title": deal.title,
        "prospect": deal.prospect_id,
        "offering": deal.offering_id,
        "owner": deal.owner_id,
        "amount": "13000",
        "discount_pct": "0",
        "expected_close_date": "",
        "version": deal.version,
    }
    data.update(overrides)
    return data


def test_edit_deal(owner_client, deal):
    response = owner_client.post(reverse("deal-edit", args=[deal.pk]), edit_data(deal))
    assert response.status_code == 302
    deal.refresh_from_db()
    assert deal.amount == Decimal("13000") and deal.version == 2


def test_edit_deal_with_a_stale_version_shows_both_values_and_overwrites_nothing(
    owner_client, teammate, deal
):
    deal_update(deal=Deal.objects.get(pk=deal.pk), actor=teammate, version=1, amount=Decimal("999"))
    response = owner_client.post(reverse("deal-edit", args=[deal.pk]), edit_data(deal))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Someone else saved this deal since you opened it" in html
    assert "$13,000" in html and "$999" in html  # mine and theirs, side by side
    assert 'name="version" value="2"' in html
    deal.refresh_from_db()
    assert deal.amount == Decimal("999") and deal.version == 2


def test_edit_deal_rejects_bad_input_and_writes_nothing(owner_client, deal):
    response = owner_client.post(
        reverse("deal-edit", args=[deal.pk]), edit_data(deal, amount="-1", version="x")
    )
    assert response.status_code == 200
    assert "amount" in response.context["form"].errors
    deal.refresh_from_db()
    assert deal.amount == Decimal("12000") and deal.version == 1


def test_edit_deal_keeps_a_retired_offering_choosable(owner_client, deal):
    deal.offering.is_active = False
    deal.offering.save()
    response = owner_client.post(reverse("deal-edit", args=[deal.pk]), edit_data(deal))
    assert response.status_code == 302


# ---------- Access ----------


@pytest.mark.parametrize("name", ["deal-detail", "deal-edit"])
def test_outsider_gets_404_on_deal_pages(outsider_client, deal, name):
    assert outsider_client.get(reverse(name, args=[deal.pk])).status_code == 404


def test_outsider_gets_404_when_posting_the_edit_form(outsider_client, deal):
    response = outsider_client.post(reverse("deal-edit", args=[deal.pk]), edit_data(deal))
    assert response.status_code == 404
    assert Deal.objects.get(pk=deal.pk).version == 1


def test_deal_page_of_a_missing_deal_is_404(owner_client):
    assert owner_client.get(reverse("deal-detail", args=[999999])).status_code == 404


@pytest.mark.parametrize("name", ["deal-detail", "deal-edit"])
def test_restricted_rep_gets_404_on_a_teammates_deal(client, team, teammate, deal, name):
    team.reps_see_own_deals_only = True
    team.save()
    client.force_login(teammate)
    assert client.get(reverse(name, args=[deal.pk])).status_code == 404


def test_manager_of_a_restricted_team_still_sees_every_deal(manager_client, team, deal):
    team.reps_see_own_deals_only = True
    team.save()
    assert manager_client.get(reverse("deal-detail", args=[deal.pk])).status_code == 200


def test_user_without_a_membership_gets_404(client, django_user_model):
    user = django_user_model.objects.create_user("drifter", password="correct-horse-battery")
    client.force_login(user)
    assert client.get(reverse("deal-list")).status_code == 404


def test_a_new_deal_left_untitled_is_named_after_prospect_and_offering_and_priced(
    owner_client, owner, prospect, offering
):
    data = deal_form_data(prospect=prospect.pk, offering=offering.pk, owner=owner.pk)
    data.update(title="", amount="")
    response = owner_client.post(reverse("deal-new"), data)
    assert response.status_code == 302
    deal = Deal.objects.get()
    assert deal.title == f"{prospect.name} — {offering.name}"
    assert deal.amount == offering.price


def test_an_untitled_deal_without_a_prospect_names_the_prospect_as_missing(
    owner_client, owner, offering
):
    data = deal_form_data(prospect="", offering=offering.pk, owner=owner.pk)
    data.update(title="")
    response = owner_client.post(reverse("deal-new"), data)
    assert response.status_code == 200
    assert "prospect" in response.context["form"].errors
    assert not Deal.objects.exists()


def test_a_new_prospect_made_from_the_deal_form_comes_back_to_it_chosen(owner_client):
    form = owner_client.get(reverse("deal-new")).content.decode()
    assert f"{reverse('prospect-new')}?next=deal" in form
    data = {
        "next": "deal",
        "kind": "person",
        "name": "Robin Hale",
        "time_zone": "UTC",
        "preferred_channel": "email",
        "contact_start": "09:00",
        "contact_end": "17:00",
    }
    response = owner_client.post(f"{reverse('prospect-new')}?next=deal", data)
    created = Prospect.objects.get(name="Robin Hale")
    assert response.status_code == 302
    assert response.url == f"{reverse('deal-new')}?prospect={created.pk}"
    page = owner_client.get(response.url).content.decode()
    assert f'name="prospect" value="{created.pk}"' in page
