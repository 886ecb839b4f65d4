"""Helpers shared by the debrief services."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from goodfit.pipeline.models import Cancellation, Deal, Outcome

CLOSED_WITHOUT_SALE = (Outcome.LOST, Outcome.NOT_A_FIT, Outcome.WALKED_AWAY)


def needs_debrief(deal: Deal, cancelled: bool | None = None) -> bool:
    """Lost, not a fit, walked away, or won and then cancelled by the customer.

    ``cancelled`` may be passed when the caller already knows, to save a query.
    """
    outcome = deal.stage.outcome
    if outcome in CLOSED_WITHOUT_SALE:
        return True
    if outcome != Outcome.WON:
        return False
    if cancelled is None:
        cancelled = Cancellation.objects.filter(deal_id=deal.pk).exists()
    return cancelled


def check_needs_debrief(deal: Deal) -> None:
    if not needs_debrief(deal):
        raise ValidationError(
            {
                "deal": f"“{deal.title}” is {deal.stage.name.lower()}; debriefs are for deals "
                "that ended lost, not a fit or walked away, and won deals later cancelled."
            }
        )
