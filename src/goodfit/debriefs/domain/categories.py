"""Loss-reason categories and their groups (pure Python: no Django).

A category code is what the rows store; its group decides where the feedback flows:
``rep`` to coaching, ``product`` to the product board, the rest to loss-reason counts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    group: str


GROUP_LABELS: dict[str, str] = {
    "rep": "The rep (was it me?)",
    "product": "The product (wrong fit?)",
    "price": "Price",
    "timing": "Timing",
    "competitor": "Competitor",
    "no_decision": "No decision",
    "not_a_fit": "Not a fit",
}

CATEGORIES: tuple[Category, ...] = (
    Category("rep_discovery", "Discovery missed the real need", "rep"),
    Category("rep_follow_up", "Follow-up too slow", "rep"),
    Category("rep_pushy", "Too pushy", "rep"),
    Category("rep_trust", "Didn't build trust", "rep"),
    Category("rep_other", "Something else I did", "rep"),
    Category("product_capability", "Missing capability", "product"),
    Category("product_segment", "Wrong segment", "product"),
    Category("product_quality", "Quality", "product"),
    Category("product_integration", "Integration", "product"),
    Category("price", "Price", "price"),
    Category("timing", "Timing", "timing"),
    Category("competitor", "Chose a competitor", "competitor"),
    Category("no_decision", "No decision", "no_decision"),
    Category("not_a_fit", "Not a fit (from the diagnosis)", "not_a_fit"),
)

BY_CODE: dict[str, Category] = {c.code: c for c in CATEGORIES}
CODES: tuple[str, ...] = tuple(BY_CODE)
PRODUCT_THEMES: tuple[str, ...] = tuple(c.code for c in CATEGORIES if c.group == "product")


def label(code: str) -> str:
    category = BY_CODE.get(code)
    return category.label if category else code


def group_of(code: str) -> str:
    category = BY_CODE.get(code)
    return category.group if category else ""


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Choices for a ``<select>`` with an ``<optgroup>`` per group, in a stable order."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for category in CATEGORIES:
        groups.setdefault(category.group, []).append((category.code, category.label))
    return [(GROUP_LABELS[group], choices) for group, choices in groups.items()]
