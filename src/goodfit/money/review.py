"""The bottom of the pipeline: the open deals worth least, and the time walking away freed.

Reads (selectors) for the review page and the API.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from goodfit.money.domain.severe import COVERS
from goodfit.money.models import WalkAway, WorthOverride, WorthScore
from goodfit.money.selectors import team_rules, unsaved_scores, with_worth
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
        """The signals that cost points, largest effect first, except those a severe
        signal already speaks for."""
        covered = {key for f in self.score.severe for key in COVERS.get(f["key"], ())}
        return [s for s in self.score.signals if s["effect"] < 0 and s["key"] not in covered]

    @property
    def severe(self) -> list[dict[str, Any]]:
        return list(self.score.severe)


def open_deals(user: Any) -> Any:
    return deals_visible_to(user).filter(stage__outcome=Outcome.OPEN)


def bottom_count(total: int, percent: float) -> int:
    return min(total, max(1, math.ceil(total * percent / 100))) if total else 0


@dataclass
class Bottom:
    rows: list[BottomDeal]
    open_deals: int
    not_enough_history: int  # open deals with too little history: not ranked


def _order(deal: Any, score: WorthScore) -> tuple[int, Any, int]:
    return (score.score or 0, -deal.amount, deal.pk)


def bottom_of_pipeline(user: Any, percent: float) -> Bottom:
    """The lowest ``percent`` of the open deals that have a score (at least one), by worth.

    A read: scores are the stored ones (services keep them current). Deals that were never
    scored (bulk imports, rows older than the scores) are scored in memory, not saved."""
    deals = with_worth(open_deals(user)).select_related("prospect", "owner", "offering", "stage")
    total = deals.count()
    unscored = list(deals.filter(worth_id__isnull=True))
    fresh = unsaved_scores(unscored, team_rules(unscored[0].team_id)) if unscored else {}
    ranked_fresh = [(d, fresh[d.pk]) for d in unscored if fresh[d.pk].has_verdict]
    scored = deals.filter(worth_score__isnull=False)
    ranked_total = scored.count() + len(ranked_fresh)
    thin = total - ranked_total
    wanted = bottom_count(ranked_total, percent)
    lowest = list(scored.order_by("worth_score", "-amount", "pk")[:wanted])
    stored = WorthScore.objects.in_bulk([d.worth_id for d in lowest])
    pairs = [(d, stored[d.worth_id]) for d in lowest] + ranked_fresh
    pairs = sorted(pairs, key=lambda pair: _order(*pair))[:wanted]
    overrides = _latest_overrides([d.pk for d, _ in pairs])
    rows = [
        BottomDeal(
            deal=d, score=score, touches=d.touches or 0,
            hours=d.hours_logged or Decimal(0), override=overrides.get(d.pk),
        )
        for d, score in pairs
    ]  # fmt: skip
    return Bottom(rows, total, thin)


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
