"""One access helper per good-money entity: the row, or 404 for anyone outside."""

from __future__ import annotations

from typing import Any

from goodfit.core.access import get_or_404
from goodfit.money.models import Concession, InteractionFlag, Quote
from goodfit.pipeline.access import deals_visible_to


def get_concession_for_user(user: Any, concession_id: Any) -> Concession:
    rows = Concession.objects.filter(deal__in=deals_visible_to(user)).select_related("deal__team")
    return get_or_404(rows, concession_id)


def get_quote_for_user(user: Any, quote_id: Any) -> Quote:
    rows = Quote.objects.filter(deal__in=deals_visible_to(user)).select_related("deal__team")
    return get_or_404(rows, quote_id)


def get_flag_for_user(user: Any, flag_id: Any) -> InteractionFlag:
    rows = InteractionFlag.objects.filter(interaction__deal__in=deals_visible_to(user))
    return get_or_404(rows.select_related("interaction__deal__team"), flag_id)
