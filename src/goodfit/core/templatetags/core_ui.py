"""Filters every app's pages share: amounts of money, people's names, lookups by key."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

register = template.Library()

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "CA$", "AUD": "A$"}


@register.filter
def startswith(value: object, prefix: str) -> bool:
    """``{% if current|startswith:"followup-" %}``: the page belongs to a section."""
    return isinstance(value, str) and bool(prefix) and value.startswith(prefix)


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
def person(user: Any) -> str:
    """A user's full name, else their username; a dash for nobody."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


@register.filter
def lookup(mapping: Any, key: Any) -> Any:
    """``markers|lookup:deal.pk``: a dict entry by a variable key (empty when absent)."""
    return mapping.get(key, ()) if hasattr(mapping, "get") else ()
