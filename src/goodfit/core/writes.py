"""Helpers every app's services share: set only known fields, refuse rows of another team,
keep dates within the range the pages and the API accept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


def apply_fields(obj: models.Model, fields: dict[str, Any], allowed: set[str]) -> None:
    """Set only known fields; an unknown name is a programming error, not user input."""
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown fields for {type(obj).__name__}: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(obj, name, value)


def check_date_range(field: str, value: dt.date | None) -> None:
    if value is not None and not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(
            {
                field: f"{value.isoformat()} is out of range; use a date between "
                f"{EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}."
            }
        )


def check_same_team(field: str, obj: Any, team_id: int) -> None:
    """Refuse references to another team's rows as if they did not exist."""
    if obj is not None and getattr(obj, "team_id", None) != team_id:
        raise ValidationError({field: "No such item in your team."})
