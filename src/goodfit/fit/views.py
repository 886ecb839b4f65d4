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
from goodfit.fit.forms import ReferForm
from goodfit.fit.panel import panel_context
from goodfit.fit.selectors import compiled, current_version
from goodfit.fit.services import answers_save, referral_out_create
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.models import Deal

PANEL = "fit/panel.html"


def _panel(request: HttpRequest, deal: Deal, errors: dict[str, str], status: int = 200):
    context = {"panel": panel_context(request, deal, errors)}
    return render(request, PANEL, context, status=status)


def _posted_answer(request: HttpRequest, deal: Deal) -> dict[str, Any]:
    """``{key: value}`` from one question's form: several choices arrive as a list."""
    key = request.POST.get("key", "")
    if "clear" in request.POST:
        return {key: None}
    row = current_version(deal.offering_id)
    question = compiled(row).questions.get(key) if row else None
    if question is not None and question.type == "choices":
        return {key: request.POST.getlist("value")}
    return {key: request.POST.get("value", "")}


def _messages(error: ValidationError) -> dict[str, str]:
    if hasattr(error, "error_dict"):
        return {k: " ".join(v) for k, v in error.message_dict.items()}
    return {"__all__": " ".join(error.messages)}


@login_required
@require_POST
def answer_save(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    errors: dict[str, str] = {}
    try:
        answers_save(deal=deal, actor=request.user, values=_posted_answer(request, deal))
    except ValidationError as error:
        errors = _messages(error)
    if request.htmx:
        return _panel(request, deal, errors, status=422 if errors else 200)
    for message in errors.values():
        messages.error(request, message)
    return redirect("deal-detail", pk=deal.pk)


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
