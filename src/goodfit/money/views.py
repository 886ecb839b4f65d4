"""The good-money panel's forms: each posts, calls one service, and answers htmx with
the panel (or a plain POST with a redirect back to the deal page)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from goodfit.core.extensions import NO_FORMS
from goodfit.core.formflow import Answer, answer, form_submit
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
from goodfit.pipeline.views.detail import panel_answer

PANEL = "money/panel.html"


def _answer(request: HttpRequest, deal: Deal) -> Answer:
    return panel_answer(request, deal, "money", back=reverse("deal-detail", args=[deal.pk]))


@login_required
@require_GET
def panel(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    return render(request, PANEL, {"panel": panel_context(request, deal, NO_FORMS)})


Write = Callable[[HttpRequest, Deal, dict[str, Any]], Any]


def _form_view(
    name: str, form_class: type[forms.Form], write: Write, done: str, *, with_deal: bool = False
) -> Callable[[HttpRequest, int], HttpResponse]:
    """A panel form's view: fetch the deal, validate ``form_class``, call ``write``."""

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        deal = get_deal_for_user(request.user, pk)
        form = form_class(request.POST, deal=deal) if with_deal else form_class(request.POST)
        how = _answer(request, deal)
        return form_submit(request, how, name, form, lambda d: write(request, deal, d), done)

    return view


concession_new = _form_view(
    "concession_form",
    ConcessionForm,
    lambda request, deal, d: services.concession_add(deal=deal, actor=request.user, **d),
    "Concession recorded.",
)
quote_new = _form_view(
    "quote_form",
    QuoteForm,
    lambda request, deal, d: services.quote_add(deal=deal, actor=request.user, **d),
    "Quote recorded.",
)
flag_new = _form_view(
    "flag_form",
    FlagForm,
    lambda request, deal, d: services.flag_add(
        interaction=d["interaction"], actor=request.user, kind=d["kind"]
    ),
    "Flag added.",
    with_deal=True,
)
meeting_outcome = _form_view(
    "meeting_form",
    MeetingOutcomeForm,
    lambda request, deal, d: services.meeting_outcome_set(
        interaction=d["interaction"], actor=request.user, outcome=d["outcome"]
    ),
    "Outcome recorded.",
    with_deal=True,
)
time_new = _form_view(
    "time_form",
    TimeLogForm,
    lambda request, deal, d: services.time_log_add(deal=deal, actor=request.user, **d),
    "Time logged.",
)
override = _form_view(
    "override_form",
    OverrideForm,
    lambda request, deal, d: services.worth_override(deal=deal, actor=request.user, **d),
    "Your call is recorded.",
)


@login_required
@require_POST
def flag_dismiss(request: HttpRequest, pk: int, flag_id: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    flag = get_flag_for_user(request.user, flag_id)
    if flag.interaction.deal_id != deal.pk:
        raise Http404
    services.flag_dismiss(flag=flag, actor=request.user)
    return answer(request, _answer(request, deal), "Flag dismissed.")
