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


class FitVerdict(StrEnum):
    GOOD_FIT = "good_fit"
    PARTIAL_FIT = "partial_fit"
    NOT_A_FIT = "not_a_fit"
    NOT_ENOUGH_INFORMATION = "not_enough_information"


VERDICT_LABELS = {
    FitVerdict.GOOD_FIT: "Good fit",
    FitVerdict.PARTIAL_FIT: "Partial fit",
    FitVerdict.NOT_A_FIT: "Not a fit",
    FitVerdict.NOT_ENOUGH_INFORMATION: "Not enough information",
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
    negative: bool = False  # number questions only: whether an answer below zero makes sense


@dataclass(frozen=True, slots=True)
class Condition:
    question: str
    op: str
    value: Any


# A derived value compared with a number: ``calc`` is checked arithmetic over number and
# money answers (see ``expressions``), e.g. ``monthly_payment / take_home_pay`` gt 0.4.
@dataclass(frozen=True, slots=True)
class Calc:
    calc: str
    op: str
    value: float
    keys: tuple[str, ...]  # the questions it reads, in order


GROUP_OPS = ("all", "any", "not", "at_least")
CALC_OPS = ("is", "is_not", "lt", "lte", "gt", "gte")


# ``all`` / ``any`` / ``not`` (one part) / ``at_least`` ``n`` of the parts, nested freely.
@dataclass(frozen=True, slots=True)
class Group:
    op: str
    parts: tuple[Node, ...]
    n: int = 0  # only for at_least


Node = Condition | Calc | Group


def node_questions(node: Node) -> tuple[str, ...]:
    """The question keys a condition or group reads, in order of first use."""
    if isinstance(node, Condition):
        return (node.question,)
    if isinstance(node, Calc):
        return node.keys
    found = (k for part in node.parts for k in node_questions(part))
    return tuple(dict.fromkeys(found))


def is_flat(node: Group) -> bool:
    """An ``all`` or ``any`` of plain conditions: what playbooks before groups could say."""
    return node.op in ("all", "any") and all(isinstance(p, Condition) for p in node.parts)


@dataclass(frozen=True, slots=True)
class Criterion:
    key: str
    kind: Kind
    when: Group
    reason: str = ""
    weight: float = 0.0
    benefit: str = ""
    gap: str = ""
    alternatives: tuple[str, ...] = ()

    @property
    def questions(self) -> tuple[str, ...]:
        return node_questions(self.when)


@dataclass(frozen=True, slots=True)
class PlaybookDefinition:
    questions: tuple[Question, ...]
    criteria: tuple[Criterion, ...]
    threshold: float = 0.0
    script: str = DEFAULT_SCRIPT

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)
