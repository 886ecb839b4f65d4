"""Settings pages for offerings and pipeline stages (managers and admins only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms.models import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from goodfit.core.access import require_manager
from goodfit.core.forms import form_data, run_service
from goodfit.pipeline.access import (
    get_offering_for_manager,
    get_stage_for_manager,
    offerings_visible_to,
    stages_visible_to,
)
from goodfit.pipeline.forms.config import OfferingForm, StageForm, StageMoveForm
from goodfit.pipeline.models import Offering, Stage
from goodfit.pipeline.selectors.margins import offering_list_margin
from goodfit.pipeline.services import (
    offering_create,
    offering_delete,
    offering_update,
    stage_create,
    stage_delete,
    stage_reorder,
    stage_update,
)
from goodfit.pipeline.services.config import OFFERING_FIELDS, STAGE_FIELDS


def _errors_as_message(request: HttpRequest, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


# Offerings


@login_required
@require_GET
def offering_list(request: HttpRequest) -> HttpResponse:
    require_manager(request.user)
    offerings = list(
        offerings_visible_to(request.user)
        .annotate(deal_count=Count("deals"))
        .order_by("-is_active", "name")
    )
    for offering in offerings:
        offering.margin = offering_list_margin(offering)
    context = {"section": "offerings", "offerings": offerings}
    return render(request, "settings/offerings.html", context)


def _offering_page(
    request: HttpRequest, form: OfferingForm, offering: Offering | None
) -> HttpResponse:
    context = {
        "section": "offerings",
        "form": form,
        "offering": offering,
        "has_deals": offering is not None and offering.deals.exists(),
    }
    return render(request, "settings/offering_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def offering_new(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    form = OfferingForm(form_data(request))
    created = run_service(form, lambda data: offering_create(team=team, actor=request.user, **data))
    if created is not None:
        messages.success(request, f"Offering “{created.name}” added.")
        return redirect("settings-offerings")
    return _offering_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def offering_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offering = get_offering_for_manager(request.user, pk)
    form = OfferingForm(form_data(request), initial=model_to_dict(offering, OFFERING_FIELDS))
    updated = run_service(
        form, lambda data: offering_update(offering=offering, actor=request.user, **data)
    )
    if updated is not None:
        messages.success(request, f"Offering “{updated.name}” saved.")
        return redirect("settings-offerings")
    if form.errors:
        # A refused update may have left new values on the instance; show the stored ones.
        offering.refresh_from_db()
    return _offering_page(request, form, offering)


@login_required
@require_POST
def offering_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    offering = get_offering_for_manager(request.user, pk)
    name = offering.name
    try:
        offering_delete(offering=offering, actor=request.user)
    except ValidationError as error:
        _errors_as_message(request, error)
        return redirect("settings-offering-edit", pk=pk)
    messages.success(request, f"Offering “{name}” deleted.")
    return redirect("settings-offerings")


# Stages


@login_required
@require_GET
def stage_list(request: HttpRequest) -> HttpResponse:
    require_manager(request.user)
    stages = stages_visible_to(request.user).annotate(deal_count=Count("deals"))
    context = {"section": "stages", "stages": list(stages.order_by("position", "id"))}
    return render(request, "settings/stages.html", context)


def _stage_page(request: HttpRequest, form: StageForm, stage: Stage | None) -> HttpResponse:
    context = {"section": "stages", "form": form, "stage": stage}
    return render(request, "settings/stage_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def stage_new(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    form = StageForm(form_data(request))
    created = run_service(form, lambda data: stage_create(team=team, actor=request.user, **data))
    if created is not None:
        messages.success(request, f"Stage “{created.name}” added at the end of the pipeline.")
        return redirect("settings-stages")
    return _stage_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def stage_edit(request: HttpRequest, pk: int) -> HttpResponse:
    stage = get_stage_for_manager(request.user, pk)
    form = StageForm(form_data(request), initial=model_to_dict(stage, STAGE_FIELDS))
    updated = run_service(form, lambda data: stage_update(stage=stage, actor=request.user, **data))
    if updated is not None:
        messages.success(request, f"Stage “{updated.name}” saved.")
        return redirect("settings-stages")
    if form.errors:
        stage.refresh_from_db()
    return _stage_page(request, form, stage)


def swapped(ids: list[int], pk: int, step: int) -> list[int]:
    """``ids`` with ``pk`` swapped with its neighbour ``step`` places away, if there is one."""
    order = list(ids)
    here = order.index(pk)
    there = here + step
    if 0 <= there < len(order):
        order[here], order[there] = order[there], order[here]
    return order


@login_required
@require_POST
def stage_move(request: HttpRequest, pk: int) -> HttpResponse:
    stage = get_stage_for_manager(request.user, pk)
    form = StageMoveForm(request.POST)
    if form.is_valid():
        stages = stages_visible_to(request.user).order_by("position", "id")
        step = -1 if form.cleaned_data["direction"] == "up" else 1
        order = swapped(list(stages.values_list("pk", flat=True)), stage.pk, step)
        try:
            stage_reorder(team=stage.team, actor=request.user, stage_ids=order)
        except ValidationError as error:
            _errors_as_message(request, error)
    else:
        messages.error(request, "Choose whether to move the stage up or down.")
    return redirect(reverse("settings-stages") + f"#stage-{stage.pk}")


@login_required
@require_POST
def stage_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    stage = get_stage_for_manager(request.user, pk)
    name = stage.name
    try:
        stage_delete(stage=stage, actor=request.user)
    except ValidationError as error:
        _errors_as_message(request, error)
    else:
        messages.success(request, f"Stage “{name}” deleted.")
    return redirect("settings-stages")
