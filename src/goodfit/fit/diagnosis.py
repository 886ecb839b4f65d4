"""Fit diagnosis: from a playbook version and the answers so far to a verdict.

Plain Python over dataclasses, no Django: services turn rows into these inputs.

A criterion's conditions are evaluated in three-valued logic: a condition on an
unanswered question is *unknown*. ``all`` is false as soon as one condition is false,
``any`` is true as soon as one is true; otherwise unknown parts keep it unknown. That
logic is monotone: answering another question can settle an unknown criterion but
never flips a settled one, so a fired disqualifier stays fired however many more
questions are answered, and the order in which answers arrive does not matter.

Verdict rules, in order:
1. a disqualifier holds, or a must-have fails → ``not_a_fit``;
2. a disqualifier or must-have is still unknown, or the unanswered signals could still
   move the score across the threshold → ``not_enough_information``;
3. score ≥ threshold → ``good_fit``, otherwise ``partial_fit``.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import partial
from typing import Any, NamedTuple


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


# Output


# Named tuples: a diagnosis makes several of these, and they are cheaper to create.


class Reason(NamedTuple):
    criterion: str
    kind: Kind
    text: str
    answers: tuple[tuple[str, Any], ...]  # (question key, answer) behind the reason
    weight: float = 0.0


class NextQuestion(NamedTuple):
    key: str
    impact: float
    why: tuple[str, ...]


# Compiling a playbook once: each condition becomes a small test function.

Test = Callable[[Any], bool]
GATE_IMPACT = 100.0  # a question that can rule the prospect out outranks any signal


def _number(value: Any, kind: AnswerType) -> Any:
    return Decimal(str(value)) if kind is AnswerType.MONEY else float(value)


def _test(cond: Condition, kind: AnswerType) -> Test:
    op, value = cond.op, cond.value
    if kind in (AnswerType.NUMBER, AnswerType.MONEY):
        value = _number(value, kind)
    elif kind is AnswerType.DATE and isinstance(value, str):
        value = dt.date.fromisoformat(value)
    elif kind is AnswerType.TEXT:
        value = str(value).casefold()
        if op == "contains":
            return lambda v: value in v.casefold()
        return lambda v: value not in v.casefold()
    elif op in ("in", "not_in", "includes_any", "includes_none"):
        value = frozenset(value)
    # Bound C functions where possible: they are called millions of times in bulk runs.
    # ``partial(operator.le, value)(v)`` is ``value <= v``, i.e. ``v >= value``.
    tests: dict[str, Callable[[], Test]] = {
        "is": lambda: partial(operator.eq, value),
        "is_not": lambda: partial(operator.ne, value),
        "lt": lambda: partial(operator.gt, value),
        "lte": lambda: partial(operator.ge, value),
        "gt": lambda: partial(operator.lt, value),
        "gte": lambda: partial(operator.le, value),
        "in": lambda: value.__contains__,
        "not_in": lambda: lambda v: v not in value,
        "includes": lambda: lambda v: value in v,
        "excludes": lambda: lambda v: value not in v,
        "includes_any": lambda: lambda v: not value.isdisjoint(v),
        "includes_none": lambda: value.isdisjoint,
    }
    return tests[op]()


@dataclass(frozen=True, slots=True)
class _Compiled:
    criterion: Criterion
    tests: tuple[tuple[str, Test], ...]
    match_all: bool
    questions: tuple[str, ...]
    why: str
    weight: float


@dataclass(frozen=True)
class CompiledPlaybook:
    version: PlaybookVersion
    disqualifiers: tuple[_Compiled, ...]
    must_haves: tuple[_Compiled, ...]
    signals: tuple[_Compiled, ...]
    order: dict[str, int] = field(default_factory=dict)


def compile_playbook(version: PlaybookVersion) -> CompiledPlaybook:
    """Turn a (validated) playbook into test functions; do it once per version."""
    types = {q.key: q.type for q in version.questions}

    def one(c: Criterion) -> _Compiled:
        tests = tuple((x.question, _test(x, types[x.question])) for x in c.conditions)
        return _Compiled(c, tests, c.match != "any", c.questions, _why(c), c.weight)

    def of(kind: Kind) -> tuple[_Compiled, ...]:
        return tuple(one(c) for c in version.criteria if c.kind is kind)

    order = {q.key: i for i, q in enumerate(version.questions)}
    return CompiledPlaybook(
        version, of(Kind.DISQUALIFIER), of(Kind.MUST_HAVE), of(Kind.SIGNAL), order
    )


def _state(c: _Compiled, answers: Mapping[str, Any]) -> bool | None:
    """True, False, or None when unanswered questions leave it open."""
    unknown = False
    if c.match_all:
        for key, test in c.tests:
            value = answers.get(key)
            if value is None:
                unknown = True
            elif not test(value):
                return False
        return None if unknown else True
    for key, test in c.tests:
        value = answers.get(key)
        if value is None:
            unknown = True
        elif test(value):
            return True
    return None if unknown else False


def _reason(c: _Compiled, answers: Mapping[str, Any], text: str) -> Reason:
    behind = tuple([(k, v) for k in c.questions if (v := answers.get(k)) is not None])
    crit = c.criterion
    return Reason(crit.key, crit.kind, text, behind, crit.weight)


def _why(c: Criterion) -> str:
    if c.kind is Kind.DISQUALIFIER:
        return f"Could rule the prospect out: {c.reason}"
    if c.kind is Kind.MUST_HAVE:
        return f"A must-have: {c.reason}"
    sign = "+" if c.weight >= 0 else "−"
    return f"Signal ({sign}{abs(c.weight):g}): {c.reason}"


def _next_questions(
    order: Mapping[str, int],
    open_criteria: Iterable[tuple[_Compiled, float]],
    answers: Mapping[str, Any],
) -> tuple[NextQuestion, ...]:
    impact: dict[str, float] = {}
    why: dict[str, list[str]] = {}
    for c, weight in open_criteria:
        for key in c.questions:
            if answers.get(key) is None:
                impact[key] = impact.get(key, 0.0) + weight
                why.setdefault(key, []).append(c.why)
    ranked = sorted(impact, key=lambda k: (-impact[k], order.get(k, 0)))
    return tuple(NextQuestion(k, impact[k], tuple(why[k])) for k in ranked)


class Diagnosis:
    """The outcome for one set of answers.

    The verdict, score and alternatives are decided eagerly; the explanations (reasons,
    next questions, talking points, gaps) are built on first access, because bulk
    re-diagnosis needs only the verdict and score of many deals.
    """

    __slots__ = (
        "_answers",
        "_failed",
        "_fired",
        "_held",
        "_met",
        "_missed",
        "_open",
        "_order",
        "alternatives",
        "score",
        "threshold",
        "verdict",
    )

    def __init__(
        self,
        verdict: Verdict,
        score: float,
        threshold: float,
        alternatives: tuple[str, ...],
        parts: tuple[Any, ...],
    ) -> None:
        self.verdict = verdict
        self.score = score
        self.threshold = threshold
        self.alternatives = alternatives
        (self._answers, self._fired, self._failed, self._met, self._held) = parts[:5]
        (self._missed, self._open, self._order) = parts[5:]

    @property
    def reasons(self) -> tuple[Reason, ...]:
        a = self._answers
        if self._fired or self._failed:
            fired = [_reason(c, a, c.criterion.reason) for c in self._fired]
            failed = [_reason(c, a, _failed_text(c.criterion)) for c in self._failed]
            return tuple(fired + failed)
        return tuple(_reason(c, a, c.criterion.reason) for c in self._met + self._held)

    @property
    def next_questions(self) -> tuple[NextQuestion, ...]:
        if not self._open:
            return ()
        return _next_questions(self._order, self._open, self._answers)

    @property
    def talking_points(self) -> tuple[str, ...]:
        if self.verdict is Verdict.NOT_A_FIT:
            return ()
        held = (c.criterion for c in self._held)
        return tuple(c.benefit for c in held if c.weight > 0 and c.benefit)

    @property
    def gaps(self) -> tuple[str, ...]:
        if self.verdict not in (Verdict.PARTIAL_FIT, Verdict.NOT_ENOUGH_INFORMATION):
            return ()
        missed = (c.criterion for c in self._missed)
        return tuple(c.gap or f"Not the case: {c.reason}" for c in missed if c.weight > 0)

    def _key(self) -> tuple[Any, ...]:
        return (self.verdict, self.score, self.threshold, self.alternatives, self.reasons)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnosis):
            return NotImplemented
        return self._key() == other._key() and self.next_questions == other.next_questions

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Diagnosis({self.verdict.value}, score={self.score:g})"


def _failed_text(c: Criterion) -> str:
    return c.gap or f"Does not meet a must-have: {c.reason}"


def diagnose(pb: CompiledPlaybook, answers: Mapping[str, Any]) -> Diagnosis:
    """The verdict for ``answers`` (question key → typed value; None or absent = unanswered)."""
    fired, failed, met, open_gates = [], [], [], []
    for c in pb.disqualifiers:
        state = _state(c, answers)
        if state:
            fired.append(c)
        elif state is None:
            open_gates.append((c, GATE_IMPACT))
    for c in pb.must_haves:
        state = _state(c, answers)
        if state:
            met.append(c)
        elif state is None:
            open_gates.append((c, GATE_IMPACT))
        else:
            failed.append(c)
    score = low = high = 0.0
    held, missed, open_signals = [], [], []
    for c in pb.signals:
        state = _state(c, answers)
        weight = c.weight
        if state:
            score += weight
            held.append(c)
        elif state is None:
            open_signals.append((c, abs(weight)))
            if weight > 0:
                high += weight
            else:
                low += weight
        else:
            missed.append(c)
    threshold = pb.version.threshold
    pending: list[tuple[_Compiled, float]] = []
    alternatives: tuple[str, ...] = ()
    if fired or failed:
        verdict = Verdict.NOT_A_FIT
        names = (n for c in fired + failed for n in c.criterion.alternatives)
        alternatives = tuple(dict.fromkeys(names))
    elif open_gates or score + low < threshold <= score + high:
        verdict = Verdict.NOT_ENOUGH_INFORMATION
        undecided = score + low < threshold <= score + high
        pending = open_gates + open_signals if undecided else open_gates
    else:
        verdict = Verdict.GOOD_FIT if score >= threshold else Verdict.PARTIAL_FIT
    parts = (answers, fired, failed, met, held, missed, pending, pb.order)
    return Diagnosis(verdict, score, threshold, alternatives, parts)
