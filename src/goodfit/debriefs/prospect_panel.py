"""The referrals card on a prospect's page: given, received, and out to alternatives."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from goodfit.core.extensions import BoundForms, alternative_referrals
from goodfit.debriefs.selectors import referrals_of
from goodfit.pipeline.access import deals_visible_to

PROSPECT_PANEL_TEMPLATE = "debriefs/prospect_panel.html"


def prospect_panel_context(
    request: HttpRequest, prospect: Any, bound: BoundForms
) -> dict[str, Any]:
    given, received = referrals_of(prospect)
    deals = deals_visible_to(request.user).filter(prospect=prospect)
    return {
        "prospect": prospect,
        "given": given,
        "received": received,
        "out": alternative_referrals(deals),
    }
