"""The deal page: a sticky header, the composer and timeline, the capability panels as tabs.

The URL remembers what is shown: ``?panel=<key>`` opens a panel (else the first that
needs attention: discovery while the verdict is open, the debrief after a loss) and
``?kind=<kind>`` filters the timeline. Both work as plain links without JavaScript.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from goodfit.core.extensions import (
    NO_FORMS,
    BoundForms,
    deal_header_facts,
    deal_panel,
    deal_panels,
    open_panel_key,
)
from goodfit.core.formflow import Answer
from goodfit.core.htmx import wants_fragment
from goodfit.pipeline.access import get_deal_for_user, stages_visible_to
from goodfit.pipeline.audit_history import HISTORY_PANEL, deal_history
from goodfit.pipeline.forms.activity import ComposerForm
from goodfit.pipeline.forms.deals import CancellationForm
from goodfit.pipeline.models import Cancellation, Deal, Outcome
from goodfit.pipeline.selectors.deals import TIMELINE_KINDS, deal_timeline
from goodfit.pipeline.selectors.margins import deal_margin

ACTIVITY_PARTIAL = "pipeline/partials/activity.html"
TIMELINE_PARTIAL = "pipeline/partials/timeline_card.html"
KIND_LABELS = {"": "All", "interaction": "Interactions", "note": "Notes", "stage": "Stage changes"}


def timeline_kind(request: HttpRequest) -> str:
    kind = request.GET.get("kind", "") or request.POST.get("timeline_kind", "")
    return kind if kind in TIMELINE_KINDS else ""


def _query(**params: str) -> str:
    kept = {k: v for k, v in params.items() if v}
    return f"?{urlencode(kept)}" if kept else "?"


def timeline_context(request: HttpRequest, deal: Deal, panel: str = "") -> dict[str, Any]:
    """The newest-first timeline, filtered by kind, with the filter links (URL-addressable)."""
    kind = timeline_kind(request)
    panel = panel or request.GET.get("panel", "")
    return {
        "timeline": deal_timeline(deal, kind=kind, newest_first=True),
        "timeline_kind": kind,
        # (kind, label, plain link keeping the open panel, htmx link: the script adds it)
        "kind_links": [
            (value, label, _query(panel=panel, kind=value), _query(kind=value))
            for value, label in KIND_LABELS.items()
        ],
    }


def composer_form(deal: Deal) -> ComposerForm:
    """An empty composer: now, outbound, the prospect's preferred channel."""
    return ComposerForm(initial={"channel": deal.prospect.preferred_channel})


def _tabs(request: HttpRequest, deal: Deal, refused: Mapping[str, BoundForms]) -> dict[str, Any]:
    panels = deal_panels(request, deal, refused)
    # A refused panel form opens its panel, so its errors are in view.
    asked = next(iter(refused), "") or request.GET.get("panel", "")
    open_key = HISTORY_PANEL if asked == HISTORY_PANEL else open_panel_key(panels, asked)
    kind = timeline_kind(request)
    tabs = [(p.key, p.label, p.needs_attention, _query(panel=p.key, kind=kind)) for p in panels]
    tabs.append((HISTORY_PANEL, "History", False, _query(panel=HISTORY_PANEL, kind=kind)))
    context: dict[str, Any] = {"panels": panels, "open_panel": open_key, "tabs": tabs}
    if open_key == HISTORY_PANEL:
        context["history"] = deal_history(deal)
    return context


def detail_context(
    request: HttpRequest,
    deal: Deal,
    refused: Mapping[str, BoundForms] = NO_FORMS,
    **bound_forms: forms.Form | None,
) -> dict[str, Any]:
    """Everything the deal page shows; ``bound_forms`` replace the page's empty forms (with
    errors) and ``refused`` the empty forms of panels, by panel key."""
    cancellation = Cancellation.objects.filter(deal=deal).select_related("by").first()
    can_cancel = deal.stage.outcome == Outcome.WON and cancellation is None
    margin = deal_margin(deal)
    context: dict[str, Any] = {
        "deal": deal,
        "stages": list(stages_visible_to(request.user).order_by("position", "id")),
        "cancellation": cancellation,
        "margin": margin,
        # The floor guards deals still being negotiated; a closed deal's terms are history.
        "margin_warning": margin.below_floor and not deal.stage.is_closed,
        "composer": composer_form(deal),
        "cancel_form": CancellationForm() if can_cancel else None,
    }
    context.update(_tabs(request, deal, refused))
    # Panels first: they may refresh what the header reads (the worth score).
    context["header_facts"] = deal_header_facts(deal)
    context.update(timeline_context(request, deal, context["open_panel"]))
    context.update({name: form for name, form in bound_forms.items() if form is not None})
    return context


def render_detail(
    request: HttpRequest,
    deal: Deal,
    refused: Mapping[str, BoundForms] = NO_FORMS,
    **bound_forms: forms.Form | None,
) -> Any:
    context = detail_context(request, deal, refused, **bound_forms)
    return render(request, "pipeline/deal_detail.html", context)


def panel_answer(request: HttpRequest, deal: Deal, key: str, *, back: str = "") -> Answer:
    """How a deal panel's forms answer (``core.formflow``): htmx gets the panel, refused
    forms and all; a refused plain POST the deal page with the panel open; a saved one
    goes ``back`` (by default to the panel on the deal page)."""
    panel = deal_panel(key)
    if panel is None:
        raise LookupError(f"No deal panel {key!r} is registered")

    def fragment(refused: BoundForms, status: str, extra: Mapping[str, Any]) -> HttpResponse:
        context = {**panel.context(request, deal, refused), "status": status, **extra}
        return render(request, panel.template, {"panel": context, "deal": deal})

    def page(refused: BoundForms) -> HttpResponse:
        return render_detail(request, deal, {key: refused})

    return Answer(fragment, page, back or f"{reverse('deal-detail', args=[deal.pk])}#{key}-panel")


@login_required
@require_GET
def deal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    if wants_fragment(request) and request.htmx.target == "timeline-card":
        context = {"deal": deal, **timeline_context(request, deal)}
        return render(request, TIMELINE_PARTIAL, context)
    return render_detail(request, deal)


@login_required
@require_GET
def deal_history_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The history of changes: a fragment for the tab, or the deal page with the tab open."""
    deal = get_deal_for_user(request.user, pk)
    if not wants_fragment(request):
        return redirect(f"{reverse('deal-detail', args=[deal.pk])}?panel={HISTORY_PANEL}#panels")
    return render(request, "pipeline/partials/history.html", {"history": deal_history(deal)})
