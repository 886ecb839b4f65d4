"""Team settings for follow-ups (managers), and each member's calendar feed link."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from goodfit.core.access import membership_for, require_manager
from goodfit.core.forms import add_service_errors, form_data
from goodfit.followups.access import get_template_for_manager
from goodfit.followups.adapters import cadence_for
from goodfit.followups.domain.sandbox import PLACEHOLDERS
from goodfit.followups.forms import CadenceForm, MessageTemplateForm
from goodfit.followups.models import CalendarFeedToken, FollowUp, LadderStep, MessageTemplate
from goodfit.followups.selectors import team_comeback_rates
from goodfit.followups.services import (
    cadence_update,
    calendar_token_create,
    calendar_tokens_revoke,
    ladder_create_default,
    template_update,
)
from goodfit.followups.services.ladder import ACTIVE

SECTION = "followups"
PLAN_TEXTS = [
    (
        "push",
        "Plan 1 · Ask for a decision soon",
        "For lead sources whose stalled deals rarely come back: sooner follow-ups, ending "
        "with a plain ask for a yes or a no.",
    ),
    (
        "nurture",
        "Plan 2 · Nurture: let them choose",
        "For lead sources whose stalled deals often come back: longer gaps, send information "
        "and let the prospect pick the time.",
    ),
]


def _open_followups() -> Any:
    """How many open follow-ups use each rung (``OuterRef``: the rung)."""
    rows = FollowUp.objects.filter(step=OuterRef("pk"), status__in=ACTIVE).values("step")
    return rows.annotate(n=Count("pk")).values("n")


@login_required
@require_http_methods(["GET", "POST"])
def followup_settings(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    cadence = cadence_for(team)
    form = CadenceForm(form_data(request), instance=cadence)
    if form.is_bound and form.is_valid():
        try:
            cadence_update(team=team, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Follow-up rules saved.")
            return redirect("settings-followups")
    steps = (
        LadderStep.objects.filter(ladder__team=team)
        .select_related("ladder", "template")
        # Rungs that open follow-ups still use cannot be removed: the page says so.
        .annotate(open_count=Coalesce(Subquery(_open_followups()), 0))
    )
    rows = list(steps.order_by("ladder_id", "position"))
    plans = [
        {
            "kind": kind,
            "title": title,
            "about": about,
            "steps": [s for s in rows if s.ladder.kind == kind],
        }
        for kind, title, about in PLAN_TEXTS
    ]
    context = {
        "section": SECTION,
        "form": form,
        "steps": rows,
        "plans": plans,
        "templates": MessageTemplate.objects.filter(team=team),
        "rates": team_comeback_rates(team),
    }
    return render(request, "followups/settings.html", context)


@login_required
@require_http_methods(["POST"])
def ladder_default(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    ladder_create_default(team=team, actor=request.user)
    messages.success(request, "The default follow-up plans are ready.")
    return redirect("settings-followups")


@login_required
@require_http_methods(["GET", "POST"])
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a message template; "Preview" renders it with sample values without saving."""
    template = get_template_for_manager(request.user, pk)
    form = MessageTemplateForm(form_data(request), instance=template)
    preview = ""
    if form.is_bound and form.is_valid():
        preview = form.preview
        if "save" in request.POST:
            try:
                template_update(template=template, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Template “{template.name}” saved.")
                return redirect("settings-followups")
    context = {
        "section": SECTION,
        "form": form,
        "template": template,
        "preview": preview,
        "placeholders": PLACEHOLDERS,
    }
    return render(request, "followups/template_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request: HttpRequest) -> HttpResponse:
    """Each member's own secret calendar link: shown once when made, revocable."""
    membership_for(request.user)
    url = ""
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            calendar_tokens_revoke(user=request.user)
            messages.success(request, "Calendar link revoked: calendars using it stop updating.")
            return redirect("today-calendar")
        _, raw = calendar_token_create(user=request.user)
        url = request.build_absolute_uri(reverse("followups-calendar-feed", args=[raw]))
    live = CalendarFeedToken.objects.filter(user=request.user, revoked_at__isnull=True).first()
    return render(request, "followups/calendar.html", {"url": url, "live": live})
