"""Request and response shapes of the good-money API: one schema per operation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field

from goodfit.money.models import Concession, Recommendation
from goodfit.pipeline.schemas import Input, Moment, Money, Params, PatchInput, Text, UserRef


class EvidenceOut(Schema):
    kind: str = Field(description="interaction, concession, quote or time_entry")
    id: int


class SignalOut(Schema):
    key: str
    label: str
    value: float
    weight: float
    severity: float = Field(description="0 (no concern) to 1 (the full weight).")
    effect: float = Field(description="Points this signal takes off the score.")
    reason: str
    evidence: list[EvidenceOut]


class ResetOut(Schema):
    term: str
    why: str


class OverrideOut(Schema):
    recommendation: Recommendation
    reason: str
    by: UserRef | None
    at: dt.datetime


class WorthOut(Schema):
    deal: int
    score: int = Field(description="0 (walk away) to 100 (good money).")
    recommendation: Recommendation
    signals: list[SignalOut] = Field(description="Largest effect first.")
    resets: list[ResetOut] = Field(description="The terms to reset, and why.")
    override: OverrideOut | None
    at: dt.datetime


class WalkAwayCreate(Input):
    message: Text | None = Field(
        None, max_length=5000, description="Leave out to send the team's template, filled in."
    )


class WalkAwayOut(Schema):
    id: int
    deal: int
    message: str
    score: int | None
    touches_per_week_before: Decimal
    hours_per_week_before: Decimal
    by: UserRef | None
    at: dt.datetime

    @staticmethod
    def resolve_deal(obj: Any) -> int:
        return int(obj.deal_id)


class BottomQuery(Params):
    percent: float | None = Field(
        None, ge=1, le=100, description="Share of open deals, lowest worth first (1–100)."
    )


class BottomDealOut(Schema):
    deal: int
    title: str
    amount: Decimal
    currency: str
    score: int
    recommendation: Recommendation
    reasons: list[str]
    touches: int
    hours_logged: Decimal


class TimeFreedOut(Schema):
    deals: int
    touches_per_week: Decimal
    hours_per_week: Decimal


class BottomOut(Schema):
    percent: float
    open_deals: int
    deals: list[BottomDealOut]
    time_freed: TimeFreedOut


class ConcessionOut(Schema):
    id: int
    deal: int
    kind: Concession.Kind
    value: Decimal
    note: str
    at: dt.datetime
    by: UserRef | None

    @staticmethod
    def resolve_deal(obj: Any) -> int:
        return int(obj.deal_id)


class ConcessionCreate(Input):
    kind: Concession.Kind
    value: Money
    note: Text = Field("", max_length=300)
    at: Moment | None = None


class ConcessionUpdate(PatchInput):
    kind: Concession.Kind | None = None
    value: Money | None = None
    note: Text | None = Field(None, max_length=300)
    at: Moment | None = None


class QuoteOut(Schema):
    id: int
    deal: int
    version: int
    terms: str
    amount: Decimal
    sent_at: dt.datetime
    by: UserRef | None

    @staticmethod
    def resolve_deal(obj: Any) -> int:
        return int(obj.deal_id)


class QuoteCreate(Input):
    terms: Text = Field(min_length=1, max_length=300)
    amount: Money
    sent_at: Moment | None = None
    version: int | None = Field(None, ge=1, le=10_000, description="Default: the next one.")


class QuoteUpdate(PatchInput):
    terms: Text | None = Field(None, min_length=1, max_length=300)
    amount: Money | None = None
    sent_at: Moment | None = None
    version: int | None = Field(None, ge=1, le=10_000)
