"""Settings → Good money: the team's weights, thresholds and walk-away template."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from goodfit.core.access import require_manager
from goodfit.core.forms import run_service
from goodfit.money.domain.rules import DEFAULT_WEIGHTS
from goodfit.money.forms import SETTINGS_THRESHOLDS, MoneySettingsForm
from goodfit.money.models import MoneySettings
from goodfit.money.selectors import rules_for
from goodfit.money.services import money_settings_update


def _initial(row: MoneySettings | None) -> dict[str, Any]:
    rules = rules_for(row)
    initial: dict[str, Any] = {
        "bottom_percent": int(rules.bottom_percent),
        "walk_away_below": rules.walk_away_below,
        "pursue_from": rules.pursue_from,
        "walk_away_template": row.walk_away_template if row else MoneySettings().walk_away_template,
    }
    for name in SETTINGS_THRESHOLDS:
        value = getattr(rules, name)
        initial[name] = int(value) if float(value).is_integer() else value
    for key in DEFAULT_WEIGHTS:
        weight = rules.weight(key)
        initial[f"weight_{key}"] = int(weight) if weight.is_integer() else weight
    return initial


def _save(team: Any, actor: Any, row: MoneySettings | None, data: dict[str, Any]) -> Any:
    thresholds = dict(row.thresholds) if row else {}
    thresholds.update(walk_away_below=data["walk_away_below"], pursue_from=data["pursue_from"])
    thresholds.update({name: data[name] for name in SETTINGS_THRESHOLDS})
    return money_settings_update(
        team=team, actor=actor, bottom_percent=data["bottom_percent"],
        walk_away_template=data["walk_away_template"], thresholds=thresholds,
        weights={k: data[f"weight_{k}"] for k in DEFAULT_WEIGHTS},
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def money_settings(request: HttpRequest) -> HttpResponse:
    membership = require_manager(request.user)
    row = MoneySettings.objects.filter(team_id=membership.team_id).first()
    if request.method == "POST":
        form = MoneySettingsForm(request.POST)
        saved = run_service(form, lambda data: _save(membership.team, request.user, row, data))
        if saved is not None:
            messages.success(request, "Good-money settings saved.")
            return redirect("settings-money")
    else:
        form = MoneySettingsForm(initial=_initial(row))
    status = 422 if form.is_bound else 200
    return render(request, "money/settings.html", {"form": form, "section": "money"}, status=status)
