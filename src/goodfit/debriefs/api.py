"""Debriefs, product feedback, coaching, objections, referrals and the close-out linter."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Query, Router, Status

from goodfit.core.access import membership_for, require_manager
from goodfit.core.api import errors
from goodfit.debriefs.access import get_referral_for_user, get_rep_for_coaching
from goodfit.debriefs.models import Debrief
from goodfit.debriefs.pressure import check_pressure
from goodfit.debriefs.schemas import (
    CoachingOut,
    DebriefIn,
    DebriefStateOut,
    FeedbackQuery,
    LintIn,
    LintOut,
    ObjectionIn,
    ObjectionOut,
    ObjectionQuery,
    ProspectReferralOut,
    ReferralIn,
    ReferralUpdate,
    SegmentFeedbackOut,
    SegmentObjectionsOut,
)
from goodfit.debriefs.selectors import (
    coaching,
    objection_summary,
    product_board,
    referrals_list,
    segment_objections,
)
from goodfit.debriefs.services import (
    debrief_complete,
    debrief_save_draft,
    needs_debrief,
    objection_record,
    referral_create,
    referral_delete,
    referral_record,
    referral_update,
)
from goodfit.pipeline.access import get_deal_for_user, get_prospect_for_user

router = Router(tags=["debriefs"])


def _state(deal: Any) -> dict[str, Any]:
    debrief = Debrief.objects.filter(deal=deal).prefetch_related("reasons").first()
    return {"deal_id": deal.pk, "needed": needs_debrief(deal), "debrief": debrief}


@router.get(
    "/deals/{deal_id}/debrief",
    response={200: DebriefStateOut, **errors(404)},
    summary="A deal's debrief",
)
def get_debrief(request: HttpRequest, deal_id: int) -> Any:
    """``debrief`` is null until one is saved; ``needed`` says whether one is owed."""
    return _state(get_deal_for_user(request.user, deal_id))


@router.post(
    "/deals/{deal_id}/debrief",
    response={200: DebriefStateOut, **errors(404)},
    summary="Save or complete a deal's debrief",
)
def save_debrief(request: HttpRequest, deal_id: int, payload: DebriefIn) -> Any:
    """Send the whole debrief each time. ``complete: true`` needs a ``primary_category``
    (and a ``competitor`` when a reason is ``competitor``); a draft needs nothing."""
    deal = get_deal_for_user(request.user, deal_id)
    fields = payload.model_dump()
    service = debrief_complete if fields.pop("complete") else debrief_save_draft
    if fields["segment"] is None:
        fields["segment"] = deal.prospect.segment
    service(deal=deal, actor=request.user, **fields)
    return _state(deal)


@router.get(
    "/feedback/product",
    response={200: list[SegmentFeedbackOut], **errors(403)},
    summary="Product feedback by segment and theme",
)
def product_feedback(request: HttpRequest, query: Query[FeedbackQuery]) -> Any:
    """Managers only. Counts per theme, by month, with the prospects' words."""
    team = require_manager(request.user).team
    return product_board(team, query.segment).segments


@router.get(
    "/coaching/{user_id}",
    response={200: CoachingOut, **errors(403, 404)},
    summary="A rep's loss reasons against the team's",
)
def rep_coaching(request: HttpRequest, user_id: int) -> Any:
    """A manager may read anyone in the team; a rep only their own (403 otherwise)."""
    member = get_rep_for_coaching(request.user, user_id)
    report = coaching(member.team, member.user_id)
    return {
        "user_id": member.user_id,
        "debriefs": report.rep_debriefs,
        "team_debriefs": report.team_debriefs,
        "shares": [{**vars(s), "is_pattern": s.is_pattern} for s in report.shares],
        "patterns": [s.code for s in report.patterns],
    }


@router.get(
    "/objections",
    response={200: list[SegmentObjectionsOut], **errors()},
    summary="What prospects ask about, by segment",
)
def objections(request: HttpRequest, query: Query[ObjectionQuery]) -> Any:
    """With ``segment``, that segment only (``""`` for prospects without one)."""
    team = membership_for(request.user).team
    if query.segment is not None:
        return [
            {"segment": query.segment, "top": segment_objections(team, query.segment, query.limit)}
        ]
    return [{"segment": s, "top": top[: query.limit]} for s, top in objection_summary(team).items()]


@router.post(
    "/deals/{deal_id}/objections",
    response={201: ObjectionOut, **errors(404)},
    summary="Record an objection on a deal",
)
def add_objection(request: HttpRequest, deal_id: int, payload: ObjectionIn) -> Any:
    deal = get_deal_for_user(request.user, deal_id)
    debrief = Debrief.objects.filter(deal=deal).first()
    objection = objection_record(
        deal=deal, actor=request.user, debrief=debrief, **payload.model_dump()
    )
    return Status(201, objection)


def _referrals(request: HttpRequest) -> Any:
    return referrals_list(request.user)


@router.get(
    "/referrals", response={200: list[ProspectReferralOut], **errors()}, summary="Referrals in"
)
def list_referrals(request: HttpRequest) -> Any:
    return _referrals(request)[:500]


@router.post(
    "/referrals", response={201: ProspectReferralOut, **errors()}, summary="Record a referral"
)
def create_referral(request: HttpRequest, payload: ReferralIn) -> Any:
    """An unknown or other team's prospect id is 422 in that field."""
    referrer = _prospect_field(request, "referrer_id", payload.referrer_id)
    if payload.referred_id is not None:
        referred = _prospect_field(request, "referred_id", payload.referred_id)
        row = referral_create(
            referrer=referrer, referred=referred, actor=request.user, note=payload.note
        )
    else:
        if not payload.name:
            raise ValidationError({"name": "Give referred_id, or the new prospect's name."})
        row = referral_record(
            referrer=referrer,
            actor=request.user,
            name=payload.name,
            email=payload.email,
            phone=payload.phone,
            note=payload.note,
        )
    return Status(201, _referrals(request).get(pk=row.pk))


def _prospect_field(request: HttpRequest, field: str, prospect_id: int) -> Any:
    try:
        return get_prospect_for_user(request.user, prospect_id)
    except Http404 as error:  # a reference in a body is a field error, not a 404
        raise ValidationError({field: "No such prospect in your team."}) from error


@router.get(
    "/referrals/{referral_id}",
    response={200: ProspectReferralOut, **errors(404)},
    summary="A referral",
)
def get_referral(request: HttpRequest, referral_id: int) -> Any:
    get_referral_for_user(request.user, referral_id)
    return _referrals(request).get(pk=referral_id)


@router.patch(
    "/referrals/{referral_id}",
    response={200: ProspectReferralOut, **errors(404)},
    summary="Change a referral",
)
def update_referral(request: HttpRequest, referral_id: int, payload: ReferralUpdate) -> Any:
    referral = get_referral_for_user(request.user, referral_id)
    changes = payload.changes()
    deal = None
    if changes.get("deal_id") is not None:
        try:
            deal = get_deal_for_user(request.user, changes["deal_id"])
        except Http404 as error:
            raise ValidationError({"deal_id": "No such deal in your team."}) from error
    referral_update(referral=referral, actor=request.user, note=changes.get("note"), deal=deal)
    return _referrals(request).get(pk=referral_id)


@router.delete(
    "/referrals/{referral_id}", response={204: None, **errors(404)}, summary="Delete a referral"
)
def delete_referral(request: HttpRequest, referral_id: int) -> Any:
    """Removes the link only; the referred prospect and their deals stay."""
    referral_delete(referral=get_referral_for_user(request.user, referral_id), actor=request.user)
    return Status(204, None)


@router.post("/closeout/lint", response={200: LintOut, **errors()}, summary="Check a close-out")
def closeout_lint(request: HttpRequest, payload: LintIn) -> Any:
    """Text in, findings out, with the team's pressure patterns: what rushes, guilts,
    frightens or argues, its family, where (character offsets), why, and a gentler line.
    ``phrase``, ``kind`` and ``rewrite`` repeat ``pattern``, ``family`` and ``suggestion``
    for clients of the first version."""
    findings = check_pressure(payload.text, team=membership_for(request.user).team)
    return {"count": len(findings), "findings": findings}
