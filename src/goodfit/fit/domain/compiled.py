"""A playbook version compiled once: each condition a small test, each criterion a node
in three-valued logic, and the whole verdict as one generated function (``fastpath``).

``diagnosis`` reads what is compiled here; the operators come from ``comparisons``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from goodfit.fit.domain.comparisons import COMPARISONS, Test
from goodfit.fit.domain.expressions import Undefined, expression_parse
from goodfit.fit.domain.fastpath import FastVerdict, Rule, fast_verdict
from goodfit.fit.domain.playbook import (
    AnswerType,
    Calc,
    Condition,
    Criterion,
    FitVerdict,
    Kind,
    Node,
    PlaybookDefinition,
    is_flat,
)


def _number(value: Any, kind: AnswerType) -> Any:
    return Decimal(str(value)) if kind is AnswerType.MONEY else float(value)


def _operand(cond: Condition, kind: AnswerType) -> tuple[str, Any]:
    """The operator and the value in the form it is compared with answers."""
    op, value = cond.op, cond.value
    if kind in (AnswerType.NUMBER, AnswerType.MONEY):
        value = _number(value, kind)
    elif kind is AnswerType.DATE and isinstance(value, str):
        value = dt.date.fromisoformat(value)
    elif kind is AnswerType.TEXT:
        value = str(value).casefold()
        op = "contains" if op == "contains" else "not_contains"
    elif op in ("in", "not_in", "includes_any", "includes_none"):
        value = frozenset(value)
    return op, value


def _test(op: str, value: Any) -> Test:
    return COMPARISONS[op].test(value)


class _Node:
    """A compiled condition or group: its three-valued state, and what keeps it open."""

    __slots__ = ("keys",)
    keys: tuple[str, ...]

    def state(self, answers: Mapping[str, Any]) -> bool | None:
        raise NotImplementedError

    def open_keys(self, answers: Mapping[str, Any]) -> tuple[str, ...]:
        """Unanswered questions that could still settle this part (none once it is settled)."""
        if self.state(answers) is not None:
            return ()
        return tuple(k for k in self.keys if answers.get(k) is None)


class _Leaf(_Node):
    __slots__ = ("test",)

    def __init__(self, key: str, test: Test) -> None:
        self.keys = (key,)
        self.test = test

    def state(self, answers: Mapping[str, Any]) -> bool | None:
        value = answers.get(self.keys[0])
        return None if value is None else bool(self.test(value))


class _CalcLeaf(_Node):
    __slots__ = ("expression", "test")

    def __init__(self, calc: Calc) -> None:
        self.expression = expression_parse(calc.calc, numeric=set(calc.keys), known=set(calc.keys))
        self.keys = self.expression.keys
        self.test = _test(calc.op, calc.value)

    def state(self, answers: Mapping[str, Any]) -> bool | None:
        try:
            value = self.expression.evaluate(answers)
        except Undefined:  # divided by an answer of zero: no value, so the test fails
            return False
        return None if value is None else bool(self.test(value))


class _GroupNode(_Node):
    """all / any / not / at least n, in three-valued logic (None = unknown)."""

    __slots__ = ("n", "op", "parts")

    def __init__(self, op: str, parts: tuple[_Node, ...], n: int) -> None:
        self.op, self.parts, self.n = op, parts, n
        self.keys = tuple(dict.fromkeys(k for p in parts for k in p.keys))

    def state(self, answers: Mapping[str, Any]) -> bool | None:
        states = [p.state(answers) for p in self.parts]
        if self.op == "not":
            return None if states[0] is None else not states[0]
        need = {"all": len(states), "any": 1}.get(self.op, self.n)
        true, unknown = states.count(True), states.count(None)
        if true >= need:
            return True
        if true + unknown < need:
            return False
        return None

    def open_keys(self, answers: Mapping[str, Any]) -> tuple[str, ...]:
        if self.state(answers) is not None:
            return ()
        found = (k for p in self.parts for k in p.open_keys(answers))
        return tuple(dict.fromkeys(found))


def _compile_node(node: Node, types: Mapping[str, AnswerType]) -> _Node:
    if isinstance(node, Condition):
        return _Leaf(node.question, _test(*_operand(node, types[node.question])))
    if isinstance(node, Calc):
        return _CalcLeaf(node)
    parts = tuple(_compile_node(p, types) for p in node.parts)
    return _GroupNode(node.op, parts, node.n)


@dataclass(frozen=True, slots=True)
class CompiledCriterion:
    criterion: Criterion
    node: _Node
    questions: tuple[str, ...]
    why: str
    weight: float


@dataclass(frozen=True)
class CompiledPlaybook:
    version: PlaybookDefinition
    disqualifiers: tuple[CompiledCriterion, ...]
    must_haves: tuple[CompiledCriterion, ...]
    signals: tuple[CompiledCriterion, ...]
    order: dict[str, int]
    fast: FastVerdict


def compile_playbook(version: PlaybookDefinition) -> CompiledPlaybook:
    """Turn a (validated) playbook into test functions; do it once per version."""
    types = {q.key: q.type for q in version.questions}

    def one(c: Criterion) -> CompiledCriterion:
        return CompiledCriterion(c, _compile_node(c.when, types), c.questions, _why(c), c.weight)

    compiled = {c.key: one(c) for c in version.criteria}

    def of(kind: Kind) -> tuple[CompiledCriterion, ...]:
        return tuple(compiled[c.key] for c in version.criteria if c.kind is kind)

    def rule(c: Criterion) -> Rule:
        # Flat rules are inlined by the fast path; groups and calculations are called.
        if is_flat(c.when):
            conditions = tuple(
                (x.question, *_operand(x, types[x.question]))
                for x in c.when.parts
                if isinstance(x, Condition)
            )
            return Rule(c.when.op == "all", c.weight, conditions)
        return Rule(True, c.weight, (), compiled[c.key].node.state)

    def rules(kind: Kind) -> list[Rule]:
        return [rule(c) for c in version.criteria if c.kind is kind]

    fast = fast_verdict(
        disqualifiers=rules(Kind.DISQUALIFIER),
        must_haves=rules(Kind.MUST_HAVE),
        signals=rules(Kind.SIGNAL),
        threshold=version.threshold,
        verdicts=_FAST_VERDICTS,
    )
    order = {q.key: i for i, q in enumerate(version.questions)}
    return CompiledPlaybook(
        version, of(Kind.DISQUALIFIER), of(Kind.MUST_HAVE), of(Kind.SIGNAL), order, fast
    )


_FAST_VERDICTS = (
    FitVerdict.NOT_A_FIT,
    FitVerdict.NOT_ENOUGH_INFORMATION,
    FitVerdict.GOOD_FIT,
    FitVerdict.PARTIAL_FIT,
)


def _why(c: Criterion) -> str:
    if c.kind is Kind.DISQUALIFIER:
        return f"Could rule the prospect out: {c.reason}"
    if c.kind is Kind.MUST_HAVE:
        return f"A must-have: {c.reason}"
    sign = "+" if c.weight >= 0 else "−"
    return f"Signal ({sign}{abs(c.weight):g}): {c.reason}"
