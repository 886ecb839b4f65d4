"""Request and response shapes of the pipeline API: one schema per operation.

Inputs refuse unknown fields, so a typo ("amout") is an error naming the field instead
of a change silently dropped. Text is stripped, bounded by the column's max_length and
may not hold NUL characters (PostgreSQL refuses them). Ids are bounded to what a
database integer holds. Outputs are read straight from the rows.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, ClassVar

from ninja import Schema
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from goodfit.pipeline.models import Channel, Interaction, Outcome, Prospect
from goodfit.pipeline.selectors import DealFilters

MAX_ID = 2**63 - 1
MAX_VERSION = 2**31 - 1


def _local_time(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise PydanticCustomError(
            "time_with_offset",
            "Give a local time without a UTC offset, such as 09:30; the prospect's "
            "time_zone applies.",
        )
    return value


Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=MAX_VERSION, description="The version you loaded.")]
Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]
Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=5, decimal_places=2)]
LocalTime = Annotated[dt.time, AfterValidator(_local_time)]
Day = Annotated[dt.date, Field(description="YYYY-MM-DD, between 2000-01-01 and 2100-12-31.")]
Moment = Annotated[
    AwareDatetime, Field(description="ISO 8601 with a UTC offset, e.g. 2025-03-04T15:30:00+01:00.")
]
TimeZone = Annotated[Text, Field(max_length=64, description="IANA name, e.g. Europe/Lisbon.")]


class Params(BaseModel):
    """Query parameters, and the base of every body: text may not hold NUL characters."""

    @field_validator("*", mode="after")
    @classmethod
    def _refuse_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise PydanticCustomError(
                "nul_character", "Text may not contain NUL (\\u0000) characters."
            )
        return value


class Input(Params):
    """A request body: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class PatchInput(Input):
    """A partial update: only the fields sent change.

    Fields are declared optional so they can be left out; sending ``null`` for one that
    cannot be empty is refused with a message naming it.
    """

    nullable: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _refuse_null(cls, value: Any, info: ValidationInfo) -> Any:
        if value is None and info.field_name not in cls.nullable:
            raise PydanticCustomError(
                "not_nullable", "May not be null; leave the field out to keep its value."
            )
        return value

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


# ---- references embedded in outputs ---------------------------------------------------


class UserRef(Schema):
    id: int
    username: str
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


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


class ProspectRef(Schema):
    id: int
    name: str
    company: str


# ---- offerings ----------------------------------------------------------------------


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


# ---- prospects ----------------------------------------------------------------------


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


# ---- deals --------------------------------------------------------------------------


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


# ---- interactions and notes ---------------------------------------------------------


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
