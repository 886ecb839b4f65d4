"""Request and response shapes of the offering and stage endpoints."""

from __future__ import annotations

from decimal import Decimal

from ninja import Schema
from pydantic import Field

from goodfit.core.schemas import Input, Money, Params, PatchInput, Percent, Text
from goodfit.pipeline.models import Outcome


class StageOut(Schema):
    id: int
    name: str
    position: int
    outcome: Outcome


class StageRef(Schema):
    id: int
    name: str
    outcome: Outcome


class OfferingRef(Schema):
    id: int
    name: str


class OfferingOut(Schema):
    id: int
    name: str
    description: str
    price: Decimal
    cost_to_serve: Decimal
    min_margin_pct: Decimal
    is_active: bool


class OfferingCreate(Input):
    name: Text = Field(min_length=1, max_length=120)
    description: Text = Field("", max_length=2000)
    price: Money
    cost_to_serve: Money
    min_margin_pct: Percent = Decimal("20")
    is_active: bool = True


class OfferingUpdate(PatchInput):
    name: Text | None = Field(None, min_length=1, max_length=120)
    description: Text | None = Field(None, max_length=2000)
    price: Money | None = None
    cost_to_serve: Money | None = None
    min_margin_pct: Percent | None = None
    is_active: bool | None = None


class OfferingQuery(Params):
    active: bool | None = Field(None, description="true: only active; false: only retired.")
