from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def startswith(value: object, prefix: str) -> bool:
    """``{% if current|startswith:"followup-" %}``: the page belongs to a section."""
    return isinstance(value, str) and bool(prefix) and value.startswith(prefix)
