"""Objections a prospect raised, in a category from the team's list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import audit_created
from goodfit.core.models import Team
from goodfit.debriefs.domain import defaults
from goodfit.debriefs.models import Debrief, Objection, ObjectionCategory
from goodfit.debriefs.settings_read import objection_category_names
from goodfit.pipeline.models import Deal

FIELDS = {"category", "words", "at"}


def objection_categories_ensure(team: Team) -> None:
    """Give a team that has never set its list the default one, as rows."""
    if not ObjectionCategory.objects.filter(team=team).exists():
        ObjectionCategory.objects.bulk_create(
            ObjectionCategory(team=team, name=name, position=n)
            for n, name in enumerate(defaults.OBJECTION_CATEGORIES)
        )


def _category(team: Team, name: str) -> ObjectionCategory:
    objection_categories_ensure(team)
    category = ObjectionCategory.objects.filter(team=team, name=name, is_active=True).first()
    if category is None:
        choices = ", ".join(objection_category_names(team))
        raise ValidationError({"category": f"“{name}” is not on your team's list: {choices}."})
    return category


@transaction.atomic
def objection_record(
    *,
    deal: Deal,
    actor: Any,
    category: str,
    words: str = "",
    debrief: Debrief | None = None,
    at: dt.datetime | None = None,
) -> Objection:
    """``category`` is a name from the team's list; ``words`` are the prospect's own."""
    if debrief is not None and debrief.deal_id != deal.pk:
        raise ValidationError({"debrief": "That debrief belongs to another deal."})
    objection = Objection(
        team=deal.team,
        deal=deal,
        debrief=debrief,
        category=_category(deal.team, category),
        words=words.strip(),
        by=actor,
        at=at or timezone.now(),
    )
    objection.full_clean()
    objection.save()
    audit_created(team=deal.team, actor=actor, obj=objection, fields=FIELDS)
    return objection
