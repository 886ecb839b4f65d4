"""Settings → Follow-ups, for managers: the steps of the two plans, new message templates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from goodfit.core.access import require_manager
from goodfit.core.forms import form_data, run_service
from goodfit.followups.access import get_step_for_manager
from goodfit.followups.domain.sandbox import PLACEHOLDERS
from goodfit.followups.forms import LadderStepForm, MessageTemplateForm, StepMoveForm
from goodfit.followups.models import Ladder, LadderStep, MessageTemplate
from goodfit.followups.services import (
    step_create,
    step_delete,
    step_move,
    step_update,
    template_create,
)

SECTION = "followups"
STEP_INITIAL = ["outcome", "delay_kind", "delay_amount", "at_time", "channel", "sends_pick_link"]


def _errors_as_message(request: HttpRequest, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)


def _previewing(request: HttpRequest, form: LadderStepForm) -> bool:
    """ "Preview" checks the new template and shows it with sample values; nothing is saved."""
    return "preview" in request.POST and form.is_valid()


def _step_page(request: HttpRequest, form: LadderStepForm, step: LadderStep | None) -> Any:
    context = {"section": SECTION, "form": form, "step": step, "placeholders": PLACEHOLDERS}
    return render(request, "followups/step_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def step_new(request: HttpRequest) -> HttpResponse:
    team = require_manager(request.user).team
    templates = MessageTemplate.objects.filter(team=team)
    plan = request.GET.get("plan") or request.POST.get("plan") or Ladder.Kind.PUSH
    if plan not in Ladder.Kind.values:
        plan = Ladder.Kind.PUSH
    form = LadderStepForm(form_data(request), templates=templates, initial={"delay_amount": 1})
    form.plan = plan
    if _previewing(request, form):
        return _step_page(request, form, None)
    created = run_service(
        form, lambda data: step_create(team=team, actor=request.user, plan=plan, **data)
    )
    if created is not None:
        messages.success(request, f"Step “{created.outcome}” added at the end of its plan.")
        return redirect(reverse("settings-followups") + f"#rung-{created.pk}")
    return _step_page(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def step_edit(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_step_for_manager(request.user, pk)
    templates = MessageTemplate.objects.filter(team_id=step.ladder.team_id)
    initial = {name: getattr(step, name) for name in STEP_INITIAL} | {"template": step.template_id}
    form = LadderStepForm(form_data(request), templates=templates, initial=initial)
    if _previewing(request, form):
        return _step_page(request, form, step)
    updated = run_service(form, lambda data: step_update(step=step, actor=request.user, **data))
    if updated is not None:
        messages.success(request, f"Step “{updated.outcome}” saved.")
        return redirect(reverse("settings-followups") + f"#rung-{updated.pk}")
    if form.errors:
        step.refresh_from_db()
    return _step_page(request, form, step)


@login_required
@require_POST
def step_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_step_for_manager(request.user, pk)
    form = StepMoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose whether to move the step up or down.")
    else:
        try:
            step_move(step=step, actor=request.user, direction=form.cleaned_data["direction"])
        except ValidationError as error:
            _errors_as_message(request, error)
    return redirect(reverse("settings-followups") + f"#rung-{step.pk}")


@login_required
@require_POST
def step_delete_view(request: HttpRequest, pk: int) -> HttpResponse:
    step = get_step_for_manager(request.user, pk)
    outcome = step.outcome
    try:
        step_delete(step=step, actor=request.user)
    except ValidationError as error:
        _errors_as_message(request, error)
    else:
        messages.success(request, f"Step “{outcome}” removed.")
    return redirect("settings-followups")


@login_required
@require_http_methods(["GET", "POST"])
def template_new(request: HttpRequest) -> HttpResponse:
    """A new message template; "Preview" renders it with sample values without saving."""
    team = require_manager(request.user).team
    form = MessageTemplateForm(form_data(request))
    preview = ""
    if form.is_bound and form.is_valid():
        preview = form.preview
        if "save" in request.POST:
            created = run_service(
                form, lambda data: template_create(team=team, actor=request.user, **data)
            )
            if created is not None:
                messages.success(request, f"Template “{created.name}” saved.")
                return redirect("settings-followups")
            preview = ""
    context = {
        "section": SECTION,
        "form": form,
        "template": None,
        "preview": preview,
        "placeholders": PLACEHOLDERS,
    }
    return render(request, "followups/template_form.html", context)
