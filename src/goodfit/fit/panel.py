"""What the discovery panel on the deal page shows (a fixed number of queries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from goodfit.core.extensions import BoundForms
from goodfit.fit.access import alternatives_visible_to
from goodfit.fit.domain import answers as fit_answers
from goodfit.fit.domain import diagnosis as pure
from goodfit.fit.domain.wording import score_words, trigger_words
from goodfit.fit.selectors import DealFit, deal_fit, diagnosis_history, referrals_out
from goodfit.pipeline.models import Deal

NONE_OF_THESE = "__none__"  # the “none of these” box of a several-choices question


@dataclass(frozen=True)
class QuestionRow:
    question: pure.Question
    value: Any  # the typed answer, or None
    display: str
    json: Any  # the answer as a form shows it (lists for several choices)
    next_rank: int | None
    error: str = ""
    shown: Any = None  # what the field shows: the answer, or what was typed when refused

    @property
    def picked(self) -> list[str]:
        """The boxes to tick of a several-choices question."""
        if isinstance(self.shown, list | tuple):
            return [str(v) for v in self.shown]
        return []

    @property
    def none_of_these(self) -> bool:
        return isinstance(self.shown, list | tuple) and not self.shown


@dataclass(frozen=True)
class ReasonRow:
    text: str
    kind: str
    weight: float
    answers: list[tuple[str, str]]  # (question text, answer in words)


def _reasons(fit: DealFit) -> list[ReasonRow]:
    assert fit.play is not None and fit.result is not None
    questions = fit.play.questions
    return [
        ReasonRow(
            r.text[:1].upper() + r.text[1:],
            r.kind.value,
            r.weight,
            [
                (questions[k].text, fit_answers.answer_display(questions.get(k), v))
                for k, v in r.answers
                if k in questions
            ],
        )
        for r in fit.result.reasons
    ]


def _questions(fit: DealFit, errors: dict[str, str], posted: dict[str, Any]) -> list[QuestionRow]:
    assert fit.play is not None and fit.result is not None
    ranks = {q.key: i for i, q in enumerate(fit.result.next_questions)}
    rows = []
    for q in fit.play.version.questions:
        value = fit.answers.get(q.key)
        stored = fit_answers.answer_to_json(q, value)
        rows.append(
            QuestionRow(
                q,
                value,
                fit_answers.answer_display(q, value),
                stored,
                ranks.get(q.key),
                errors.get(q.key, ""),
                posted.get(q.key, stored),
            )
        )
    return rows


def _ranked(fit: DealFit, ranked: tuple[pure.NextQuestion, ...], limit: int = 3):
    assert fit.play is not None
    return [{"question": fit.play.questions[n.key], "why": n.why} for n in ranked[:limit]]


def _open(fit: DealFit) -> list[dict[str, Any]]:
    """Criteria still open and the questions (by label) whose answers would settle them."""
    assert fit.play is not None and fit.result is not None
    questions = fit.play.questions
    return [
        {
            "text": o.text[:1].upper() + o.text[1:],
            "kind": o.kind.value,
            "waiting_on": [questions[k] for k in o.waiting_on if k in questions],
        }
        for o in fit.result.open_criteria
    ]


def _history(fit: DealFit, rows: list[Any]) -> list[dict[str, Any]]:
    assert fit.play is not None
    return [
        {
            "row": d,
            "after": trigger_words(d.trigger, fit.play.questions),
            "threshold": (threshold := d.version.definition.get("threshold", 0)),
            "score_words": score_words(d.verdict, d.score, threshold),
        }
        for d in rows
    ]


@dataclass(frozen=True)
class RefusedAnswers:
    """A refused save of the discovery form (bound as ``answers``): the messages and
    what was typed, by question key. The answers are not a Django form: each question
    is a field of the playbook."""

    errors: dict[str, str]
    posted: dict[str, Any]


def panel_context(request: HttpRequest, deal: Deal, bound: BoundForms) -> dict[str, Any]:
    """The discovery panel; ``bound["answers"]`` (``RefusedAnswers``) shows a refused save."""
    refused = bound.get("answers") or RefusedAnswers({}, {})
    errors, posted = refused.errors, refused.posted
    fit = deal_fit(deal)
    context: dict[str, Any] = {
        "deal": deal,
        "fit": fit,
        "errors": errors,
        "is_open": not deal.stage.is_closed,
    }
    if fit.play is None or fit.result is None:
        # Without a playbook there can be no diagnoses or referrals: one query in all.
        return context
    result = fit.result
    context.update(history=_history(fit, diagnosis_history(deal)), referrals=referrals_out(deal))
    recommended = {name for name, _ in fit.alternatives}
    directory = list(alternatives_visible_to(request.user).filter(is_active=True))
    context.update(
        verdict=result.verdict.value,
        score_words=score_words(result.verdict.value, result.score, result.threshold),
        questions=_questions(fit, errors, posted),
        reasons=_reasons(fit),
        next_questions=_ranked(fit, result.next_questions),
        referral_questions=_ranked(fit, result.referral_questions),
        referral_undecided=result.referral_undecided,
        open_criteria=_open(fit),
        none_of_these=NONE_OF_THESE,
        directory=sorted(directory, key=lambda a: (a.name not in recommended, a.name)),
        recommended=recommended,
        version=fit.play.number,
    )
    return context
