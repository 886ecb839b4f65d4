"""A deal's history of changes: the audit rows of the deal, its interactions and notes."""

from __future__ import annotations

from django.db.models import Q

from goodfit.core.audit_read import ChangeRow, change_rows
from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Cancellation, Deal
from goodfit.pipeline.selectors.deals import deal_interactions

HISTORY_PANEL = "history"
HISTORY_LIMIT = 200


def deal_history(deal: Deal, limit: int = HISTORY_LIMIT) -> list[ChangeRow]:
    """Who changed what on this deal, newest first (the latest ``limit`` audit rows).

    Deleted interactions and notes are found through their audit rows' ids only while
    the deal still lists them; the deal's own rows are always complete.
    """
    interaction_ids = [str(i.pk) for i in deal_interactions(deal)]
    note_ids = [str(pk) for pk in deal.notes.values_list("pk", flat=True)]
    cancellation_ids = [
        str(pk) for pk in Cancellation.objects.filter(deal=deal).values_list("pk", flat=True)
    ]
    where = Q(object_type="pipeline.deal", object_id=str(deal.pk))
    for object_type, ids in (
        ("pipeline.interaction", interaction_ids),
        ("pipeline.note", note_ids),
        ("pipeline.cancellation", cancellation_ids),
    ):
        if ids:
            where |= Q(object_type=object_type, object_id__in=ids)
    entries = (
        AuditEntry.objects.filter(where, team_id=deal.team_id)
        .select_related("actor")
        .order_by("-at", "-id")[:limit]
    )
    return change_rows(entries)
