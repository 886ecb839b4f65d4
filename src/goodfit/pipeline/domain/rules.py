"""Pure pipeline arithmetic: no Django, safe to call over millions of rows.

Money is ``Decimal`` throughout; percentages are 0–100.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal("100")
CENT = Decimal("0.01")


def net_amount(amount: Decimal, discount_pct: Decimal) -> Decimal:
    """What the customer pays after the discount, to the cent."""
    if amount < 0 or not Decimal(0) <= discount_pct <= HUNDRED:
        raise ValueError("amount must be ≥ 0 and discount_pct within 0–100")
    return (amount * (HUNDRED - discount_pct) / HUNDRED).quantize(CENT, ROUND_HALF_UP)


def margin_pct(revenue: Decimal, cost: Decimal) -> Decimal | None:
    """Margin as a percentage of revenue; None when there is no revenue to divide by.

    Negative when serving the customer costs more than they pay.
    """
    if revenue <= 0:
        return None
    return ((revenue - cost) / revenue * HUNDRED).quantize(Decimal("0.1"), ROUND_HALF_UP)


def deal_margin_pct(
    amount: Decimal, discount_pct: Decimal, cost_to_serve: Decimal
) -> Decimal | None:
    """The margin a deal keeps after its discount, given the offering's cost to serve."""
    return margin_pct(net_amount(amount, discount_pct), cost_to_serve)


def below_margin_floor(margin: Decimal | None, floor_pct: Decimal) -> bool:
    """True when the margin is under the offering's minimum (no revenue counts as under)."""
    return margin is None or margin < floor_pct


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of characters between whitespace."""
    return len(text.split())
