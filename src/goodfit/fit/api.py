"""API of discovery and fit: a deal's answers and diagnosis; an offering's playbook."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from ninja import Body, Router

from goodfit.core.api import errors
from goodfit.fit.documents import document_load, with_lines
from goodfit.fit.domain import answers as fit_answers
from goodfit.fit.domain.wording import score_words
from goodfit.fit.models import PlaybookVersion
from goodfit.fit.schemas import DiagnosisOut, PlaybookImport, PlaybookOut
from goodfit.fit.selectors import DealFit, current_version, deal_fit
from goodfit.fit.services import answers_save, playbook_save
from goodfit.pipeline.access import (
    get_deal_for_user,
    get_offering_for_manager,
    get_offering_for_user,
)

router = Router(tags=["fit"])


def _next_out(n: Any, questions: dict[str, Any]) -> dict[str, Any]:
    return {"key": n.key, "text": questions[n.key].text, "impact": n.impact, "why": list(n.why)}


def _diagnosis_out(fit: DealFit) -> dict[str, Any]:
    if fit.play is None or fit.result is None:
        raise ValidationError(
            {"playbook": f"“{fit.deal.offering.name}” has no discovery playbook yet."}
        )
    questions, result = fit.play.questions, fit.result
    return {
        "verdict": result.verdict.value,
        "score": result.score,
        "threshold": result.threshold,
        "reasons": [
            {
                "criterion": r.criterion,
                "kind": r.kind.value,
                "text": r.text,
                "weight": r.weight,
                "answers": [
                    {
                        "key": k,
                        "question": questions[k].text,
                        "answer": fit_answers.answer_to_json(questions[k], v),
                        "answer_text": fit_answers.answer_display(questions[k], v),
                    }
                    for k, v in r.answers
                ],
            }
            for r in result.reasons
        ],
        "score_words": score_words(result.verdict.value, result.score, result.threshold),
        "next_questions": [_next_out(n, questions) for n in result.next_questions],
        "open_criteria": [
            {
                "criterion": o.criterion,
                "kind": o.kind.value,
                "text": o.text,
                "waiting_on": o.waiting_on,
            }
            for o in result.open_criteria
        ],
        "referral_questions": [_next_out(n, questions) for n in result.referral_questions],
        "referral_undecided": result.referral_undecided,
        "alternatives": [
            {
                "id": alt.pk if alt else None,
                "name": name,
                "good_for": alt.good_for if alt else "",
                "contact": alt.contact if alt else "",
            }
            for name, alt in fit.alternatives
        ],
        "script": fit.script,
        "talking_points": list(result.talking_points),
        "gaps": list(result.gaps),
        "playbook_version": fit.play.number,
        "answers": {k: fit_answers.answer_to_json(questions[k], v) for k, v in fit.answers.items()},
    }


@router.get(
    "/deals/{deal_id}/diagnosis",
    response={200: DiagnosisOut, **errors(404)},
    summary="A deal's fit diagnosis",
)
def get_diagnosis(request: HttpRequest, deal_id: int) -> Any:
    """Verdict, score, reasons (with the answers behind them), the questions worth asking
    next, and for a prospect who is not a fit the alternatives and the honest script."""
    return _diagnosis_out(deal_fit(get_deal_for_user(request.user, deal_id)))


@router.put(
    "/deals/{deal_id}/answers",
    response={200: DiagnosisOut, **errors(404)},
    summary="Save discovery answers",
)
def put_answers(request: HttpRequest, deal_id: int, answers: Body[dict[str, Any]]) -> Any:
    """Partial update by question key: `{"wages_garnished": true, "unsecured_debt": "28000"}`.
    `null` clears an answer. Unknown keys and wrong types are 422 naming the key; then
    nothing is saved. Each saved change records a diagnosis."""
    deal = get_deal_for_user(request.user, deal_id)
    answers_save(deal=deal, actor=request.user, values=answers)
    return _diagnosis_out(deal_fit(deal))


def _playbook_out(row: PlaybookVersion, offering_id: int) -> dict[str, Any]:
    return {
        "offering_id": offering_id,
        "version": row.number,
        "note": row.note,
        "created_at": row.created_at,
        "document": row.definition,
    }


@router.get(
    "/offerings/{offering_id}/playbook",
    response={200: PlaybookOut, **errors(404)},
    summary="An offering's playbook",
)
def get_playbook(request: HttpRequest, offering_id: int) -> Any:
    """The current version's document (see docs/fit.md for the format)."""
    offering = get_offering_for_user(request.user, offering_id)
    row = current_version(offering)
    if row is None:
        raise Http404
    return _playbook_out(row, offering.pk)


@router.put(
    "/offerings/{offering_id}/playbook",
    response={200: PlaybookOut, **errors(403, 404)},
    summary="Replace an offering's playbook (new version)",
)
def put_playbook(request: HttpRequest, offering_id: int, document: Body[dict[str, Any]]) -> Any:
    """Managers only. The body is the playbook document as JSON; a changed document becomes
    a new version and open deals are re-diagnosed. Every bad rule is a 422 naming its path."""
    offering = get_offering_for_manager(request.user, offering_id)
    row = playbook_save(offering=offering, actor=request.user, document=document)
    return _playbook_out(row, offering.pk)


@router.post(
    "/offerings/{offering_id}/playbook/import",
    response={200: PlaybookOut, **errors(403, 404)},
    summary="Import a playbook from YAML or JSON text",
)
def import_playbook(request: HttpRequest, offering_id: int, payload: PlaybookImport) -> Any:
    """Managers only. Errors name the key path and its line in the text."""
    offering = get_offering_for_manager(request.user, offering_id)
    try:
        document = document_load(payload.document)
        row = playbook_save(
            offering=offering, actor=request.user, document=document, note=payload.note
        )
    except ValidationError as error:
        raise with_lines(error, payload.document) from None
    return _playbook_out(row, offering.pk)
