"""What the discovery panel on the deal page shows (a fixed number of queries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

from goodfit.fit import answers as fit_answers
from goodfit.fit import diagnosis as pure
from goodfit.fit.access import alternatives_visible_to
from goodfit.fit.selectors import DealFit, deal_fit, diagnosis_history, referrals_out
from goodfit.pipeline.models import Deal


@dataclass(frozen=True)
class QuestionRow:
    question: pure.Question
    value: Any  # the typed answer, or None
    display: str
    json: Any  # the answer as a form shows it (lists for several choices)
    next_rank: int | None


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


def _questions(fit: DealFit) -> list[QuestionRow]:
    assert fit.play is not None and fit.result is not None
    ranks = {q.key: i for i, q in enumerate(fit.result.next_questions)}
    rows = []
    for q in fit.play.version.questions:
        value = fit.answers.get(q.key)
        rows.append(
            QuestionRow(
                q,
                value,
                fit_answers.answer_display(q, value),
                fit_answers.answer_to_json(q, value),
                ranks.get(q.key),
            )
        )
    return rows


def _next(fit: DealFit, limit: int = 3) -> list[dict[str, Any]]:
    assert fit.play is not None and fit.result is not None
    return [
        {"question": fit.play.questions[n.key], "why": n.why}
        for n in fit.result.next_questions[:limit]
    ]


def panel_context(request: HttpRequest, deal: Deal, errors: dict[str, str] | None = None):
    fit = deal_fit(deal)
    context: dict[str, Any] = {
        "deal": deal,
        "fit": fit,
        "errors": errors or {},
        "is_open": not deal.stage.is_closed,
    }
    if fit.play is None or fit.result is None:
        # Without a playbook there can be no diagnoses or referrals: one query in all.
        return context
    context.update(history=diagnosis_history(deal), referrals=referrals_out(deal))
    recommended = {name for name, _ in fit.alternatives}
    directory = list(alternatives_visible_to(request.user).filter(is_active=True))
    context.update(
        verdict=fit.result.verdict.value,
        questions=_questions(fit),
        reasons=_reasons(fit),
        next_questions=_next(fit),
        directory=sorted(directory, key=lambda a: (a.name not in recommended, a.name)),
        recommended=recommended,
        version=fit.play.number,
    )
    return context
