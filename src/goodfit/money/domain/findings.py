"""What the worth check finds: the evidence rows, each signal, the severe patterns, the
changes to ask for and the whole assessment, and how a score row stores them. Plain data
(no Django) of its own, so the rules that build it import one way only:
``advice`` ← ``severe`` ← ``worth_signals``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple


class Evidence(NamedTuple):
    kind: str  # interaction, concession, quote, time_entry
    id: int


# Outputs are plain slotted dataclasses, not frozen ones: a re-score builds a dozen per
# deal, and freezing triples the cost of building them. Nothing changes them after.
@dataclass(slots=True)
class Signal:
    key: str
    label: str
    value: float
    weight: float
    severity: float  # 0 (no concern) … 1 (full weight)
    reason: str
    evidence: tuple[Evidence, ...] = ()
    effect: float = 0.0  # points this signal takes off the score (≤ 0): −weight × severity


@dataclass(frozen=True)
class Severe:
    key: str
    label: str
    reason: str  # what was seen, with numbers
    term: str  # the term the change is about (shared with ``Reset.term``)
    change: str  # the change it asks for
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Reset:
    term: str
    why: str


@dataclass(frozen=True)
class Assessment:
    # The summed score; not to be shown when the recommendation is "not enough history".
    score: int
    recommendation: str
    signals: tuple[Signal, ...]  # ranked: the largest effect first
    resets: tuple[Reset, ...]
    severe: tuple[Severe, ...] = ()
    missing: tuple[str, ...] = ()  # facts a verdict still needs (not enough history)

    @property
    def has_verdict(self) -> bool:
        return not self.missing


# ---- as stored: a worth score row's JSON fields ---------------------------------------


def signal_json(signal: Signal) -> dict[str, Any]:
    return {
        "key": signal.key,
        "label": signal.label,
        "value": signal.value,
        "weight": signal.weight,
        "severity": signal.severity,
        "effect": signal.effect,
        "reason": signal.reason,
        "evidence": [{"kind": kind, "id": pk} for kind, pk in signal.evidence],
    }


def severe_json(found: Severe) -> dict[str, Any]:
    return {
        "key": found.key,
        "label": found.label,
        "reason": found.reason,
        "term": found.term,
        "change": found.change,
        "evidence": [{"kind": kind, "id": pk} for kind, pk in found.evidence],
    }


def score_fields(result: Assessment) -> dict[str, Any]:
    """A ``WorthScore``'s fields from an assessment: no score without a verdict."""
    return {
        "score": result.score if result.has_verdict else None,
        "recommendation": result.recommendation,
        "signals": [signal_json(s) for s in result.signals],
        "resets": [{"term": r.term, "why": r.why} for r in result.resets],
        "severe": [severe_json(s) for s in result.severe],
        "missing": list(result.missing),
    }
