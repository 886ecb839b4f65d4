"""The deal forms: choices limited to the viewer's team, filters that never crash."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone

from goodfit.core.templatetags.core_ui import money, person
from goodfit.pipeline.forms.activity import InteractionForm
from goodfit.pipeline.forms.deals import (
    BoardFilterForm,
    DealCreateForm,
    DealEditForm,
    DealFilterForm,
    MoveForm,
)
from goodfit.pipeline.selectors.deals import DealFilters
from goodfit.pipeline.templatetags.pipeline_ui import stage_badge
from tests.factories import OfferingFactory, ProspectFactory, UserFactory

NO_CHOICES = {"segments": [], "sources": []}


def test_filter_form_turns_valid_values_into_deal_filters(owner, team):
    lead = team.stages.get(name="Lead")
    form = DealFilterForm(
        {"stage": lead.pk, "owner": owner.pk, "outcome": "open", "q": "  acme "},
        user=owner,
        choices=NO_CHOICES,
    )
    assert form.filters() == DealFilters(stage=lead.pk, owner=owner.pk, outcome="open", q="acme")


def test_filter_form_drops_invalid_values_and_keeps_the_rest(owner):
    form = DealFilterForm(
        {"stage": "abc", "outcome": "maybe", "q": "acme"}, user=owner, choices=NO_CHOICES
    )
    assert form.filters() == DealFilters(q="acme")
    assert set(form.errors) == {"stage", "outcome"}


def test_filter_form_refuses_another_teams_stage_and_owner(owner, other_team, outsider):
    form = DealFilterForm(
        {"stage": other_team.stages.first().pk, "owner": outsider.pk},
        user=owner,
        choices=NO_CHOICES,
    )
    assert form.filters() == DealFilters()


def test_board_filter_form_offers_the_teams_segments_and_sources(owner):
    form = BoardFilterForm(
        {"segment": "SMB", "source": "fax"},
        user=owner,
        choices={"segments": ["SMB"], "sources": ["web form"]},
    )
    assert form.filters() == DealFilters(segment="SMB")


def test_deal_form_choices_are_limited_to_the_users_team(owner, team, other_team, offering):
    mine = ProspectFactory(team=team)
    ProspectFactory(team=other_team)
    OfferingFactory(team=other_team)
    OfferingFactory(team=team, is_active=False, name="Retired")
    form = DealCreateForm(user=owner)
    assert list(form.fields["prospect"].queryset) == [mine]
    assert list(form.fields["offering"].queryset) == [offering]
    assert set(form.fields["stage"].queryset) == set(team.stages.all())


def test_deal_form_owner_choices_are_active_team_members(owner, teammate, team, outsider):
    teammate.membership.is_active = False
    teammate.membership.save()
    owners = DealCreateForm(user=owner).fields["owner"].queryset
    assert list(owners) == [owner]


def test_deal_edit_form_has_no_stage_and_keeps_the_current_retired_offering(owner, deal):
    deal.offering.is_active = False
    deal.offering.save()
    form = DealEditForm(user=owner, offering=deal.offering)
    assert "stage" not in form.fields and "version" in form.fields
    assert deal.offering in form.fields["offering"].queryset


def test_deal_form_validates_amount_and_discount(owner, prospect, offering):
    data = {
        "title": "T",
        "prospect": prospect.pk,
        "offering": offering.pk,
        "owner": owner.pk,
        "amount": "-1",
        "discount_pct": "101",
    }
    form = DealCreateForm(data, user=owner)
    assert not form.is_valid()
    assert set(form.errors) == {"amount", "discount_pct"}
    data.update(amount="10.5", discount_pct="10")
    form = DealCreateForm(data, user=owner)
    assert form.is_valid(), form.errors
    assert form.deal_fields()["amount"] == Decimal("10.5")


def test_move_form_accepts_only_the_teams_stages(owner, team, other_team):
    assert MoveForm({"stage": team.stages.first().pk}, user=owner).is_valid()
    form = MoveForm({"stage": other_team.stages.first().pk}, user=owner)
    assert not form.is_valid() and "Pick one of your team's stages." in form.errors["stage"]


def test_interaction_form_reads_local_time_in_the_active_zone(owner):
    with timezone.override(zoneinfo.ZoneInfo("Europe/Lisbon")):
        form = InteractionForm(
            {"direction": "in", "channel": "email", "occurred_at": "2024-07-01T10:30"}
        )
        assert form.is_valid(), form.errors
    assert form.cleaned_data["occurred_at"] == dt.datetime(2024, 7, 1, 9, 30, tzinfo=dt.UTC)


def test_money_formats_known_and_unknown_currencies():
    assert money(Decimal("12000"), "USD") == "$12,000"
    assert money(Decimal("1234.5"), "EUR") == "€1,234.50"
    assert money(Decimal("-5"), "GBP") == "-£5"
    assert money(Decimal("900"), "CHF") == "900 CHF"
    assert money(None, "USD") == "—"


def test_stage_badge_says_the_stage_name_with_the_outcome_colour(team):
    won = team.stages.get(name="Won")
    badge = render_to_string("includes/badge.html", {"badge": stage_badge(won)})
    assert badge == '<span class="badge badge-won">Won</span>'


def test_person_prefers_the_full_name():
    assert person(UserFactory.build(username="olivia", first_name="Olivia", last_name="Ng")) == (
        "Olivia Ng"
    )
    assert person(UserFactory.build(username="tom", first_name="")) == "tom"
    assert person(None) == "—"
