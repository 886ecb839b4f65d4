from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.pipeline.domain.rules import (
    below_margin_floor,
    count_words,
    deal_margin_pct,
    margin_pct,
    net_amount,
)

D = Decimal
money = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
percent = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)


@pytest.mark.parametrize(
    ("amount", "discount", "expected"),
    [
        (D("1000"), D("0"), D("1000.00")),
        (D("1000"), D("15"), D("850.00")),
        (D("999.99"), D("33.33"), D("666.69")),
        (D("1000"), D("100"), D("0.00")),
        (D("0"), D("50"), D("0.00")),
    ],
)
def test_net_amount_applies_the_discount_to_the_cent(amount, discount, expected):
    assert net_amount(amount, discount) == expected


@pytest.mark.parametrize(
    ("amount", "discount"), [(D("-1"), D("0")), (D("10"), D("-0.01")), (D("10"), D("100.01"))]
)
def test_net_amount_refuses_impossible_terms(amount, discount):
    with pytest.raises(ValueError):
        net_amount(amount, discount)


@pytest.mark.parametrize(
    ("revenue", "cost", "expected"),
    [
        (D("10000"), D("4000"), D("60.0")),
        (D("10000"), D("10000"), D("0.0")),
        (D("5000"), D("6000"), D("-20.0")),
        (D("0"), D("100"), None),
    ],
)
def test_margin_pct(revenue, cost, expected):
    assert margin_pct(revenue, cost) == expected


def test_a_discount_can_push_a_deal_below_its_margin_floor():
    margin = deal_margin_pct(D("10000"), D("30"), D("6000"))
    assert margin == D("14.3")
    assert below_margin_floor(margin, D("25"))
    assert not below_margin_floor(deal_margin_pct(D("10000"), D("0"), D("6000")), D("25"))
    assert below_margin_floor(None, D("0"))


@given(amount=money, low=percent, high=percent)
def test_a_bigger_discount_never_pays_more(amount, low, high):
    low, high = sorted((low, high))
    assert net_amount(amount, high) <= net_amount(amount, low) <= amount


@given(amount=money, discount=percent, cost=money)
def test_margin_never_exceeds_one_hundred_percent(amount, discount, cost):
    margin = deal_margin_pct(amount, discount, cost)
    assert margin is None or margin <= 100


@pytest.mark.parametrize(
    ("text", "words"),
    [("", 0), ("ok", 1), ("  sounds  good\n", 2), ("Let's talk next quarter.", 4)],
)
def test_count_words(text, words):
    assert count_words(text) == words
