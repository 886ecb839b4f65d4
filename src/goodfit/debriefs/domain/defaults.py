"""What a team starts with before a manager changes anything in Settings."""

from __future__ import annotations

from goodfit.debriefs.domain.closeout_lint import DEFAULT_RULES
from goodfit.debriefs.domain.closeout_message import DEFAULT_TEMPLATE
from goodfit.debriefs.domain.pressure_families import DEFAULT_PATTERNS, FAMILIES

KEEP_IN_TOUCH_DAYS = 90
OBJECTION_CATEGORIES = (
    "Price",
    "Fees and how they work",
    "Timing",
    "Effect on credit score",
    "Trust: is this legit?",
    "Needs someone else to decide",
    "Already has a provider",
    "Integration with current tools",
    "Contract length",
)

__all__ = [
    "DEFAULT_PATTERNS",
    "DEFAULT_RULES",
    "DEFAULT_TEMPLATE",
    "FAMILIES",
    "KEEP_IN_TOUCH_DAYS",
    "OBJECTION_CATEGORIES",
]
