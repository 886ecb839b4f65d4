from decimal import Decimal

import pytest
from django.urls import reverse

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Offering, Outcome, Stage
from goodfit.pipeline.views.config import swapped
from tests.factories import OfferingFactory

OFFERING = {
    "name": "Payroll software",
    "description": "Seats and onboarding",
    "price": "1200.00",
    "cost_to_serve": "300",
    "min_margin_pct": "40",
    "is_active": "on",
}


def stage_names(team) -> list[str]:
    return list(team.stages.order_by("position", "id").values_list("name", flat=True))


# Pure helpers


def test_swapped_moves_an_id_one_place_and_stops_at_the_ends():
    assert swapped([1, 2, 3], 2, -1) == [2, 1, 3]
    assert swapped([1, 2, 3], 2, 1) == [1, 3, 2]
    assert swapped([1, 2, 3], 1, -1) == [1, 2, 3]
    assert swapped([1, 2, 3], 3, 1) == [1, 2, 3]


# Offerings


def test_offering_list_shows_prices_and_list_margin(manager_client, team):
    OfferingFactory(team=team, name="Cheap plan", price=Decimal("100"), cost_to_serve=Decimal("90"))
    response = manager_client.get(reverse("settings-offerings"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Cheap plan" in body and "10%" in body and "Below minimum margin" in body


def test_offering_list_margin_follows_the_pipeline_rules(manager_client, team):
    # 2/3 of the price kept: 66.67 %, rounded half up to one decimal as everywhere else.
    OfferingFactory(team=team, name="Thirds", price=Decimal("3"), cost_to_serve=Decimal("1"))
    OfferingFactory(team=team, name="Free sample", price=Decimal("0"), cost_to_serve=Decimal("5"))
    response = manager_client.get(reverse("settings-offerings"))
    margins = {o.name: o.margin for o in response.context["offerings"]}
    assert margins["Thirds"].margin_pct == Decimal("66.7") and not margins["Thirds"].below_floor
    # Nothing charged cannot pay for the cost to serve.
    assert margins["Free sample"].margin_pct is None and margins["Free sample"].below_floor


def test_offering_list_hides_other_teams_offerings(manager_client, other_team):
    OfferingFactory(team=other_team, name="Foreign plan")
    assert "Foreign plan" not in manager_client.get(reverse("settings-offerings")).content.decode()


def test_manager_adds_an_offering(manager_client, team):
    response = manager_client.post(reverse("settings-offering-new"), OFFERING)
    assert response.status_code == 302
    offering = Offering.objects.get(name="Payroll software")
    assert offering.team == team and offering.price == Decimal("1200")
    assert offering.min_margin_pct == Decimal("40") and offering.is_active


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"price": "-1"}, "price"),
        ({"price": "abc"}, "price"),
        ({"price": "1.234"}, "price"),
        ({"cost_to_serve": "-0.01"}, "cost_to_serve"),
        ({"min_margin_pct": "101"}, "min_margin_pct"),
        ({"min_margin_pct": "-5"}, "min_margin_pct"),
        ({"name": ""}, "name"),
        ({"name": "n" * 121}, "name"),
        ({"description": "d" * 2001}, "description"),
    ],
)
def test_offering_form_rejects_bad_input_and_writes_nothing(manager_client, changes, field):
    response = manager_client.post(reverse("settings-offering-new"), {**OFFERING, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Offering.objects.exists()


def test_offering_names_are_unique_in_a_team_whatever_the_case(manager_client, offering):
    response = manager_client.post(
        reverse("settings-offering-new"), {**OFFERING, "name": "DEBT RELIEF PROGRAM"}
    )
    assert "already used" in response.context["form"].errors["name"][0]
    assert Offering.objects.count() == 1


def test_manager_edits_an_offering(manager_client, offering):
    url = reverse("settings-offering-edit", args=[offering.pk])
    assert manager_client.get(url).context["form"]["name"].value() == "Debt relief program"
    response = manager_client.post(url, {**OFFERING, "name": "Debt relief", "is_active": ""})
    offering.refresh_from_db()
    assert response.status_code == 302
    assert offering.name == "Debt relief" and not offering.is_active


def test_editing_an_offering_to_a_taken_name_changes_nothing(manager_client, team, offering):
    OfferingFactory(team=team, name="Taken")
    url = reverse("settings-offering-edit", args=[offering.pk])
    response = manager_client.post(url, {**OFFERING, "name": "Taken", "price": "5"})
    offering.refresh_from_db()
    assert "name" in response.context["form"].errors
    assert offering.name == "Debt relief program" and offering.price == Decimal("10000")
    assert "Edit “Debt relief program”" in response.content.decode()


def test_an_unsold_offering_can_be_deleted(manager_client, offering):
    response = manager_client.post(reverse("settings-offering-delete", args=[offering.pk]))
    assert response.status_code == 302
    assert not Offering.objects.exists()
    assert AuditEntry.objects.filter(object_type="pipeline.offering", action="delete").exists()


def test_an_offering_with_deals_is_kept_and_the_reason_shown(manager_client, offering, deal):
    url = reverse("settings-offering-delete", args=[offering.pk])
    response = manager_client.post(url, follow=True)
    assert Offering.objects.filter(pk=offering.pk).exists()
    assert "mark it inactive instead" in response.content.decode()


# Stages


def test_stage_list_shows_stages_in_order_with_outcomes(manager_client, team):
    response = manager_client.get(reverse("settings-stages"))
    body = response.content.decode()
    assert [s.name for s in response.context["stages"]] == stage_names(team)
    assert 'class="badge badge-walked_away"' in body


def test_manager_adds_a_stage_at_the_end(manager_client, team):
    data = {"name": "Qualified", "outcome": Outcome.OPEN}
    response = manager_client.post(reverse("settings-stage-new"), data)
    assert response.status_code == 302
    assert stage_names(team)[-1] == "Qualified"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": "", "outcome": "open"}, "name"),
        ({"name": "x" * 61, "outcome": "open"}, "name"),
        ({"name": "Fine", "outcome": "maybe"}, "outcome"),
        ({"name": "discovery", "outcome": "open"}, "name"),
    ],
)
def test_stage_form_rejects_bad_input_and_writes_nothing(manager_client, team, data, field):
    before = stage_names(team)
    response = manager_client.post(reverse("settings-stage-new"), data)
    assert field in response.context["form"].errors
    assert stage_names(team) == before


def test_manager_renames_a_stage_and_changes_its_outcome(manager_client, team):
    stage = team.stages.get(name="Negotiation")
    url = reverse("settings-stage-edit", args=[stage.pk])
    response = manager_client.post(url, {"name": "Terms", "outcome": Outcome.WALKED_AWAY})
    stage.refresh_from_db()
    assert response.status_code == 302
    assert (stage.name, stage.outcome) == ("Terms", Outcome.WALKED_AWAY)


def test_the_last_open_stage_cannot_be_closed(manager_client, team):
    team.stages.filter(outcome=Outcome.OPEN).exclude(name="Lead").delete()
    lead = team.stages.get(name="Lead")
    url = reverse("settings-stage-edit", args=[lead.pk])
    response = manager_client.post(url, {"name": "Lead", "outcome": Outcome.WON})
    assert "at least one open stage" in response.context["form"].errors["outcome"][0]
    lead.refresh_from_db()
    assert lead.outcome == Outcome.OPEN


def test_moving_a_stage_up_and_down_swaps_it_with_its_neighbour(manager_client, team):
    proposal = team.stages.get(name="Proposal")
    url = reverse("settings-stage-move", args=[proposal.pk])
    response = manager_client.post(url, {"direction": "up"})
    assert response.status_code == 302
    assert stage_names(team)[:4] == ["Lead", "Proposal", "Discovery", "Negotiation"]
    manager_client.post(url, {"direction": "down"})
    manager_client.post(url, {"direction": "down"})
    assert stage_names(team)[:4] == ["Lead", "Discovery", "Negotiation", "Proposal"]


def test_moving_the_first_stage_up_changes_nothing(manager_client, team):
    before = stage_names(team)
    manager_client.post(
        reverse("settings-stage-move", args=[team.stages.get(name="Lead").pk]), {"direction": "up"}
    )
    assert stage_names(team) == before


def test_a_move_without_a_direction_is_refused_with_a_message(manager_client, team):
    before = stage_names(team)
    url = reverse("settings-stage-move", args=[team.stages.first().pk])
    response = manager_client.post(url, {"direction": "sideways"}, follow=True)
    assert "up or down" in response.content.decode()
    assert stage_names(team) == before


def test_moving_a_stage_needs_a_post(manager_client, team):
    url = reverse("settings-stage-move", args=[team.stages.first().pk])
    assert manager_client.get(url).status_code == 405


def test_an_empty_stage_can_be_deleted(manager_client, team):
    stage = team.stages.get(name="Walked away")
    response = manager_client.post(reverse("settings-stage-delete", args=[stage.pk]))
    assert response.status_code == 302
    assert not Stage.objects.filter(pk=stage.pk).exists()


def test_a_stage_holding_deals_is_kept_and_the_reason_shown(manager_client, deal):
    url = reverse("settings-stage-delete", args=[deal.stage.pk])
    response = manager_client.post(url, follow=True)
    assert Stage.objects.filter(pk=deal.stage.pk).exists()
    assert "still holds deals" in response.content.decode()


# Who may see what

MANAGER_PAGES = [
    "settings-offerings",
    "settings-offering-new",
    "settings-stages",
    "settings-stage-new",
]


@pytest.mark.parametrize("name", MANAGER_PAGES)
def test_a_rep_gets_403_on_the_settings_pages(owner_client, name):
    assert owner_client.get(reverse(name)).status_code == 403
    assert owner_client.post(reverse(name), OFFERING).status_code in (403, 405)


def test_a_rep_cannot_add_an_offering_or_a_stage(owner_client, team):
    assert owner_client.post(reverse("settings-offering-new"), OFFERING).status_code == 403
    data = {"name": "Sneaky", "outcome": "open"}
    assert owner_client.post(reverse("settings-stage-new"), data).status_code == 403
    assert not Offering.objects.exists() and not team.stages.filter(name="Sneaky").exists()


def test_a_rep_gets_403_on_an_offering_or_stage_of_their_team(owner_client, team, offering):
    stage = team.stages.first()
    assert (
        owner_client.get(reverse("settings-offering-edit", args=[offering.pk])).status_code == 403
    )
    assert owner_client.post(reverse("settings-stage-delete", args=[stage.pk])).status_code == 403
    assert Stage.objects.filter(pk=stage.pk).exists()


def test_outsider_gets_404_for_another_teams_offering(outsider_client, offering):
    edit = reverse("settings-offering-edit", args=[offering.pk])
    assert outsider_client.get(edit).status_code == 404
    assert outsider_client.post(edit, OFFERING).status_code == 404
    delete = reverse("settings-offering-delete", args=[offering.pk])
    assert outsider_client.post(delete).status_code == 404
    offering.refresh_from_db()
    assert offering.name == "Debt relief program"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("settings-stage-edit", {"name": "Hijacked", "outcome": "open"}),
        ("settings-stage-move", {"direction": "down"}),
        ("settings-stage-delete", {}),
    ],
)
def test_outsider_gets_404_for_another_teams_stage(outsider_client, team, name, data):
    stage = team.stages.get(name="Walked away")
    before = stage_names(team)
    url = reverse(name, args=[stage.pk])
    if name == "settings-stage-edit":
        assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, data).status_code == 404
    assert stage_names(team) == before


def test_the_edit_page_offers_delete_only_for_an_unsold_offering(manager_client, team, deal):
    sold = reverse("settings-offering-edit", args=[deal.offering.pk])
    unsold = reverse("settings-offering-edit", args=[OfferingFactory(team=team).pk])
    assert "Delete offering" not in manager_client.get(sold).content.decode()
    assert "Delete offering" in manager_client.get(unsold).content.decode()
