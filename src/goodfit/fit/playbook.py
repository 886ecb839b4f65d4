"""What a playbook version is: questions, criteria over answers, a threshold, a script.

Plain dataclasses, no Django: ``playbook_format`` reads documents into these, and
``diagnosis`` compiles and evaluates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class AnswerType(StrEnum):
    YES_NO = "yes_no"
    CHOICE = "choice"
    CHOICES = "choices"
    NUMBER = "number"
    MONEY = "money"
    DATE = "date"
    TEXT = "text"


class Kind(StrEnum):
    DISQUALIFIER = "disqualifier"
    MUST_HAVE = "must_have"
    SIGNAL = "signal"


class Verdict(StrEnum):
    GOOD_FIT = "good_fit"
    PARTIAL_FIT = "partial_fit"
    NOT_A_FIT = "not_a_fit"
    NOT_ENOUGH_INFORMATION = "not_enough_information"


VERDICT_LABELS = {
    Verdict.GOOD_FIT: "Good fit",
    Verdict.PARTIAL_FIT: "Partial fit",
    Verdict.NOT_A_FIT: "Not a fit",
    Verdict.NOT_ENOUGH_INFORMATION: "Not enough information",
}

# Which operators make sense for which answer type; the value each expects is checked
# when a playbook is read (see playbook_format).
OPERATORS: dict[AnswerType, tuple[str, ...]] = {
    AnswerType.YES_NO: ("is",),
    AnswerType.CHOICE: ("is", "is_not", "in", "not_in"),
    AnswerType.CHOICES: ("includes", "excludes", "includes_any", "includes_none"),
    AnswerType.NUMBER: ("is", "is_not", "lt", "lte", "gt", "gte"),
    AnswerType.MONEY: ("is", "is_not", "lt", "lte", "gt", "gte"),
    AnswerType.DATE: ("is", "lt", "lte", "gt", "gte"),
    AnswerType.TEXT: ("contains", "not_contains"),
}

SCRIPT_FIELDS = ("prospect", "offering", "reasons", "alternatives", "rep")
DEFAULT_SCRIPT = (
    "Here's what we offer: {offering}. From what you told me, it isn't a fit for you, "
    "because {reasons}. Here's what I'd recommend instead: {alternatives}. "
    "I'd rather point you to the right help than sell you the wrong thing."
)
TEXT_MAX = 2000


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    text: str
    type: AnswerType
    help: str = ""
    choices: tuple[str, ...] = ()
    unit: str = ""
    group: str = ""


@dataclass(frozen=True, slots=True)
class Condition:
    question: str
    op: str
    value: Any


@dataclass(frozen=True, slots=True)
class Criterion:
    key: str
    kind: Kind
    conditions: tuple[Condition, ...]
    match: str = "all"  # "all" or "any"
    reason: str = ""
    weight: float = 0.0
    benefit: str = ""
    gap: str = ""
    alternatives: tuple[str, ...] = ()

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.question for c in self.conditions))


@dataclass(frozen=True, slots=True)
class PlaybookVersion:
    questions: tuple[Question, ...]
    criteria: tuple[Criterion, ...]
    threshold: float = 0.0
    script: str = DEFAULT_SCRIPT

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)
