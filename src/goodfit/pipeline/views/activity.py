"""What happens on a deal: the composer (an interaction or a note), the older single-purpose
forms, and the cancellation of a won deal.

With htmx the activity block (composer and timeline) is swapped in place; without it a
plain POST redirects back to the deal page, or re-renders it with the errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from goodfit.core.extensions import BoundForms
from goodfit.core.formflow import Answer, form_submit
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.forms.activity import NOTE, ComposerForm
from goodfit.pipeline.forms.deals import CancellationForm
from goodfit.pipeline.models import Deal
from goodfit.pipeline.selectors.deals import forget_deal_interactions
from goodfit.pipeline.services import deal_cancel, interaction_log, note_add
from goodfit.pipeline.views.detail import (
    ACTIVITY_PARTIAL,
    composer_form,
    render_detail,
    timeline_context,
)


def _activity(request: HttpRequest, deal: Deal) -> Answer:
    """The composer's answers: htmx gets the activity block (a fresh composer after a save,
    the refused one with its errors otherwise); a plain POST the deal page."""

    def fragment(refused: BoundForms, status: str, extra: Mapping[str, Any]) -> HttpResponse:
        forget_deal_interactions(deal)
        context = {"deal": deal, "composer": refused.get("composer") or composer_form(deal)}
        context.update(timeline_context(request, deal))
        context["activity_status"] = status
        return render(request, ACTIVITY_PARTIAL, context)

    def page(refused: BoundForms) -> HttpResponse:
        return render_detail(request, deal, **refused)

    return Answer(fragment, page, reverse("deal-detail", args=[deal.pk]))


@login_required
@require_POST
def compose(request: HttpRequest, pk: int) -> HttpResponse:
    """Log an interaction or add a note from the composer at the top of the deal page."""
    deal = get_deal_for_user(request.user, pk)
    form = ComposerForm(request.POST)

    def write(data: dict[str, Any]) -> Any:
        if form.is_note:
            return note_add(deal=deal, actor=request.user, body=data["text"].strip())
        return interaction_log(deal=deal, actor=request.user, **form.interaction_fields())

    is_note = request.POST.get("channel") == NOTE
    done = "Note added." if is_note else "Interaction logged."
    return form_submit(request, _activity(request, deal), "composer", form, write, done)


@login_required
@require_POST
def interaction_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The interaction form's old address: its fields are the composer's."""
    return compose(request, pk)


@login_required
@require_POST
def note_new(request: HttpRequest, pk: int) -> HttpResponse:
    """The note form's old address: ``body`` becomes the composer's text, as a note."""
    request.POST = request.POST.copy()
    request.POST.update({"channel": NOTE, "text": request.POST.get("body", "")})
    return compose(request, pk)


@login_required
@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Record that the customer cancelled a won deal (a plain form: it changes the header)."""
    deal = get_deal_for_user(request.user, pk)
    form = CancellationForm(request.POST)

    def write(data: dict[str, Any]) -> Any:
        return deal_cancel(deal=deal, actor=request.user, **data)

    done = "Cancellation recorded."
    return form_submit(request, _activity(request, deal), "cancel_form", form, write, done)
