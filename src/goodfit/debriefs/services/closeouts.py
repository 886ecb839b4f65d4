"""Closing out graciously: the message, and a keep-in-touch check-in after it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import audit_created, audit_record
from goodfit.core.models import AuditEntry
from goodfit.debriefs.models import CloseOut, KeepInTouch
from goodfit.debriefs.pressure import check_pressure
from goodfit.debriefs.services.common import check_needs_debrief
from goodfit.debriefs.settings_read import team_settings
from goodfit.pipeline.models import Channel, Deal
from goodfit.pipeline.services import interaction_log

MAX_MESSAGE = 4000


def _check_contactable(deal: Deal, field: str) -> None:
    if deal.prospect.do_not_contact:
        raise ValidationError(
            {field: f"{deal.prospect.name} asked not to be contacted; send nothing."}
        )


def _check_message(message: str, deal: Deal, send_as_written: bool) -> int:
    if not message.strip():
        raise ValidationError({"message": "Write the close-out message before sending it."})
    if len(message) > MAX_MESSAGE:
        raise ValidationError(
            {"message": f"The message is {len(message)} characters; keep it under {MAX_MESSAGE}."}
        )
    findings = check_pressure(message, team=deal.team)
    if findings and not send_as_written:
        quoted = ", ".join(f"“{f.text}”" for f in findings)
        raise ValidationError(
            {
                "message": f"{len(findings)} phrase{'s' if len(findings) > 1 else ''} may rush, "
                f"guilt, frighten or argue: {quoted}. Rewrite them, or tick “Send as written”."
            }
        )
    return len(findings)


@transaction.atomic
def closeout_send(
    *,
    deal: Deal,
    actor: Any,
    message: str,
    send_as_written: bool = False,
    at: dt.datetime | None = None,
) -> CloseOut:
    """Record the close-out as sent, log it on the deal's timeline, and schedule the
    keep-in-touch check-in (unless one is already open).

    Findings of the linter stop the send unless the rep chose to send it as written; the
    count is kept either way, so managers can see how often that happens.
    """
    check_needs_debrief(deal)
    _check_contactable(deal, "message")
    settings = team_settings(deal.team)
    findings = _check_message(message, deal, send_as_written)
    now = at or timezone.now()
    closeout = CloseOut(deal=deal, message=message, findings_count=findings, by=actor, sent_at=now)
    closeout.full_clean()
    closeout.save()
    audit_created(
        team=deal.team, actor=actor, obj=closeout, fields={"message", "findings_count", "sent_at"}
    )
    interaction_log(
        deal=deal,
        actor=actor,
        direction="out",
        channel=deal.prospect.preferred_channel or Channel.EMAIL,
        occurred_at=now,
        summary="Close-out message",
        text=message,
    )
    if not KeepInTouch.objects.filter(deal=deal, done_at__isnull=True).exists():
        keep_in_touch_schedule(
            deal=deal, actor=actor, due_on=now.date() + dt.timedelta(settings.keep_in_touch_days)
        )
    return closeout


@transaction.atomic
def keep_in_touch_schedule(
    *, deal: Deal, actor: Any, due_on: dt.date, at: dt.datetime | None = None
) -> KeepInTouch:
    """A dated check-in with the prospect of a closed deal."""
    _check_contactable(deal, "due_on")
    now = at or timezone.now()
    if due_on <= now.date():
        raise ValidationError({"due_on": "Pick a day after today for the check-in."})
    task = KeepInTouch(deal=deal, due_on=due_on, by=actor, created_at=now)
    task.full_clean()
    task.save()
    audit_created(team=deal.team, actor=actor, obj=task, fields={"due_on"})
    return task


@transaction.atomic
def keep_in_touch_done(
    *, task: KeepInTouch, actor: Any, at: dt.datetime | None = None
) -> KeepInTouch:
    if task.done_at is not None:
        raise ValidationError({"task": "This check-in is already marked done."})
    task.done_at = at or timezone.now()
    task.save(update_fields=["done_at"])
    audit_record(
        team=task.deal.team,
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        obj=task,
        changes={"done_at": [None, task.done_at.isoformat()]},
    )
    return task
