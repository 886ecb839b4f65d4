"""Scheduling follow-ups and everything that happens to one (done, snooze, no answer …)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import audit_created
from goodfit.followups.adapters import (
    cadence_for,
    message_values,
    prospect_hours,
    rung_for,
    touches_for,
    user_hours,
    user_zone,
)
from goodfit.followups.domain.cadence import CadenceCheck, CadencePolicy, cadence_check
from goodfit.followups.domain.sandbox import TemplateError, render
from goodfit.followups.domain.timing import next_in_hours, propose
from goodfit.followups.models import FollowUp, FollowUpEvent, LadderStep, NoDecision
from goodfit.followups.services.tokens import pick_link_create, pick_link_url
from goodfit.pipeline.models import Channel, Deal, Interaction
from goodfit.pipeline.services import interaction_log

FOLLOWUP_FIELDS = {"deal", "assignee", "step", "due_at", "channel", "status", "origin"}
# An open follow-up this long past due counts as missed; the deal offers the next rung.
MISSED_AFTER = dt.timedelta(hours=24)
Status = FollowUp.Status
Kind = FollowUpEvent.Kind


class CadenceRefused(ValidationError):
    """A time the cadence guard refused; ``verdict`` says why and when instead (the next
    allowed time written on the prospect's clock and the rep's, never in UTC)."""

    def __init__(self, verdict: CadenceCheck, deal: Deal) -> None:
        zone = deal.prospect.time_zone
        self.text = verdict.explain(zone, user_zone(deal.owner, zone))
        super().__init__({"due_at": self.text})
        self.verdict = verdict


def _guard(
    deal: Deal, when: dt.datetime, now: dt.datetime, exclude: FollowUp | None
) -> CadenceCheck:
    cadence = cadence_for(deal.team)
    return cadence_check(
        when=when,
        now=now,
        hours=prospect_hours(deal.prospect, deal.team),
        touches=touches_for(deal.prospect, exclude=exclude),
        policy=CadencePolicy(cadence.max_touches, cadence.window),
        do_not_contact=deal.prospect.do_not_contact,
        who=deal.prospect.name,
    )


def render_message(
    deal: Deal,
    *,
    step: LadderStep | None,
    rep: Any,
    due_at: dt.datetime | None,
    pick_link: str = "",
    channel: str = "",
) -> str:
    if step is None or step.template is None:
        return ""
    channel = channel or step.channel or deal.prospect.preferred_channel
    values = message_values(deal, rep=rep, due_at=due_at, pick_link=pick_link, channel=channel)
    try:
        return render(step.template.body, values)
    except TemplateError as error:
        # Templates are checked when saved; one that fails now names the template to fix.
        raise ValidationError(
            {"step": f"The template “{step.template.name}” cannot be used: {error}"}
        ) from None


def _event(
    followup: FollowUp,
    kind: str,
    *,
    by: Any,
    at: dt.datetime,
    from_due: dt.datetime | None = None,
    note: str = "",
) -> None:
    FollowUpEvent.objects.create(
        followup=followup,
        kind=kind,
        at=at,
        by=by if getattr(by, "pk", None) else None,
        from_due=from_due,
        to_due=followup.due_at,
        note=note[:300],
    )


def _agreed_note(deal: Deal, when: dt.datetime, note: str) -> str:
    """The rep's note, prefixed with why a time outside the prospect's hours is fine."""
    text = note.strip()
    if not prospect_hours(deal.prospect, deal.team).contains(when):
        prefix = "Agreed with the prospect outside their usual hours"
        text = f"{prefix}: {text}" if text else f"{prefix}."
    if len(text) > 300:
        raise ValidationError({"note": f"Keep the note to 300 characters (it has {len(text)})."})
    return text


@transaction.atomic
def followup_schedule(
    *,
    deal: Deal,
    actor: Any,
    step: LadderStep | None = None,
    due_at: dt.datetime | None = None,
    channel: str = "",
    now: dt.datetime | None = None,
    origin: str = FollowUp.Origin.REP,
    adjust: bool = False,
    pick_link: str = "",
    enforce_cadence: bool = True,
    agreed: bool = False,
    note: str = "",
) -> FollowUp:
    """Schedule a follow-up on ``deal`` at ``due_at``, or at the time ``step`` chooses.

    A rung's time lies inside the prospect's hours and days and, when they overlap that
    day, the rep's working hours too. Refused (``CadenceRefused``) when the cadence guard
    says no, unless ``adjust`` lets it move to the next allowed time.
    ``enforce_cadence=False`` is for times the prospect picked and ``agreed=True`` for a
    time the prospect agreed to on the call (even outside their hours; ``note`` says
    so): only do-not-contact and times in the past still refuse.
    """
    now = now or timezone.now()
    if step is None and due_at is None:
        raise ValidationError({"step": "Pick a rung of the ladder or give a time."})
    if deal.stage.is_closed:
        raise ValidationError({"deal": "This deal is closed; reopen it to schedule follow-ups."})
    if step is not None and step.ladder.team_id != deal.team_id:
        raise ValidationError({"step": "That rung belongs to another team's ladder."})
    if agreed and due_at is None:
        raise ValidationError({"due_at": "Give the time they agreed to."})
    if step is not None and due_at is None:
        hours = prospect_hours(deal.prospect, deal.team)
        when = propose(now, rung_for(step), hours, user_hours(deal.owner)).when
    else:
        when = due_at  # type: ignore[assignment]
    verdict = _guard(deal, when, now, None)
    if (agreed or not enforce_cadence) and not deal.prospect.do_not_contact:
        # The prospect asked for this touch (picked it, or agreed to it on the call).
        if when < now - dt.timedelta(minutes=1):
            raise ValidationError({"due_at": "That time has already passed."})
        verdict = CadenceCheck(True, (), when)
    if not verdict.allowed:
        if not (adjust and verdict.next_allowed):
            raise CadenceRefused(verdict, deal)
        when = verdict.next_allowed
    assignee = deal.owner
    channel = channel or (step.channel if step else "") or deal.prospect.preferred_channel
    followup = FollowUp(
        deal=deal,
        assignee=assignee,
        step=step,
        due_at=when,
        channel=channel,
        message=render_message(
            deal, step=step, rep=assignee, due_at=when, pick_link=pick_link, channel=channel
        ),
        status=Status.OPEN,
        origin=origin,
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=now,
        note=_agreed_note(deal, when, note) if agreed else note.strip(),
    )
    followup.full_clean()
    followup.save()
    _event(followup, Kind.SCHEDULED, by=actor, at=now)
    audit_created(team=deal.team, actor=actor, obj=followup, fields=FOLLOWUP_FIELDS)
    return followup


@transaction.atomic
def call_end_no_decision(
    *,
    deal: Deal,
    actor: Any,
    step: LadderStep | None = None,
    due_at: dt.datetime | None = None,
    summary: str = "",
    channel: str = Channel.CALL,
    now: dt.datetime | None = None,
    site: str = "",
    agreed: bool = False,
    note: str = "",
) -> FollowUp:
    """Log a conversation that ended without a decision and schedule the next rung.

    A rung that lets the prospect choose puts a fresh pick-a-time link (under ``site``,
    the absolute root URL) into its message."""
    now = now or timezone.now()
    if deal.stage.is_closed:
        raise ValidationError({"step": "This deal is closed; reopen it to schedule follow-ups."})
    interaction_log(
        deal=deal,
        actor=actor,
        direction=Interaction.Direction.OUTBOUND,
        channel=channel,
        occurred_at=now,
        summary=summary.strip() or "Ended without a decision",
    )
    NoDecision.objects.create(deal=deal, at=now, by=actor if getattr(actor, "pk", None) else None)
    link = ""
    if step is not None and step.sends_pick_link:
        link = pick_link_url(site, pick_link_create(deal=deal, actor=actor, now=now))
    return followup_schedule(
        deal=deal,
        actor=actor,
        step=step,
        due_at=due_at,
        now=now,
        pick_link=link,
        agreed=agreed,
        note=note,
    )


def _require_active(followup: FollowUp) -> None:
    if not followup.is_active:
        raise ValidationError(
            {"status": f"This follow-up is already {followup.get_status_display().lower()}."}
        )


@transaction.atomic
def followup_done(
    *, followup: FollowUp, actor: Any, summary: str = "", now: dt.datetime | None = None
) -> FollowUp:
    """Mark done and log the touch as an outbound interaction on the deal."""
    now = now or timezone.now()
    _require_active(followup)
    label = followup.step.outcome if followup.step else "follow-up"
    interaction_log(
        deal=followup.deal,
        actor=actor,
        direction=Interaction.Direction.OUTBOUND,
        channel=followup.channel,
        occurred_at=now,
        summary=summary.strip() or f"Followed up ({label})",
        text=followup.message,
    )
    followup.status, followup.completed_at = Status.DONE, now
    followup.save(update_fields=["status", "completed_at"])
    _event(followup, Kind.DONE, by=actor, at=now, from_due=followup.due_at)
    return followup


@transaction.atomic
def followup_snooze(
    *, followup: FollowUp, actor: Any, minutes: int, now: dt.datetime | None = None
) -> FollowUp:
    """Push it back by ``minutes`` (into the prospect's hours): the same touch, later."""
    now = now or timezone.now()
    _require_active(followup)
    if not 5 <= minutes <= 7 * 24 * 60:
        raise ValidationError({"minutes": "Snooze for between 5 minutes and 7 days."})
    before = followup.due_at
    hours = prospect_hours(followup.deal.prospect, followup.deal.team)
    followup.due_at = next_in_hours(max(now, before) + dt.timedelta(minutes=minutes), hours)
    followup.status = Status.SNOOZED
    followup.save(update_fields=["due_at", "status"])
    _event(followup, Kind.SNOOZED, by=actor, at=now, from_due=before)
    return followup


@transaction.atomic
def followup_reschedule(
    *, followup: FollowUp, actor: Any, due_at: dt.datetime, now: dt.datetime | None = None
) -> FollowUp:
    now = now or timezone.now()
    _require_active(followup)
    verdict = _guard(followup.deal, due_at, now, followup)
    if not verdict.allowed:
        raise CadenceRefused(verdict, followup.deal)
    before = followup.due_at
    followup.due_at, followup.status = due_at, Status.OPEN
    followup.save(update_fields=["due_at", "status"])
    _event(followup, Kind.RESCHEDULED, by=actor, at=now, from_due=before)
    return followup


def next_step(step: LadderStep | None) -> LadderStep | None:
    if step is None:
        return None
    later = LadderStep.objects.filter(ladder_id=step.ladder_id, position__gt=step.position)
    return later.select_related("template", "ladder").order_by("position").first()


@transaction.atomic
def followup_no_answer(
    *, followup: FollowUp, actor: Any, now: dt.datetime | None = None
) -> FollowUp | None:
    """Nobody answered: close this one and schedule the next rung down, if there is one."""
    now = now or timezone.now()
    _require_active(followup)
    followup.status, followup.completed_at = Status.MISSED, now
    followup.save(update_fields=["status", "completed_at"])
    _event(followup, Kind.NO_ANSWER, by=actor, at=now, from_due=followup.due_at)
    step = next_step(followup.step)
    if step is None or followup.deal.prospect.do_not_contact:
        return None
    return followup_schedule(deal=followup.deal, actor=actor, step=step, now=now, adjust=True)


@transaction.atomic
def followup_cancel(*, followup: FollowUp, actor: Any, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    _require_active(followup)
    followup.status, followup.completed_at = Status.CANCELLED, now
    followup.save(update_fields=["status", "completed_at"])
    _event(followup, Kind.CANCELLED, by=actor, at=now, from_due=followup.due_at)


@transaction.atomic
def followups_mark_missed(*, now: dt.datetime | None = None) -> int:
    """Open follow-ups left untouched a day past due become missed (the deal then offers
    the next rung). Returns how many."""
    now = now or timezone.now()
    stale = list(
        FollowUp.objects.select_for_update().filter(
            status__in=(Status.OPEN, Status.SNOOZED), due_at__lt=now - MISSED_AFTER
        )
    )
    for followup in stale:
        followup.status, followup.completed_at = Status.MISSED, now
        followup.save(update_fields=["status", "completed_at"])
        _event(followup, Kind.MISSED, by=None, at=now, from_due=followup.due_at)
    return len(stale)
