"""Writing a debrief: save a draft, complete it, and a manager's re-categorisation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import audit_created, audit_record, audit_updated, snapshot
from goodfit.core.models import AuditEntry
from goodfit.debriefs.domain.categories import BY_CODE, CODES
from goodfit.debriefs.models import Debrief, DebriefReason, DebriefReview
from goodfit.debriefs.services.common import check_needs_debrief
from goodfit.pipeline.models import Deal

TEXT_FIELDS = ("competitor", "prospect_words", "do_differently", "segment")
AUDITED = {"status", "primary_category", *TEXT_FIELDS, "completed_at"}


def _check_codes(field: str, codes: Iterable[str]) -> None:
    unknown = [code for code in codes if code not in BY_CODE]
    if unknown:
        raise ValidationError(
            {field: f"Unknown reason “{unknown[0]}”; use one of: {', '.join(CODES)}."}
        )


def _secondary(primary: str, secondary: Iterable[str]) -> list[str]:
    """Distinct, in the order given, without the primary reason."""
    return [c for c in dict.fromkeys(secondary) if c and c != primary]


def _check_competitor(debrief: Debrief, secondary: list[str]) -> None:
    if "competitor" in (debrief.primary_category, *secondary) and not debrief.competitor.strip():
        raise ValidationError(
            {"competitor": "Name the competitor they chose (or “unknown” if they didn't say)."}
        )


def _debrief_for(deal: Deal, actor: Any, now: dt.datetime) -> tuple[Debrief, bool]:
    existing = Debrief.objects.filter(deal=deal).first()
    if existing is not None:
        return existing, False
    segment = deal.prospect.segment
    return Debrief(deal=deal, segment=segment, created_by=actor, created_at=now), True


def _write(
    *,
    deal: Deal,
    actor: Any,
    status: str,
    primary_category: str,
    secondary: Iterable[str],
    at: dt.datetime | None,
    fields: dict[str, Any],
) -> Debrief:
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown debrief fields: {sorted(unknown)}")
    check_needs_debrief(deal)
    now = at or timezone.now()
    _check_codes("primary_category", [primary_category] if primary_category else [])
    secondary = _secondary(primary_category, secondary)
    _check_codes("secondary", secondary)
    debrief, created = _debrief_for(deal, actor, now)
    before = snapshot(debrief, AUDITED)
    debrief.primary_category = primary_category
    for name, value in fields.items():
        setattr(debrief, name, (value or "").strip())
    debrief.status = status
    debrief.updated_at = now
    if status == Debrief.Status.COMPLETE:
        if not primary_category:
            raise ValidationError({"primary_category": "Choose the main reason the deal ended."})
        _check_competitor(debrief, secondary)
        if debrief.completed_at is None:
            debrief.completed_at, debrief.completed_by = now, actor
    debrief.full_clean()
    debrief.save()
    _replace_reasons(debrief, secondary)
    if created:
        audit_created(team=deal.team, actor=actor, obj=debrief, fields=AUDITED)
    else:
        audit_updated(team=deal.team, actor=actor, obj=debrief, before=before)
    return debrief


def _replace_reasons(debrief: Debrief, secondary: list[str]) -> None:
    current = list(debrief.reasons.values_list("category", flat=True))
    if current == secondary:
        return
    debrief.reasons.all().delete()
    DebriefReason.objects.bulk_create(DebriefReason(debrief=debrief, category=c) for c in secondary)


@transaction.atomic
def debrief_save_draft(
    *,
    deal: Deal,
    actor: Any,
    primary_category: str = "",
    secondary: Iterable[str] = (),
    at: dt.datetime | None = None,
    **fields: Any,
) -> Debrief:
    """Keep what the rep has so far; nothing is required yet.

    A debrief already completed stays complete: saving it "as a draft" would hide it from
    the boards, so that is refused with a message saying how to edit it instead.
    """
    existing = Debrief.objects.filter(deal=deal).only("status").first()
    if existing is not None and existing.status == Debrief.Status.COMPLETE:
        raise ValidationError(
            {"status": "This debrief is complete; change it and press Complete debrief."}
        )
    return _write(
        deal=deal,
        actor=actor,
        status=Debrief.Status.DRAFT,
        primary_category=primary_category,
        secondary=secondary,
        at=at,
        fields=fields,
    )


@transaction.atomic
def debrief_complete(
    *,
    deal: Deal,
    actor: Any,
    primary_category: str,
    secondary: Iterable[str] = (),
    at: dt.datetime | None = None,
    **fields: Any,
) -> Debrief:
    """Complete (or correct) the debrief: a main reason is required, and a competitor's
    name when the reason is a competitor. It then feeds coaching and the product board."""
    return _write(
        deal=deal,
        actor=actor,
        status=Debrief.Status.COMPLETE,
        primary_category=primary_category,
        secondary=secondary,
        at=at,
        fields=fields,
    )


@transaction.atomic
def debrief_recategorise(
    *,
    debrief: Debrief,
    actor: Any,
    primary_category: str,
    secondary: Iterable[str] = (),
    note: str = "",
    at: dt.datetime | None = None,
) -> DebriefReview:
    """A manager's second look: the reasons change and the change is kept as a row."""
    if debrief.status != Debrief.Status.COMPLETE:
        raise ValidationError(
            {"debrief": "Only a completed debrief can be reviewed; it is still a draft."}
        )
    _check_codes("primary_category", [primary_category])
    secondary = _secondary(primary_category, secondary)
    _check_codes("secondary", secondary)
    _check_competitor_on_review(debrief, primary_category, secondary)
    old_secondary = list(debrief.reasons.values_list("category", flat=True))
    review = DebriefReview(
        debrief=debrief,
        from_category=debrief.primary_category,
        to_category=primary_category,
        from_secondary=old_secondary,
        to_secondary=secondary,
        note=note.strip(),
        by=actor,
        at=at or timezone.now(),
    )
    review.full_clean()
    review.save()
    debrief.primary_category = primary_category
    debrief.save(update_fields=["primary_category"])
    _replace_reasons(debrief, secondary)
    audit_record(
        team=debrief.deal.team,
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        obj=debrief,
        changes={
            "primary_category": [review.from_category, primary_category],
            "secondary": [old_secondary, secondary],
        },
    )
    return review


def _check_competitor_on_review(debrief: Debrief, primary: str, secondary: list[str]) -> None:
    if "competitor" in (primary, *secondary) and not debrief.competitor.strip():
        raise ValidationError(
            {"primary_category": "This debrief names no competitor; ask the rep to add one first."}
        )
