"""The fit verdict on the board and the deal list: a badge per deal and a filter."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery

from goodfit.core.extensions import Badge
from goodfit.fit.models import VERDICT_CHOICES as VERDICTS
from goodfit.fit.models import Diagnosis
from goodfit.fit.selectors import current_verdicts
from goodfit.fit.templatetags.fit_ui import verdict_badge

NOT_DIAGNOSED = "not_diagnosed"
VERDICT_CHOICES = [("", "Any verdict"), *VERDICTS, (NOT_DIAGNOSED, "Not diagnosed")]


def verdict_markers(deal_ids: list[int]) -> dict[int, Badge]:
    """A verdict badge for each diagnosed deal (two queries for the whole page)."""
    return {deal_id: verdict_badge(v) for deal_id, v in current_verdicts(deal_ids).items()}


def filter_by_verdict(deals: QuerySet[Any], value: str) -> QuerySet[Any]:
    """Deals whose latest diagnosis has ``value`` as its verdict (or that have none)."""
    latest = Diagnosis.objects.filter(deal=OuterRef("pk")).order_by("-id").values("verdict")[:1]
    deals = deals.annotate(current_verdict=Subquery(latest))
    if value == NOT_DIAGNOSED:
        return deals.filter(current_verdict__isnull=True)
    return deals.filter(current_verdict=value)
