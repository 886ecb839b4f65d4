"""Request and response shapes of the prospect endpoints."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import Field

from goodfit.core.schemas import Input, LocalTime, Params, PatchInput, Text, TimeZone
from goodfit.pipeline.models import Channel, Prospect


class ProspectRef(Schema):
    id: int
    name: str
    company: str


class ProspectOut(Schema):
    id: int
    kind: Prospect.Kind
    name: str
    company: str
    email: str
    phone: str
    segment: str
    source: str
    time_zone: str
    preferred_channel: Channel
    contact_start: dt.time
    contact_end: dt.time
    contact_days: str
    do_not_contact: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class ProspectCreate(Input):
    kind: Prospect.Kind = Prospect.Kind.PERSON
    name: Text = Field(min_length=1, max_length=200)
    company: Text = Field("", max_length=200)
    email: Text = Field("", max_length=254)
    phone: Text = Field("", max_length=40)
    segment: Text = Field("", max_length=80)
    source: Text = Field("", max_length=80)
    time_zone: TimeZone | None = Field(None, description="IANA name; default: the team's.")
    preferred_channel: Channel = Channel.EMAIL
    contact_start: LocalTime = dt.time(9, 0)
    contact_end: LocalTime = dt.time(18, 0)
    contact_days: str = Field(
        "", pattern="^[1-7]{0,7}$", description="ISO weekdays, e.g. 12345; blank: the team's."
    )
    do_not_contact: bool = False


class ProspectUpdate(PatchInput):
    kind: Prospect.Kind | None = None
    name: Text | None = Field(None, min_length=1, max_length=200)
    company: Text | None = Field(None, max_length=200)
    email: Text | None = Field(None, max_length=254)
    phone: Text | None = Field(None, max_length=40)
    segment: Text | None = Field(None, max_length=80)
    source: Text | None = Field(None, max_length=80)
    time_zone: TimeZone | None = None
    preferred_channel: Channel | None = None
    contact_start: LocalTime | None = None
    contact_end: LocalTime | None = None
    contact_days: str | None = Field(None, pattern="^[1-7]{0,7}$")
    do_not_contact: bool | None = None


class ProspectQuery(Params):
    q: Text = Field("", max_length=200, description="Part of the name, company or email.")
    segment: Text = Field("", max_length=80)
    source: Text = Field("", max_length=80)
