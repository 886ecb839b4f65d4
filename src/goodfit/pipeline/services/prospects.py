from __future__ import annotations

from typing import Any

from django.db import transaction

from goodfit.core.audit import audit_created, audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.pipeline.models import Prospect
from goodfit.pipeline.services.common import apply_fields

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
    "do_not_contact",
}


@transaction.atomic
def prospect_create(*, team: Team, actor: Any, **fields: Any) -> Prospect:
    prospect = Prospect(team=team)
    apply_fields(prospect, fields, PROSPECT_FIELDS)
    prospect.full_clean()
    prospect.save()
    audit_created(team=team, actor=actor, obj=prospect, fields=PROSPECT_FIELDS)
    return prospect


@transaction.atomic
def prospect_update(*, prospect: Prospect, actor: Any, **fields: Any) -> Prospect:
    before = snapshot(prospect, PROSPECT_FIELDS)
    apply_fields(prospect, fields, PROSPECT_FIELDS)
    prospect.full_clean()
    prospect.save()
    audit_updated(team=prospect.team, actor=actor, obj=prospect, before=before)
    return prospect
