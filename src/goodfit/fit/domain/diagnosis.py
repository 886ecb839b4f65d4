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

from collections.abc import Callable, Iterable, Mapping
from typing import Any, NamedTuple

from goodfit.fit.domain.compiled import CompiledCriterion, CompiledPlaybook, compile_playbook
from goodfit.fit.domain.playbook import (
    DEFAULT_SCRIPT,
    OPERATORS,
    SCRIPT_FIELDS,
    TEXT_MAX,
    VERDICT_LABELS,
    AnswerType,
    Calc,
    Condition,
    Criterion,
    FitVerdict,
    Group,
    Kind,
    PlaybookDefinition,
    Question,
)

# The playbook types and the compiled playbook are re-exported: callers know them from here.
__all__ = [
    "DEFAULT_SCRIPT",
    "OPERATORS",
    "SCRIPT_FIELDS",
    "TEXT_MAX",
    "VERDICT_LABELS",
    "AnswerType",
    "Calc",
    "CompiledPlaybook",
    "Condition",
    "Criterion",
    "DiagnosisResult",
    "FitVerdict",
    "Group",
    "Kind",
    "NextQuestion",
    "OpenCriterion",
    "PlaybookDefinition",
    "Question",
    "Reason",
    "compile_playbook",
    "diagnose",
    "diagnose_full",
]

# Output. Named tuples: a diagnosis makes several of these, and they are cheaper to create.


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


GATE_IMPACT = 100.0  # a question that can rule the prospect out outranks any signal


def _state(c: CompiledCriterion, answers: Mapping[str, Any]) -> bool | None:
    """True, False, or None when unanswered questions leave it open."""
    return c.node.state(answers)


def _reason(c: CompiledCriterion, answers: Mapping[str, Any], text: str) -> Reason:
    behind = tuple([(k, v) for k in c.questions if (v := answers.get(k)) is not None])
    crit = c.criterion
    return Reason(crit.key, crit.kind, text, behind, crit.weight)


def _rank(
    order: Mapping[str, int],
    open_criteria: Iterable[CompiledCriterion],
    answers: Mapping[str, Any],
    why: Callable[[CompiledCriterion], str],
) -> tuple[NextQuestion, ...]:
    """Questions that keep ``open_criteria`` open, the most decisive first.

    A question that could settle a disqualifier or a must-have comes before any that
    only moves signals (more such criteria first); then by the summed weight of the
    signals it could settle; ties keep the playbook's order.
    """
    gates: dict[str, int] = {}
    weights: dict[str, float] = {}
    whys: dict[str, list[str]] = {}
    for c in open_criteria:
        is_gate = c.criterion.kind is not Kind.SIGNAL
        for key in c.node.open_keys(answers):
            gates[key] = gates.get(key, 0) + int(is_gate)
            weights[key] = weights.get(key, 0.0) + (0.0 if is_gate else abs(c.weight))
            whys.setdefault(key, []).append(why(c))
    ranked = sorted(gates, key=lambda k: (-gates[k], -weights[k], order.get(k, 0)))
    return tuple(
        NextQuestion(k, gates[k] * GATE_IMPACT + weights[k], tuple(whys[k])) for k in ranked
    )


def _referral_why(c: CompiledCriterion) -> str:
    names = join_names(c.criterion.alternatives)
    return f"Decides whether to send them to {names}: {c.criterion.reason}"


def join_names(names: Iterable[str]) -> str:
    items = list(names)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


class OpenCriterion(NamedTuple):
    """A criterion no answer has settled yet, and the unanswered questions it waits on."""

    criterion: str
    kind: Kind
    text: str
    waiting_on: tuple[str, ...]


class DiagnosisResult:
    """The outcome for one set of answers.

    The verdict and score are decided eagerly (by the playbook's generated function in
    ``diagnose``); which criteria fired, held or are still open, and from them the
    alternatives and explanations, are worked out on first access, because bulk
    re-diagnosis needs only the verdict and score of many deals.
    """

    __slots__ = ("_answers", "_detail", "_playbook", "score", "threshold", "verdict")

    def __init__(
        self,
        verdict: FitVerdict,
        score: float,
        playbook: CompiledPlaybook,
        answers: Mapping[str, Any],
        detail: _Detail | None = None,
    ) -> None:
        self.verdict = verdict
        self.score = score
        self.threshold = playbook.version.threshold
        self._playbook = playbook
        self._answers = answers
        self._detail = detail

    @property
    def detail(self) -> _Detail:
        if self._detail is None:
            self._detail = _evaluate(self._playbook, self._answers)
        return self._detail

    @property
    def alternatives(self) -> tuple[str, ...]:
        if self.verdict is not FitVerdict.NOT_A_FIT:
            return ()
        d = self.detail
        names = (n for c in d.fired + d.failed for n in c.criterion.alternatives)
        return tuple(dict.fromkeys(names))

    @property
    def reasons(self) -> tuple[Reason, ...]:
        a, d = self._answers, self.detail
        if d.fired or d.failed:
            fired = [_reason(c, a, c.criterion.reason) for c in d.fired]
            failed = [_reason(c, a, _failed_text(c.criterion)) for c in d.failed]
            return tuple(fired + failed)
        return tuple(_reason(c, a, c.criterion.reason) for c in d.met + d.held)

    @property
    def next_questions(self) -> tuple[NextQuestion, ...]:
        """While the verdict is open: the questions that could decide it, ranked."""
        d = self.detail
        if d.verdict is not FitVerdict.NOT_ENOUGH_INFORMATION:
            return ()
        pending = d.open_gates + (d.open_signals if d.signals_matter else [])
        return _rank(self._playbook.order, pending, self._answers, lambda c: c.why)

    @property
    def referral_questions(self) -> tuple[NextQuestion, ...]:
        """Not a fit already: the questions that decide where to send them, ranked.

        They keep open a disqualifier or must-have whose alternatives are not named yet;
        once answered, the alternative is named (or ruled out).
        """
        if self.verdict is not FitVerdict.NOT_A_FIT:
            return ()
        named = set(self.alternatives)
        deciding = [c for c in self.detail.open_gates if set(c.criterion.alternatives) - named]
        return _rank(self._playbook.order, deciding, self._answers, _referral_why)

    @property
    def referral_undecided(self) -> bool:
        """Not a fit, no alternative named yet, and unanswered questions could name one."""
        return not self.alternatives and bool(self.referral_questions)

    @property
    def open_criteria(self) -> tuple[OpenCriterion, ...]:
        """Every criterion still open, with the unanswered questions that keep it open."""
        d, a = self.detail, self._answers
        return tuple(
            OpenCriterion(c.criterion.key, c.criterion.kind, c.criterion.reason, keys)
            for c in d.open_gates + d.open_signals
            if (keys := c.node.open_keys(a))
        )

    @property
    def talking_points(self) -> tuple[str, ...]:
        if self.verdict is FitVerdict.NOT_A_FIT:
            return ()
        held = (c.criterion for c in self.detail.held)
        return tuple(c.benefit for c in held if c.weight > 0 and c.benefit)

    @property
    def gaps(self) -> tuple[str, ...]:
        if self.verdict not in (FitVerdict.PARTIAL_FIT, FitVerdict.NOT_ENOUGH_INFORMATION):
            return ()
        missed = (c.criterion for c in self.detail.missed)
        return tuple(c.gap or f"Not the case: {c.reason}" for c in missed if c.weight > 0)

    def _key(self) -> tuple[Any, ...]:
        return (
            self.verdict,
            self.score,
            self.threshold,
            self.alternatives,
            self.reasons,
            self.next_questions,
            self.referral_questions,
            self.open_criteria,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DiagnosisResult):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"DiagnosisResult({self.verdict.value}, score={self.score:g})"


def _failed_text(c: Criterion) -> str:
    return c.gap or f"Does not meet a must-have: {c.reason}"


class _Detail(NamedTuple):
    """Which criteria fired, failed, were met, held, missed, or are still open."""

    verdict: FitVerdict
    score: float
    fired: list[CompiledCriterion]
    failed: list[CompiledCriterion]
    met: list[CompiledCriterion]
    held: list[CompiledCriterion]
    missed: list[CompiledCriterion]
    open_gates: list[CompiledCriterion]
    open_signals: list[CompiledCriterion]
    signals_matter: bool  # the open signals could still move the score across the threshold


def diagnose(pb: CompiledPlaybook, answers: Mapping[str, Any]) -> DiagnosisResult:
    """The verdict for ``answers`` (question key → typed value; None or absent = unanswered).

    Verdict and score come from the playbook's generated function; everything else is
    worked out when first asked for, from ``answers`` as they are then: it is kept, not
    copied (a copy per call would tax bulk runs), so do not change it afterwards.
    ``diagnose_full`` gives the same result the long way, everything up front.
    """
    verdict, score = pb.fast(answers)
    return DiagnosisResult(verdict, score, pb, answers)


def diagnose_full(pb: CompiledPlaybook, answers: Mapping[str, Any]) -> DiagnosisResult:
    """The same diagnosis, every criterion evaluated one by one up front."""
    detail = _evaluate(pb, answers)
    return DiagnosisResult(detail.verdict, detail.score, pb, answers, detail)


def _evaluate(pb: CompiledPlaybook, answers: Mapping[str, Any]) -> _Detail:
    fired, failed, met, open_gates = [], [], [], []
    for c in pb.disqualifiers:
        state = c.node.state(answers)
        if state:
            fired.append(c)
        elif state is None:
            open_gates.append(c)
    for c in pb.must_haves:
        state = c.node.state(answers)
        if state:
            met.append(c)
        elif state is None:
            open_gates.append(c)
        else:
            failed.append(c)
    score = low = high = 0.0
    held, missed, open_signals = [], [], []
    for c in pb.signals:
        state = c.node.state(answers)
        weight = c.weight
        if state:
            score += weight
            held.append(c)
        elif state is None:
            open_signals.append(c)
            if weight > 0:
                high += weight
            else:
                low += weight
        else:
            missed.append(c)
    threshold = pb.version.threshold
    undecided = score + low < threshold <= score + high
    if fired or failed:
        verdict = FitVerdict.NOT_A_FIT
    elif open_gates or undecided:
        verdict = FitVerdict.NOT_ENOUGH_INFORMATION
    else:
        verdict = FitVerdict.GOOD_FIT if score >= threshold else FitVerdict.PARTIAL_FIT
    return _Detail(
        verdict, score, fired, failed, met, held, missed, open_gates, open_signals, undecided
    )
