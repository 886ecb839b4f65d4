"""Team configuration: offerings and pipeline stages (managers only; checked by callers)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from goodfit.core.audit import audit_created, audit_deleted, audit_updated, snapshot
from goodfit.core.extensions import DealEvent, notify_deal
from goodfit.core.models import Team
from goodfit.core.writes import apply_fields
from goodfit.pipeline.models import Offering, Outcome, Stage

OFFERING_FIELDS = {"name", "description", "price", "cost_to_serve", "min_margin_pct", "is_active"}
STAGE_FIELDS = {"name", "outcome"}
# The offering's part of every deal's terms: what it costs to serve and the margin floor.
# (Its price is only the default amount of a new deal; a deal's terms keep their own.)
DEAL_TERM_FIELDS = {"cost_to_serve", "min_margin_pct"}

DEFAULT_STAGES = [
    ("Lead", Outcome.OPEN),
    ("Discovery", Outcome.OPEN),
    ("Proposal", Outcome.OPEN),
    ("Negotiation", Outcome.OPEN),
    ("Won", Outcome.WON),
    ("Lost", Outcome.LOST),
    ("Not a fit", Outcome.NOT_A_FIT),
    ("Walked away", Outcome.WALKED_AWAY),
]


def _unique_name(model: type[Any], team: Team, name: str, exclude_pk: int | None) -> None:
    clash = model.objects.filter(team=team, name__iexact=name.strip())
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError({"name": f"“{name}” is already used in your team; pick another."})


@transaction.atomic
def offering_create(*, team: Team, actor: Any, **fields: Any) -> Offering:
    offering = Offering(team=team)
    apply_fields(offering, fields, OFFERING_FIELDS)
    _unique_name(Offering, team, offering.name, None)
    offering.full_clean()
    offering.save()
    audit_created(team=team, actor=actor, obj=offering, fields=OFFERING_FIELDS)
    return offering


@transaction.atomic
def offering_update(*, offering: Offering, actor: Any, **fields: Any) -> Offering:
    before = snapshot(offering, OFFERING_FIELDS)
    apply_fields(offering, fields, OFFERING_FIELDS)
    _unique_name(Offering, offering.team, offering.name, offering.pk)
    offering.full_clean()
    offering.save()
    audit_updated(team=offering.team, actor=actor, obj=offering, before=before)
    if snapshot(offering, DEAL_TERM_FIELDS) != {n: before[n] for n in DEAL_TERM_FIELDS}:
        _terms_changed(offering, actor)
    return offering


def _terms_changed(offering: Offering, actor: Any) -> None:
    """Tell every capability that each open deal on ``offering`` has new terms, inside
    this transaction, so what they keep from those terms (the worth score) stays current."""
    deals = offering.deals.filter(stage__outcome=Outcome.OPEN).select_related(
        "offering", "team", "stage"
    )
    for deal in deals.order_by("pk"):
        notify_deal(DealEvent("updated", deal, actor))


@transaction.atomic
def offering_delete(*, offering: Offering, actor: Any) -> None:
    """Delete an offering that was never sold; one with deals keeps its history."""
    if offering.deals.exists():
        raise ValidationError(
            {
                "offering": f"“{offering.name}” has deals; mark it inactive instead so "
                "their history stays."
            }
        )
    audit_deleted(team=offering.team, actor=actor, obj=offering, fields=OFFERING_FIELDS)
    offering.delete()


@transaction.atomic
def stage_create(*, team: Team, actor: Any, name: str, outcome: str) -> Stage:
    last = team.stages.aggregate(last=Max("position"))["last"]
    stage = Stage(team=team, name=name, outcome=outcome, position=(last or 0) + 1)
    _unique_name(Stage, team, name, None)
    stage.full_clean()
    stage.save()
    audit_created(team=team, actor=actor, obj=stage, fields={"name", "outcome", "position"})
    return stage


@transaction.atomic
def stages_create_default(*, team: Team, actor: Any = None) -> list[Stage]:
    return [stage_create(team=team, actor=actor, name=n, outcome=o) for n, o in DEFAULT_STAGES]


def _check_keeps_open_stage(stage: Stage, new_outcome: str | None) -> None:
    """A pipeline without any open stage could not take new deals."""
    others_open = stage.team.stages.exclude(pk=stage.pk).filter(outcome=Outcome.OPEN).exists()
    if stage.outcome == Outcome.OPEN and new_outcome != Outcome.OPEN and not others_open:
        raise ValidationError({"outcome": "Keep at least one open stage in the pipeline."})


@transaction.atomic
def stage_update(*, stage: Stage, actor: Any, **fields: Any) -> Stage:
    before = snapshot(stage, STAGE_FIELDS)
    _check_keeps_open_stage(stage, fields.get("outcome", stage.outcome))
    apply_fields(stage, fields, STAGE_FIELDS)
    _unique_name(Stage, stage.team, stage.name, stage.pk)
    stage.full_clean()
    stage.save()
    audit_updated(team=stage.team, actor=actor, obj=stage, before=before)
    return stage


@transaction.atomic
def stage_reorder(*, team: Team, actor: Any, stage_ids: list[int]) -> list[Stage]:
    """Set the order of all the team's stages; ``stage_ids`` must name each exactly once."""
    stages = {s.pk: s for s in team.stages.all()}
    if sorted(stage_ids) != sorted(stages):
        raise ValidationError({"stage_ids": "List every stage of your team exactly once."})
    for position, pk in enumerate(stage_ids, start=1):
        stage = stages[pk]
        if stage.position != position:
            before = snapshot(stage, {"position"})
            stage.position = position
            stage.save(update_fields=["position"])
            audit_updated(team=team, actor=actor, obj=stage, before=before)
    return [stages[pk] for pk in stage_ids]


@transaction.atomic
def stage_delete(*, stage: Stage, actor: Any) -> None:
    if stage.deals.exists():
        raise ValidationError(
            {"stage": f"“{stage.name}” still holds deals; move them to another stage first."}
        )
    _check_keeps_open_stage(stage, None)
    audit_deleted(team=stage.team, actor=actor, obj=stage, fields=STAGE_FIELDS)
    stage.delete()
