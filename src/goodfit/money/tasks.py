"""Background work: re-score a deal after something that changes its worth was written.

Pipeline writes (an interaction logged, the terms edited) are not ours to hook; the
panel and the review page re-score a deal whose score is older than its last edit or
last logged interaction (``selectors.is_stale``).
"""

from __future__ import annotations

from django_tasks import task

from goodfit.pipeline.models import Deal


@task()
def worth_refresh_task(deal_id: int) -> int | None:
    from goodfit.money.services import worth_refresh

    deal = Deal.objects.select_related("offering", "team").filter(pk=deal_id).first()
    if deal is None:  # deleted meanwhile
        return None
    return worth_refresh(deal=deal).score
