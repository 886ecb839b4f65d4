"""Referral-sourced deals are marked on the board and the deal list."""

from __future__ import annotations

from django.utils.html import format_html

from goodfit.debriefs.models import Referral


def referral_markers(deal_ids: list[int]) -> dict[int, str]:
    """A "Referral" badge for each deal that came from a referral (one query per page)."""
    referred = Referral.objects.filter(deal_id__in=deal_ids).values_list("deal_id", flat=True)
    badge = format_html('<span class="badge badge-neutral">{}</span>', "Referral")
    return dict.fromkeys(referred, badge)
