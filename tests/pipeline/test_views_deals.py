"""The deal list, the deal page, and creating and editing deals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Deal, Outcome, StageChange
from goodfit.pipeline.services import deal_cancel
from tests.factories import DealFactory, InteractionFactory, OfferingFactory, ProspectFactory
from tests.querycount import queries_for


def deal_form_data(**overrides):
    data = {
        "title": "Acme — annual plan",
        "amount": "2500",
        "discount_pct": "5",
        "expected_close_date": "2031-03-15",
    }
    data.update(overrides)
    return data


# ---------- List ----------


def test_deal_list_shows_the_columns_of_each_deal(owner_client, deal):
    response = owner_client.get(reverse("deal-list"))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [deal.title, "Dana Diaz", "Lead", "$12,000", "badge-open"]:
        assert text in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "walnut"}, ["Walnut grove"]),
        ({"outcome": "won"}, ["Won already"]),
        ({"segment": "Enterprise"}, ["Walnut grove"]),
        ({"source": "referral"}, ["Walnut grove"]),
    ],
)
def test_deal_list_filters(owner_client, team, owner, deal, params, expected):
    big = ProspectFactory(team=team, segment="Enterprise", source="referral")
    DealFactory(team=team, owner=owner, prospect=big, title="Walnut grove")
    DealFactory(
        team=team, owner=owner, title="Won already", stage=team.stages.get(outcome=Outcome.WON)
    )
    response = owner_client.get(reverse("deal-list"), params)
    assert [d.title for d in response.context["deals"]] == expected


def test_deal_list_filters_by_stage_and_owner(owner_client, team, owner, teammate, deal):
    proposal = team.stages.get(name="Proposal")
    DealFactory(team=team, owner=teammate, title="Tom's", stage=proposal)
    response = owner_client.get(reverse("deal-list"), {"stage": proposal.pk})
    assert [d.title for d in response.context["deals"]] == ["Tom's"]
    response = owner_client.get(reverse("deal-list"), {"owner": owner.pk})
    assert [d.title for d in response.context["deals"]] == [deal.title]


@pytest.mark.parametrize(
    "params", [{"stage": "abc"}, {"owner": "-1"}, {"outcome": "maybe"}, {"page": "zzz"}]
)
def test_deal_list_shrugs_off_invalid_filters(owner_client, deal, params):
    response = owner_client.get(reverse("deal-list"), params)
    assert response.status_code == 200
    assert [d.title for d in response.context["deals"]] == [deal.title]
    if "page" not in params:
        assert "Some filters were not understood" in response.content.decode()


def test_deal_list_does_not_filter_by_another_teams_stage(owner_client, deal, other_team):
    foreign = other_team.stages.first()
    response = owner_client.get(reverse("deal-list"), {"stage": foreign.pk})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


@override_settings(PAGE_SIZE=3)
def test_deal_list_paginates_and_keeps_filters_across_pages(owner_client, team, owner):
    DealFactory.create_batch(7, team=team, owner=owner)
    response = owner_client.get(reverse("deal-list"), {"q": "Deal", "page": 2})
    assert len(response.context["deals"]) == 3
    html = response.content.decode()
    assert "Page 2 of 3" in html
    assert "?q=Deal&amp;page=3" in html and "?q=Deal&amp;page=1" in html


def test_outsider_sees_none_of_the_teams_deals_in_the_list(outsider_client, deal):
    response = outsider_client.get(reverse("deal-list"))
    assert response.status_code == 200 and list(response.context["deals"]) == []
    assert deal.title not in response.content.decode()


def test_deal_list_query_count_does_not_grow_with_deals(
    owner_client, team, owner, django_assert_max_num_queries
):
    DealFactory.create_batch(2, team=team, owner=owner)
    few = queries_for(owner_client, reverse("deal-list"))
    DealFactory.create_batch(40, team=team, owner=owner)
    with django_assert_max_num_queries(few):
        assert owner_client.get(reverse("deal-list")).status_code == 200


# ---------- Deal page ----------


def test_deal_page_shows_header_and_timeline(owner_client, deal):
    StageChange.objects.create(deal=deal, to_stage=deal.stage, at=deal.created_at)
    InteractionFactory(deal=deal, summary="Asked about the fee")
    response = owner_client.get(reverse("deal-detail", args=[deal.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert deal.title in html and "$12,000" in html
    assert reverse("prospect-detail", args=[deal.prospect_id]) in html
    assert deal.offering.name in html
    assert "Opened in Lead" in html and "Asked about the fee" in html
    assert reverse("deal-edit", args=[deal.pk]) in html
    assert "Record cancellation" not in html  # only for won deals


def test_deal_page_shows_times_in_the_viewers_time_zone(owner_client, owner, deal):
    owner.membership.time_zone = "Asia/Tokyo"
    owner.membership.save()
    at = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    InteractionFactory(deal=deal, occurred_at=at, summary="Tokyo time")
    html = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert "May 1, 2024 21:00" in html


def test_deal_page_of_a_won_deal_offers_to_record_a_cancellation(owner_client, team, deal):
    Deal.objects.filter(pk=deal.pk).update(stage=team.stages.get(outcome=Outcome.WON))
    html = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert "Record cancellation" in html


def test_deal_page_shows_the_margin_after_discount_below_the_minimum(owner_client, deal):
    # Offering: cost to serve $4,000, minimum margin 25 %. $12,000 less 60 % is $4,800.
    Deal.objects.filter(pk=deal.pk).update(discount_pct=Decimal("60"))
    response = owner_client.get(reverse("deal-detail", args=[deal.pk]))
    html = response.content.decode()
    assert response.context["margin"].margin_pct == Decimal("16.7")
    for text in ["Net after discount", "$4,800", "Margin after discount", "16.7%", "60%"]:
        assert text in html
    assert '<span class="badge badge-warning">Below minimum margin</span>' in html
    assert "Minimum margin" in html and "25%" in html
    assert "needs at least 25%" in html and "Margin OK" not in html


def test_deal_page_without_discount_says_the_margin_is_ok(owner_client, deal):
    html = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    # $12,000 against a $4,000 cost to serve keeps two thirds.
    assert "66.7%" in html and '<span class="badge badge-success">Margin OK</span>' in html
    assert "Net after discount" not in html and "Below minimum margin" not in html


def test_deal_page_of_a_cancelled_won_deal_shows_when_why_and_who(owner_client, owner, team, deal):
    Deal.objects.filter(pk=deal.pk).update(stage=team.stages.get(outcome=Outcome.WON))
    deal.refresh_from_db()
    deal_cancel(deal=deal, actor=owner, cancelled_on=dt.date(2025, 3, 4), reason="Budget cut")
    owner.first_name, owner.last_name = "Olivia", "Ng"
    owner.save()
    html = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert "Cancelled by the customer</strong> on Mar 4, 2025" in html
    assert "Reason: Budget cut" in html and "Recorded by Olivia Ng on" in html
    assert "Record cancellation" not in html  # recorded once


def test_deal_page_query_count_does_not_grow_with_history(
    owner_client, deal, django_assert_max_num_queries
):
    url = reverse("deal-detail", args=[deal.pk])
    InteractionFactory.create_batch(2, deal=deal)
    few = queries_for(owner_client, url)
    InteractionFactory.create_batch(40, deal=deal)
    # Panels may refresh derived rows (a score) on the first view after new activity.
    owner_client.get(url)
    with django_assert_max_num_queries(few):
        assert owner_client.get(url).status_code == 200


# ---------- Create ----------


def test_new_deal_form_preselects_the_prospect_and_the_owner(owner_client, owner, prospect):
    response = owner_client.get(reverse("deal-new"), {"prospect": prospect.pk})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["prospect"] == prospect.pk and form.initial["owner"] == owner.pk


def test_new_deal_form_ignores_a_foreign_prospect_in_the_link(owner_client, other_team):
    foreign = ProspectFactory(team=other_team)
    response = owner_client.get(reverse("deal-new"), {"prospect": foreign.pk})
    assert response.status_code == 200 and "prospect" not in response.context["form"].initial


def test_new_deal_form_offers_only_the_teams_choices(owner_client, other_team, prospect, offering):
    foreign_prospect = ProspectFactory(team=other_team, name="Foreign prospect")
    OfferingFactory(team=other_team, name="Foreign offering")
    html = owner_client.get(reverse("deal-new")).content.decode()
    assert prospect.name in html and offering.name in html
    assert foreign_prospect.name not in html and "Foreign offering" not in html


def test_create_deal(owner_client, team, owner, prospect, offering):
    data = deal_form_data(prospect=prospect.pk, offering=offering.pk, owner=owner.pk)
    response = owner_client.post(reverse("deal-new"), data)
    deal = Deal.objects.get()
    assert response.status_code == 302 and response.url == reverse("deal-detail", args=[deal.pk])
    assert deal.title == "Acme — annual plan" and deal.amount == Decimal("2500")
    assert deal.stage.name == "Lead" and deal.currency == team.currency
    assert deal.expected_close_date == dt.date(2031, 3, 15)


def test_create_deal_in_a_chosen_stage(owner_client, team, owner, prospect, offering):
    proposal = team.stages.get(name="Proposal")
    data = deal_form_data(
        prospect=prospect.pk, offering=offering.pk, owner=owner.pk, stage=proposal.pk
    )
    owner_client.post(reverse("deal-new"), data)
    assert Deal.objects.get().stage == proposal


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"amount": "-5"}, "amount"),
        ({"amount": "lots"}, "amount"),
        ({"discount_pct": "120"}, "discount_pct"),
        ({"title": "x" * 201}, "title"),
        ({"expected_close_date": "2020-02-31"}, "expected_close_date"),
        ({"expected_close_date": "1990-01-01"}, "expected_close_date"),
        ({"stage": "999999"}, "stage"),
        ({"prospect": "999999"}, "prospect"),
        ({"prospect": "not-a-number"}, "prospect"),
        ({"prospect": ""}, "prospect"),
    ],
)
def test_create_deal_rejects_bad_input_and_writes_nothing(
    owner_client, owner, prospect, offering, overrides, field
):
    data = deal_form_data(prospect=prospect.pk, offering=offering.pk, owner=owner.pk)
    data.update(overrides)
    response = owner_client.post(reverse("deal-new"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="field-error"' in response.content.decode()
    assert (
        not Deal.objects.exists()
        and not AuditEntry.objects.filter(object_type="pipeline.deal").exists()
    )


def test_create_deal_refuses_an_inactive_owner(owner_client, teammate, prospect, offering):
    teammate.membership.is_active = False
    teammate.membership.save()
    data = deal_form_data(prospect=prospect.pk, offering=offering.pk, owner=teammate.pk)
    response = owner_client.post(reverse("deal-new"), data)
    assert "owner" in response.context["form"].errors and not Deal.objects.exists()


def test_create_deal_refuses_another_teams_prospect(owner_client, owner, offering, other_team):
    foreign = ProspectFactory(team=other_team)
    data = deal_form_data(prospect=foreign.pk, offering=offering.pk, owner=owner.pk)
    response = owner_client.post(reverse("deal-new"), data)
    assert "prospect" in response.context["form"].errors and not Deal.objects.exists()
