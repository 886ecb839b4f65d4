"""Background work: re-score a deal.

Scores are written in the same transaction as the change that moves them (services and
the deal-event listener), so nothing depends on ``goodfit worker``. This task stays for
re-scores queued before that, so a worker that finds one still runs it.
"""

from __future__ import annotations

from django_tasks import task

from goodfit.money.services.worth import worth_after_change
from goodfit.pipeline.models import Deal


@task()
def worth_refresh_task(deal_id: int) -> int | None:
    deal = Deal.objects.select_related("offering", "team").filter(pk=deal_id).first()
    if deal is None:  # deleted meanwhile
        return None
    row = worth_after_change(deal)
    return row.score if row else None
