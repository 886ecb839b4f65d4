"""Referral-sourced deals are marked on the board and the deal list."""

from __future__ import annotations

from goodfit.core.extensions import Badge
from goodfit.debriefs.models import Referral


def referral_markers(deal_ids: list[int]) -> dict[int, Badge]:
    """A "Referral" badge for each deal that came from a referral (one query per page)."""
    referred = Referral.objects.filter(deal_id__in=deal_ids).values_list("deal_id", flat=True)
    return dict.fromkeys(referred, Badge("Referral"))
