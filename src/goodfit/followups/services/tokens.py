"""Pick-a-time links: signed, expiring tokens that name a PickLink row."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from goodfit.followups.models import PickLink
from goodfit.pipeline.models import Deal

PICK_SALT = "goodfit.followups.pick-link"
PICK_LINK_MAX_AGE = dt.timedelta(days=7)


class LinkProblem(Exception):
    """Why a pick-a-time link cannot be used: ``reason`` is expired, invalid or used."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@transaction.atomic
def pick_link_create(*, deal: Deal, actor: Any, now: dt.datetime | None = None) -> str:
    """A new link for the deal's prospect; returns the signed token for the URL."""
    now = now or timezone.now()
    if deal.prospect.do_not_contact:
        raise ValidationError({"deal": f"{deal.prospect.name} asked not to be contacted."})
    link = PickLink.objects.create(
        deal=deal,
        rep=deal.owner,
        nonce=secrets.token_hex(8),
        created_at=now,
        expires_at=now + PICK_LINK_MAX_AGE,
    )
    return signing.dumps({"l": link.pk, "n": link.nonce}, salt=PICK_SALT, compress=True)


def pick_link_open(token: str) -> PickLink:
    """The link a token names; LinkProblem when it is expired, tampered with or unknown."""
    try:
        data = signing.loads(token, salt=PICK_SALT, max_age=PICK_LINK_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkProblem("expired") from None
    except signing.BadSignature:
        raise LinkProblem("invalid") from None
    link = (
        PickLink.objects.select_related(
            "deal__prospect", "deal__team", "deal__stage", "deal__owner", "rep__membership"
        )
        .filter(pk=data.get("l"), nonce=data.get("n"))
        .first()
    )
    if link is None:
        raise LinkProblem("invalid")
    if link.expires_at <= timezone.now():
        raise LinkProblem("expired")
    if link.deal.stage.is_closed:
        # The deal ended: its follow-ups were closed, so no new time can be booked.
        raise LinkProblem("closed")
    return link


def pick_link_url(site: str, token: str) -> str:
    """The absolute URL of a pick-a-time page (``site`` is the root URL, may be empty)."""
    return site.rstrip("/") + reverse("followups-pick", args=[token])
