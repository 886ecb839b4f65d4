"""A playbook version as its document (YAML or JSON): what export writes and import reads
back with ``playbook_format.playbook_read``. Pure Python."""

from __future__ import annotations

import datetime as dt
from typing import Any

from goodfit.fit.domain.diagnosis import Condition, Criterion, Kind, PlaybookDefinition, Question
from goodfit.fit.domain.playbook import Calc, Node
from goodfit.fit.domain.playbook_format import FORMAT


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
