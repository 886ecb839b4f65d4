"""Request and response shapes of the good-money API: one schema per operation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field

from goodfit.core.schemas import Input, Moment, Money, Params, PatchInput, Text, UserRef
from goodfit.money.models import Concession, Recommendation, WorthVerdict


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


class SevereOut(Schema):
    key: str
    label: str
    reason: str
    term: str
    change: str = Field(description="The change this severe signal asks for.")
    evidence: list[EvidenceOut]


class WorthOut(Schema):
    deal: int
    score: int | None = Field(
        None, description="0 (walk away) to 100 (good money); null without enough history."
    )
    recommendation: WorthVerdict | None = Field(
        None, description="null only for a closed deal that never had a score."
    )
    signals: list[SignalOut] = Field([], description="Largest effect first.")
    resets: list[ResetOut] = Field([], description="What would have to change, and why.")
    severe: list[SevereOut] = Field(
        [], description="Severe signals: one resets the terms, two walk away."
    )
    missing: list[str] = Field([], description="Facts a verdict still needs.")
    closed: bool = Field(description="The deal is closed: this is the score it closed with.")
    stored: bool = Field(description="False when computed now for a deal never scored.")
    override: OverrideOut | None
    at: dt.datetime | None = None


class WalkAwayCreate(Input):
    message: Text | None = Field(
        None, max_length=5000, description="Leave out to record the team's template, filled in."
    )
    pressure_ok: bool = Field(
        False,
        description="Record the message even though the pressure checker flags it.",
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
    severe: list[str] = Field(description="The severe signals' labels.")
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
    not_enough_history: int = Field(
        description="Open deals with too little history to rank (not in the list)."
    )
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
