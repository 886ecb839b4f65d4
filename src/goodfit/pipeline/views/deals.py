"""The deal list, and creating and editing deals."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from goodfit.core.access import membership_for
from goodfit.core.extensions import deal_markers
from goodfit.core.forms import add_service_errors
from goodfit.core.pagination import page_of
from goodfit.core.views import landing_url
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.exceptions import StaleVersionError
from goodfit.pipeline.forms.bulk import BulkForm
from goodfit.pipeline.forms.deals import DealCreateForm, DealEditForm, DealFilterForm, DealForm
from goodfit.pipeline.models import Prospect
from goodfit.pipeline.selectors.deals import DEFAULT_SORT, clean_sort, deal_list, filter_choices
from goodfit.pipeline.services import deal_create, deal_update
from goodfit.pipeline.views.conflict import conflict_rows
from goodfit.pipeline.views.picker import linked_prospect, prospect_picker

STALE_MESSAGE = (
    "Someone else saved this deal since you opened it, so your changes were not saved. "
    "Their values are shown next to yours below; adjust the form and save again to keep yours."
)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return redirect(landing_url(request.user))


# The list's columns: (sort key, header, CSS class); the header links sort by the column.
LIST_COLUMNS = [
    ("title", "Deal", ""),
    ("prospect", "Prospect", "hide-sm"),
    ("stage", "Stage", ""),
    ("amount", "Amount", "num"),
    ("owner", "Owner", "hide-sm"),
    ("close", "Expected close", "hide-sm"),
    ("updated", "Updated", "hide-sm"),
]
# Text columns start A→Z; numbers and dates start with the largest / latest.
DESCENDING_FIRST = {"amount", "close", "updated"}


def _headers(sort: str) -> list[dict[str, str]]:
    """Each column's header: its link (the other direction when it is the sort) and aria-sort."""
    headers = []
    for key, label, css in LIST_COLUMNS:
        active = sort.lstrip("-") == key
        descending = sort.startswith("-")
        if active:
            link = key if descending else f"-{key}"
        else:
            link = f"-{key}" if key in DESCENDING_FIRST else key
        aria = ("descending" if descending else "ascending") if active else "none"
        headers.append(
            {"key": key, "label": label, "css": css, "link": link, "aria": aria, "active": active}
        )
    return headers


@login_required
@require_GET
def deal_list_view(request: HttpRequest) -> HttpResponse:
    membership = membership_for(request.user)
    form = DealFilterForm(request.GET, user=request.user, choices=filter_choices(request.user))
    filters = form.filters()
    sort = clean_sort(request.GET.get("sort"))
    page_obj = page_of(request, deal_list(request.user, filters, sort))
    context = {
        "filter_form": form,
        "page_obj": page_obj,
        "deals": page_obj.object_list,
        "currency": membership.team.currency,
        "is_filtered": any(value for value in vars(filters).values()),
        "markers": deal_markers([deal.pk for deal in page_obj.object_list]),
        "sort": sort,
        "headers": _headers(sort),
        "sorted_by_default": sort == DEFAULT_SORT,
        "bulk_form": BulkForm(user=request.user, auto_id="bulk_%s"),
    }
    return render(request, "pipeline/deal_list.html", context)


def _create_initial(request: HttpRequest, prospect: Prospect | None) -> dict[str, Any]:
    """Defaults of a new deal: the viewer owns it; the title and amount, left empty, come
    from the prospect and the offering when it is saved."""
    initial: dict[str, Any] = {"owner": request.user.pk}
    if prospect is not None:
        initial["prospect"] = prospect.pk
    return initial


def _form_page(
    request: HttpRequest, form: DealForm, prospect: Prospect | None, **context: Any
) -> HttpResponse:
    context.update(form=form, picker=prospect_picker(request, form, prospect))
    context.setdefault("deal", None)
    return render(request, "pipeline/deal_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def deal_new(request: HttpRequest) -> HttpResponse:
    team = membership_for(request.user).team
    data = request.POST if request.method == "POST" else None
    linked = linked_prospect(request)
    form = DealCreateForm(
        data, user=request.user, currency=team.currency, initial=_create_initial(request, linked)
    )
    if form.is_bound and form.is_valid():
        try:
            deal = deal_create(
                team=team,
                actor=request.user,
                stage=form.cleaned_data["stage"],
                **form.deal_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Created “{deal.title}”.")
            return redirect("deal-detail", pk=deal.pk)
    return _form_page(request, form, linked)


def _edit_initial(deal: Any) -> dict[str, Any]:
    return {
        "title": deal.title,
        "prospect": deal.prospect_id,
        "offering": deal.offering_id,
        "owner": deal.owner_id,
        "amount": deal.amount,
        "discount_pct": deal.discount_pct,
        "expected_close_date": deal.expected_close_date,
        "version": deal.version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def deal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    deal = get_deal_for_user(request.user, pk)
    kwargs = {"user": request.user, "currency": deal.currency, "offering": deal.offering}
    if request.method != "POST":
        form = DealEditForm(initial=_edit_initial(deal), **kwargs)
        return _form_page(request, form, deal.prospect, deal=deal)
    form = DealEditForm(request.POST, **kwargs)
    context: dict[str, Any] = {"deal": deal}
    if form.is_valid():
        try:
            deal_update(
                deal=deal,
                actor=request.user,
                version=form.cleaned_data["version"],
                **form.deal_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except StaleVersionError as stale:
            form, context = _stale_form(request, kwargs, stale.current)
        else:
            messages.success(request, f"Saved “{deal.title}”.")
            return redirect("deal-detail", pk=deal.pk)
    return _form_page(request, form, deal.prospect, **context)


def _stale_form(
    request: HttpRequest, kwargs: dict[str, Any], current: Any
) -> tuple[DealEditForm, dict[str, Any]]:
    """The editor's values kept, the current ones beside them, the version brought up to date.

    Saving again is then a deliberate choice made with the other person's values in view.
    """
    data = request.POST.copy()
    data["version"] = str(current.version)
    form = DealEditForm(data, **kwargs)
    form.is_valid()
    form.add_error(None, STALE_MESSAGE)
    context = {"deal": current, "conflict": conflict_rows(form.cleaned_data, current)}
    return form, context
