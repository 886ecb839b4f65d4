"""The board: a column per stage, and moving a deal from one column to another."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from goodfit.core.access import membership_for
from goodfit.core.extensions import deal_markers, deal_panel_keys
from goodfit.core.htmx import error_text, wants_fragment
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.exceptions import StaleVersionError
from goodfit.pipeline.forms import BoardFilterForm, MoveForm
from goodfit.pipeline.models import Outcome
from goodfit.pipeline.selectors import board_columns, filter_choices
from goodfit.pipeline.services import deal_move
from goodfit.pipeline.templatetags.pipeline_ui import stage_buttons

# Cards shown per column; the rest are a "+N more" link to the filtered deal list.
PER_COLUMN = 20
CLOSED_WITHOUT_SALE = (Outcome.LOST, Outcome.WALKED_AWAY, Outcome.NOT_A_FIT)
DEBRIEF_PANEL = "debriefs"
BOARD_PARTIAL = "pipeline/partials/board.html"
# Closed columns (won, lost …) count the deals closed in the current period.
PERIODS = {"month": "This month", "quarter": "This quarter"}


def period_start(period: str) -> Any:
    """The first instant of this month or quarter, in the viewer's time zone."""
    now = timezone.localtime()
    month = now.month if period == "month" else 3 * ((now.month - 1) // 3) + 1
    return now.replace(month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


def board_context(request: HttpRequest) -> dict[str, Any]:
    """Columns for the filters in the query string (the move form posts to the same one)."""
    membership = membership_for(request.user)
    form = BoardFilterForm(request.GET, user=request.user, choices=filter_choices(request.user))
    filters = form.filters()
    period = request.GET.get("period", "")
    period = period if period in PERIODS else "month"
    columns = board_columns(
        request.user, filters, per_column=PER_COLUMN, closed_since=period_start(period)
    )
    return {
        "period": period,
        "period_label": PERIODS[period],
        "periods": PERIODS,
        "filter_form": form,
        "columns": columns,
        "stages": [column.stage for column in columns],
        "stage_buttons": stage_buttons([column.stage for column in columns]),
        "currency": membership.team.currency,
        "is_filtered": bool(
            filters.q or filters.owner or filters.segment or filters.source or filters.extra
        ),
        "markers": deal_markers([deal.pk for column in columns for deal in column.deals]),
    }


@login_required
@require_GET
def board(request: HttpRequest) -> HttpResponse:
    template = BOARD_PARTIAL if wants_fragment(request) else "pipeline/board.html"
    return render(request, template, board_context(request))


def _move(request: HttpRequest, deal: Any) -> str:
    """Move the deal to the posted stage; the refusal's text, or "" when it moved."""
    form = MoveForm(request.POST, user=request.user)
    if not form.is_valid():
        return " ".join(form.errors["stage"])
    try:
        deal_move(deal=deal, actor=request.user, stage=form.cleaned_data["stage"])
    except (ValidationError, StaleVersionError) as error:
        return error_text(error)
    return ""


@login_required
@require_POST
def deal_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a deal. htmx gets the board back; a plain form is redirected to where it came from."""
    deal = get_deal_for_user(request.user, pk)
    error = _move(request, deal)
    debrief = "" if error else debrief_url(deal)
    if request.POST.get("next") == "deal":
        _flash(request, deal, error)
        return redirect(debrief or reverse("deal-detail", args=[deal.pk]))
    if debrief:
        # Ending a deal without a sale goes straight to its debrief, from anywhere.
        _flash(request, deal, error)
        if wants_fragment(request):
            return HttpResponse(headers={"HX-Redirect": debrief})
        return redirect(debrief)
    if wants_fragment(request):
        context = board_context(request)
        context.update(moved=deal, move_error=error)
        return render(request, BOARD_PARTIAL, context)
    _flash(request, deal, error)
    query = request.GET.urlencode()
    return redirect(reverse("board") + (f"?{query}" if query else ""))


def debrief_url(deal: Any) -> str:
    """The deal page with its debrief open, for a deal just lost, walked away or not a fit."""
    if deal.stage.outcome not in CLOSED_WITHOUT_SALE or DEBRIEF_PANEL not in deal_panel_keys():
        return ""
    return f"{reverse('deal-detail', args=[deal.pk])}?panel={DEBRIEF_PANEL}#panels"


def _flash(request: HttpRequest, deal: Any, error: str) -> None:
    if error:
        messages.error(request, f"“{deal.title}” was not moved: {error}")
    else:
        messages.success(request, f"Moved “{deal.title}” to {deal.stage.name}.")
