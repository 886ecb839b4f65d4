"""Follow-ups over the API: schedule on a deal, today's queue, act on one, come-back rates."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status

from goodfit.core.access import membership_for
from goodfit.core.api import errors
from goodfit.followups.access import get_followup_for_user, get_step_for_user
from goodfit.followups.models import FollowUp
from goodfit.followups.schemas import (
    CadenceRefusalOut,
    ComebackRateOut,
    FollowUpCreate,
    FollowUpOut,
    FollowUpUpdate,
)
from goodfit.followups.selectors import team_comeback_rates, today_queue
from goodfit.followups.services import (
    CadenceRefused,
    call_end_no_decision,
    followup_done,
    followup_no_answer,
    followup_reschedule,
    followup_schedule,
    followup_snooze,
)
from goodfit.pipeline.access import get_deal_for_user

router = Router(tags=["followups"])


def followup_json(followup: FollowUp) -> dict[str, Any]:
    zone = followup.deal.prospect.time_zone
    return {
        "id": followup.pk,
        "deal_id": followup.deal_id,
        "step_id": followup.step_id,
        "step": followup.step.outcome if followup.step else None,
        "due_at": followup.due_at,
        "due_local": followup.due_at.astimezone(ZoneInfo(zone)).isoformat(),
        "prospect_time_zone": zone,
        "channel": followup.channel,
        "message": followup.message,
        "status": followup.status,
        "origin": followup.origin,
        "completed_at": followup.completed_at,
    }


def _refusal(refused: CadenceRefused) -> Status:
    verdict = refused.verdict
    body = {
        "detail": [{"field": "due_at", "message": refused.text}],
        "reasons": [r.code for r in verdict.refusals],
        "next_allowed": verdict.next_allowed,
    }
    return Status(422, body)


@router.post(
    "/deals/{deal_id}/followups",
    response={201: FollowUpOut, **errors(404), 422: CadenceRefusalOut},
    summary="Schedule a follow-up",
)
def create_followup(request: HttpRequest, deal_id: int, payload: FollowUpCreate) -> Any:
    """At a rung's time (in the prospect's zone and hours) or at ``due_at``. A refusal
    (422) names the reasons and the next allowed time."""
    deal = get_deal_for_user(request.user, deal_id)
    step = get_step_for_user(request.user, payload.step_id) if payload.step_id else None
    try:
        if payload.no_decision:
            followup = call_end_no_decision(
                deal=deal,
                actor=request.user,
                step=step,
                due_at=payload.due_at,
                summary=payload.summary,
                site=request.build_absolute_uri("/"),
            )
        else:
            followup = followup_schedule(
                deal=deal,
                actor=request.user,
                step=step,
                due_at=payload.due_at,
                channel=payload.channel or "",
            )
    except CadenceRefused as refused:
        return _refusal(refused)
    return Status(201, followup_json(followup))


@router.get(
    "/followups/today",
    response={200: list[FollowUpOut], **errors()},
    summary="My follow-ups due today",
)
def list_today(request: HttpRequest) -> Any:
    """Due by the end of the caller's day (overdue included), in time order."""
    membership_for(request.user)
    return [followup_json(f) for f in today_queue(request.user)]


@router.patch(
    "/followups/{followup_id}",
    response={200: FollowUpOut, **errors(404), 422: CadenceRefusalOut},
    summary="Done, snooze, reschedule or no answer",
)
def update_followup(request: HttpRequest, followup_id: int, payload: FollowUpUpdate) -> Any:
    """``no_answer`` answers with the next rung's follow-up when one was scheduled."""
    followup = get_followup_for_user(request.user, followup_id)
    user = request.user
    try:
        if payload.action == "done":
            followup = followup_done(followup=followup, actor=user, summary=payload.summary)
        elif payload.action == "snooze":
            if payload.minutes is None:
                raise ValidationError({"minutes": "Say how many minutes to snooze (5–10080)."})
            followup = followup_snooze(followup=followup, actor=user, minutes=payload.minutes)
        elif payload.action == "reschedule":
            if payload.due_at is None:
                raise ValidationError({"due_at": "Give the new time (ISO 8601 with an offset)."})
            followup = followup_reschedule(followup=followup, actor=user, due_at=payload.due_at)
        else:
            followup = followup_no_answer(followup=followup, actor=user) or followup
    except CadenceRefused as refused:
        return _refusal(refused)
    return followup_json(followup)


@router.get(
    "/sources/come-back-rates",
    response={200: list[ComebackRateOut], **errors()},
    summary="Come-back rate per lead source",
)
def comeback_rates(request: HttpRequest) -> Any:
    """Share of each source's stalled deals that re-engaged or were won, with the
    sample size and the push-or-nurture advice at the team's threshold."""
    team = membership_for(request.user).team
    return [
        {
            "source": r.source,
            "sample": r.sample,
            "came_back": r.came_back,
            "rate": r.rate,
            "advice": r.advice,
            "sentence": r.sentence(),
        }
        for r in team_comeback_rates(team)
    ]
