"""The good-money panel's forms: each posts, calls one service, and answers htmx with
the panel (or a plain POST with a redirect back to the deal page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from goodfit.core.forms import add_service_errors
from goodfit.money import services
from goodfit.money.access import get_flag_for_user
from goodfit.money.forms import (
    ConcessionForm,
    FlagForm,
    MeetingOutcomeForm,
    OverrideForm,
    QuoteForm,
    TimeLogForm,
)
from goodfit.money.panel import panel_context
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.models import Deal
from goodfit.pipeline.views.common import wants_fragment

PANEL = "money/panel.html"


def _answer(
    request: HttpRequest, deal: Deal, name: str, form: forms.Form, write: Callable[[dict], Any],
    done: str,
) -> HttpResponse:  # fmt: skip
    saved = False
    if form.is_valid():
        try:
            write(form.cleaned_data)
            saved = True
        except ValidationError as error:
            add_service_errors(form, error)
    if wants_fragment(request):
        context = panel_context(request, deal, **({} if saved else {name: form}))
        context["status"] = done if saved else "Not saved: see the errors below."
        # htmx swaps only 2xx answers: the refused form comes back with its errors.
        return render(request, PANEL, {"panel": context})
    if saved:
        messages.success(request, done)
    else:
        errors = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        messages.error(request, f"Not saved. {errors}")
    return redirect("deal-detail", pk=deal.pk)


@login_required
@require_GET
def panel(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    return render(request, PANEL, {"panel": panel_context(request, deal)})


@login_required
@require_POST
def concession_new(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    form = ConcessionForm(request.POST)

    def write(data: dict) -> Any:
        return services.concession_add(deal=deal, actor=request.user, **data)

    return _answer(request, deal, "concession_form", form, write, "Concession recorded.")


@login_required
@require_POST
def quote_new(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    form = QuoteForm(request.POST)

    def write(data: dict) -> Any:
        return services.quote_add(deal=deal, actor=request.user, **data)

    return _answer(request, deal, "quote_form", form, write, "Quote recorded.")


@login_required
@require_POST
def flag_new(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    form = FlagForm(request.POST, deal=deal)

    def write(data: dict) -> Any:
        return services.flag_add(
            interaction=data["interaction"], actor=request.user, kind=data["kind"]
        )

    return _answer(request, deal, "flag_form", form, write, "Flag added.")


@login_required
@require_POST
def flag_dismiss(request: HttpRequest, pk: int, flag_id: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    flag = get_flag_for_user(request.user, flag_id)
    if flag.interaction.deal_id != deal.pk:
        raise Http404
    services.flag_dismiss(flag=flag, actor=request.user)
    if wants_fragment(request):
        context = panel_context(request, deal)
        context["status"] = "Flag dismissed."
        return render(request, PANEL, {"panel": context})
    messages.success(request, "Flag dismissed.")
    return redirect("deal-detail", pk=deal.pk)


@login_required
@require_POST
def meeting_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    form = MeetingOutcomeForm(request.POST, deal=deal)

    def write(data: dict) -> Any:
        return services.meeting_outcome_set(
            interaction=data["interaction"], actor=request.user, outcome=data["outcome"]
        )

    return _answer(request, deal, "meeting_form", form, write, "Outcome recorded.")


@login_required
@require_POST
def time_new(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    form = TimeLogForm(request.POST)

    def write(data: dict) -> Any:
        return services.time_log_add(deal=deal, actor=request.user, **data)

    return _answer(request, deal, "time_form", form, write, "Time logged.")


@login_required
@require_POST
def override(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    form = OverrideForm(request.POST)

    def write(data: dict) -> Any:
        return services.worth_override(deal=deal, actor=request.user, **data)

    return _answer(request, deal, "override_form", form, write, "Your call is recorded.")
