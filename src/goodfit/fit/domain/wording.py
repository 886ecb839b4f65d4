"""Criteria in plain words, for the playbook page: “Behind on payments? is yes and (…)”.

Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from goodfit.fit.domain.playbook import Calc, Condition, Node, Question

OP_WORDS = {
    "is": "is",
    "is_not": "is not",
    "lt": "is below",
    "lte": "is at most",
    "gt": "is above",
    "gte": "is at least",
    "in": "is one of",
    "not_in": "is none of",
    "includes": "includes",
    "excludes": "does not include",
    "includes_any": "includes any of",
    "includes_none": "includes none of",
    "contains": "mentions",
    "not_contains": "does not mention",
}


def value_words(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple | frozenset | set):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def node_words(node: Node, questions: Mapping[str, Question], *, nested: bool = False) -> str:
    """``node`` in words; nested groups are bracketed so “and” and “or” cannot blur."""
    if isinstance(node, Condition):
        question = questions.get(node.question)
        subject = question.text if question else node.question
        return f"{subject} {OP_WORDS.get(node.op, node.op)} {value_words(node.value)}"
    if isinstance(node, Calc):
        return f"{node.calc} {OP_WORDS.get(node.op, node.op)} {value_words(node.value)}"
    parts = [node_words(p, questions, nested=True) for p in node.parts]
    if node.op == "not":
        return f"not ({parts[0]})"
    if node.op == "at_least":
        text = f"at least {node.n} of: " + "; ".join(parts)
    else:
        text = (" and " if node.op == "all" else " or ").join(parts)
    return f"({text})" if nested and len(parts) > 1 else text


def _n(value: float) -> str:
    return f"{value:g}"


def score_words(verdict: str, score: float, threshold: float) -> str:
    """What “score 7 / 6” means next to a verdict, in a sentence."""
    points = f"Signals add up to {_n(score)}"
    if verdict == "good_fit":
        return f"{points}; {_n(threshold)} or more makes a good fit."
    if verdict == "partial_fit":
        return f"{points}; a good fit needs {_n(threshold)}."
    if verdict == "not_a_fit":
        return (
            f"{points}, but a disqualifier or a missing must-have rules it out whatever the score."
        )
    return (
        f"{points} so far; a good fit needs {_n(threshold)} once the open questions are answered."
    )


def trigger_words(trigger: str, questions: Mapping[str, Question]) -> str:
    """A diagnosis history's “after” column: question labels instead of internal keys."""
    fixed = {
        "referred": "Referred out",
        "rediagnose": "Playbook changed",
    }
    if trigger in fixed:
        return fixed[trigger]
    parts = [p.strip() for p in trigger.split(",") if p.strip()]
    if parts and all(p in questions for p in parts):
        return "Answered: " + "; ".join(questions[p].text for p in parts)
    return trigger
