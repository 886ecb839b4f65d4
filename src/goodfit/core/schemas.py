"""The shapes every API endpoint shares: bounded ids and money, text, moments, and the bases
of query parameters, bodies and partial updates.

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


class UserRef(Schema):
    id: int
    username: str
    name: str

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()
