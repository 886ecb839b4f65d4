"""One access helper per follow-ups entity: the object, or 404 for anyone outside."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from goodfit.core.access import get_or_404, membership_for, require_manager
from goodfit.followups.models import FollowUp, LadderStep, MessageTemplate
from goodfit.pipeline.access import deals_visible_to


def followups_visible_to(user: Any) -> QuerySet[FollowUp]:
    return FollowUp.objects.filter(deal__in=deals_visible_to(user))


def get_followup_for_user(user: Any, followup_id: Any) -> FollowUp:
    followups = followups_visible_to(user).select_related(
        "deal__prospect", "deal__team", "deal__offering", "deal__stage", "step__ladder"
    )
    return get_or_404(followups, followup_id)


def steps_visible_to(user: Any) -> QuerySet[LadderStep]:
    team_id = membership_for(user).team_id
    return LadderStep.objects.filter(ladder__team_id=team_id).select_related("ladder", "template")


def get_step_for_user(user: Any, step_id: Any) -> LadderStep:
    return get_or_404(steps_visible_to(user), step_id)


def get_step_for_manager(user: Any, step_id: Any) -> LadderStep:
    """A rung to edit: reps get 403 (settings are for managers), other teams 404."""
    require_manager(user)
    return get_or_404(steps_visible_to(user), step_id)


def get_template_for_manager(user: Any, template_id: Any) -> MessageTemplate:
    team_id = require_manager(user).team_id
    return get_or_404(MessageTemplate.objects.filter(team_id=team_id), template_id)
