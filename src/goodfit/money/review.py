"""The bottom of the pipeline: the open deals worth least, and the time walking away freed.

Reads (selectors) for the review page and the API.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from goodfit.money.models import WalkAway, WorthOverride, WorthScore
from goodfit.money.selectors import is_stale, team_rules, with_worth
from goodfit.pipeline.access import deals_visible_to
from goodfit.pipeline.models import Outcome


@dataclass
class BottomDeal:
    deal: Any
    score: WorthScore
    touches: int
    hours: Decimal
    override: WorthOverride | None

    @property
    def reasons(self) -> list[dict[str, Any]]:
        """The signals that cost points, largest effect first."""
        return [s for s in self.score.signals if s["effect"] < 0]


def open_deals(user: Any) -> Any:
    return deals_visible_to(user).filter(stage__outcome=Outcome.OPEN)


def refresh_stale(user: Any) -> int:
    """Score the open deals whose score is missing or older than their last activity."""
    from goodfit.money.services import worth_refresh_many

    deals = list(with_worth(open_deals(user)).select_related("offering"))
    stale = [d for d in deals if is_stale(d)]
    if not stale:
        return 0
    return worth_refresh_many(deals=stale, rules=team_rules(stale[0].team_id))


def bottom_count(total: int, percent: float) -> int:
    return min(total, max(1, math.ceil(total * percent / 100))) if total else 0


def bottom_of_pipeline(user: Any, percent: float) -> tuple[list[BottomDeal], int]:
    """The lowest ``percent`` of open deals by worth (at least one), and how many are open."""
    refresh_stale(user)
    deals = with_worth(open_deals(user)).select_related("prospect", "owner", "offering", "stage")
    ranked = deals.order_by("worth_score", "-amount", "pk")
    total = deals.count()
    lowest = list(ranked[: bottom_count(total, percent)])
    scores = WorthScore.objects.in_bulk([d.worth_id for d in lowest])
    overrides = _latest_overrides([d.pk for d in lowest])
    rows = [
        BottomDeal(
            deal=d, score=scores[d.worth_id], touches=d.touches or 0,
            hours=d.hours_logged or Decimal(0), override=overrides.get(d.pk),
        )
        for d in lowest
    ]  # fmt: skip
    return rows, total


def _latest_overrides(deal_ids: list[int]) -> dict[int, WorthOverride]:
    found: dict[int, WorthOverride] = {}
    rows = WorthOverride.objects.filter(deal_id__in=deal_ids).select_related("by")
    for row in rows.order_by("-at", "-id"):
        found.setdefault(row.deal_id, row)
    return found


@dataclass
class TimeFreed:
    deals: int
    touches_per_week: Decimal
    hours_per_week: Decimal


def time_freed(user: Any) -> TimeFreed:
    """What the deals we walked away from were taking each week before the decision."""
    rows = WalkAway.objects.filter(deal__in=deals_visible_to(user)).aggregate(
        n=Count("id"), touches=Sum("touches_per_week_before"), hours=Sum("hours_per_week_before")
    )
    return TimeFreed(rows["n"], rows["touches"] or Decimal(0), rows["hours"] or Decimal(0))


def recent_walk_aways(user: Any, limit: int = 10) -> list[WalkAway]:
    rows = WalkAway.objects.filter(deal__in=deals_visible_to(user))
    return list(rows.select_related("deal__prospect", "by").order_by("-at", "-id")[:limit])
