"""The follow-ups card on the deal page: how did the call end, push or nurture, what's next."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from goodfit.core.forms import add_service_errors
from goodfit.followups.access import steps_visible_to
from goodfit.followups.adapters import local_time_text, prospect_hours, rung_for
from goodfit.followups.forms import CallEndForm
from goodfit.followups.models import FollowUp, LadderStep
from goodfit.followups.selectors import deal_followups, source_comeback_rate
from goodfit.followups.services import (
    call_end_no_decision,
    pick_link_create,
    pick_link_url,
    render_message,
)
from goodfit.followups.timing import due_for_rung
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.models import Deal

PANEL_TEMPLATE = "followups/panel.html"


@dataclass(frozen=True)
class RungChoice:
    step: LadderStep
    when: str  # the time this rung would choose, on the prospect's clock


def _reopened(deal: Deal, followups: list[FollowUp]) -> FollowUp | None:
    """On an open deal with nothing scheduled, the latest follow-up the deal's closing
    ended: the panel says so and offers to schedule anew (nothing comes back silently)."""
    if deal.stage.is_closed or any(f.is_active for f in followups):
        return None
    ended = [f for f in followups if f.closed_reason]
    return max(ended, key=lambda f: (f.completed_at or f.due_at, f.pk), default=None)


def _missed_offer(
    deal: Deal, followups: list[FollowUp], steps: list[LadderStep]
) -> dict[str, Any] | None:
    """When the latest follow-up was missed (or is a day late), offer the rung below it.
    A closed deal offers nothing: its follow-ups ended with it."""
    if deal.stage.is_closed:
        return None
    now = timezone.now()
    latest = max(followups, key=lambda f: (f.due_at, f.pk), default=None)
    if latest is None or latest.closed_reason:
        return None
    late = latest.is_active and (now - latest.due_at).total_seconds() > 3600
    if not (latest.status == FollowUp.Status.MISSED or late):
        return None
    position = latest.step.position if latest.step else 0
    below = [s for s in steps if s.position > position]
    return {"missed": latest, "step": below[0] if below else None}


def panel_context(
    request: HttpRequest, deal: Deal, form: CallEndForm | None = None, **extra: Any
) -> dict[str, Any]:
    steps = list(steps_visible_to(request.user).order_by("ladder_id", "position"))
    hours = prospect_hours(deal.prospect)
    now = timezone.now()
    choices = [
        RungChoice(s, local_time_text(due_for_rung(now, rung_for(s), hours), hours.zone))
        for s in steps
    ]
    followups = deal_followups(deal)
    context = {
        "deal": deal,
        "form": form or CallEndForm(steps=steps_visible_to(request.user), zone=hours.zone),
        "choices": choices,
        "followups": followups,
        "upcoming": [f for f in followups if f.is_active],
        "rate": source_comeback_rate(deal.team, deal.prospect.source),
        "offer": _missed_offer(deal, followups, steps),
        "reopened": _reopened(deal, followups),
        "ended": [f for f in followups if f.closed_reason and deal.stage.is_closed],
        "zone": hours.zone,
        "closed": deal.stage.is_closed,
    }
    context.update(extra)
    return context


def _respond(request: HttpRequest, deal: Deal, **context: Any) -> HttpResponse:
    if request.htmx:
        return render(request, PANEL_TEMPLATE, {"panel": panel_context(request, deal, **context)})
    return redirect("deal-detail", deal.pk)


@login_required
@require_POST
def call_end(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    zone = deal.prospect.time_zone
    form = CallEndForm(request.POST, steps=steps_visible_to(request.user), zone=zone)
    if form.is_valid():
        try:
            followup = call_end_no_decision(
                deal=deal,
                actor=request.user,
                step=form.cleaned_data["step"],
                due_at=form.cleaned_data["due_at"],
                summary=form.cleaned_data["summary"],
                site=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            text = f"Call logged; follow-up set for {local_time_text(followup.due_at, zone)}."
            messages.success(request, text)
            return _respond(request, deal, notice=text)
    if not request.htmx:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return _respond(request, deal, form=form)


@login_required
@require_POST
def pick_link_new(request: HttpRequest, pk: int) -> HttpResponse:
    """A fresh pick-a-time link to send, with the "let them choose" message around it."""
    deal = get_deal_for_user(request.user, pk)
    try:
        token = pick_link_create(deal=deal, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _respond(request, deal)
    url = pick_link_url(request.build_absolute_uri("/"), token)
    step = next((s for s in steps_visible_to(request.user) if s.sends_pick_link), None)
    message = render_message(deal, step=step, rep=deal.owner, due_at=None, pick_link=url)
    if not request.htmx:
        messages.success(request, f"Pick-a-time link for {deal.prospect.name}: {url}")
    return _respond(request, deal, pick_link=url, pick_message=message or url)


def deal_panel(request: HttpRequest, deal: Deal) -> dict[str, Any]:
    """The extension point's context callable."""
    return panel_context(request, deal)
