"""Bulk actions on the deal list: ask for confirmation with the count, then apply."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from goodfit.pipeline.forms.bulk import BulkForm
from goodfit.pipeline.services import deals_bulk_follow_up, deals_bulk_update


def _back(request: HttpRequest) -> str:
    """The list the user came from (its filters, sort and page), never another site."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if allowed and target.startswith(reverse("deal-list")) else reverse("deal-list")


def _plural(n: int) -> str:
    return f"{n} deal{'' if n == 1 else 's'}"


def _plan(form: BulkForm) -> dict[str, Any]:
    """What will happen: the deals that change, those that stay, and the sentence."""
    data = form.cleaned_data
    deals, action = data["deal"], data["action"]
    if action == "stage":
        target = data["stage"]
        changing = [d for d in deals if d.stage_id != target.pk]
        verb, done = "Move {} to " + target.name, "Moved {} to " + target.name
        same = f"already in {target.name}"
    elif action == "owner":
        target = data["owner"]
        name = target.get_full_name() or target.get_username()
        changing = [d for d in deals if d.owner_id != target.pk]
        verb, done = "Give {} to " + name, "Gave {} to " + name
        same = f"already owned by {name}"
    else:
        changing = list(deals)
        day = data["follow_up_on"]
        when = f"{day:%b} {day.day}, {day.year}"
        verb = "Schedule a follow-up on {} for " + when
        done = "Scheduled a follow-up on {} for " + when
        same = ""
    unchanged = [d for d in deals if d not in changing]
    count = _plural(len(changing))
    return {
        "changing": changing,
        "unchanged": unchanged,
        "sentence": verb.replace("{}", count, 1),
        "done": done,
        "same": same,
    }


def _apply(request: HttpRequest, form: BulkForm) -> int:
    data = form.cleaned_data
    deals, action = data["deal"], data["action"]
    if action == "follow_up":
        return deals_bulk_follow_up(deals=deals, actor=request.user, due_at=form.due_at())
    target = {"stage": data.get("stage")} if action == "stage" else {"owner": data.get("owner")}
    return deals_bulk_update(deals=deals, actor=request.user, **target)


@login_required
@require_POST
def deal_bulk(request: HttpRequest) -> HttpResponse:
    """First post: a confirmation saying how many deals change. Confirmed: apply, go back."""
    back = _back(request)
    form = BulkForm(request.POST, user=request.user)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    plan = _plan(form)
    if not form.cleaned_data["confirmed"]:
        context = {"form": form, "back": back, **plan}
        return render(request, "pipeline/deal_bulk_confirm.html", context)
    if not plan["changing"]:
        messages.info(request, "Nothing to change: every selected deal is " + plan["same"] + ".")
        return redirect(back)
    try:
        changed = _apply(request, form)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(request, plan["done"].replace("{}", _plural(changed), 1) + ".")
    return redirect(back)
