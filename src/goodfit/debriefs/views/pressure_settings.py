"""Settings → Pressure patterns: the defaults by family, the team's own, add, edit,
switch off, delete (managers). The checker itself is ``goodfit.debriefs.pressure``."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from goodfit.core.access import require_manager
from goodfit.core.forms import form_data, run_service
from goodfit.debriefs.access import get_pressure_pattern_for_manager
from goodfit.debriefs.domain.pressure_families import DEFAULT_PATTERNS, FAMILIES
from goodfit.debriefs.domain.pressure_syntax import SET_HELP
from goodfit.debriefs.forms import PressurePatternForm
from goodfit.debriefs.models import PressurePattern
from goodfit.debriefs.services import (
    pressure_default_save,
    pressure_pattern_create,
    pressure_pattern_delete,
    pressure_pattern_switch,
    pressure_pattern_update,
)
from goodfit.debriefs.settings_read import pressure_rules

SECTION = "pressure"
LIST = "settings-pressure"


def _families(team: Any) -> list[dict[str, Any]]:
    rows = {r.builtin_key: r for r in PressurePattern.objects.filter(team=team) if r.builtin_key}
    own_rows = {
        f"team:{r.pk}": r for r in PressurePattern.objects.filter(team=team, builtin_key="")
    }
    rules = pressure_rules(team)
    families = []
    for family in FAMILIES:
        items = [
            {
                "rule": rule,
                "edited": rule.key in rows,
                "row": own_rows.get(rule.key) or rows.get(rule.key),
            }
            for rule in rules
            if rule.family == family.code
        ]
        on = sum(1 for item in items if item["rule"].active)
        families.append({"family": family, "items": items, "on": on})
    return families


@login_required
@require_http_methods(["GET", "POST"])
def pressure_patterns(request: HttpRequest) -> HttpResponse:
    """The list, and the form that adds a team pattern (POST)."""
    membership = require_manager(request.user)
    form = PressurePatternForm(form_data(request), prefix="new")
    saved = run_service(
        form,
        lambda data: pressure_pattern_create(team=membership.team, actor=request.user, **data),
    )
    if saved is not None:
        messages.success(request, f"Pattern “{saved.pattern}” added; it is checked from now on.")
        return redirect(LIST)
    context = {
        "form": form,
        "families": _families(membership.team),
        "sets": SET_HELP,
        "section": SECTION,
    }
    return render(
        request, "settings/pressure_patterns.html", context, status=400 if form.errors else 200
    )


def _edit_page(
    request: HttpRequest, form: PressurePatternForm, title: str, **extra: Any
) -> HttpResponse:
    context = {"form": form, "title": title, "section": SECTION, "sets": SET_HELP, **extra}
    return render(
        request, "settings/pressure_pattern_form.html", context, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def pressure_pattern_edit(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_pressure_pattern_for_manager(request.user, pk)
    initial = {
        f: getattr(row, f) for f in ("family", "pattern", "reason", "suggestion", "is_active")
    }
    form = PressurePatternForm(form_data(request), initial=initial, default=bool(row.builtin_key))
    saved = run_service(
        form, lambda data: pressure_pattern_update(row=row, actor=request.user, **data)
    )
    if saved is not None:
        messages.success(request, "Pattern saved.")
        return redirect(LIST)
    return _edit_page(request, form, "Edit a pattern", row=row)


@login_required
@require_http_methods(["GET", "POST"])
def pressure_default_edit(request: HttpRequest, key: str) -> HttpResponse:
    """Edit a default: the team's version is saved as a row; the default stays below it."""
    membership = require_manager(request.user)
    rule = next((r for r in pressure_rules(membership.team) if r.builtin and r.key == key), None)
    if rule is None:
        raise Http404
    initial = {
        "pattern": rule.pattern,
        "reason": rule.reason,
        "suggestion": rule.suggestion,
        "is_active": rule.active,
    }
    form = PressurePatternForm(form_data(request), initial=initial, default=True)
    saved = run_service(
        form,
        lambda data: pressure_default_save(
            team=membership.team, actor=request.user, key=key, **data
        ),
    )
    if saved is not None:
        messages.success(request, "Your team's version of the default is saved.")
        return redirect(LIST)
    original = next(r for r in DEFAULT_PATTERNS if r.key == key)
    return _edit_page(request, form, "Edit a default pattern", original=original)


@login_required
@require_POST
def pressure_pattern_switch_view(request: HttpRequest) -> HttpResponse:
    membership = require_manager(request.user)
    key = request.POST.get("key", "")
    active = request.POST.get("active") == "1"
    try:
        row = pressure_pattern_switch(
            team=membership.team, actor=request.user, key=key, active=active
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"“{row.pattern}” switched {'on' if active else 'off'}.")
    return redirect(LIST)


@login_required
@require_POST
def pressure_pattern_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_pressure_pattern_for_manager(request.user, pk)
    restored = bool(row.builtin_key)
    pressure_pattern_delete(row=row, actor=request.user)
    messages.success(request, "Default pattern restored." if restored else "Pattern deleted.")
    return redirect(LIST)
