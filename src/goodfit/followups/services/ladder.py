"""Managers edit the ladder: add, change, move and remove rungs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from goodfit.core.audit import audit_created, audit_deleted, audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.followups.models import DelayKind, FollowUp, Ladder, LadderStep
from goodfit.followups.services.config import template_create

STEP_FIELDS = {
    "outcome",
    "delay_kind",
    "delay_amount",
    "at_time",
    "channel",
    "template",
    "sends_pick_link",
}
ACTIVE = (FollowUp.Status.OPEN, FollowUp.Status.SNOOZED)


PLAN_NAMES = {
    Ladder.Kind.PUSH: "Ask for a decision soon",
    Ladder.Kind.NURTURE: "Nurture: let them choose",
}


def _team_ladder(team: Team, kind: str) -> Ladder:
    """The team's plan of that kind (push or nurture), made on the first step added."""
    if kind not in PLAN_NAMES:
        raise ValidationError({"plan": "Pick “push” or “nurture”."})
    ladder = Ladder.objects.filter(team=team, kind=kind).first()
    return ladder or Ladder.objects.create(team=team, kind=kind, name=PLAN_NAMES[kind])


def _apply(
    step: LadderStep, team: Team, actor: Any, fields: dict[str, Any], template_name: str, body: str
) -> None:
    unknown = set(fields) - STEP_FIELDS
    if unknown:
        raise ValidationError({"__all__": f"Unknown step fields: {', '.join(sorted(unknown))}."})
    for name, value in fields.items():
        setattr(step, name, value)
    step.outcome = (step.outcome or "").strip()
    step.channel = step.channel or ""
    if body.strip():
        # A template written with the rung: it is saved (and checked) in the same transaction.
        try:
            name = template_name.strip() or step.outcome
            step.template = template_create(team=team, actor=actor, name=name, body=body)
        except ValidationError as error:
            raise ValidationError(_as_template_fields(error)) from None
    _check(step, team)


def _as_template_fields(error: ValidationError) -> dict[str, Any]:
    """The new template's errors, named after the rung form's template fields."""
    names = {"body": "template_body", "name": "template_name", "__all__": "template_name"}
    return {names.get(k, k): v for k, v in error.message_dict.items()}


def _check(step: LadderStep, team: Team) -> None:
    errors: dict[str, str] = {}
    if step.template is not None and step.template.team_id != team.pk:
        errors["template"] = "Pick one of your team's message templates."
    if step.delay_kind == DelayKind.HOURS and step.at_time is not None:
        errors["at_time"] = "A time of day applies only to “days later” steps; leave it blank."
    if step.delay_amount is not None and step.delay_amount < 1:
        errors["delay_amount"] = "Enter at least 1 (hours or days later)."
    clash = LadderStep.objects.filter(ladder=step.ladder, outcome__iexact=step.outcome)
    if step.outcome and clash.exclude(pk=step.pk).exists():
        errors["outcome"] = f"This plan already has a step “{step.outcome}”; use another name."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def step_create(
    *,
    team: Team,
    actor: Any,
    template_name: str = "",
    template_body: str = "",
    plan: str = Ladder.Kind.PUSH,
    **fields: Any,
) -> LadderStep:
    """Add a step at the bottom of the team's ``plan`` (push or nurture).

    With ``template_body`` a new message template is made for it, named ``template_name``
    (or after the rung).
    """
    ladder = _team_ladder(team, plan)
    last = ladder.steps.aggregate(last=Max("position"))["last"]
    step = LadderStep(ladder=ladder, position=(last or 0) + 1)
    _apply(step, team, actor, fields, template_name, template_body)
    step.full_clean()
    step.save()
    audit_created(team=team, actor=actor, obj=step, fields=STEP_FIELDS | {"position"})
    return step


@transaction.atomic
def step_update(
    *,
    step: LadderStep,
    actor: Any,
    template_name: str = "",
    template_body: str = "",
    **fields: Any,
) -> LadderStep:
    team = step.ladder.team
    before = snapshot(step, STEP_FIELDS)
    _apply(step, team, actor, fields, template_name, template_body)
    step.full_clean()
    step.save()
    audit_updated(team=team, actor=actor, obj=step, before=before)
    return step


@transaction.atomic
def step_move(*, step: LadderStep, actor: Any, direction: str) -> LadderStep:
    """Swap the rung with its neighbour above ("up") or below ("down"); ends stay put."""
    if direction not in ("up", "down"):
        raise ValidationError({"direction": "Move a rung “up” or “down”."})
    siblings = LadderStep.objects.filter(ladder_id=step.ladder_id).select_for_update()
    if direction == "up":
        other = siblings.filter(position__lt=step.position).order_by("-position").first()
    else:
        other = siblings.filter(position__gt=step.position).order_by("position").first()
    if other is None:
        return step
    team = step.ladder.team
    befores = snapshot(step, {"position"}), snapshot(other, {"position"})
    mine, theirs = step.position, other.position
    # Positions are unique per ladder: park this rung past the end while swapping.
    step.position = (siblings.aggregate(last=Max("position"))["last"] or 0) + 1
    step.save(update_fields=["position"])
    other.position = mine
    other.save(update_fields=["position"])
    step.position = theirs
    step.save(update_fields=["position"])
    audit_updated(team=team, actor=actor, obj=step, before=befores[0])
    audit_updated(team=team, actor=actor, obj=other, before=befores[1])
    return step


@transaction.atomic
def step_delete(*, step: LadderStep, actor: Any) -> None:
    """Remove a rung, unless open follow-ups still use it (their "no answer" needs it).

    Closed follow-ups keep their time, channel and message; they only lose the link.
    """
    active = FollowUp.objects.filter(step=step, status__in=ACTIVE).count()
    if active:
        raise ValidationError(
            {
                "step": f"“{step.outcome}” still has {active} open follow-up"
                f"{'s' if active != 1 else ''}. Remove it once they are done, answered or "
                "missed: until then reps need it to move down the ladder."
            }
        )
    team = step.ladder.team
    audit_deleted(team=team, actor=actor, obj=step, fields=STEP_FIELDS | {"position"})
    ladder_id, position = step.ladder_id, step.position
    step.delete()
    # Close the gap, lowest first so each new position is already free.
    later = LadderStep.objects.filter(ladder_id=ladder_id, position__gt=position)
    for row in later.order_by("position"):
        row.position -= 1
        row.save(update_fields=["position"])
