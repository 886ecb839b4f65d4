"""Field validators shared by models, forms and API schemas."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError


def validate_time_zone(value: str) -> None:
    """Accept IANA zone names such as ``Europe/Lisbon``; refuse anything else."""
    if value not in available_time_zones():
        raise ValidationError(
            "“%(value)s” is not a known time zone; use an IANA name such as Europe/Lisbon.",
            code="invalid_time_zone",
            params={"value": value},
        )


_ZONES: frozenset[str] | None = None


def available_time_zones() -> frozenset[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(zoneinfo.available_timezones())
    return _ZONES


def validate_currency(value: str) -> None:
    if len(value) != 3 or not value.isalpha() or not value.isupper():
        raise ValidationError(
            "“%(value)s” is not a currency code; use three capital letters such as EUR.",
            code="invalid_currency",
            params={"value": value},
        )


def validate_weekdays(value: str) -> None:
    """Working days as ISO weekday digits, Monday=1 … Sunday=7, e.g. ``12345``."""
    if not value or any(ch not in "1234567" for ch in value) or len(set(value)) != len(value):
        raise ValidationError(
            "“%(value)s” is not a list of weekdays; use digits 1 (Monday) to 7 (Sunday), "
            "each once, e.g. 12345.",
            code="invalid_weekdays",
            params={"value": value},
        )
