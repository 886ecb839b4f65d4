"""API schemas of discovery and fit: one per operation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema
from pydantic import Field


class ReasonAnswerOut(Schema):
    key: str
    question: str
    answer: Any
    answer_text: str


class ReasonOut(Schema):
    criterion: str
    kind: str
    text: str
    weight: float
    answers: list[ReasonAnswerOut]


class NextQuestionOut(Schema):
    key: str
    text: str
    impact: float
    why: list[str]


class OpenCriterionOut(Schema):
    criterion: str
    kind: str
    text: str
    waiting_on: list[str]  # question keys whose answers would settle it


class AlternativeOut(Schema):
    id: int | None
    name: str
    good_for: str = ""
    contact: str = ""


class DiagnosisOut(Schema):
    """The live diagnosis of a deal from its current answers."""

    verdict: str
    score: float
    threshold: float
    reasons: list[ReasonOut]
    score_words: str
    next_questions: list[NextQuestionOut]
    open_criteria: list[OpenCriterionOut]
    referral_questions: list[NextQuestionOut]
    referral_undecided: bool
    alternatives: list[AlternativeOut]
    script: str
    talking_points: list[str]
    gaps: list[str]
    playbook_version: int
    answers: dict[str, Any]


class PlaybookOut(Schema):
    offering_id: int
    version: int
    note: str
    created_at: dt.datetime
    document: dict[str, Any]


class PlaybookImport(Schema):
    """A playbook document as YAML or JSON text (what `goodfit playbook export` writes)."""

    document: str = Field(max_length=200_000)
    note: str = Field(default="", max_length=200)
