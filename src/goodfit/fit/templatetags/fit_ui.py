"""Verdict badges: words and a symbol, never colour alone."""

from __future__ import annotations

from typing import Any

from django import template

from goodfit.core.extensions import Badge
from goodfit.fit.models import VERDICT_CHOICES

register = template.Library()


@register.filter
def verdict_badge(verdict: Any) -> Badge:
    """``"not_a_fit"`` → ``Badge("Not a fit", "verdict-not_a_fit")``, for
    ``{% include "includes/badge.html" with badge=verdict|verdict_badge %}``."""
    if not verdict:
        return Badge("Not diagnosed")
    value = str(getattr(verdict, "value", verdict))
    return Badge(dict(VERDICT_CHOICES).get(value, value), f"verdict-{value}")


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """``errors|get_item:question.key``: a dict lookup by a variable key."""
    return mapping.get(key) if hasattr(mapping, "get") else None
