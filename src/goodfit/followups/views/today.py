"""The Today queue: due and overdue follow-ups, with the message ready."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from goodfit.core.access import membership_for
from goodfit.followups.access import get_followup_for_user
from goodfit.followups.adapters import user_zone
from goodfit.followups.domain.when import stamp
from goodfit.followups.domain.wording import misfits
from goodfit.followups.forms import (
    FollowUpDoneForm,
    FollowUpRescheduleForm,
    FollowUpSnoozeForm,
)
from goodfit.followups.models import FollowUp
from goodfit.followups.selectors import coming_up, due_count, today_queue
from goodfit.followups.services import (
    followup_done,
    followup_no_answer,
    followup_reschedule,
    followup_snooze,
)


def _row(f: FollowUp, now: dt.datetime, zone: str) -> dict[str, Any]:
    prospect = f.deal.prospect
    return {
        "followup": f,
        "overdue": f.due_at < now,
        "due_now": f.due_at <= now,
        # One format everywhere on the page: "Tue 12 Mar, 10:00 MDT".
        "yours": stamp(f.due_at, zone),
        "theirs": stamp(f.due_at, prospect.time_zone),
        "misfits": misfits(f.message, channel=f.channel, kind=prospect.kind),
        "reschedule": FollowUpRescheduleForm(zone=prospect.time_zone, auto_id=f"id_{f.pk}_%s"),
    }


@login_required
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    membership = membership_for(request.user)
    # Managers may switch to the whole team's day; for anyone else "team" is ignored.
    team = membership.is_manager and request.GET.get("who") == "team"
    now = timezone.now()
    zone = membership.time_zone
    rows = [_row(f, now, zone) for f in today_queue(request.user, now, team=team)]
    upcoming = [
        {
            "followup": f,
            "yours": stamp(f.due_at, zone),
            "theirs": stamp(f.due_at, f.deal.prospect.time_zone),
        }
        for f in coming_up(request.user, now, team=team)
    ]
    context = {
        "rows": rows,
        "upcoming": upcoming,
        "overdue": sum(r["overdue"] for r in rows),
        "due_now": sum(r["due_now"] for r in rows),
        "snooze": FollowUpSnoozeForm(),
        "team_view": team,
        "can_switch": membership.is_manager,
        "today_label": stamp(now, zone).split(",")[0],
    }
    return render(request, "followups/today.html", context)


def _act(
    request: HttpRequest,
    pk: int,
    form_class: Callable[..., forms.Form],
    action: Callable[[FollowUp, dict[str, Any]], str],
) -> HttpResponse:
    followup = get_followup_for_user(request.user, pk)
    zone = {"zone": followup.deal.prospect.time_zone}
    form = form_class(request.POST, **(zone if form_class is FollowUpRescheduleForm else {}))
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    else:
        try:
            messages.success(request, action(followup, form.cleaned_data))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    if request.POST.get("next") == "deal":
        return redirect("deal-detail", followup.deal_id)
    if request.POST.get("who") == "team":
        return redirect(reverse("today") + "?who=team")
    return redirect("today")


def _who(followup: FollowUp) -> str:
    return followup.deal.prospect.name


def _when(followup: FollowUp) -> str:
    """Your time first, theirs beside it, in the page's one format."""
    zone = user_zone(followup.assignee, followup.deal.prospect.time_zone)
    yours = stamp(followup.due_at, zone)
    theirs = stamp(followup.due_at, followup.deal.prospect.time_zone)
    return yours if yours == theirs else f"{yours} ({theirs} their time)"


def _left(followup: FollowUp) -> str:
    """The count the Today header and the nav badge show after the change."""
    count = due_count(followup.assignee)
    return f"{count} follow-up{'s' if count != 1 else ''} left on today's list."


@login_required
@require_POST
def done(request: HttpRequest, pk: int) -> HttpResponse:
    def act(f: FollowUp, data: dict[str, Any]) -> str:
        followup_done(followup=f, actor=request.user, summary=data["summary"])
        return f"Recorded: the follow-up with {_who(f)} is logged on the deal. {_left(f)}"

    return _act(request, pk, FollowUpDoneForm, act)


@login_required
@require_POST
def snooze(request: HttpRequest, pk: int) -> HttpResponse:
    def act(f: FollowUp, data: dict[str, Any]) -> str:
        followup_snooze(followup=f, actor=request.user, minutes=data["minutes"])
        return f"Snoozed {_who(f)} until {_when(f)}. {_left(f)}"

    return _act(request, pk, FollowUpSnoozeForm, act)


@login_required
@require_POST
def reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    def act(f: FollowUp, data: dict[str, Any]) -> str:
        followup_reschedule(followup=f, actor=request.user, due_at=data["due_at"])
        return f"Moved {_who(f)} to {_when(f)}. {_left(f)}"

    return _act(request, pk, FollowUpRescheduleForm, act)


@login_required
@require_POST
def no_answer(request: HttpRequest, pk: int) -> HttpResponse:
    def act(f: FollowUp, data: dict[str, Any]) -> str:
        following = followup_no_answer(followup=f, actor=request.user)
        if following is None:
            return f"No answer from {_who(f)}; that was the last rung of the ladder."
        return (
            f"No answer from {_who(f)}; next: {following.step.outcome.lower()}, "
            f"{_when(following)}. {_left(f)}"
        )

    return _act(request, pk, forms.Form, act)


def nav_badge(request: HttpRequest) -> int | None:
    """Due and overdue follow-ups: the count next to Today."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return due_count(user) or None
