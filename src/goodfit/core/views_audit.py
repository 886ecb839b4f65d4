"""The team's audit log for managers: who changed what, filtered, and as CSV.

Reps get 404, not 403: the page is not part of their app, like another team's objects.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from goodfit.core.access import membership_for
from goodfit.core.audit_read import change_rows
from goodfit.core.forms_audit import AuditFilterForm
from goodfit.core.models import AuditEntry, Membership

CSV_HEADER = ["When", "Who", "Action", "Object", "Object id", "Name", "Field", "Before", "After"]
CSV_CHUNK = 500


def _manager(request: HttpRequest) -> Membership:
    membership = membership_for(request.user)
    if not membership.is_manager:
        raise Http404
    return membership


def team_audit_entries(membership: Membership, lookups: dict[str, Any]) -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(team_id=membership.team_id, **lookups)
        .select_related("actor")
        .order_by("-at", "-id")
    )


@login_required
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    membership = _manager(request)
    form = AuditFilterForm(request.GET or None, user=request.user)
    entries = team_audit_entries(membership, form.filters() if form.is_bound else {})
    if request.GET.get("format") == "csv":
        return _csv(entries)
    page_obj = Paginator(entries, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "csv"
    context = {
        "filter_form": form,
        "page_obj": page_obj,
        "rows": change_rows(page_obj.object_list),
        "csv_query": query.urlencode(),
        "is_filtered": bool(form.is_bound and form.filters()),
    }
    return render(request, "core/audit.html", context)


def _csv_lines(entries: QuerySet[AuditEntry]) -> Iterator[list[str]]:
    yield CSV_HEADER
    ids = list(entries.values_list("id", flat=True))
    for start in range(0, len(ids), CSV_CHUNK):
        chunk = entries.filter(id__in=ids[start : start + CSV_CHUNK])
        for row in change_rows(chunk):
            entry = row.entry
            actor = entry.actor
            who = (actor.get_full_name() or actor.get_username()) if actor else "System"
            yield [
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                who,
                entry.get_action_display(),
                row.object_label,
                entry.object_id,
                entry.object_repr,
                row.field,
                row.before,
                row.after,
            ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(entries: QuerySet[AuditEntry]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    stamp = timezone.localdate().isoformat()
    return StreamingHttpResponse(
        (writer.writerow(line) for line in _csv_lines(entries)),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="goodfit-audit-{stamp}.csv"'},
    )
