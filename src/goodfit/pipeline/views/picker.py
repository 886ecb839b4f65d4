"""The prospect picker of the deal forms: one prospect shown fixed, or a short search.

A team may have 100,000 prospects, so a deal form never lists them all. With a prospect
chosen (a ``?prospect=<id>`` link, the deal being edited, or a valid posted value) the form
shows it with a "Change" link. Otherwise it shows a search box and a few matches as radio
buttons: without JavaScript the box submits a GET form that reloads the page with
``?prospect_q=``; with htmx the matches come from ``prospect-search`` as one types.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest

from goodfit.pipeline.access import get_prospect_for_user
from goodfit.pipeline.models import Prospect
from goodfit.pipeline.selectors.prospects import ProspectMatches, prospect_search

SEARCH_PARAM = "prospect_q"
MAX_QUERY = 200


@dataclass(frozen=True)
class ProspectPicker:
    form_url: str  # the form's own page: where the no-JS search and "Change" lead
    chosen: Prospect | None = None  # shown fixed and posted as a hidden input
    keep: Prospect | None = None  # while searching, the prospect the deal had (edit)
    keep_checked: bool = False
    matches: ProspectMatches | None = None

    @property
    def change_url(self) -> str:
        return f"{self.form_url}?{urlencode({SEARCH_PARAM: ''})}"

    @property
    def team_has_none(self) -> bool:
        """True when an empty search found nothing: the team has no prospect at all."""
        m = self.matches
        return m is not None and not m.query and not m.prospects and self.keep is None


def linked_prospect(request: HttpRequest) -> Prospect | None:
    """The prospect of a ``?prospect=<id>`` link, if the viewer may see it.

    A stale or foreign link starts an empty search rather than failing the page.
    """
    prospect_id = request.GET.get("prospect")
    if not prospect_id:
        return None
    try:
        return get_prospect_for_user(request.user, prospect_id)
    except Http404:
        return None


def _posted(form: forms.Form) -> Prospect | None:
    """The posted prospect once the form was validated; None when it was refused."""
    if "prospect" in form.errors:
        return None
    return getattr(form, "cleaned_data", {}).get("prospect")


def prospect_picker(
    request: HttpRequest, form: forms.Form, initial: Prospect | None
) -> ProspectPicker:
    """What the picker shows for this request; ``initial`` is the linked or current prospect."""
    # A posted form shows what was posted; a search only happens on a GET.
    query = None if form.is_bound else request.GET.get(SEARCH_PARAM)
    if query is None:
        chosen = _posted(form) if form.is_bound else initial
        if chosen is not None:
            return ProspectPicker(form_url=request.path, chosen=chosen)
    return ProspectPicker(
        form_url=request.path,
        keep=initial,
        keep_checked=not form.is_bound,
        matches=prospect_search(request.user, (query or "")[:MAX_QUERY]),
    )
