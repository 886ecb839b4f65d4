"""The referral loop: who sent us whom.

A referral's outcome is not stored: it is the stage outcome of the referred prospect's
deal, read by the selectors, so it stays right when that deal moves.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import audit_created, audit_deleted, audit_updated, snapshot
from goodfit.core.writes import check_same_team
from goodfit.debriefs.models import Referral
from goodfit.pipeline.models import Deal, Prospect
from goodfit.pipeline.services import prospect_create

FIELDS = {"referrer", "referred", "deal", "note", "at"}
REFERRAL_SOURCE = "referral"


def _check(referral: Referral) -> None:
    team_id = referral.team_id
    check_same_team("referrer", referral.referrer, team_id)
    check_same_team("referred", referral.referred, team_id)
    check_same_team("deal", referral.deal, team_id)
    if referral.referrer_id == referral.referred_id:
        raise ValidationError({"referred": "A prospect cannot refer themselves."})
    if referral.deal is not None and referral.deal.prospect_id != referral.referred_id:
        raise ValidationError({"deal": "The deal must be one of the referred prospect's."})
    duplicate = Referral.objects.filter(
        referrer_id=referral.referrer_id, referred_id=referral.referred_id
    ).exclude(pk=referral.pk)
    if duplicate.exists():
        raise ValidationError(
            {"referred": f"{referral.referrer} already referred {referral.referred}."}
        )


def _latest_deal(prospect: Prospect) -> Deal | None:
    return prospect.deals.order_by("-created_at", "-id").first()


@transaction.atomic
def referral_create(
    *,
    referrer: Prospect,
    referred: Prospect,
    actor: Any,
    deal: Deal | None = None,
    note: str = "",
    at: dt.datetime | None = None,
) -> Referral:
    """Record that ``referrer`` sent us ``referred`` (both already prospects).

    ``deal`` defaults to the referred prospect's latest deal, if any.
    """
    referral = Referral(
        team_id=referrer.team_id,
        referrer=referrer,
        referred=referred,
        deal=deal or _latest_deal(referred),
        note=note.strip(),
        by=actor,
        at=at or timezone.now(),
    )
    _check(referral)
    referral.full_clean(validate_constraints=False)
    referral.save()
    audit_created(team=referrer.team, actor=actor, obj=referral, fields=FIELDS)
    return referral


@transaction.atomic
def referral_record(
    *,
    referrer: Prospect,
    actor: Any,
    name: str,
    email: str = "",
    phone: str = "",
    note: str = "",
    at: dt.datetime | None = None,
) -> Referral:
    """A new prospect someone referred: created with source "referral", in the referrer's
    segment, and the referral row linking the two."""
    if not email.strip() and not phone.strip():
        raise ValidationError({"email": "Give an email address or a phone number to reach them."})
    referred = prospect_create(
        team=referrer.team,
        actor=actor,
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        segment=referrer.segment,
        source=REFERRAL_SOURCE,
        time_zone=referrer.time_zone,
    )
    return referral_create(referrer=referrer, referred=referred, actor=actor, note=note, at=at)


@transaction.atomic
def referral_update(
    *, referral: Referral, actor: Any, note: str | None = None, deal: Deal | None = None
) -> Referral:
    before = snapshot(referral, FIELDS)
    if note is not None:
        referral.note = note.strip()
    if deal is not None:
        referral.deal = deal
    _check(referral)
    referral.full_clean(validate_constraints=False)
    referral.save()
    audit_updated(team=referral.team, actor=actor, obj=referral, before=before)
    return referral


@transaction.atomic
def referral_delete(*, referral: Referral, actor: Any) -> None:
    """Remove the link only; the referred prospect and their deals stay."""
    audit_deleted(team=referral.team, actor=actor, obj=referral, fields=FIELDS)
    referral.delete()
