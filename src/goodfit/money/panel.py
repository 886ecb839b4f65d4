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
from goodfit.pipeline.models import Deal, Interaction, Outcome
from goodfit.pipeline.selectors import deal_interactions

FORMS: dict[str, type[forms.Form]] = {
    "concession_form": ConcessionForm,
    "quote_form": QuoteForm,
    "flag_form": FlagForm,
    "meeting_form": MeetingOutcomeForm,
    "time_form": TimeLogForm,
    "override_form": OverrideForm,
}
NEEDS_DEAL = {"flag_form", "meeting_form"}


def _evidence(signals: list[dict[str, Any]], deal: Deal) -> list[dict[str, Any]]:
    """Each signal with its evidence rows (interactions, quotes …) read in one query each."""
    wanted: dict[str, set[int]] = {}
    for signal in signals:
        for ref in signal["evidence"]:
            wanted.setdefault(ref["kind"], set()).add(ref["id"])
    models = {"interaction": Interaction, "concession": Concession, "quote": Quote,
              "time_entry": TimeLog}  # fmt: skip
    rows = {
        kind: models[kind].objects.filter(pk__in=ids, deal=deal).in_bulk()
        for kind, ids in wanted.items()
        if kind in models and kind != "interaction"
    }
    # The deal page reads the deal's interactions once for every panel (shared read).
    rows["interaction"] = {i.pk: i for i in deal_interactions(deal)}
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
    context: dict[str, Any] = {
        "deal": deal,
        "current": current,
        "worth": worth,
        "signals": _evidence(worth.signals, deal) if worth else [],
        "severe": _evidence(worth.severe, deal) if worth else [],
        "override": WorthOverride.objects.filter(deal=deal).select_related("by").first(),
        "flags": list(
            InteractionFlag.objects.filter(interaction__deal=deal, dismissed_at__isnull=True)
            .select_related("interaction")
            .order_by("interaction__occurred_at", "id")
        ),
        "quotes": list(Quote.objects.filter(deal=deal).order_by("sent_at", "version")),
        "concessions": list(Concession.objects.filter(deal=deal).order_by("at", "id")),
        "is_open": deal.stage.outcome == Outcome.OPEN,
    }
    for name, form_class in FORMS.items():
        form = bound.get(name)
        if form is None:
            form = form_class(deal=deal) if name in NEEDS_DEAL else form_class()
        context[name] = form
    context["open_form"] = next(iter(bound), "")
    return context
