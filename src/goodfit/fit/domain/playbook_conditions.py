"""Reading the conditions of a playbook criterion: its ``when`` list and the groups,
conditions and calculations inside it, each with an error naming its key path.

Pure Python; ``playbook_format`` reads the rest of the document with this reader.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from goodfit.fit.domain.diagnosis import OPERATORS, AnswerType, Condition, Question
from goodfit.fit.domain.expressions import ExpressionError, expression_parse
from goodfit.fit.domain.playbook import CALC_OPS, GROUP_OPS, Calc, Group, Node

CONDITION_KEYS = {"question", "op", "value"}
CALC_KEYS = {"calc", "op", "value"}
NUMERIC = (AnswerType.NUMBER, AnswerType.MONEY)
MAX_DEPTH = 8
PART_WORDS = (
    "condition {question, op, value}, calculation {calc, op, value} or group "
    "({all: […]}, {any: […]}, {not: …}, {at_least: 2, of: […]})"
)
MATCH_WORDS = (
    "must be all (every condition holds), any (one does) or a whole number from 1 to {n} "
    "(at least that many hold), e.g. 2."
)
LIST_OPS = {"in", "not_in", "includes_any", "includes_none"}


@dataclass(frozen=True)
class Issue:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class PlaybookError(ValueError):
    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(str(i) for i in issues))
        self.issues = issues


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class ConditionReader:
    """The base of the document reader: collects issues and reads criteria's conditions."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []
        self.current = ""  # the key of the criterion being read, for messages

    def fail(self, path: str, message: str) -> None:
        self.issues.append(Issue(path, message))

    def mapping(self, value: Any, path: str, allowed: set[str]) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.fail(path, "must be a mapping of keys to values.")
            return {}
        for key in value:
            if key not in allowed:
                self.fail(f"{path}.{key}", f"unknown key; accepted: {', '.join(sorted(allowed))}.")
        return value

    def when(self, item: Mapping[str, Any], path: str, questions: dict[str, Question]) -> Group:
        """The criterion's ``when`` list, combined by ``match``: all, any or a number."""
        match = item.get("match", "all")
        raw = item.get("when")
        if not isinstance(raw, list) or not raw:
            self.fail(f"{path}.when", f"needs a list of at least one {PART_WORDS}.")
            raw = []
        parts = self.parts(raw, f"{path}.when", questions, depth=1)
        if match in ("all", "any"):
            return Group(match, parts)
        if is_int(match) and 1 <= match <= max(len(raw), 1):
            return Group("at_least", parts, match)
        self.fail(f"{path}.match", MATCH_WORDS.format(n=max(len(raw), 1)))
        return Group("all", parts)

    def parts(
        self, raw: list[Any], path: str, questions: dict[str, Question], depth: int
    ) -> tuple[Node, ...]:
        found = (self.part(p, f"{path}[{i}]", questions, depth) for i, p in enumerate(raw))
        return tuple(p for p in found if p is not None)

    def part(self, raw: Any, path: str, questions: dict[str, Question], depth: int) -> Node | None:
        if not isinstance(raw, Mapping):
            self.fail(path, f"must be a {PART_WORDS}.")
            return None
        if depth > MAX_DEPTH:
            self.fail(path, f"groups are nested more than {MAX_DEPTH} deep; simplify the rule.")
            return None
        if "calc" in raw:
            return self.calc(raw, path, questions)
        op = next((k for k in GROUP_OPS if k in raw), None)
        if op is not None:
            return self.group(raw, op, path, questions, depth)
        return self.condition(raw, path, questions)

    def group(
        self, raw: Mapping[str, Any], op: str, path: str, questions: dict[str, Question], depth: int
    ) -> Group | None:
        allowed = {"at_least", "of"} if op == "at_least" else {op}
        self.mapping(raw, path, allowed)
        if op == "not":
            inner = raw["not"]
            if isinstance(inner, list):
                self.fail(
                    f"{path}.not",
                    "takes one condition or group; to negate several, put them in "
                    "{all: […]} or {any: […]}.",
                )
                return None
            part = self.part(inner, f"{path}.not", questions, depth + 1)
            return None if part is None else Group("not", (part,))
        name = "of" if op == "at_least" else op
        items = raw.get(name)
        if not isinstance(items, list) or not items:
            self.fail(f"{path}.{name}", f"needs a list of at least one {PART_WORDS}.")
            return None
        parts = self.parts(items, f"{path}.{name}", questions, depth + 1)
        if op != "at_least":
            return Group(op, parts)
        n: Any = raw.get("at_least")
        if not is_int(n) or not 1 <= n <= len(items):
            self.fail(
                f"{path}.at_least",
                f"must be a whole number from 1 to {len(items)} (how many of the "
                "conditions under of must hold), e.g. 2.",
            )
            return None
        return Group("at_least", parts, n)

    def calc(
        self, raw: Mapping[str, Any], path: str, questions: dict[str, Question]
    ) -> Calc | None:
        item = self.mapping(raw, path, CALC_KEYS)
        numeric = {k for k, q in questions.items() if q.type in NUMERIC}
        try:
            expression = expression_parse(item.get("calc"), numeric=numeric, known=set(questions))
        except ExpressionError as error:
            where = f"criterion “{self.current}”, " if self.current else ""
            self.fail(f"{path}.calc", f"{where}calculation “{item.get('calc')}” {error}")
            expression = None
        op = item.get("op")
        if op not in CALC_OPS:
            accepted = ", ".join(CALC_OPS)
            self.fail(f"{path}.op", f"“{op}” does not apply to a calculation; use {accepted}.")
            return None
        value: Any = item.get("value")
        if not is_number(value) or not math.isfinite(value):
            self.fail(f"{path}.value", "must be a number, e.g. 0.4 or 20.")
            return None
        if expression is None:
            return None
        return Calc(expression.source, op, float(value), expression.keys)

    def condition(self, raw: Any, path: str, questions: dict[str, Question]) -> Condition | None:
        item = self.mapping(raw, path, CONDITION_KEYS)
        if not item:
            return None
        question = questions.get(item.get("question"))  # type: ignore[arg-type]
        if question is None:
            self.fail(f"{path}.question", f"“{item.get('question')}” is not a question key.")
            return None
        op = item.get("op")
        ops = OPERATORS[question.type]
        if op not in ops:
            self.fail(
                f"{path}.op",
                f"“{op}” does not apply to a {question.type.value} question; use {', '.join(ops)}.",
            )
            return None
        value = self.value(item.get("value"), question, op, f"{path}.value")
        return None if value is None else Condition(question.key, op, value)

    def value(self, value: Any, q: Question, op: str, path: str) -> Any:
        problem = _value_problem(value, q, op)
        if problem:
            self.fail(path, problem)
            return None
        return list(value) if op in LIST_OPS else value


def _value_problem(value: Any, q: Question, op: str) -> str:
    kind = q.type
    if kind is AnswerType.YES_NO:
        return "" if isinstance(value, bool) else "must be true or false."
    if kind in (AnswerType.CHOICE, AnswerType.CHOICES):
        values = value if op in LIST_OPS else [value]
        if op in LIST_OPS and (not isinstance(value, list) or not value):
            return f"must be a list of choices of {q.key}."
        bad = [v for v in values if v not in q.choices]
        return f"{bad[0]!r} is not a choice of {q.key}; use {', '.join(q.choices)}." if bad else ""
    if kind in (AnswerType.NUMBER, AnswerType.MONEY):
        ok = is_number(value) and math.isfinite(value)
        return "" if ok else "must be a number, e.g. 10000."
    if kind is AnswerType.DATE:
        try:
            dt.date.fromisoformat(str(value))
            return "" if isinstance(value, str | dt.date) else "must be a date, YYYY-MM-DD."
        except ValueError:
            return "must be a date, YYYY-MM-DD."
    return "" if isinstance(value, str) and value.strip() else "must be non-empty text."
