"""Write one AuditEntry per change. Called by services, never by models or signals."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils import timezone

from goodfit.core.models import AuditEntry, Team


def _plain(value: Any) -> Any:
    """Turn a field value into something JSON can hold and a person can read."""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of ``fields`` (foreign keys by id), for a later diff."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        attname = getattr(field, "attname", name)
        values[name] = _plain(getattr(obj, attname))
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), after[k]] for k in after if before.get(k) != after[k]}


def audit_record(
    *,
    team: Team,
    actor: Any,
    action: str,
    obj: models.Model,
    changes: dict[str, list[Any]],
) -> AuditEntry:
    return AuditEntry.objects.create(
        team=team,
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
        changes=changes,
        at=timezone.now(),
    )


def audit_created(*, team: Team, actor: Any, obj: models.Model, fields: Iterable[str]) -> None:
    after = snapshot(obj, fields)
    audit_record(
        team=team,
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=obj,
        changes={k: [None, v] for k, v in after.items()},
    )


def audit_updated(
    *, team: Team, actor: Any, obj: models.Model, before: dict[str, Any]
) -> dict[str, list[Any]]:
    """Record the fields that changed since ``before``; returns the diff (maybe empty)."""
    changes = diff(before, snapshot(obj, before.keys()))
    if changes:
        audit_record(
            team=team, actor=actor, action=AuditEntry.Action.UPDATE, obj=obj, changes=changes
        )
    return changes


def audit_deleted(*, team: Team, actor: Any, obj: models.Model, fields: Iterable[str]) -> None:
    before = snapshot(obj, fields)
    audit_record(
        team=team,
        actor=actor,
        action=AuditEntry.Action.DELETE,
        obj=obj,
        changes={k: [v, None] for k, v in before.items()},
    )
