"""Small presentation helpers for pipeline pages: money, stage badges, people's names."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from goodfit.core.extensions import Badge

register = template.Library()

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$"}


@register.filter
def money(value: Any, currency: str = "") -> str:
    """``12000`` → ``$12,000``; cents only when there are any; unknown codes as a suffix."""
    if value is None or value == "":
        return "—"
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    digits = f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"
    code = (currency or "").upper()
    if code in SYMBOLS:
        sign, digits = ("-", digits[1:]) if digits.startswith("-") else ("", digits)
        return f"{sign}{SYMBOLS[code]}{digits}"
    return f"{digits} {code}".strip()


@register.filter
def stage_badge(stage: Any) -> Badge:
    """A stage as a badge whose colour follows its outcome and whose text is its name, for
    ``{% include "includes/badge.html" with badge=stage|stage_badge %}``."""
    if stage is None:
        return Badge("No stage")
    return Badge(stage.name, stage.outcome or "neutral")


@register.filter
def person(user: Any) -> str:
    """A user's full name, else their username; a dash for nobody."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def stage_menus(stages: list[Any]) -> dict[int, SafeString]:
    """The <option>s of a stage menu, once for each current stage.

    A board repeats the menu on every card; building the few variants up front keeps
    the board's rendering time flat however many cards it shows.
    """
    return {
        current.pk: format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((s.pk, mark_safe(" selected") if s.pk == current.pk else "", s.name) for s in stages),
        )
        for current in stages
    }


def stage_buttons(stages: list[Any]) -> dict[int, SafeString]:
    """A card menu's buttons: every stage but the current one, once per current stage."""
    return {
        current.pk: format_html_join(
            "",
            '<li><button type="submit" name="stage" value="{}" class="card-menu-item">'
            "{}</button></li>",
            ((s.pk, s.name) for s in stages if s.pk != current.pk),
        )
        for current in stages
    }


@register.filter
def menu_for(menus: dict[int, SafeString], stage_id: int) -> SafeString:
    return menus.get(stage_id, SafeString(""))


@register.filter
def lookup(mapping: Any, key: Any) -> Any:
    """``markers|lookup:deal.pk``: a dict entry by a variable key (empty when absent)."""
    return mapping.get(key, ()) if hasattr(mapping, "get") else ()
