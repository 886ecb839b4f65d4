"""The deal page: header, move form, timeline and the forms that add to it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from goodfit.core.extensions import deal_panels
from goodfit.pipeline.access import get_deal_for_user, stages_visible_to
from goodfit.pipeline.forms import CancellationForm, InteractionForm, NoteForm
from goodfit.pipeline.models import Cancellation, Deal, Outcome
from goodfit.pipeline.selectors import deal_timeline
from goodfit.pipeline.selectors_margins import deal_margin

ACTIVITY_PARTIAL = "pipeline/partials/activity.html"


def detail_context(
    request: HttpRequest, deal: Deal, **bound_forms: forms.Form | None
) -> dict[str, Any]:
    """Everything the deal page shows; ``bound_forms`` replace the empty forms (with errors)."""
    cancellation = Cancellation.objects.filter(deal=deal).select_related("by").first()
    can_cancel = deal.stage.outcome == Outcome.WON and cancellation is None
    context: dict[str, Any] = {
        "deal": deal,
        "timeline": deal_timeline(deal),
        "stages": list(stages_visible_to(request.user).order_by("position", "id")),
        "cancellation": cancellation,
        "margin": deal_margin(deal),
        "interaction_form": InteractionForm(),
        "note_form": NoteForm(),
        "cancel_form": CancellationForm() if can_cancel else None,
        "panels": deal_panels(request, deal),
    }
    context.update({name: form for name, form in bound_forms.items() if form is not None})
    return context


def render_detail(request: HttpRequest, deal: Deal, **bound_forms: forms.Form | None) -> Any:
    return render(
        request, "pipeline/deal_detail.html", detail_context(request, deal, **bound_forms)
    )


@login_required
@require_GET
def deal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_detail(request, get_deal_for_user(request.user, pk))
