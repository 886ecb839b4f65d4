"""State follows state: a deal that ends takes its open follow-ups with it, as rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from goodfit.core.extensions import DealEvent
from goodfit.followups.models import FollowUp, FollowUpEvent
from goodfit.pipeline.models import Deal

ACTIVE = (FollowUp.Status.OPEN, FollowUp.Status.SNOOZED)
# Prefix of every reason written when a deal ends its follow-ups.
REASON_PREFIX = "deal closed"


def closing_reason(label: str) -> str:
    """'deal closed: Lost' — the reason row a closed follow-up carries."""
    return f"{REASON_PREFIX}: {label}"


@transaction.atomic
def followups_close_for_deal(
    *, deal: Deal, actor: Any, reason: str, now: dt.datetime | None = None
) -> int:
    """Close every open follow-up of ``deal`` with ``reason``; each gets a ``deal_closed``
    event naming the reason. Returns how many."""
    now = now or timezone.now()
    rows = list(FollowUp.objects.select_for_update().filter(deal=deal, status__in=ACTIVE))
    by = actor if getattr(actor, "pk", None) else None
    for followup in rows:
        followup.status, followup.completed_at = FollowUp.Status.CANCELLED, now
        followup.closed_reason = reason[:200]
        followup.save(update_fields=["status", "completed_at", "closed_reason"])
    FollowUpEvent.objects.bulk_create(
        FollowUpEvent(
            followup=f,
            kind=FollowUpEvent.Kind.DEAL_CLOSED,
            at=now,
            by=by,
            from_due=f.due_at,
            note=reason[:300],
        )
        for f in rows
    )
    return len(rows)


def on_deal_event(event: DealEvent) -> None:
    """The deal listener: a deal that is won, lost, walked away from, found not a fit or
    cancelled closes its follow-ups. A reopened deal gets nothing back on its own: the
    panel offers the rep to schedule anew."""
    if event.closed:
        label = event.to_stage.get_outcome_display()
        followups_close_for_deal(deal=event.deal, actor=event.actor, reason=closing_reason(label))
    elif event.kind == "cancelled":
        followups_close_for_deal(
            deal=event.deal, actor=event.actor, reason=closing_reason("Cancelled")
        )
