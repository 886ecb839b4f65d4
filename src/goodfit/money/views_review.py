"""The "Bottom of the pipeline" review page and the walk-away page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from goodfit.core.access import membership_for
from goodfit.core.forms import add_service_errors
from goodfit.core.htmx import error_text
from goodfit.money import services
from goodfit.money.forms import ReviewActionForm, WalkAwayForm
from goodfit.money.pressure import pressure_findings, pressure_pieces
from goodfit.money.review import bottom_of_pipeline, open_deals, recent_walk_aways, time_freed
from goodfit.money.selectors import team_rules
from goodfit.pipeline.access import get_deal_for_user

PERCENTS = [5, 10, 20, 30, 50]


def _percent(request: HttpRequest, default: float) -> tuple[float, str]:
    raw = request.GET.get("percent", "")
    if not raw:
        return default, ""
    try:
        value = float(raw)
    except ValueError:
        value = -1
    if not 1 <= value <= 100:
        return (
            default,
            f"percent: “{raw[:20]}” is not a number from 1 to 100; showing {default:g}%.",
        )
    return value, ""


def _review_context(request: HttpRequest, form: ReviewActionForm | None = None) -> dict:
    rules = team_rules(membership_for(request.user).team_id)
    percent, problem = _percent(request, rules.bottom_percent)
    bottom = bottom_of_pipeline(request.user, percent)
    return {
        "rows": bottom.rows,
        "total": bottom.open_deals,
        "thin": bottom.not_enough_history,
        "percent": percent,
        "percents": sorted({*PERCENTS, int(percent)}),
        "percent_problem": problem,
        "freed": time_freed(request.user),
        "walk_aways": recent_walk_aways(request.user),
        "form": form,
        "action_choices": ReviewActionForm.ACTIONS,
        "chosen_action": (form["action"].value() or "") if form else "",
    }


@login_required
@require_http_methods(["GET"])
def review(request: HttpRequest) -> HttpResponse:
    return render(request, "money/review.html", _review_context(request))


def _act(request: HttpRequest, data: dict[str, Any]) -> int:
    deals = [get_deal_for_user(request.user, pk) for pk in data["deals"]]
    return services.deals_review_apply(
        deals=deals, actor=request.user, action=data["action"], reason=data["reason"]
    )


DONE = {"walk_away": "Walked away from", "reset_terms": "Terms to reset on", "keep": "Kept"}


@login_required
@require_POST
def review_act(request: HttpRequest) -> HttpResponse:
    ids = list(open_deals(request.user).values_list("pk", flat=True))
    form = ReviewActionForm(request.POST, deal_ids=ids)
    if form.is_valid():
        try:
            count = _act(request, form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            messages.error(request, error_text(error))
        else:
            action = form.cleaned_data["action"]
            messages.success(request, f"{DONE[action]} {count} deal{'s' if count != 1 else ''}.")
            return redirect(f"{reverse('money-review')}?{request.GET.urlencode()}")
    context = _review_context(request, form)
    return render(request, "money/review.html", context, status=422)


@login_required
@require_http_methods(["GET", "POST"])
def walk_away(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the polite message (editable), checked for pressure, and record it as sent
    when confirmed."""
    deal = get_deal_for_user(request.user, pk)
    if request.method == "POST":
        form = WalkAwayForm(request.POST)
        if form.is_valid():
            try:
                services.deal_walk_away(
                    deal=deal, actor=request.user, message=form.cleaned_data["message"],
                    pressure_ok=form.cleaned_data["pressure_ok"],
                )  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, "Walked away. The message (as sent) and the time freed are recorded."
                )
                return redirect("deal-detail", pk=deal.pk)
        status, text = 422, request.POST.get("message", "")
    else:
        text = _message(deal)
        form, status = WalkAwayForm(initial={"message": text}), 200
    findings = pressure_findings(deal.team, text)
    context = {"deal": deal, "form": form, "findings": findings,
               "pieces": pressure_pieces(text, findings) if findings else []}  # fmt: skip
    return render(request, "money/walk_away.html", context, status=status)


def _message(deal: Any) -> str:
    try:
        return services.walk_away_message(deal)
    except ValueError:
        return ""
