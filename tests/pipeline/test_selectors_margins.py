"""Margins as the deal page and the offerings page show them."""

from __future__ import annotations

from decimal import Decimal as D

from goodfit.pipeline.models import Deal, Offering
from goodfit.pipeline.selectors.margins import (
    BELOW_FLOOR,
    MARGIN_OK,
    deal_margin,
    offering_list_margin,
)


def offering(**fields):
    values = {"price": D("10000"), "cost_to_serve": D("6000"), "min_margin_pct": D("25")}
    return Offering(**{**values, **fields})


def test_a_discount_that_pushes_a_deal_below_the_minimum_margin_is_flagged():
    deal = Deal(amount=D("10000"), discount_pct=D("30"), offering=offering())
    margin = deal_margin(deal)
    assert margin.has_discount and margin.net_amount == D("7000.00")
    assert margin.margin_pct == D("14.3") and margin.floor_pct == D("25")
    assert margin.below_floor and margin.verdict == BELOW_FLOOR == "Below minimum margin"


def test_a_deal_without_discount_above_the_minimum_is_ok():
    deal = Deal(amount=D("10000"), discount_pct=D("0"), offering=offering())
    margin = deal_margin(deal)
    assert not margin.has_discount and margin.net_amount == D("10000.00")
    assert margin.margin_pct == D("40.0") and not margin.below_floor
    assert margin.verdict == MARGIN_OK == "Margin OK"


def test_a_deal_exactly_at_the_minimum_margin_is_ok():
    deal = Deal(amount=D("8000"), discount_pct=D("0"), offering=offering())
    assert deal_margin(deal).margin_pct == D("25.0") and not deal_margin(deal).below_floor


def test_a_deal_that_charges_nothing_has_no_margin_and_is_below_the_minimum():
    deal = Deal(amount=D("10000"), discount_pct=D("100"), offering=offering())
    margin = deal_margin(deal)
    assert margin.net_amount == D("0.00") and margin.margin_pct is None and margin.below_floor


def test_an_offering_list_margin_is_at_its_price_without_discount():
    margin = offering_list_margin(offering(price=D("1200"), cost_to_serve=D("300")))
    assert margin.margin_pct == D("75.0") and not margin.has_discount and not margin.below_floor
    cheap = offering_list_margin(offering(price=D("100"), cost_to_serve=D("150")))
    assert cheap.margin_pct == D("-50.0") and cheap.below_floor
