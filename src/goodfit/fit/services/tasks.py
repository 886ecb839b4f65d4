"""Background work of discovery and fit (django-tasks; `goodfit worker` runs it)."""

from __future__ import annotations

from django_tasks import task

from goodfit.fit.services.rediagnose import rediagnose_offering_deals
from goodfit.pipeline.models import Offering


@task()
def rediagnose_offering(offering_id: int) -> dict[str, int]:
    """Re-diagnose the open deals of an offering after its playbook changed."""
    offering = Offering.objects.filter(pk=offering_id).first()
    if offering is None:
        return {"checked": 0, "changed": 0}
    summary = rediagnose_offering_deals(offering)
    return {"checked": summary.checked, "changed": summary.changed}
