"""Request and response shapes of the debriefs API: one schema per operation.

Inputs refuse unknown fields and NUL characters (the pipeline's ``Input`` base); reason
codes are checked against the list, so a typo is an error naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from ninja import Schema
from pydantic import Field, StringConstraints

from goodfit.core.schemas import Id, Input, Params, PatchInput
from goodfit.debriefs.domain.categories import CODES

Reason = Literal[CODES]  # type: ignore[valid-type]
ReasonOrBlank = Literal[("", *CODES)]  # type: ignore[valid-type]
Text = Annotated[str, StringConstraints(strip_whitespace=True)]


class DebriefIn(Input):
    complete: bool = Field(False, description="true completes it; false saves a draft.")
    primary_category: ReasonOrBlank = ""
    secondary: list[Reason] = Field(default_factory=list, max_length=len(CODES))
    competitor: Annotated[Text, Field(max_length=120)] = ""
    prospect_words: Annotated[Text, Field(max_length=4000)] = ""
    do_differently: Annotated[Text, Field(max_length=4000)] = ""
    segment: Annotated[Text, Field(max_length=80)] | None = Field(
        None, description="Defaults to the prospect's segment."
    )


class DebriefOut(Schema):
    id: int
    status: str
    primary_category: str
    secondary: list[str]
    competitor: str
    prospect_words: str
    do_differently: str
    segment: str
    created_at: dt.datetime
    completed_at: dt.datetime | None
    completed_by_id: int | None

    @staticmethod
    def resolve_secondary(obj: Any) -> list[str]:
        return [r.category for r in obj.reasons.all()]


class DebriefStateOut(Schema):
    deal_id: int
    needed: bool = Field(description="The deal ended without a sale, or was cancelled.")
    debrief: DebriefOut | None


class ThemeOut(Schema):
    theme: str
    label: str
    count: int
    by_month: dict[str, int]
    quotes: list[str]


class SegmentFeedbackOut(Schema):
    segment: str
    count: int
    themes: list[ThemeOut]

    @staticmethod
    def resolve_themes(obj: Any) -> list[Any]:
        return obj.theme_list


class FeedbackQuery(Params):
    segment: Annotated[Text, Field(max_length=80)] = ""


class ReasonShareOut(Schema):
    code: str
    label: str
    group: str
    rep_count: int
    rep_share: float
    team_count: int
    team_share: float
    is_pattern: bool


class CoachingOut(Schema):
    user_id: int
    debriefs: int
    team_debriefs: int = Field(description="Completed debriefs of the rest of the team.")
    shares: list[ReasonShareOut]
    patterns: list[str]


class ObjectionShareOut(Schema):
    category: str
    deals: int
    share: float


class SegmentObjectionsOut(Schema):
    segment: str
    top: list[ObjectionShareOut]


class ObjectionQuery(Params):
    segment: Annotated[Text, Field(max_length=80)] | None = None
    limit: int = Field(3, ge=1, le=20)


class ObjectionIn(Input):
    category: Annotated[Text, Field(min_length=1, max_length=60)]
    words: Annotated[Text, Field(max_length=500)] = ""


class ObjectionOut(Schema):
    id: int
    deal_id: int
    debrief_id: int | None
    category: str
    words: str
    at: dt.datetime

    @staticmethod
    def resolve_category(obj: Any) -> str:
        return obj.category.name


class ReferralIn(Input):
    """Name an existing prospect as ``referred_id``, or give a new one's name and contact."""

    referrer_id: Id
    referred_id: Id | None = None
    name: Annotated[Text, Field(max_length=200)] = ""
    email: Annotated[Text, Field(max_length=254)] = ""
    phone: Annotated[Text, Field(max_length=40)] = ""
    note: Annotated[Text, Field(max_length=300)] = ""


class ReferralUpdate(PatchInput):
    note: Annotated[Text, Field(max_length=300)] | None = None
    deal_id: Id | None = None


class ProspectReferralOut(Schema):
    id: int
    referrer_id: int
    referrer: str
    referred_id: int
    referred: str
    deal_id: int | None
    outcome: str = Field(description="The referred deal's outcome, or “no deal”.")
    note: str
    at: dt.datetime

    @staticmethod
    def resolve_referrer(obj: Any) -> str:
        return obj.referrer.name

    @staticmethod
    def resolve_referred(obj: Any) -> str:
        return obj.referred.name

    @staticmethod
    def resolve_outcome(obj: Any) -> str:
        return obj.deal.stage.outcome if obj.deal_id else "no deal"


class LintIn(Input):
    text: Annotated[str, Field(max_length=4000)]


class FindingOut(Schema):
    start: int
    end: int
    text: str
    words: str
    family: str
    family_label: str
    pattern: str
    reason: str
    suggestion: str
    phrase: str
    kind: str
    rewrite: str


class LintOut(Schema):
    count: int
    findings: list[FindingOut]
