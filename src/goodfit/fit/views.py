"""The discovery panel's actions on a deal: save answers, refer the prospect out."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from goodfit.fit.access import get_alternative_for_user
from goodfit.fit.domain import diagnosis as pure
from goodfit.fit.forms import ReferForm
from goodfit.fit.panel import NONE_OF_THESE, RefusedAnswers, panel_context
from goodfit.fit.selectors import compiled, current_version
from goodfit.fit.services import answers_save, referral_out_create
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.models import Deal

PAGE = "fit/discovery_page.html"
SAVED = "fit/_saved.html"


def _posted(request: HttpRequest, question: pure.Question) -> Any:
    """What the discovery form sent for one question, as the answer parser takes it.

    Several choices arrive as a list after a hidden empty marker (so an untouched
    question is told apart from “none of these”); an empty field clears the answer.
    """
    name = f"a-{question.key}"
    if question.type is not pure.AnswerType.CHOICES:
        return request.POST.get(name, "")
    picked = [v for v in request.POST.getlist(name) if v]
    if not picked:
        return None
    return [v for v in picked if v != NONE_OF_THESE]


def _messages(error: ValidationError) -> dict[str, str]:
    if hasattr(error, "error_dict"):
        return {k: " ".join(v) for k, v in error.message_dict.items()}
    return {"__all__": " ".join(error.messages)}


def _values(request: HttpRequest, deal: Deal) -> dict[str, Any]:
    """The answers to save: the one field htmx names, or every question of the form."""
    row = current_version(deal.offering_id)
    questions = compiled(row).questions if row is not None else {}
    field = request.POST.get("field")
    if field is not None:
        if field not in questions:
            return {field: ""}  # the service names the unknown key
        return {field: _posted(request, questions[field])}
    return {k: _posted(request, q) for k, q in questions.items() if f"a-{k}" in request.POST}


@login_required
@require_POST
def answer_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Save discovery answers: one field as it changes (htmx), or the whole form.

    htmx gets that field's saved or error state plus the verdict, diagnosis and history
    swapped out of band, with status 200 like every htmx form of the app. The plain form
    (no JavaScript) is redirected back to the deal when saved, and refused with 422 on
    a page that shows every error next to its field, with what was typed kept.
    """
    deal = get_deal_for_user(request.user, pk)
    values = _values(request, deal)
    errors: dict[str, str] = {}
    try:
        answers_save(deal=deal, actor=request.user, values=values)
    except ValidationError as error:
        errors = _messages(error)
    typed = {k: v for k, v in values.items() if k in errors}
    if request.htmx:
        refused = {"answers": RefusedAnswers(errors, typed)}
        context = {"panel": panel_context(request, deal, refused)}
        context["field"] = request.POST.get("field", "")
        context["saved"] = not errors
        return render(request, SAVED, context)
    if errors:
        refused = {"answers": RefusedAnswers(errors, values)}
        context = {"panel": panel_context(request, deal, refused), "deal": deal}
        return render(request, PAGE, context, status=422)
    messages.success(request, "Answers saved.")
    return redirect(reverse("deal-detail", args=[deal.pk]) + "#fit-panel")


@login_required
@require_POST
def refer(request: HttpRequest, pk: int) -> HttpResponse:
    """Not a fit — refer: moves the deal, records the referral, then shows the message."""
    deal = get_deal_for_user(request.user, pk)
    form = ReferForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("deal-detail", pk=deal.pk)
    alternative = get_alternative_for_user(request.user, form.cleaned_data["alternative"])
    try:
        referral_out_create(
            deal=deal,
            actor=request.user,
            alternative=alternative,
            message=form.cleaned_data["message"],
        )
    except ValidationError as error:
        for message in _messages(error).values():
            messages.error(request, message)
        return redirect("deal-detail", pk=deal.pk)
    messages.success(request, f"Referred to {alternative.name}; the deal is now marked not a fit.")
    return redirect(reverse("deal-detail", args=[deal.pk]) + "#fit-panel")
