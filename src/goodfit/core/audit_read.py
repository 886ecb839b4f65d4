"""Audit rows as people read them: field labels instead of names, names instead of ids.

An ``AuditEntry`` stores ``{"field": [before, after]}`` with foreign keys as ids and
choices as their stored values. ``change_rows`` turns a page of entries into one line per
changed field, resolving every id of a related model in one query per model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone

from goodfit.core.models import AuditEntry

EMPTY = "—"
# Bookkeeping fields nobody asked to see as a change.
HIDDEN_FIELDS = frozenset({"version", "word_count", "updated_at"})


@dataclass(frozen=True)
class ChangeRow:
    entry: AuditEntry
    object_label: str  # "Deal", "Interaction" …
    field: str  # the field's label
    before: str
    after: str


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, name: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except Exception:
        return None
    return field if isinstance(field, models.Field) else None


def field_label(model: type[models.Model] | None, name: str) -> str:
    field = _field(model, name)
    label = str(field.verbose_name) if field is not None else name.replace("_", " ")
    return label[:1].upper() + label[1:]


def _related_names(entries: Iterable[AuditEntry]) -> dict[tuple[type, str], str]:
    """(related model, id) → its name, for every foreign key value in ``entries``."""
    wanted: dict[type[models.Model], set[str]] = {}
    for entry in entries:
        model = _model(entry.object_type)
        for name, pair in (entry.changes or {}).items():
            field = _field(model, name)
            if field is not None and field.is_relation and field.related_model:
                related = field.related_model
                assert isinstance(related, type)
                ids = wanted.setdefault(related, set())
                ids.update(str(v) for v in pair if v not in (None, ""))
    names: dict[tuple[type, str], str] = {}
    for related, ids in wanted.items():
        for obj in related._default_manager.filter(pk__in=list(ids)):
            names[(related, str(obj.pk))] = _person(obj)
    return names


def _person(obj: Any) -> str:
    full = getattr(obj, "get_full_name", None)
    if callable(full):
        return str(full() or obj.get_username())
    return str(obj)


def _when(value: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        return moment.strftime("%b %-d, %Y" if len(value) <= 10 else "%b %-d, %Y %H:%M")
    return timezone.localtime(moment).strftime("%b %-d, %Y %H:%M")


def value_text(field: models.Field[Any, Any] | None, value: Any, names: dict[Any, str]) -> str:
    if value is None or value == "":
        return EMPTY
    if field is None:
        return str(value)
    if field.is_relation and field.related_model:
        return names.get((field.related_model, str(value)), f"#{value} (deleted)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(field, models.DateTimeField | models.DateField):
        return _when(str(value))
    text = str(value)
    return text if len(text) <= 300 else text[:300] + "…"


def change_rows(entries: Iterable[AuditEntry]) -> list[ChangeRow]:
    """One row per changed field of each entry, in the entries' order."""
    entries = list(entries)
    names = _related_names(entries)
    rows = []
    for entry in entries:
        model = _model(entry.object_type)
        object_label = str(model._meta.verbose_name).capitalize() if model else entry.object_type
        changes = {k: v for k, v in (entry.changes or {}).items() if k not in HIDDEN_FIELDS}
        if not changes:
            rows.append(ChangeRow(entry, object_label, EMPTY, EMPTY, EMPTY))
        for name, pair in changes.items():
            field = _field(model, name)
            before, after = [*pair, None, None][:2]
            rows.append(
                ChangeRow(
                    entry,
                    object_label,
                    field_label(model, name),
                    value_text(field, before, names),
                    value_text(field, after, names),
                )
            )
    return rows
