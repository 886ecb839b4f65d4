"""The debriefs pages: the to-do list, the product board (and its CSV), coaching, referrals."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from goodfit.core.access import members_visible_to, membership_for, require_manager
from goodfit.core.extensions import alternative_referrals
from goodfit.core.pagination import page_of
from goodfit.debriefs.access import get_rep_for_coaching
from goodfit.debriefs.domain.patterns import feedback_rows
from goodfit.debriefs.domain.sparkline import sparkline
from goodfit.debriefs.selectors import (
    coaching,
    coaching_for_all,
    objection_summary,
    open_debriefs,
    product_board,
    referral_outcome,
    referrals_list,
    rep_debriefs,
)
from goodfit.pipeline.access import deals_visible_to

PAGE_SIZE = 50


@login_required
@require_GET
def todo(request: HttpRequest) -> HttpResponse:
    """Closed deals still owing a debrief: mine, or (managers) everyone's."""
    membership = membership_for(request.user)
    everyone = membership.is_manager and request.GET.get("who") == "team"
    page_obj = page_of(request, open_debriefs(request.user, everyone=everyone), PAGE_SIZE)
    context = {"page_obj": page_obj, "deals": page_obj.object_list, "everyone": everyone}
    return render(request, "debriefs/todo.html", context)


@login_required
@require_GET
def product(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    segment = request.GET.get("segment", "")
    board = product_board(team, segment)
    for group in board.segments:
        for theme in group.theme_list:
            theme.chart = sparkline(theme.trend(board.months))  # type: ignore[attr-defined]
    context = {
        "board": board,
        "segment": segment,
        "objections": objection_summary(team),
    }
    return render(request, "debriefs/product.html", context)


@login_required
@require_GET
def product_csv(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    board = product_board(team, request.GET.get("segment", ""))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="product-feedback.csv"'
    writer = csv.writer(response)
    writer.writerow(["segment", "theme", "count", "by_month"])
    for row in feedback_rows(board.segments):
        # A leading =, +, - or @ would be run as a formula by spreadsheets.
        writer.writerow([_cell(str(v)) for v in row])
    return response


def _cell(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@login_required
@require_GET
def coaching_index(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    members = [m for m in members_visible_to(request.user) if m.is_active]
    by_rep = coaching_for_all(team, [m.user_id for m in members])
    reports = [(m, by_rep[m.user_id]) for m in members]
    return render(request, "debriefs/coaching_index.html", {"reports": reports})


@login_required
@require_GET
def coaching_rep(request: HttpRequest, user_id: int) -> HttpResponse:
    member = get_rep_for_coaching(request.user, user_id)
    team = member.team
    context = {
        "member": member,
        "report": coaching(team, member.user_id),
        "debriefs": rep_debriefs(team, member.user_id),
    }
    return render(request, "debriefs/coaching.html", context)


@login_required
@require_GET
def referrals(request: HttpRequest) -> HttpResponse:
    rows = [(r, referral_outcome(r)) for r in referrals_list(request.user)[:200]]
    context = {"rows": rows, "out": alternative_referrals(deals_visible_to(request.user))[:200]}
    return render(request, "debriefs/referrals.html", context)
