from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from goodfit.core.audit import audit_created, audit_deleted, audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.core.writes import apply_fields
from goodfit.pipeline.models import Prospect

PROSPECT_FIELDS = {
    "kind",
    "name",
    "company",
    "email",
    "phone",
    "segment",
    "source",
    "time_zone",
    "preferred_channel",
    "contact_start",
    "contact_end",
    "contact_days",
    "do_not_contact",
}


def _check_contact_hours(prospect: Prospect) -> None:
    """Name the field; the database constraint alone would only say "constraint violated"."""
    start, end = prospect.contact_start, prospect.contact_end
    if start is not None and end is not None and start >= end:
        raise ValidationError(
            {"contact_end": "The end of the contact hours must be after their start."}
        )


@transaction.atomic
def prospect_create(*, team: Team, actor: Any, **fields: Any) -> Prospect:
    prospect = Prospect(team=team)
    apply_fields(prospect, fields, PROSPECT_FIELDS)
    _check_contact_hours(prospect)
    prospect.full_clean()
    prospect.save()
    audit_created(team=team, actor=actor, obj=prospect, fields=PROSPECT_FIELDS)
    return prospect


@transaction.atomic
def prospect_update(*, prospect: Prospect, actor: Any, **fields: Any) -> Prospect:
    before = snapshot(prospect, PROSPECT_FIELDS)
    apply_fields(prospect, fields, PROSPECT_FIELDS)
    _check_contact_hours(prospect)
    prospect.full_clean()
    prospect.save()
    audit_updated(team=prospect.team, actor=actor, obj=prospect, before=before)
    return prospect


@transaction.atomic
def prospect_delete(*, prospect: Prospect, actor: Any) -> None:
    """Delete a prospect that has no deals; one with deals keeps its history."""
    deals = prospect.deals.count()
    if deals:
        raise ValidationError(
            {
                "prospect": f"{prospect.name} has {deals} deal{'s' if deals != 1 else ''}; "
                "delete or move them to another prospect first."
            }
        )
    audit_deleted(team=prospect.team, actor=actor, obj=prospect, fields=PROSPECT_FIELDS)
    prospect.delete()
