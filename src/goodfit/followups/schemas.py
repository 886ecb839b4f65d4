"""API schemas of follow-ups: one per operation."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from goodfit.core.schemas import Input, Moment, Text
from goodfit.followups.models import FollowUp
from goodfit.pipeline.models import Channel


class FollowUpCreate(Input):
    """A rung of the team's ladder (``step_id``), or an explicit ``due_at``; or both."""

    step_id: int | None = None
    due_at: Moment | None = None
    channel: Channel | None = None
    no_decision: bool = Field(
        False, description="Also log a call that ended without a decision (starts the ladder)."
    )
    summary: Text = Field("", max_length=300)


class FollowUpUpdate(Input):
    """``done`` (logs the interaction), ``snooze`` (minutes), ``reschedule`` (due_at),
    ``no_answer`` (moves down the ladder)."""

    action: Literal["done", "snooze", "reschedule", "no_answer"]
    minutes: int | None = Field(None, ge=5, le=10080)
    due_at: Moment | None = None
    summary: Text = Field("", max_length=300)


class FollowUpOut(Schema):
    id: int
    deal_id: int
    step_id: int | None
    step: str | None
    due_at: dt.datetime
    due_local: str = Field(description="The due time on the prospect's clock, ISO 8601.")
    prospect_time_zone: str
    channel: str
    message: str
    status: FollowUp.Status
    origin: str
    completed_at: dt.datetime | None


class RefusalOut(Schema):
    field: str = "due_at"
    message: str


class CadenceRefusalOut(Schema):
    """Bad input (``detail`` only), or a cadence refusal: its reason codes and the next
    allowed time (null for a do-not-contact prospect)."""

    detail: list[RefusalOut]
    reasons: list[str] = []
    next_allowed: dt.datetime | None = None


class ComebackRateOut(Schema):
    source: str
    sample: int
    came_back: int
    rate: float | None
    advice: Literal["nurture", "push", "unknown"]
    sentence: str
