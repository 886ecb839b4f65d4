"""Editing a playbook's questions with forms (managers only); each save is a new version."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from goodfit.core.forms import form_data, run_service
from goodfit.fit.forms import QuestionEditForm, QuestionForm
from goodfit.fit.selectors import current_version
from goodfit.fit.services.playbook_edit import (
    playbook_question_add,
    playbook_question_remove,
    playbook_question_update,
)
from goodfit.pipeline.access import get_offering_for_manager
from goodfit.pipeline.models import Offering


def _question(offering: Offering, key: str) -> tuple[int, dict[str, Any]]:
    """The place (from 1) and document entry of a question of the current version, or 404."""
    row = current_version(offering)
    questions = row.definition.get("questions", []) if row is not None else []
    for i, question in enumerate(questions, start=1):
        if question.get("key") == key:
            return i, question
    raise Http404


def _saved(request: HttpRequest, offering: Offering, row: Any, what: str) -> HttpResponse:
    messages.success(request, f"{what} Saved as version {row.number}; open deals are re-diagnosed.")
    return redirect("settings-playbook", offering_id=offering.pk)


@login_required
@require_http_methods(["GET", "POST"])
def question_new(request: HttpRequest, offering_id: int) -> HttpResponse:
    offering = get_offering_for_manager(request.user, offering_id)
    form = QuestionForm(form_data(request))

    def add(data: dict[str, Any]) -> Any:
        question = {k: data[k] for k in ("key", "text", "type", "choices", "unit", "group")}
        question["help"] = data["help_text"]
        return playbook_question_add(
            offering=offering, actor=request.user, question=question, order=data["order"]
        )

    row = run_service(form, add)
    if row is not None:
        return _saved(request, offering, row, f"Question “{form.cleaned_data['key']}” added.")
    context = {"section": "playbooks", "offering": offering, "form": form, "question": None}
    return render(request, "fit/question_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, offering_id: int, key: str) -> HttpResponse:
    offering = get_offering_for_manager(request.user, offering_id)
    place, question = _question(offering, key)
    initial = {"text": question["text"], "help_text": question.get("help", ""), "order": place}
    form = QuestionEditForm(form_data(request), initial=initial)

    def update(data: dict[str, Any]) -> Any:
        return playbook_question_update(offering=offering, actor=request.user, key=key, **data)

    row = run_service(form, update)
    if row is not None:
        return _saved(request, offering, row, f"Question “{key}” saved.")
    context = {"section": "playbooks", "offering": offering, "form": form, "question": question}
    return render(request, "fit/question_form.html", context)


@login_required
@require_POST
def question_remove(request: HttpRequest, offering_id: int, key: str) -> HttpResponse:
    offering = get_offering_for_manager(request.user, offering_id)
    _question(offering, key)
    try:
        row = playbook_question_remove(offering=offering, actor=request.user, key=key)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("settings-playbook", offering_id=offering.pk)
    return _saved(request, offering, row, f"Question “{key}” removed.")
