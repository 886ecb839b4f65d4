from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import (
    audit_created,
    audit_deleted,
    audit_record,
    audit_updated,
    snapshot,
)
from goodfit.core.extensions import DealEvent, notify_deal
from goodfit.core.models import AuditEntry, Membership, Team
from goodfit.core.names import refuse_unsafe_names
from goodfit.core.writes import apply_fields, check_date_range, check_same_team
from goodfit.pipeline.exceptions import StaleVersionError
from goodfit.pipeline.models import (
    Cancellation,
    Deal,
    Offering,
    Outcome,
    Prospect,
    Stage,
    StageChange,
)

DEAL_FIELDS = {
    "prospect",
    "offering",
    "owner",
    "title",
    "amount",
    "currency",
    "discount_pct",
    "expected_close_date",
}
AUDITED = DEAL_FIELDS | {"stage", "version", "closed_at"}


def _check_owner(team: Team, owner: Any) -> None:
    if not Membership.objects.filter(user_id=owner.pk, team=team, is_active=True).exists():
        raise ValidationError({"owner": "The owner must be an active member of your team."})


def _validate(deal: Deal) -> None:
    check_same_team("prospect", deal.prospect, deal.team_id)
    check_same_team("offering", deal.offering, deal.team_id)
    check_same_team("stage", deal.stage, deal.team_id)
    _check_owner(deal.team, deal.owner)
    check_date_range("expected_close_date", deal.expected_close_date)
    deal.full_clean()


def _first_open_stage(team: Team) -> Stage:
    stage = team.stages.filter(outcome=Outcome.OPEN).order_by("position", "id").first()
    if stage is None:
        raise ValidationError({"stage": "Your team has no open stage; add one in Settings."})
    return stage


@transaction.atomic
def deal_create(
    *,
    team: Team,
    actor: Any,
    prospect: Prospect,
    offering: Offering,
    owner: Any,
    title: str,
    amount: Decimal,
    currency: str = "",
    discount_pct: Decimal = Decimal("0"),
    expected_close_date: dt.date | None = None,
    stage: Stage | None = None,
    at: dt.datetime | None = None,
) -> Deal:
    """Open a deal in ``stage`` (default: the first open stage) and record its first stage."""
    now = at or timezone.now()
    deal = Deal(
        team=team,
        prospect=prospect,
        offering=offering,
        owner=owner,
        title=title,
        amount=amount,
        currency=currency or team.currency,
        discount_pct=discount_pct,
        expected_close_date=expected_close_date,
        stage=stage or _first_open_stage(team),
        created_at=now,
        updated_at=now,
    )
    deal.closed_at = now if deal.stage.is_closed else None
    _validate(deal)
    deal.save()
    StageChange.objects.create(deal=deal, from_stage=None, to_stage=deal.stage, by=actor, at=now)
    audit_created(team=team, actor=actor, obj=deal, fields=AUDITED)
    notify_deal(DealEvent("created", deal, actor, to_stage=deal.stage))
    return deal


def _save_versioned(deal: Deal, expected_version: int, fields: set[str], now: dt.datetime) -> None:
    """Write ``fields`` only if nobody saved since ``expected_version`` was read."""
    values = {name: getattr(deal, name) for name in fields}
    refuse_unsafe_names(Deal, deal)  # an update() sends no pre_save signal
    updated = Deal.objects.filter(pk=deal.pk, version=expected_version).update(
        **values, version=expected_version + 1, updated_at=now
    )
    if not updated:
        raise StaleVersionError(current=Deal.objects.select_related("stage").get(pk=deal.pk))
    deal.version = expected_version + 1
    deal.updated_at = now


@transaction.atomic
def deal_update(*, deal: Deal, actor: Any, version: int, **fields: Any) -> Deal:
    """Change a deal's terms. ``version`` is the one the editor loaded (optimistic locking)."""
    before = snapshot(deal, AUDITED)
    apply_fields(deal, fields, DEAL_FIELDS)
    _validate(deal)
    _save_versioned(deal, version, set(fields), timezone.now())
    audit_updated(team=deal.team, actor=actor, obj=deal, before=before)
    notify_deal(DealEvent("updated", deal, actor))
    return deal


@transaction.atomic
def deal_move(
    *,
    deal: Deal,
    actor: Any,
    stage: Stage,
    version: int | None = None,
    at: dt.datetime | None = None,
) -> Deal:
    """Move a deal to ``stage`` and record the change as a row.

    ``version`` is optional because a move names its target explicitly: moving a
    card that someone else edited meanwhile is still what the mover meant.
    """
    check_same_team("stage", stage, deal.team_id)
    if stage.pk == deal.stage_id:
        return deal
    now = at or timezone.now()
    before = snapshot(deal, AUDITED)
    from_stage = deal.stage
    from_stage_id = deal.stage_id
    deal.stage = stage
    deal.closed_at = now if stage.is_closed else None
    _save_versioned(deal, deal.version if version is None else version, {"stage", "closed_at"}, now)
    StageChange.objects.create(
        deal=deal, from_stage_id=from_stage_id, to_stage=stage, by=actor, at=now
    )
    audit_updated(team=deal.team, actor=actor, obj=deal, before=before)
    notify_deal(DealEvent("moved", deal, actor, from_stage=from_stage, to_stage=stage))
    return deal


@transaction.atomic
def deal_cancel(*, deal: Deal, actor: Any, cancelled_on: dt.date, reason: str) -> Cancellation:
    """Record that a won deal was cancelled by the customer (the deal stays won)."""
    if deal.stage.outcome != Outcome.WON:
        raise ValidationError({"deal": "Only a won deal can be cancelled."})
    if hasattr(deal, "cancellation"):
        raise ValidationError({"deal": "This deal is already cancelled."})
    check_date_range("cancelled_on", cancelled_on)
    if deal.closed_at and cancelled_on < deal.closed_at.date():
        raise ValidationError(
            {
                "cancelled_on": "The cancellation date cannot be before the deal was won "
                f"({deal.closed_at.date().isoformat()})."
            }
        )
    cancellation = Cancellation(deal=deal, cancelled_on=cancelled_on, reason=reason, by=actor)
    cancellation.full_clean()
    cancellation.save()
    audit_record(
        team=deal.team,
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=cancellation,
        changes={"cancelled_on": [None, cancelled_on.isoformat()], "reason": [None, reason]},
    )
    notify_deal(DealEvent("cancelled", deal, actor, obj=cancellation))
    return cancellation


@transaction.atomic
def deal_delete(*, deal: Deal, actor: Any) -> None:
    """Delete a deal with its stage changes, interactions, notes and cancellation.

    Managers only (checked by callers). The audit entry keeps the deal's last terms.
    """
    audit_deleted(team=deal.team, actor=actor, obj=deal, fields=AUDITED)
    deal.delete()
