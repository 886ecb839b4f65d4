"""The follow-ups card on the deal page: how did the call end, push or nurture, what's next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from goodfit.core.extensions import BoundForms
from goodfit.core.formflow import Answer, answer, form_submit
from goodfit.core.htmx import wants_fragment
from goodfit.followups.access import steps_visible_to
from goodfit.followups.adapters import (
    prospect_hours,
    rung_for,
    user_hours,
    user_zone,
)
from goodfit.followups.domain.timing import ContactHours, Delay, propose, rung_target
from goodfit.followups.domain.when import in_zones, relative
from goodfit.followups.domain.wording import misfits
from goodfit.followups.forms import CallEndForm
from goodfit.followups.models import FollowUp, Ladder, LadderStep
from goodfit.followups.selectors import deal_followups, source_comeback_rate
from goodfit.followups.services import (
    call_end_no_decision,
    pick_link_create,
    pick_link_url,
    render_message,
)
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.models import Deal
from goodfit.pipeline.views.detail import panel_answer

PANEL_TEMPLATE = "followups/panel.html"


@dataclass(frozen=True)
class RungChoice:
    step: LadderStep
    when: str  # "Monday at 09:00": the day it really falls on, on the prospect's clock
    both: str  # the same moment on the prospect's clock and the rep's
    moved: str  # why it is not what the step's name says ("after their hours today")
    outside_rep: bool  # outside the rep's own working hours (no overlap that day)


def _choice(
    step: LadderStep, now: dt.datetime, hours: ContactHours, rep: ContactHours | None, zone: str
) -> RungChoice:
    rung = rung_for(step)
    proposal = propose(now, rung, hours, rep)
    today = now.astimezone(hours.tz).date()
    moved = ""
    if rung.kind == Delay.HOURS and proposal.when.astimezone(hours.tz).date() != today:
        moved = "later today is after their hours"
    elif not hours.contains(rung_target(now, rung, hours)):
        moved = "moved into their hours"
    return RungChoice(
        step,
        relative(proposal.when, now, hours.zone),
        in_zones(proposal.when, hours.zone, zone),
        moved,
        not proposal.for_rep,
    )


def _plans(
    request: HttpRequest,
    deal: Deal,
    steps: list[LadderStep],
    hours: ContactHours,
    advice: str,
    now: dt.datetime,
) -> list[dict[str, Any]]:
    """Both plans, the advised one first (push when leads rarely come back, nurture when
    they do); each step with the time it would choose."""
    rep = user_hours(deal.owner)
    zone = user_zone(request.user, hours.zone)
    ladders = {s.ladder_id: s.ladder for s in steps}
    plans = [
        {
            "ladder": ladder,
            "choices": [_choice(s, now, hours, rep, zone) for s in steps if s.ladder_id == pk],
            "advised": ladder.kind == advice,
        }
        for pk, ladder in ladders.items()
    ]
    plans.sort(key=lambda p: (not p["advised"], p["ladder"].kind != Ladder.Kind.PUSH))
    return plans


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
    """When the latest follow-up was missed (or is a day late), offer the step below it.
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
    below = [
        s
        for s in steps
        if latest.step is not None
        and s.ladder_id == latest.step.ladder_id
        and s.position > latest.step.position
    ]
    return {"missed": latest, "step": below[0] if below else None}


def _upcoming(followups: list[FollowUp], deal: Deal, zone: str) -> list[dict[str, Any]]:
    prospect = deal.prospect
    return [
        {
            "followup": f,
            "both": in_zones(f.due_at, prospect.time_zone, zone),
            "misfits": misfits(f.message, channel=f.channel, kind=prospect.kind),
        }
        for f in followups
        if f.is_active
    ]


def panel_context(request: HttpRequest, deal: Deal, bound: BoundForms) -> dict[str, Any]:
    """The follow-ups card; ``bound["form"]`` is a refused call-end form, shown with its errors."""
    now = timezone.now()
    zone = deal.prospect.time_zone
    rate = source_comeback_rate(deal.team, deal.prospect.source)
    steps = list(steps_visible_to(request.user).order_by("ladder_id", "position"))
    hours = prospect_hours(deal.prospect, deal.team)
    followups = deal_followups(deal)
    return {
        "deal": deal,
        "form": bound.get("form") or CallEndForm(steps=steps_visible_to(request.user), zone=zone),
        "plans": _plans(request, deal, steps, hours, rate.advice, now),
        "followups": followups,
        "upcoming": _upcoming(followups, deal, user_zone(request.user, zone)),
        "rate": rate,
        "offer": _missed_offer(deal, followups, steps),
        "reopened": _reopened(deal, followups),
        "ended": [f for f in followups if f.closed_reason and deal.stage.is_closed],
        "hours": hours,
        "zone": zone,
        "closed": deal.stage.is_closed,
    }


def _answer(request: HttpRequest, deal: Deal) -> Answer:
    return panel_answer(request, deal, "followups", back=reverse("deal-detail", args=[deal.pk]))


@login_required
@require_POST
def call_end(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    zone = deal.prospect.time_zone
    form = CallEndForm(request.POST, steps=steps_visible_to(request.user), zone=zone)

    def write(data: dict[str, Any]) -> FollowUp:
        return call_end_no_decision(
            deal=deal,
            actor=request.user,
            step=data["step"],
            due_at=data["due_at"],
            summary=data["summary"],
            site=request.build_absolute_uri("/"),
            agreed=data["agreed"],
            note=data["note"],
        )

    def done(followup: FollowUp) -> str:
        when = in_zones(followup.due_at, zone, user_zone(request.user, zone))
        return f"Call logged; follow-up set for {when}."

    return form_submit(request, _answer(request, deal), "form", form, write, done)


@login_required
@require_POST
def pick_link_new(request: HttpRequest, pk: int) -> HttpResponse:
    """A fresh pick-a-time link to copy, with the "let them choose" message around it."""
    deal = get_deal_for_user(request.user, pk)
    how = _answer(request, deal)
    try:
        token = pick_link_create(deal=deal, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return answer(request, how)
    url = pick_link_url(request.build_absolute_uri("/"), token)
    step = next((s for s in steps_visible_to(request.user) if s.sends_pick_link), None)
    message = render_message(deal, step=step, rep=deal.owner, due_at=None, pick_link=url)
    done = "" if wants_fragment(request) else f"Pick-a-time link for {deal.prospect.name}: {url}"
    return answer(request, how, done, extra={"pick_link": url, "pick_message": message or url})
