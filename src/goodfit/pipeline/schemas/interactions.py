"""Request and response shapes of the interaction and note endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema
from pydantic import Field

from goodfit.core.schemas import Input, Moment, PatchInput, Text, UserRef
from goodfit.pipeline.models import Channel, Interaction


class InteractionOut(Schema):
    id: int
    deal: int
    direction: Interaction.Direction
    channel: Channel
    occurred_at: dt.datetime
    summary: str
    text: str
    word_count: int
    logged_by: UserRef | None
    created_at: dt.datetime

    @staticmethod
    def resolve_deal(obj: Any) -> int:
        return int(obj.deal_id)


class InteractionCreate(Input):
    direction: Interaction.Direction
    channel: Channel
    occurred_at: Moment
    summary: Text = Field("", max_length=300)
    text: Text = Field("", max_length=20000)


class InteractionUpdate(PatchInput):
    direction: Interaction.Direction | None = None
    channel: Channel | None = None
    occurred_at: Moment | None = None
    summary: Text | None = Field(None, max_length=300)
    text: Text | None = Field(None, max_length=20000)


class NoteOut(Schema):
    id: int
    deal: int
    author: UserRef | None
    body: str
    created_at: dt.datetime

    @staticmethod
    def resolve_deal(obj: Any) -> int:
        return int(obj.deal_id)


class NoteCreate(Input):
    body: Text = Field(min_length=1, max_length=10000)
