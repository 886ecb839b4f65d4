"""The playbook document (YAML or JSON): reading it with an error for every bad rule.

Pure Python. ``playbook_read(document)`` returns a ``PlaybookDefinition`` or raises
``PlaybookError`` listing every problem with its key path
(``criteria[2].when[0].value``), what was wrong and what is accepted.
``playbook_document(version)`` is the inverse (what export writes).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from goodfit.fit.domain.answers import script_fields
from goodfit.fit.domain.diagnosis import (
    DEFAULT_SCRIPT,
    OPERATORS,
    SCRIPT_FIELDS,
    AnswerType,
    Condition,
    Criterion,
    Kind,
    PlaybookDefinition,
    Question,
)
from goodfit.fit.domain.expressions import ExpressionError, expression_parse
from goodfit.fit.domain.playbook import CALC_OPS, GROUP_OPS, Calc, Group, Node

FORMAT = "goodfit-playbook/1"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
TOP_KEYS = {"format", "threshold", "script", "questions", "criteria"}
QUESTION_KEYS = {"key", "text", "type", "help", "choices", "unit", "group", "negative"}
CRITERION_KEYS = {
    "key",
    "kind",
    "match",
    "when",
    "reason",
    "weight",
    "benefit",
    "gap",
    "alternatives",
}
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


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Reader:
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

    def text(self, item: Mapping[str, Any], name: str, path: str, *, required: bool) -> str:
        value = item.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(f"{path}.{name}", "must be text.")
            return ""
        if required and not value.strip():
            self.fail(f"{path}.{name}", "is required.")
        if len(value) > 2000:
            self.fail(f"{path}.{name}", "is longer than 2000 characters.")
        return value.strip()

    def key(self, item: Mapping[str, Any], path: str, seen: set[str]) -> str:
        key = item.get("key")
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            self.fail(
                f"{path}.key",
                "must be lower-case letters, digits and _ starting with a letter "
                "(at most 50), e.g. monthly_income.",
            )
            return ""
        if key in seen:
            self.fail(f"{path}.key", f"“{key}” is used twice; keys must be unique.")
        seen.add(key)
        return key

    def items(self, document: Mapping[str, Any], name: str) -> list[Any]:
        value = document.get(name, [])
        if not isinstance(value, list):
            self.fail(name, "must be a list.")
            return []
        return value

    # Questions

    def question(self, raw: Any, path: str, seen: set[str]) -> Question | None:
        item = self.mapping(raw, path, QUESTION_KEYS)
        if not item:
            return None
        key = self.key(item, path, seen)
        text = self.text(item, "text", path, required=True)
        kinds = ", ".join(t.value for t in AnswerType)
        try:
            kind = AnswerType(str(item.get("type")))
        except ValueError:
            self.fail(f"{path}.type", f"“{item.get('type')}” is not an answer type; use {kinds}.")
            return None
        choices = self.choices(item, kind, path)
        negative = item.get("negative", False)
        if not isinstance(negative, bool):
            self.fail(f"{path}.negative", "must be true or false.")
        elif negative and kind is not AnswerType.NUMBER:
            self.fail(f"{path}.negative", "only number questions can allow answers below zero.")
        return Question(
            key=key,
            text=text,
            type=kind,
            help=self.text(item, "help", path, required=False),
            choices=choices,
            unit=self.text(item, "unit", path, required=False),
            group=self.text(item, "group", path, required=False),
            negative=negative is True,
        )

    def choices(self, item: Mapping[str, Any], kind: AnswerType, path: str) -> tuple[str, ...]:
        raw: Any = item.get("choices")
        needs = kind in (AnswerType.CHOICE, AnswerType.CHOICES)
        if not needs:
            if raw:
                self.fail(f"{path}.choices", "only choice and choices questions have choices.")
            return ()
        ok = isinstance(raw, list) and all(isinstance(c, str) and c.strip() for c in raw)
        if not ok or len(raw) < 2:
            self.fail(f"{path}.choices", "must be a list of at least two non-empty texts.")
            return ()
        if len(set(raw)) != len(raw):
            self.fail(f"{path}.choices", "has the same choice twice.")
        return tuple(c.strip() for c in raw)

    # Criteria

    def criterion(
        self, raw: Any, path: str, seen: set[str], questions: dict[str, Question]
    ) -> Criterion | None:
        item = self.mapping(raw, path, CRITERION_KEYS)
        if not item:
            return None
        key = self.key(item, path, seen)
        try:
            kind = Kind(str(item.get("kind")))
        except ValueError:
            kinds = ", ".join(k.value for k in Kind)
            self.fail(f"{path}.kind", f"“{item.get('kind')}” is not a kind; use {kinds}.")
            return None
        self.current = key
        when = self.when(item, path, questions)
        weight = self.weight(item, kind, path)
        self.only_for(item, path, kind, "benefit", Kind.SIGNAL)
        alternatives = self.alternatives(item, kind, path)
        return Criterion(
            key=key,
            kind=kind,
            when=when,
            reason=self.text(item, "reason", path, required=True),
            weight=weight,
            benefit=self.text(item, "benefit", path, required=False),
            gap=self.text(item, "gap", path, required=False),
            alternatives=alternatives,
        )

    def only_for(
        self, item: Mapping[str, Any], path: str, kind: Kind, name: str, *for_: Kind
    ) -> None:
        if item.get(name) and kind not in for_:
            kinds = " and ".join(k.value for k in for_)
            self.fail(f"{path}.{name}", f"only {kinds} criteria have a {name}.")

    def weight(self, item: Mapping[str, Any], kind: Kind, path: str) -> float:
        raw: Any = item.get("weight")
        if kind is not Kind.SIGNAL:
            self.only_for(item, path, kind, "weight", Kind.SIGNAL)
            return 0.0
        if not _is_number(raw) or raw == 0:
            self.fail(f"{path}.weight", "a signal needs a non-zero number, e.g. 3 or -2.")
            return 0.0
        return float(raw)

    def alternatives(self, item: Mapping[str, Any], kind: Kind, path: str) -> tuple[str, ...]:
        raw = item.get("alternatives") or []
        self.only_for(item, path, kind, "alternatives", Kind.DISQUALIFIER, Kind.MUST_HAVE)
        if not isinstance(raw, list) or not all(isinstance(a, str) and a.strip() for a in raw):
            self.fail(f"{path}.alternatives", "must be a list of names from the directory.")
            return ()
        return tuple(a.strip() for a in raw)

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
        if _is_int(match) and 1 <= match <= max(len(raw), 1):
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
        if not _is_int(n) or not 1 <= n <= len(items):
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
        if not _is_number(value) or not math.isfinite(value):
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
        ok = _is_number(value) and math.isfinite(value)
        return "" if ok else "must be a number, e.g. 10000."
    if kind is AnswerType.DATE:
        try:
            dt.date.fromisoformat(str(value))
            return "" if isinstance(value, str | dt.date) else "must be a date, YYYY-MM-DD."
        except ValueError:
            return "must be a date, YYYY-MM-DD."
    return "" if isinstance(value, str) and value.strip() else "must be non-empty text."


def _script(reader: _Reader, document: Mapping[str, Any]) -> str:
    script = document.get("script") or DEFAULT_SCRIPT
    if not isinstance(script, str):
        reader.fail("script", "must be text.")
        return DEFAULT_SCRIPT
    accepted = ", ".join("{" + f + "}" for f in SCRIPT_FIELDS)
    try:
        parts = list(_script_parts(script))
    except ValueError:
        reader.fail("script", "has an unmatched { or }; write {{ or }} for a brace.")
        return script
    for name, spec, conversion in parts:
        if name not in SCRIPT_FIELDS or spec or conversion:
            reader.fail("script", f"“{{{name}}}” is not a placeholder; accepted: {accepted}.")
    return script


def _script_parts(script: str) -> list[tuple[str, str, str | None]]:
    import string

    script_fields(script)  # raises ValueError on broken braces
    return [
        (name, spec or "", conv)
        for _, name, spec, conv in string.Formatter().parse(script)
        if name is not None
    ]


def playbook_read(document: Any) -> PlaybookDefinition:
    """A validated playbook version, or PlaybookError naming every problem."""
    reader = _Reader()
    doc = reader.mapping(document, "(document)", TOP_KEYS)
    if not isinstance(document, Mapping):
        raise PlaybookError(reader.issues)
    fmt = doc.get("format", FORMAT)
    if fmt != FORMAT:
        reader.fail("format", f"must be {FORMAT}.")
    threshold = doc.get("threshold", 0)
    if not _is_number(threshold):
        reader.fail("threshold", "must be a number: the signal score of a good fit.")
        threshold = 0
    seen: set[str] = set()
    raw_questions = reader.items(doc, "questions")
    if not raw_questions:
        reader.fail("questions", "a playbook needs at least one question.")
    found = (reader.question(q, f"questions[{i}]", seen) for i, q in enumerate(raw_questions))
    questions = {q.key: q for q in found if q is not None and q.key}
    seen = set()
    raw_criteria = reader.items(doc, "criteria")
    found_c = (
        reader.criterion(c, f"criteria[{i}]", seen, questions) for i, c in enumerate(raw_criteria)
    )
    criteria = tuple(c for c in found_c if c is not None)
    script = _script(reader, doc)
    if reader.issues:
        raise PlaybookError(reader.issues)
    return PlaybookDefinition(tuple(questions.values()), criteria, float(threshold), script)


def _number_out(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _question_out(q: Question) -> dict[str, Any]:
    out: dict[str, Any] = {"key": q.key, "text": q.text, "type": q.type.value}
    optional = {"help": q.help, "choices": list(q.choices), "unit": q.unit, "group": q.group}
    out.update({k: v for k, v in optional.items() if v})
    if q.negative:
        out["negative"] = True
    return out


def _node_out(node: Node) -> dict[str, Any]:
    if isinstance(node, Condition):
        value = node.value.isoformat() if isinstance(node.value, dt.date) else node.value
        return {"question": node.question, "op": node.op, "value": value}
    if isinstance(node, Calc):
        return {"calc": node.calc, "op": node.op, "value": _number_out(node.value)}
    if node.op == "not":
        return {"not": _node_out(node.parts[0])}
    parts = [_node_out(p) for p in node.parts]
    if node.op == "at_least":
        return {"at_least": node.n, "of": parts}
    return {node.op: parts}


def _criterion_out(c: Criterion) -> dict[str, Any]:
    out: dict[str, Any] = {"key": c.key, "kind": c.kind.value}
    match: Any = c.when.n if c.when.op == "at_least" else c.when.op
    if match != "all":
        out["match"] = match
    out["when"] = [_node_out(p) for p in c.when.parts]
    out["reason"] = c.reason
    if c.kind is Kind.SIGNAL:
        out["weight"] = _number_out(c.weight)
    optional = {"benefit": c.benefit, "gap": c.gap, "alternatives": list(c.alternatives)}
    out.update({k: v for k, v in optional.items() if v})
    return out


def playbook_document(version: PlaybookDefinition) -> dict[str, Any]:
    """The JSON-able document of a version: what is stored, exported and re-imported."""
    return {
        "format": FORMAT,
        "threshold": _number_out(version.threshold),
        "script": version.script,
        "questions": [_question_out(q) for q in version.questions],
        "criteria": [_criterion_out(c) for c in version.criteria],
    }
