from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Offering, Outcome, Stage
from goodfit.pipeline.services import (
    offering_create,
    offering_delete,
    offering_update,
    stage_create,
    stage_delete,
    stage_reorder,
)
from tests.factories import OfferingFactory


def names(team) -> list[str]:
    return list(team.stages.order_by("position", "id").values_list("name", flat=True))


def new_offering(team, actor, **changes):
    fields = {"name": "Audit", "price": Decimal("900"), "cost_to_serve": Decimal("400")}
    return offering_create(team=team, actor=actor, **{**fields, **changes})


def test_offering_create_saves_and_audits(team, manager):
    offering = new_offering(team, manager, min_margin_pct=Decimal("30"))
    assert offering.team == team and offering.min_margin_pct == Decimal("30")
    assert AuditEntry.objects.filter(object_type="pipeline.offering", action="create").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"price": Decimal("-1")}, "price"),
        ({"cost_to_serve": Decimal("-1")}, "cost_to_serve"),
        ({"min_margin_pct": Decimal("100.01")}, "min_margin_pct"),
        ({"name": "n" * 121}, "name"),
    ],
)
def test_offering_create_refuses_bad_values(team, manager, changes, field):
    with pytest.raises(ValidationError) as error:
        new_offering(team, manager, **changes)
    assert field in error.value.message_dict
    assert not Offering.objects.exists()


def test_offering_names_are_unique_per_team_not_across_teams(team, other_team, manager):
    new_offering(team, manager)
    with pytest.raises(ValidationError):
        new_offering(team, manager, name=" audit ")
    assert new_offering(other_team, None).team == other_team


def test_offering_update_refuses_a_name_taken_by_another_offering(team, manager, offering):
    other = OfferingFactory(team=team, name="Other")
    with pytest.raises(ValidationError):
        offering_update(offering=other, actor=manager, name="Debt relief program")
    offering_update(offering=other, actor=manager, name="Other")  # its own name is fine


def test_offering_delete_removes_an_unsold_offering_and_audits(manager, offering):
    offering_delete(offering=offering, actor=manager)
    assert not Offering.objects.exists()
    entry = AuditEntry.objects.get(object_type="pipeline.offering", action="delete")
    assert entry.changes["name"] == ["Debt relief program", None]


def test_offering_delete_keeps_an_offering_with_deals(manager, offering, deal):
    with pytest.raises(ValidationError) as error:
        offering_delete(offering=offering, actor=manager)
    assert "inactive" in error.value.message_dict["offering"][0]
    assert Offering.objects.filter(pk=offering.pk).exists()


def test_stage_create_appends_at_the_end(team, manager):
    stage_create(team=team, actor=manager, name="Qualified", outcome=Outcome.OPEN)
    assert names(team)[-1] == "Qualified"


def test_stage_create_refuses_an_unknown_outcome(team, manager):
    with pytest.raises(ValidationError) as error:
        stage_create(team=team, actor=manager, name="Maybe", outcome="perhaps")
    assert "outcome" in error.value.message_dict


def test_stage_reorder_needs_every_stage_exactly_once(team, manager):
    ids = list(team.stages.order_by("position").values_list("pk", flat=True))
    with pytest.raises(ValidationError):
        stage_reorder(team=team, actor=manager, stage_ids=ids[:-1])
    with pytest.raises(ValidationError):
        stage_reorder(team=team, actor=manager, stage_ids=[*ids[:-1], ids[0]])
    stage_reorder(team=team, actor=manager, stage_ids=list(reversed(ids)))
    assert names(team)[0] == "Walked away"


def test_stage_reorder_refuses_another_teams_stage(team, other_team, manager):
    ids = list(team.stages.values_list("pk", flat=True))
    foreign = other_team.stages.first().pk
    with pytest.raises(ValidationError):
        stage_reorder(team=team, actor=manager, stage_ids=[*ids[:-1], foreign])


def test_stage_delete_refuses_a_stage_with_deals_and_the_last_open_stage(team, manager, deal):
    with pytest.raises(ValidationError):
        stage_delete(stage=deal.stage, actor=manager)
    team.stages.filter(outcome=Outcome.OPEN).exclude(pk=deal.stage.pk).delete()
    deal.delete()
    with pytest.raises(ValidationError) as error:
        stage_delete(stage=team.stages.get(outcome=Outcome.OPEN), actor=manager)
    assert "open stage" in error.value.messages[0]
    assert Stage.objects.filter(team=team, outcome=Outcome.OPEN).exists()
