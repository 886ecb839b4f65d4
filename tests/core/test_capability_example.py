"""The worked example of docs/architecture.md: a tiny capability plugs a panel into the
deal page through the public registry functions (the ``registries`` fixture puts every
registry back afterwards)."""

from __future__ import annotations

import datetime as dt

from django.template import engines
from django.urls import reverse
from django.utils import timezone

from goodfit.core.extensions import (
    Badge,
    DealMarker,
    DealPanel,
    deal_panels,
    register_deal_marker,
    register_deal_panel,
)
from goodfit.pipeline.selectors.deals import deal_interactions
from goodfit.pipeline.services import interaction_log

# A capability ships this as templates/touches/panel.html; a test can hand over the
# template itself (``{% include %}`` takes a name or a template).
PANEL = engines["django"].from_string(
    '<section class="card" id="touches-panel"><h2>Touches</h2>'
    "<p>{{ panel.count }} interaction{{ panel.count|pluralize }}</p>"
    "{% if panel.refused %}<p>Refused: {{ panel.refused }}</p>{% endif %}</section>"
)


def touches_context(request, deal, bound):
    """The panel contract: ``context(request, deal, bound_forms)``; the interactions are
    the deal page's shared read, so the panel adds no query for them."""
    return {"deal": deal, "count": len(deal_interactions(deal)), "refused": bound.get("note")}


def touches_markers(deal_ids):
    return dict.fromkeys(deal_ids, Badge("Touched", "neutral"))


def test_a_capability_adds_a_panel_and_a_marker(registries, owner_client, owner, deal, rf):
    register_deal_panel(
        DealPanel("touches", PANEL, touches_context, label="Touches", after="money")
    )
    register_deal_marker(DealMarker("touched", touches_markers))
    for hours in (3, 2):
        interaction_log(
            deal=deal, actor=owner, direction="out", channel="call", summary="Called",
            occurred_at=timezone.now() - dt.timedelta(hours=hours),
        )  # fmt: skip

    page = owner_client.get(reverse("deal-detail", args=[deal.pk]), {"panel": "touches"})
    body = page.content.decode()
    assert 'id="touches-panel"' in body and "2 interactions" in body
    assert page.context["open_panel"] == "touches"
    keys = [p.key for p in page.context["panels"]]
    assert keys.index("touches") == keys.index("money") + 1

    board = owner_client.get(reverse("deal-list")).content.decode()
    assert '<span class="badge badge-neutral">Touched</span>' in board

    request = rf.get("/")
    request.user = owner
    (rendered,) = [p for p in deal_panels(request, deal) if p.key == "touches"]
    assert rendered.context["refused"] is None
    refused = {"touches": {"note": "a bound form"}}
    (rendered,) = [p for p in deal_panels(request, deal, refused) if p.key == "touches"]
    assert rendered.context["refused"] == "a bound form"
