"""The good-money card on the deal page: what the panel template is given."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest

from goodfit.core.extensions import BoundForms
from goodfit.money.forms import (
    ConcessionForm,
    FlagForm,
    MeetingOutcomeForm,
    OverrideForm,
    QuoteForm,
    TimeLogForm,
)
from goodfit.money.models import Concession, InteractionFlag, Quote, TimeLog, WorthOverride
from goodfit.money.selectors import current_worth
from goodfit.pipeline.models import Deal, Outcome
from goodfit.pipeline.selectors.deals import deal_interactions

FORMS: dict[str, type[forms.Form]] = {
    "concession_form": ConcessionForm,
    "quote_form": QuoteForm,
    "flag_form": FlagForm,
    "meeting_form": MeetingOutcomeForm,
    "time_form": TimeLogForm,
    "override_form": OverrideForm,
}
NEEDS_DEAL = {"flag_form", "meeting_form"}


def _evidence(
    signals: list[dict[str, Any]], deal: Deal, shared: dict[str, dict[int, Any]]
) -> list[dict[str, Any]]:
    """Each signal with its evidence rows: those the panel reads anyway (``shared``: the
    deal's interactions, quotes and concessions) and the time entries, in one query."""
    wanted = {ref["id"] for signal in signals for ref in signal["evidence"]
              if ref["kind"] == "time_entry"}  # fmt: skip
    rows = {**shared, "time_entry": TimeLog.objects.filter(pk__in=wanted, deal=deal).in_bulk()}
    return [
        {**signal, "rows": [(ref["kind"], rows.get(ref["kind"], {}).get(ref["id"]))
                            for ref in signal["evidence"]]}
        for signal in signals
    ]  # fmt: skip


def panel_context(request: HttpRequest, deal: Deal, bound: BoundForms) -> dict[str, Any]:
    """The deal's current score as stored by the services that change its inputs (a read:
    nothing is written here) and the forms that record those inputs; ``bound`` holds
    refused ones, shown with their errors."""
    current = current_worth(deal)
    worth = current.score if current else None
    quotes = list(Quote.objects.filter(deal=deal).order_by("sent_at", "version"))
    concessions = list(Concession.objects.filter(deal=deal).order_by("at", "id"))
    # The deal page reads the deal's interactions once for every panel (shared read).
    shared = {
        "interaction": {i.pk: i for i in deal_interactions(deal)},
        "quote": {q.pk: q for q in quotes},
        "concession": {c.pk: c for c in concessions},
    }
    context: dict[str, Any] = {
        "deal": deal,
        "current": current,
        "worth": worth,
        "signals": _evidence(worth.signals, deal, shared) if worth else [],
        "severe": _evidence(worth.severe, deal, shared) if worth else [],
        "override": WorthOverride.objects.filter(deal=deal).select_related("by").first(),
        "flags": list(
            InteractionFlag.objects.filter(interaction__deal=deal, dismissed_at__isnull=True)
            .select_related("interaction")
            .order_by("interaction__occurred_at", "id")
        ),
        "quotes": quotes,
        "concessions": concessions,
        "is_open": deal.stage.outcome == Outcome.OPEN,
    }
    for name, form_class in FORMS.items():
        form = bound.get(name)
        if form is None:
            form = form_class(deal=deal) if name in NEEDS_DEAL else form_class()
        context[name] = form
    context["open_form"] = next(iter(bound), "")
    return context
