"""The verdict and score of a playbook version as one generated function.

Bulk re-diagnosis needs only the verdict and score of many deals, and the generic
evaluator spends most of its time on Python call overhead (a call per criterion, a call
per condition). So each playbook version is compiled once into a single flat function:
one lookup per question, each condition an inline comparison, each criterion an
``if/elif/else`` over three-valued logic, the same arithmetic in the same order as
``diagnosis.diagnose_full`` (so scores agree to the last bit). Criteria with nested
groups or calculations are not inlined: the function calls their compiled evaluator
(the one ``diagnose_full`` uses), so both paths agree by construction.

The source is built only from identifiers made here (``a3``, ``v7``, ``w2``…) and the
fixed operator templates of ``comparisons.COMPARISONS`` (the table the generic evaluator
reads too); every question key, comparison value and weight reaches the function as a
closure variable, never as text in the source, and the function runs without builtins.
A playbook document therefore cannot inject code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from goodfit.fit.domain.comparisons import COMPARISONS


class Rule(NamedTuple):
    """One criterion as the generator needs it: conditions are (question, op, value).

    A criterion with groups or calculations cannot be written as one flat test; it comes
    with ``state``, its evaluator's ``answers -> True | False | None``, which the
    generated function calls instead (still one call, no interpretation per answer).
    """

    match_all: bool
    weight: float
    conditions: tuple[tuple[str, str, Any], ...]
    state: Callable[[Mapping[str, Any]], bool | None] | None = None


FastVerdict = Callable[[Mapping[str, Any]], tuple[Any, float]]


class _Source:
    """Collects the generated lines and the values they refer to by name."""

    def __init__(self) -> None:
        self.bindings: dict[str, Any] = {}
        self.answers: dict[str, str] = {}  # question key -> local name of its answer
        self.lookups: list[str] = []
        self.body: list[str] = []

    def bind(self, prefix: str, value: Any) -> str:
        name = f"{prefix}{len(self.bindings)}"
        self.bindings[name] = value
        return name

    def answer(self, key: str) -> str:
        if key not in self.answers:
            local = self.answers[key] = f"a{len(self.answers)}"
            self.lookups.append(f"{local} = get({self.bind('k', key)})")
        return self.answers[key]

    def rule(self, rule: Rule, on_true: str, on_none: str, on_false: str) -> None:
        if rule.state is not None:
            self.body += [
                f"s = {self.bind('s', rule.state)}(answers)",
                "if s is None:",
                f"    {on_none}",
                "elif s:",
                f"    {on_true}",
                "else:",
                f"    {on_false}",
            ]
            return
        parts = []
        for question, op, value in rule.conditions:
            a = self.answer(question)
            parts.append((a, COMPARISONS[op].source.format(a=a, v=self.bind("v", value))))
        unknown = " or ".join(f"{a} is None" for a, _ in parts)
        if rule.match_all:  # false as soon as an answered condition fails
            settled = " or ".join(f"({a} is not None and not ({t}))" for a, t in parts)
            first, last = on_false, on_true
        else:  # true as soon as an answered condition holds
            settled = " or ".join(f"({a} is not None and ({t}))" for a, t in parts)
            first, last = on_true, on_false
        self.body += [
            f"if {settled or 'False'}:",
            f"    {first}",
            f"elif {unknown or 'False'}:",
            f"    {on_none}",
            "else:",
            f"    {last}",
        ]


def fast_verdict(
    *,
    disqualifiers: Sequence[Rule],
    must_haves: Sequence[Rule],
    signals: Sequence[Rule],
    threshold: float,
    verdicts: tuple[Any, Any, Any, Any],
) -> FastVerdict:
    """A function ``answers -> (verdict, score)`` for one playbook version.

    ``verdicts`` are the values to return for not a fit, not enough information, good
    fit and partial fit. Signals come first because the score is recorded whatever the
    verdict; then a fired disqualifier or failed must-have returns at once.
    """
    src = _Source()
    names = [src.bind("r", v) for v in verdicts]
    not_a_fit, unsure, good, partial = names
    limit = src.bind("t", threshold)
    for rule in signals:
        w = src.bind("w", rule.weight)
        pending = f"high += {w}" if rule.weight > 0 else f"low += {w}"
        src.rule(rule, f"score += {w}", pending, "pass")
    for rule in disqualifiers:
        src.rule(rule, f"return {not_a_fit}, score", "gate = True", "pass")
    for rule in must_haves:
        src.rule(rule, "pass", "gate = True", f"return {not_a_fit}, score")
    src.body += [
        f"if gate or score + low < {limit} <= score + high:",
        f"    return {unsure}, score",
        f"return ({good} if score >= {limit} else {partial}), score",
    ]
    inner = ["get = answers.get", *src.lookups, "score = low = high = 0.0", "gate = False"]
    lines = [
        f"def make({', '.join(src.bindings)}):",
        "    def fast(answers):",
        *(f"        {line}" for line in inner + src.body),
        "    return fast",
    ]
    namespace: dict[str, Any] = {"__builtins__": {}}
    # Safe: the source holds only names made above; values arrive as closure variables.
    exec("\n".join(lines), namespace)
    fast: FastVerdict = namespace["make"](**src.bindings)
    return fast
