"""Derived values: arithmetic over numeric answers, e.g. ``monthly_payment / take_home_pay``.

Pure Python, no Django. An expression is parsed with Python's ``ast`` and accepted only
if every node is on a short whitelist (numbers, question keys, ``+ - * /``, unary minus,
parentheses, ``min``, ``max``, ``abs``); it is then turned into a tree of small closures.
Nothing is ever passed to ``eval``: the source only decides which closures are built.

An expression naming an unanswered question is *unknown* (None), never zero, so a
criterion over it waits for the answer. Dividing by an answer of zero has no value
either; ``Undefined`` is raised and the comparison that needs it is false (see
``diagnosis``), because no further answer can change it.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from typing import Any

MAX_LENGTH = 500
MAX_NODES = 100
FUNCTIONS = ("min", "max", "abs")
ACCEPTED = (
    "accepted: keys of number or money questions, numbers, + - * /, parentheses, "
    "min(a, b, …), max(a, b, …) and abs(a)"
)
BINARY: dict[type[ast.operator], Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}

Value = Callable[[Mapping[str, Any]], float]


class ExpressionError(ValueError):
    """An expression refused at import; ``position`` counts characters from 1."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"at character {position}: {message}; {ACCEPTED}.")
        self.message = message
        self.position = position


class Undefined(ArithmeticError):
    """A division by an answered zero: the derived value does not exist."""


class _Unknown(Exception):
    """An unanswered question inside the expression (internal; becomes None)."""


@dataclass(frozen=True, slots=True)
class Expression:
    source: str
    keys: tuple[str, ...]  # question keys, in order of first use
    value: Value  # raises _Unknown / Undefined; use ``evaluate``

    def evaluate(self, answers: Mapping[str, Any]) -> float | None:
        """The derived value, None when an input is unanswered; raises Undefined."""
        try:
            return self.value(answers)
        except _Unknown:
            return None


def _position(node: ast.AST) -> int:
    return int(getattr(node, "col_offset", 0)) + 1


class _Builder:
    def __init__(self, numeric: Set[str], known: Set[str]) -> None:
        self.numeric = numeric
        self.known = known
        self.keys: list[str] = []

    def build(self, node: ast.AST) -> Value:
        if isinstance(node, ast.Constant):
            return self.constant(node)
        if isinstance(node, ast.Name):
            return self.name(node)
        if isinstance(node, ast.BinOp) and type(node.op) in BINARY:
            return self.binary(node)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            inner = self.build(node.operand)
            if isinstance(node.op, ast.UAdd):
                return inner
            return lambda a: -inner(a)
        if isinstance(node, ast.Call):
            return self.call(node)
        raise ExpressionError(f"“{_snippet(node)}” is not allowed", _position(node))

    def constant(self, node: ast.Constant) -> Value:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ExpressionError(f"{value!r} is not a number", _position(node))
        number = float(value)
        return lambda a: number

    def name(self, node: ast.Name) -> Value:
        key = node.id
        if key not in self.known:
            raise ExpressionError(f"“{key}” is not a question key", _position(node))
        if key not in self.numeric:
            raise ExpressionError(f"“{key}” is not a number or money question", _position(node))
        if key not in self.keys:
            self.keys.append(key)

        def answer(a: Mapping[str, Any]) -> float:
            value = a.get(key)
            if value is None:
                raise _Unknown
            return float(value)

        return answer

    def binary(self, node: ast.BinOp) -> Value:
        left, right = self.build(node.left), self.build(node.right)
        if isinstance(node.op, ast.Div) and _constant_zero(node.right):
            raise ExpressionError("divides by zero", _position(node.right))
        fn = BINARY[type(node.op)]
        if isinstance(node.op, ast.Div):

            def divide(a: Mapping[str, Any]) -> float:
                top, bottom = left(a), right(a)
                if bottom == 0:
                    raise Undefined
                return top / bottom

            return divide
        return lambda a: fn(left(a), right(a))

    def call(self, node: ast.Call) -> Value:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else ""
        if name not in FUNCTIONS or node.keywords:
            raise ExpressionError(f"“{_snippet(func)}(…)” is not allowed", _position(node))
        args = [self.build(arg) for arg in node.args]
        if name == "abs":
            if len(args) != 1:
                raise ExpressionError("abs takes one value", _position(node))
            only = args[0]
            return lambda a: abs(only(a))
        if len(args) < 2:
            raise ExpressionError(f"{name} takes two values or more", _position(node))
        if name == "min":
            return lambda a: min(arg(a) for arg in args)
        return lambda a: max(arg(a) for arg in args)


def _snippet(node: ast.AST) -> str:
    try:
        return ast.unparse(node)[:40]
    except Exception:  # an odd node; the position still says where
        return type(node).__name__


def _constant_zero(node: ast.AST) -> bool:
    """Whether ``node`` is a constant (no question keys) equal to zero, e.g. ``0`` or ``2-2``."""
    if any(isinstance(n, ast.Name) for n in ast.walk(node)):
        return False
    try:
        value = _Builder(set(), set()).build(node)({})
    except (ExpressionError, Undefined, ZeroDivisionError):
        return False
    return value == 0


def expression_parse(source: Any, *, numeric: Set[str], known: Set[str]) -> Expression:
    """The checked expression, or ExpressionError saying where and what is accepted.

    ``numeric`` are the keys of number and money questions; ``known`` every question key
    (so a yes/no key is reported as the wrong kind, not as unknown).
    """
    if not isinstance(source, str) or not source.strip():
        raise ExpressionError("the calculation is empty", 1)
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"longer than {MAX_LENGTH} characters", MAX_LENGTH)
    text = source.strip()
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        # Python reports offset 0 for an expression that ends too early: point past it.
        at = int(error.offset or 0) or len(text) + 1
        raise ExpressionError(f"does not parse ({error.msg})", at) from None
    except (ValueError, RecursionError, MemoryError):  # null bytes, absurd nesting
        raise ExpressionError("does not parse", 1) from None
    if sum(1 for _ in ast.walk(tree)) > MAX_NODES:
        raise ExpressionError(f"more than {MAX_NODES} parts", 1)
    builder = _Builder(numeric, known)
    value = builder.build(tree.body)
    return Expression(text, tuple(builder.keys), value)
