"""Settings pages for the team and its members (managers and admins only)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from goodfit.core.access import get_member_for_user, members_visible_to, require_manager
from goodfit.core.forms import (
    MemberCreateForm,
    MemberEditForm,
    TeamForm,
    form_data,
    run_service,
    time_zone_names,
    weekdays_label,
)
from goodfit.core.services import (
    MEMBER_FIELDS,
    TEAM_FIELDS,
    member_create,
    member_update,
    team_update,
)


def _page(request: HttpRequest, template: str, section: str, **context: Any) -> HttpResponse:
    context.update(section=section, time_zones=time_zone_names())
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "POST"])
def team_settings(request: HttpRequest) -> HttpResponse:
    membership = require_manager(request.user)
    team = membership.team
    form = TeamForm(form_data(request), initial=model_to_dict(team, TEAM_FIELDS))
    updated = run_service(form, lambda data: team_update(team=team, actor=request.user, **data))
    if updated is not None:
        messages.success(request, "Team settings saved.")
        return redirect("settings-team")
    if form.errors:
        # A refused update may have left new values on the instance; show the stored ones.
        team.refresh_from_db()
    return _page(request, "settings/team.html", "team", form=form, team=team)


@login_required
@require_GET
def member_list(request: HttpRequest) -> HttpResponse:
    require_manager(request.user)
    members = list(
        members_visible_to(request.user).order_by(
            "-is_active", "user__first_name", "user__username"
        )
    )
    for member in members:
        member.days_label = weekdays_label(member.work_days)
    return _page(request, "settings/members.html", "members", members=members)


@login_required
@require_http_methods(["GET", "POST"])
def member_new(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    initial = {"time_zone": team.time_zone, "work_start": "09:00", "work_end": "17:00"}
    form = MemberCreateForm(form_data(request), initial={**initial, "work_days": list("12345")})
    created = run_service(form, lambda data: member_create(team=team, actor=request.user, **data))
    if created is not None:
        messages.success(request, f"{created.user.username} can now sign in.")
        return redirect("settings-members")
    return _page(request, "settings/member_form.html", "members", form=form, member=None)


@login_required
@require_http_methods(["GET", "POST"])
def member_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_member_for_user(request.user, pk)
    initial = model_to_dict(member, MEMBER_FIELDS)
    initial["work_days"] = list(member.work_days)
    form = MemberEditForm(form_data(request), initial=initial)
    updated = run_service(
        form, lambda data: member_update(membership=member, actor=request.user, **data)
    )
    if updated is not None:
        messages.success(request, f"{member.user.username}'s membership saved.")
        if updated.user_id == request.user.pk and not (updated.is_manager and updated.is_active):
            # They just gave up their own access to the settings pages.
            return redirect("home")
        return redirect("settings-members")
    if form.errors:
        member.refresh_from_db()
    return _page(request, "settings/member_form.html", "members", form=form, member=member)
