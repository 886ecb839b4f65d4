"""A team's debrief settings: keep-in-touch delay, close-out template, objection
categories (pressure patterns have their own page and services)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from goodfit.core.audit import audit_record
from goodfit.core.models import AuditEntry, Team
from goodfit.debriefs.domain.closeout_message import template_errors
from goodfit.debriefs.models import DebriefSettings, ObjectionCategory

MAX_KEEP_IN_TOUCH_DAYS = 730


def _validate(keep_in_touch_days: int, closeout_template: str, categories: Sequence[str]) -> None:
    errors: dict[str, list[str]] = {}
    if not 1 <= keep_in_touch_days <= MAX_KEEP_IN_TOUCH_DAYS:
        errors["keep_in_touch_days"] = [f"Use a number of days from 1 to {MAX_KEEP_IN_TOUCH_DAYS}."]
    template_problems = template_errors(closeout_template)
    if not closeout_template.strip():
        errors["closeout_template"] = ["Write the close-out template; it starts every message."]
    elif template_problems:
        errors["closeout_template"] = template_problems
    if not [c for c in categories if c.strip()]:
        errors["objection_categories"] = ["Keep at least one objection category."]
    elif any(len(c.strip()) > 60 for c in categories):
        errors["objection_categories"] = ["Keep each objection category under 60 characters."]
    if errors:
        raise ValidationError(errors)


def _sync_categories(team: Team, names: Sequence[str]) -> None:
    """Keep rows (objections point at them): reorder, reactivate, add, deactivate."""
    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    rows = {row.name: row for row in ObjectionCategory.objects.filter(team=team)}
    for position, name in enumerate(wanted):
        row = rows.get(name) or ObjectionCategory(team=team, name=name)
        row.position, row.is_active = position, True
        row.save()
    ObjectionCategory.objects.filter(team=team).exclude(name__in=wanted).update(is_active=False)


@transaction.atomic
def debrief_settings_update(
    *,
    team: Team,
    actor: Any,
    keep_in_touch_days: int,
    closeout_template: str,
    objection_categories: Sequence[str],
) -> DebriefSettings:
    _validate(keep_in_touch_days, closeout_template, objection_categories)
    row, _ = DebriefSettings.objects.get_or_create(
        team=team, defaults={"closeout_template": closeout_template}
    )
    row.keep_in_touch_days = keep_in_touch_days
    row.closeout_template = closeout_template
    row.full_clean()
    row.save()
    _sync_categories(team, objection_categories)
    audit_record(
        team=team,
        actor=actor,
        action=AuditEntry.Action.UPDATE,
        obj=row,
        changes={
            "keep_in_touch_days": [None, keep_in_touch_days],
            "objection_categories": [None, list(objection_categories)],
        },
    )
    return row
