"""Prospect pages: list with search and filters, detail with deals, create and edit, and
the search that feeds the prospect picker of the deal forms."""

from __future__ import annotations

import zoneinfo
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from goodfit.core.access import membership_for
from goodfit.core.extensions import deal_markers, prospect_panels
from goodfit.core.forms import form_data, run_service, time_zone_names
from goodfit.core.htmx import wants_fragment
from goodfit.pipeline.access import get_prospect_for_user
from goodfit.pipeline.forms_prospects import ProspectFilterForm, ProspectForm
from goodfit.pipeline.models import Prospect
from goodfit.pipeline.selectors import filter_choices, prospect_timeline
from goodfit.pipeline.selectors_prospects import prospect_deals, prospect_list, prospect_search
from goodfit.pipeline.services import prospect_create, prospect_update
from goodfit.pipeline.services.prospects import PROSPECT_FIELDS
from goodfit.pipeline.views.detail import KIND_LABELS, TIMELINE_PARTIAL, timeline_kind
from goodfit.pipeline.views.picker import MAX_QUERY, SEARCH_PARAM


@login_required
@require_GET
def prospect_list_view(request: HttpRequest) -> HttpResponse:
    choices = filter_choices(request.user)
    form = ProspectFilterForm(request.GET, segments=choices["segments"], sources=choices["sources"])
    filters = form.filters()
    prospects = prospect_list(request.user, filters)
    page_obj = Paginator(prospects, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filter_form": form,
        "page_obj": page_obj,
        "prospects": page_obj.object_list,
        "is_filtered": bool(filters.q or filters.segment or filters.source),
    }
    return render(request, "prospects/list.html", context)


def _local_time(prospect: Prospect) -> dict[str, Any]:
    """The prospect's clock now, and whether it falls in their preferred contact hours."""
    now = timezone.now().astimezone(zoneinfo.ZoneInfo(prospect.time_zone))
    return {
        # Naive wall-clock time: templates would convert an aware one to the viewer's zone.
        "local_now": now.replace(tzinfo=None),
        "in_contact_hours": prospect.contact_start <= now.time() < prospect.contact_end,
    }


@login_required
@require_GET
def prospect_detail(request: HttpRequest, pk: int) -> HttpResponse:
    prospect = get_prospect_for_user(request.user, pk)
    deals = list(prospect_deals(request.user, prospect))
    kind = timeline_kind(request)
    timeline = {
        "timeline": prospect_timeline([deal.pk for deal in deals], kind=kind),
        "timeline_kind": kind,
        "kind_links": [
            (v, label, f"?kind={v}" if v else "?", f"?kind={v}" if v else "?")
            for v, label in KIND_LABELS.items()
        ],
        "show_deal": True,
    }
    if wants_fragment(request) and request.htmx.target == "timeline-card":
        return render(request, TIMELINE_PARTIAL, timeline)
    context = {
        "prospect": prospect,
        "deals": deals,
        "markers": deal_markers([deal.pk for deal in deals]),
        "panels": prospect_panels(request, prospect),
        **timeline,
    }
    context.update(_local_time(prospect))
    return render(request, "prospects/detail.html", context)


def _returns_to_deal(request: HttpRequest) -> bool:
    """Opened from the new-deal form: go back to it with the new prospect chosen."""
    return (request.POST.get("next") or request.GET.get("next")) == "deal"


def _form_page(request: HttpRequest, form: ProspectForm, prospect: Prospect | None) -> HttpResponse:
    choices = filter_choices(request.user)
    context = {
        "return_to_deal": _returns_to_deal(request),
        "form": form,
        "prospect": prospect,
        "segments": choices["segments"],
        "sources": choices["sources"],
        "time_zones": time_zone_names(),
    }
    return render(request, "prospects/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def prospect_new(request: HttpRequest) -> HttpResponse:
    team = membership_for(request.user).team
    form = ProspectForm(form_data(request), initial={"time_zone": team.time_zone})
    created = run_service(form, lambda data: prospect_create(team=team, actor=request.user, **data))
    if created is not None:
        messages.success(request, f"Prospect “{created.name}” added.")
        if _returns_to_deal(request):
            return redirect(f"{reverse('deal-new')}?{urlencode({'prospect': created.pk})}")
        return redirect("prospect-detail", pk=created.pk)
    return _form_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def prospect_edit(request: HttpRequest, pk: int) -> HttpResponse:
    prospect = get_prospect_for_user(request.user, pk)
    form = ProspectForm(form_data(request), initial=model_to_dict(prospect, PROSPECT_FIELDS))
    updated = run_service(
        form, lambda data: prospect_update(prospect=prospect, actor=request.user, **data)
    )
    if updated is not None:
        messages.success(request, f"Prospect “{updated.name}” saved.")
        return redirect("prospect-detail", pk=updated.pk)
    if form.errors:
        # A refused update may have left new values on the instance; show the stored ones.
        prospect.refresh_from_db()
    return _form_page(request, form, prospect)


@login_required
@require_GET
def prospect_search_view(request: HttpRequest) -> HttpResponse:
    """A few prospects matching ``q`` as radio options of a deal form (an htmx fragment).

    The picker's search box is named ``prospect_q`` so that, without JavaScript, the same
    box reloads the deal form; both names are accepted here. A plain visit (no htmx) is
    sent to the prospect list with the same search.
    """
    membership_for(request.user)
    query = (request.GET.get("q") or request.GET.get(SEARCH_PARAM) or "").strip()[:MAX_QUERY]
    if not wants_fragment(request):
        return redirect(f"{reverse('prospect-list')}?{urlencode({'q': query})}")
    context = {"matches": prospect_search(request.user, query)}
    return render(request, "pipeline/partials/prospect_options.html", context)
