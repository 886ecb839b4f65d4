"""Good money in the deal page's header: the worth score and recommendation, and the
margin the deal keeps once free extras are counted (two queries)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Sum

from goodfit.core.extensions import HeaderFact
from goodfit.core.templatetags.core_ui import money
from goodfit.money.models import Concession, WorthScore, WorthVerdict
from goodfit.pipeline.domain.rules import below_margin_floor, deal_margin_pct


def _worth(deal: Any) -> HeaderFact:
    latest = (
        WorthScore.objects.filter(deal=deal)
        .order_by("-at", "-id")
        .values("score", "recommendation", "at_close")
        .first()
    )
    if latest is None:
        return HeaderFact("Worth", "Not scored", "neutral", "", "money")
    verdict = WorthVerdict(latest["recommendation"])
    if latest["score"] is None:
        return HeaderFact("Worth", verdict.label, "neutral", "", "money")
    detail = f"score {latest['score']}/100"
    if latest["at_close"]:
        detail += " when it closed"
    return HeaderFact("Worth", verdict.label, verdict.value, detail, "money")


def _margin_kept(deal: Any) -> HeaderFact:
    """One figure, its breakdown underneath: after the discount *and* the free extras."""
    extras = (
        Concession.objects.filter(deal=deal)
        .exclude(kind=Concession.Kind.DISCOUNT)
        .aggregate(total=Sum("value"))["total"]
    ) or Decimal("0")
    offering = deal.offering
    margin = deal_margin_pct(deal.amount, deal.discount_pct, offering.cost_to_serve + extras)
    text = "nothing charged" if margin is None else f"{margin.normalize():f}%"
    parts = [f"{deal.discount_pct.normalize():f}% discount"]
    parts.append(f"{money(extras, deal.currency)} of free extras" if extras else "no extras")
    low = below_margin_floor(margin, offering.min_margin_pct) and not deal.stage.is_closed
    detail = "after " + " and ".join(parts) + f"; floor {offering.min_margin_pct.normalize():f}%"
    return HeaderFact("Margin kept", text, "warning" if low else "neutral", detail, "money")


def worth_facts(deal: Any) -> list[HeaderFact]:
    return [_worth(deal), _margin_kept(deal)]
