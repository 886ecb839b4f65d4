"""Posts from the debriefs card on the deal page.

With htmx the card is swapped in place (``#debriefs-panel``); without it a saved form
redirects back to the deal page, and a refused one re-renders the page with the errors.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from goodfit.core.access import membership_for
from goodfit.core.formflow import Answer, answer, form_submit
from goodfit.debriefs.access import get_debrief_for_manager, get_keep_in_touch_for_user
from goodfit.debriefs.forms import (
    CloseOutForm,
    DebriefForm,
    LintForm,
    ObjectionForm,
    ReferralForm,
    ReviewForm,
)
from goodfit.debriefs.models import Debrief
from goodfit.debriefs.pressure import check_pressure
from goodfit.debriefs.services import (
    closeout_send,
    debrief_complete,
    debrief_recategorise,
    debrief_save_draft,
    keep_in_touch_done,
    objection_record,
    referral_record,
)
from goodfit.debriefs.settings_read import objection_category_names
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.models import Deal
from goodfit.pipeline.views.detail import panel_answer


def _answer(request: HttpRequest, deal: Deal) -> Answer:
    return panel_answer(request, deal, "debriefs")


def _submit(
    request: HttpRequest,
    deal: Deal,
    form: forms.Form,
    name: str,
    write: Callable[[dict[str, Any]], Any],
    done: str,
) -> HttpResponse:
    return form_submit(request, _answer(request, deal), name, form, write, done)


@login_required
@require_POST
def debrief_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Save a draft, or complete the debrief (``action=complete``)."""
    deal = get_deal_for_user(request.user, pk)
    complete = request.POST.get("action") == "complete"
    service = debrief_complete if complete else debrief_save_draft

    def write(data: dict[str, Any]) -> Any:
        return service(deal=deal, actor=request.user, **DebriefForm.service_fields(data))

    done = "Debrief completed. Thank you." if complete else "Draft saved; finish it when you can."
    return _submit(request, deal, DebriefForm(request.POST), "debrief_form", write, done)


@login_required
@require_POST
def closeout(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the close-out, or only check its wording (``action=check``, the no-JS linter)."""
    deal = get_deal_for_user(request.user, pk)
    form = CloseOutForm(request.POST)
    if request.POST.get("action") == "check":
        form.is_valid()
        return answer(request, _answer(request, deal), refused={"closeout_form": form})

    def write(data: dict[str, Any]) -> Any:
        return closeout_send(deal=deal, actor=request.user, **data)

    done = "Close-out recorded on the timeline; a keep-in-touch check-in is scheduled."
    return _submit(request, deal, form, "closeout_form", write, done)


@login_required
@require_POST
def referral_new(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)

    def write(data: dict[str, Any]) -> Any:
        return referral_record(referrer=deal.prospect, actor=request.user, **data)

    form = ReferralForm(request.POST)
    name = request.POST.get("name", "").strip() or "them"
    done = f"Referral recorded: {name} is a new prospect, referred by {deal.prospect.name}."
    return _submit(request, deal, form, "referral_form", write, done)


@login_required
@require_POST
def objection_new(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    names = objection_category_names(membership_for(request.user).team)

    def write(data: dict[str, Any]) -> Any:
        debrief = Debrief.objects.filter(deal=deal).first()
        return objection_record(deal=deal, actor=request.user, debrief=debrief, **data)

    form = ObjectionForm(request.POST, names=names)
    return _submit(request, deal, form, "objection_form", write, "Objection recorded.")


@login_required
@require_POST
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """A manager re-categorises a completed debrief (a rep gets 403)."""
    debrief = get_debrief_for_manager(request.user, pk)
    deal = get_deal_for_user(request.user, debrief.deal_id)

    def write(data: dict[str, Any]) -> Any:
        return debrief_recategorise(
            debrief=debrief,
            actor=request.user,
            primary_category=data["primary_category"],
            secondary=data["secondary"],
            note=data["note"],
        )

    form = ReviewForm(request.POST)
    return _submit(request, deal, form, "review_form", write, "Debrief re-categorised.")


@login_required
@require_POST
def check_in_done(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_keep_in_touch_for_user(request.user, pk)
    deal = get_deal_for_user(request.user, task.deal_id)
    done = "Check-in marked done."
    try:
        keep_in_touch_done(task=task, actor=request.user)
    except ValidationError as error:
        done = " ".join(error.messages)
    return answer(request, _answer(request, deal), done)


@login_required
@require_POST
def lint_view(request: HttpRequest) -> HttpResponse:
    """The linter's findings for the posted message, as a fragment (live, as the rep types)."""
    team = membership_for(request.user).team
    form = LintForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    findings = check_pressure(message, team=team)
    context = {
        "findings": findings,
        "checked": bool(message.strip()),
        "too_long": not form.is_valid(),
    }
    return render(request, "debriefs/partials/findings.html", context)
