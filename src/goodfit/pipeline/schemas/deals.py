"""Request and response shapes of the deal endpoints: one schema per operation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ninja import Schema
from pydantic import Field

from goodfit.core.schemas import (
    Day,
    Id,
    Input,
    Money,
    Params,
    PatchInput,
    Percent,
    Text,
    UserRef,
    Version,
)
from goodfit.pipeline.models import Outcome
from goodfit.pipeline.schemas.config import OfferingRef, StageRef
from goodfit.pipeline.schemas.interactions import InteractionOut, NoteOut
from goodfit.pipeline.schemas.prospects import ProspectRef
from goodfit.pipeline.selectors.deals import DealFilters


class CancellationOut(Schema):
    cancelled_on: dt.date
    reason: str
    by: UserRef | None
    created_at: dt.datetime


class CancellationCreate(Input):
    cancelled_on: Day
    reason: Text = Field(min_length=1, max_length=500)


class DealOut(Schema):
    id: int
    title: str
    prospect: ProspectRef
    offering: OfferingRef
    owner: UserRef
    stage: StageRef
    amount: Decimal
    currency: str
    discount_pct: Decimal
    expected_close_date: dt.date | None
    version: int = Field(description="Send it back with PATCH to detect concurrent edits.")
    created_at: dt.datetime
    updated_at: dt.datetime
    closed_at: dt.datetime | None
    cancellation: CancellationOut | None

    @staticmethod
    def resolve_cancellation(obj: Any) -> Any:
        # The reverse one-to-one raises when there is none; absent means "not cancelled".
        return getattr(obj, "cancellation", None)


class DealCreate(Input):
    prospect: Id
    offering: Id
    owner: Id | None = Field(None, description="A member's user id; default: you.")
    title: Text = Field(min_length=1, max_length=200)
    amount: Money
    currency: Text = Field("", max_length=3, description="Default: the team's currency.")
    discount_pct: Percent = Decimal("0")
    expected_close_date: Day | None = None
    stage: Id | None = Field(None, description="Default: the first open stage.")


class DealUpdate(PatchInput):
    """Change a deal's terms; move it between stages with POST /deals/{id}/move."""

    nullable = frozenset({"expected_close_date"})

    version: Version
    prospect: Id | None = None
    offering: Id | None = None
    owner: Id | None = None
    title: Text | None = Field(None, min_length=1, max_length=200)
    amount: Money | None = None
    currency: Text | None = Field(None, max_length=3)
    discount_pct: Percent | None = None
    expected_close_date: Day | None = None


class DealMove(Input):
    stage: Id
    version: Version | None = Field(None, description="Optional: refuse if the deal changed.")


class DealQuery(Params):
    stage: Id | None = None
    owner: Id | None = Field(None, description="A member's user id.")
    offering: Id | None = None
    outcome: Outcome | None = None
    segment: Text = Field("", max_length=80)
    source: Text = Field("", max_length=80)
    q: Text = Field("", max_length=200, description="Part of the title, prospect or email.")

    def to_filters(self) -> DealFilters:
        return DealFilters(**{**self.model_dump(), "outcome": self.outcome or ""})


class StageChangeOut(Schema):
    id: int
    from_stage: StageRef | None
    to_stage: StageRef
    by: UserRef | None
    at: dt.datetime


class TimelineEventOut(Schema):
    """One line of a deal's history; exactly one of the three items is set, per ``kind``."""

    at: dt.datetime
    kind: str = Field(description="stage, interaction or note")
    stage_change: StageChangeOut | None
    interaction: InteractionOut | None
    note: NoteOut | None

    @staticmethod
    def resolve_stage_change(obj: Any) -> Any:
        return obj.item if obj.kind == "stage" else None

    @staticmethod
    def resolve_interaction(obj: Any) -> Any:
        return obj.item if obj.kind == "interaction" else None

    @staticmethod
    def resolve_note(obj: Any) -> Any:
        return obj.item if obj.kind == "note" else None


def deal_as_json(deal: Any) -> dict[str, Any]:
    """A deal as the API shows it, for error bodies that carry the current values."""
    return DealOut.from_orm(deal).model_dump(mode="json")
