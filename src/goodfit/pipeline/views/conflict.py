"""Side-by-side values for an edit refused because someone else saved first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from goodfit.core.templatetags.core_ui import money, person

LABELS = [
    ("title", "Title"),
    ("prospect", "Prospect"),
    ("offering", "Offering"),
    ("owner", "Owner"),
    ("amount", "Amount"),
    ("discount_pct", "Discount (%)"),
    ("expected_close_date", "Expected close"),
]


@dataclass(frozen=True)
class ConflictRow:
    label: str
    mine: str
    theirs: str

    @property
    def differs(self) -> bool:
        return self.mine != self.theirs


def _show(name: str, value: Any, currency: str) -> str:
    if value is None or value == "":
        return "—"
    if name == "owner":
        return person(value)
    if name == "amount":
        return money(value, currency)
    if name == "discount_pct":
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def conflict_rows(mine: dict[str, Any], current: Any) -> list[ConflictRow]:
    """Each field as the editor typed it and as it is saved now."""
    return [
        ConflictRow(
            label,
            _show(name, mine.get(name), current.currency),
            _show(name, getattr(current, name), current.currency),
        )
        for name, label in LABELS
    ]
