"""Settings → Debriefs: linter phrases, keep-in-touch delay, template, objection list."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from goodfit.core.access import require_manager
from goodfit.core.forms import form_data, run_service
from goodfit.debriefs.forms import DebriefSettingsForm
from goodfit.debriefs.services import debrief_settings_update
from goodfit.debriefs.settings_read import objection_category_names, team_settings


@login_required
@require_http_methods(["GET", "POST"])
def debrief_settings(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    initial = DebriefSettingsForm.initial_from(team_settings(team), objection_category_names(team))
    form = DebriefSettingsForm(form_data(request), initial=initial)
    saved = run_service(
        form, lambda data: debrief_settings_update(team=team, actor=request.user, **data)
    )
    if saved is not None:
        messages.success(request, "Debrief settings saved.")
        return redirect("settings-debriefs")
    return render(request, "settings/debriefs.html", {"form": form, "section": "debriefs"})
