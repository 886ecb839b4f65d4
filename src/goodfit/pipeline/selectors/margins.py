"""Margins as the pages show them: a deal's after its discount, an offering's at list price.

The arithmetic is in ``rules`` (pure); this turns rows into its inputs and its answers
into what a template needs, so no template does sums.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from goodfit.pipeline.domain import rules
from goodfit.pipeline.models import Deal, Offering

BELOW_FLOOR = "Below minimum margin"
MARGIN_OK = "Margin OK"


@dataclass(frozen=True)
class MarginCheck:
    """What is charged, what is kept, and whether that clears the offering's minimum."""

    amount: Decimal
    discount_pct: Decimal
    net_amount: Decimal
    cost_to_serve: Decimal
    margin_pct: Decimal | None  # None when nothing is charged
    floor_pct: Decimal
    below_floor: bool

    @property
    def has_discount(self) -> bool:
        return self.discount_pct > 0

    @property
    def verdict(self) -> str:
        return BELOW_FLOOR if self.below_floor else MARGIN_OK


def _check(amount: Decimal, discount_pct: Decimal, offering: Offering) -> MarginCheck:
    margin = rules.deal_margin_pct(amount, discount_pct, offering.cost_to_serve)
    return MarginCheck(
        amount=amount,
        discount_pct=discount_pct,
        net_amount=rules.net_amount(amount, discount_pct),
        cost_to_serve=offering.cost_to_serve,
        margin_pct=margin,
        floor_pct=offering.min_margin_pct,
        below_floor=rules.below_margin_floor(margin, offering.min_margin_pct),
    )


def deal_margin(deal: Deal) -> MarginCheck:
    """The margin the deal keeps after its discount, against its offering's minimum."""
    return _check(deal.amount, deal.discount_pct, deal.offering)


def offering_list_margin(offering: Offering) -> MarginCheck:
    """The margin of the offering sold at its list price, with no discount."""
    return _check(offering.price, Decimal("0"), offering)
