"""A team's pressure patterns: its own, and its versions of the defaults."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import audit_created, audit_deleted, audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.debriefs.domain.pressure_families import DEFAULT_PATTERNS, PatternRule
from goodfit.debriefs.models import PressurePattern

FIELDS = ("builtin_key", "family", "pattern", "reason", "suggestion", "is_active")
_DEFAULTS = {rule.key: rule for rule in DEFAULT_PATTERNS}


def default_rule(key: str) -> PatternRule:
    try:
        return _DEFAULTS[key]
    except KeyError:
        raise ValidationError({"key": f"“{key}” is not one of the default patterns."}) from None


def _save(row: PressurePattern, now: dt.datetime) -> None:
    row.pattern = " ".join(row.pattern.split())
    row.reason, row.suggestion = row.reason.strip(), row.suggestion.strip()
    row.updated_at = now
    row.full_clean()
    row.save()


@transaction.atomic
def pressure_pattern_create(
    *,
    team: Team,
    actor: Any,
    family: str,
    pattern: str,
    reason: str = "",
    suggestion: str = "",
    is_active: bool = True,
    at: dt.datetime | None = None,
) -> PressurePattern:
    """The team's own pattern, checked from the next message on."""
    now = at or timezone.now()
    row = PressurePattern(
        team=team,
        family=family,
        pattern=pattern,
        reason=reason,
        suggestion=suggestion,
        is_active=is_active,
        created_by=actor,
        created_at=now,
    )
    _save(row, now)
    audit_created(team=team, actor=actor, obj=row, fields=FIELDS)
    return row


@transaction.atomic
def pressure_pattern_update(
    *,
    row: PressurePattern,
    actor: Any,
    pattern: str,
    reason: str = "",
    suggestion: str = "",
    is_active: bool = True,
    family: str | None = None,
    at: dt.datetime | None = None,
) -> PressurePattern:
    """Change a team pattern (a default's family stays the default's)."""
    before = snapshot(row, FIELDS)
    if family and not row.builtin_key:
        row.family = family
    row.pattern, row.reason, row.suggestion, row.is_active = pattern, reason, suggestion, is_active
    _save(row, at or timezone.now())
    audit_updated(team=row.team, actor=actor, obj=row, before=before)
    return row


@transaction.atomic
def pressure_default_save(
    *,
    team: Team,
    actor: Any,
    key: str,
    pattern: str,
    reason: str = "",
    suggestion: str = "",
    is_active: bool = True,
    at: dt.datetime | None = None,
) -> PressurePattern:
    """The team's version of a default pattern (kept as a row; deleting it restores
    the default)."""
    rule = default_rule(key)
    row = PressurePattern.objects.select_for_update().filter(team=team, builtin_key=key).first()
    if row is not None:
        return pressure_pattern_update(
            row=row,
            actor=actor,
            pattern=pattern,
            reason=reason,
            suggestion=suggestion,
            is_active=is_active,
            at=at,
        )
    now = at or timezone.now()
    row = PressurePattern(
        team=team,
        builtin_key=key,
        family=rule.family,
        pattern=pattern,
        reason=reason,
        suggestion=suggestion,
        is_active=is_active,
        created_by=actor,
        created_at=now,
    )
    _save(row, now)
    audit_created(team=team, actor=actor, obj=row, fields=FIELDS)
    return row


@transaction.atomic
def pressure_pattern_switch(
    *, team: Team, actor: Any, key: str, active: bool, at: dt.datetime | None = None
) -> PressurePattern:
    """Switch a pattern on or off: a default by its key, the team's own by ``team:<id>``."""
    if key.startswith("team:"):
        row = PressurePattern.objects.filter(team=team, builtin_key="", pk=_own_id(key)).first()
        if row is None:
            raise ValidationError({"key": "That pattern is not one of your team's."})
        return pressure_pattern_update(
            row=row,
            actor=actor,
            pattern=row.pattern,
            reason=row.reason,
            suggestion=row.suggestion,
            is_active=active,
            at=at,
        )
    current = PressurePattern.objects.filter(team=team, builtin_key=key).first()
    rule = default_rule(key)
    return pressure_default_save(
        team=team,
        actor=actor,
        key=key,
        pattern=current.pattern if current else rule.pattern,
        reason=current.reason if current else "",
        suggestion=current.suggestion if current else rule.suggestion,
        is_active=active,
        at=at,
    )


def _own_id(key: str) -> int:
    try:
        return int(key.removeprefix("team:"))
    except ValueError:
        raise ValidationError({"key": "That pattern is not one of your team's."}) from None


@transaction.atomic
def pressure_pattern_delete(*, row: PressurePattern, actor: Any) -> None:
    """Delete a team's own pattern, or its version of a default (the default returns)."""
    audit_deleted(team=row.team, actor=actor, obj=row, fields=FIELDS)
    row.delete()
