"""Verdict badges: words and a symbol, never colour alone."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html

from goodfit.fit.models import VERDICT_CHOICES

register = template.Library()


@register.filter
def verdict_badge(verdict: Any) -> str:
    """``"not_a_fit"`` → ``<span class="badge badge-verdict-not_a_fit">Not a fit</span>``."""
    if not verdict:
        return format_html('<span class="badge badge-neutral">{}</span>', "Not diagnosed")
    value = str(getattr(verdict, "value", verdict))
    label = dict(VERDICT_CHOICES).get(value, value)
    return format_html('<span class="badge badge-verdict-{}">{}</span>', value, label)


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    """``errors|get_item:question.key``: a dict lookup by a variable key."""
    return mapping.get(key) if hasattr(mapping, "get") else None
