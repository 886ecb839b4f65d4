"""The next follow-up in the deal page's header (one query)."""

from __future__ import annotations

import zoneinfo
from typing import Any

from django.utils import timezone

from goodfit.core.extensions import HeaderFact
from goodfit.followups.models import FollowUp

ACTIVE = (FollowUp.Status.OPEN, FollowUp.Status.SNOOZED)


def next_followup_fact(deal: Any) -> list[HeaderFact]:
    upcoming = (
        FollowUp.objects.filter(deal=deal, status__in=ACTIVE)
        .order_by("due_at", "id")
        .values("due_at", "channel")
        .first()
    )
    if upcoming is None:
        tone = "neutral" if deal.stage.is_closed else "warning"
        return [HeaderFact("Next follow-up", "None set", tone, "", "followups")]
    due = upcoming["due_at"]
    local = due.astimezone(zoneinfo.ZoneInfo(deal.prospect.time_zone))
    text = f"{local:%a %b} {local.day}, {local:%H:%M}"
    late = due < timezone.now()
    detail = f"overdue · {local:%Z}" if late else f"their time, {local:%Z}"
    return [
        HeaderFact("Next follow-up", text, "warning" if late else "neutral", detail, "followups")
    ]
