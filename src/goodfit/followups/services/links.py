"""Using pick-a-time links, and secret calendar feed URLs."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.followups.models import (
    CalendarFeedToken,
    FollowUp,
    FollowUpEvent,
    PickLink,
    PickLinkUse,
)
from goodfit.followups.services.schedule import followup_cancel, followup_schedule
from goodfit.followups.services.tokens import LinkProblem


def pick_link_use_record(
    *, link: PickLink | None, kind: str, client: str, detail: str = ""
) -> PickLinkUse:
    """Keep a row of one post to a pick-a-time page (a pick, or a refusal and why). Only
    posts are recorded: showing the page is a read and writes nothing."""
    return PickLinkUse.objects.create(
        link=link, kind=kind, at=timezone.now(), client=client, detail=detail[:200]
    )


def pick_link_chosen(link: PickLink) -> FollowUp | None:
    """The follow-up this link already created, if the prospect has picked."""
    event = (
        FollowUpEvent.objects.filter(kind=FollowUpEvent.Kind.PICKED, note=f"link:{link.pk}")
        .select_related("followup")
        .first()
    )
    return event.followup if event else None


@transaction.atomic
def pick_link_choose(
    *, link: PickLink, slot: dt.datetime, offered: list[dt.datetime], now: dt.datetime | None = None
) -> FollowUp:
    """The prospect picked ``slot`` (one of ``offered``): schedule it with the rep."""
    now = now or timezone.now()
    # Lock the link so a double click cannot book twice.
    PickLink.objects.select_for_update().get(pk=link.pk)
    if pick_link_chosen(link) is not None:
        raise LinkProblem("used")
    if slot not in offered:
        raise ValidationError({"slot": "That time is no longer free; please pick another."})
    waiting = FollowUp.objects.filter(
        deal=link.deal,
        status__in=(FollowUp.Status.OPEN, FollowUp.Status.SNOOZED),
        step__sends_pick_link=True,
    )
    for followup in waiting:
        followup_cancel(followup=followup, actor=None, now=now)
    followup = followup_schedule(
        deal=link.deal,
        actor=None,
        due_at=slot,
        now=now,
        origin=FollowUp.Origin.PROSPECT,
        enforce_cadence=False,
    )
    FollowUpEvent.objects.create(
        followup=followup,
        kind=FollowUpEvent.Kind.PICKED,
        at=now,
        to_due=slot,
        note=f"link:{link.pk}",
    )
    return followup


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def calendar_token_create(
    *, user: Any, now: dt.datetime | None = None
) -> tuple[CalendarFeedToken, str]:
    """A new secret feed URL token; any earlier one stops working."""
    now = now or timezone.now()
    calendar_tokens_revoke(user=user, now=now)
    raw = secrets.token_urlsafe(24)
    token = CalendarFeedToken.objects.create(
        user=user, digest=_digest(raw), prefix=raw[:8], created_at=now
    )
    return token, raw


@transaction.atomic
def calendar_tokens_revoke(*, user: Any, now: dt.datetime | None = None) -> int:
    live = CalendarFeedToken.objects.filter(user=user, revoked_at__isnull=True)
    return live.update(revoked_at=now or timezone.now())


def calendar_token_user(raw: str) -> Any:
    """The user a live feed token belongs to, or None."""
    token = (
        CalendarFeedToken.objects.select_related("user__membership")
        .filter(digest=_digest(raw), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    membership = getattr(token.user, "membership", None)
    if membership is None or not membership.is_active:
        return None
    return token.user
