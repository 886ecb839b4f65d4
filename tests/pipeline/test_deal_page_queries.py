"""The deal page costs the same whatever the deal's history: every panel shares one read
of the deal's interactions (``pipeline.selectors.deal_interactions``)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from goodfit.pipeline.services import interaction_log
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db

# Every capability's panel, header fact and the timeline included: 34 queries here (36
# before the money forms built their menus from the shared read); 38 to 46 on the demo
# data, by stage and by the panels needing attention.
CEILING = 36
CHANNELS = ["call", "email", "meeting", "message"]


def log(deal, actor, count):
    start = timezone.now() - dt.timedelta(days=20)
    for n in range(count):
        interaction_log(
            deal=deal,
            actor=actor,
            direction="out" if n % 2 == 0 else "in",
            channel=CHANNELS[n % len(CHANNELS)],
            occurred_at=start + dt.timedelta(hours=5 * n),
            summary=f"Exchange {n + 1}",
        )


@pytest.mark.parametrize("panel", ["", "money", "followups"])
def test_the_deal_page_does_not_grow_with_interactions(owner_client, owner, team, deal, panel):
    from tests.factories import DealFactory

    other = DealFactory(team=team, owner=owner, prospect=deal.prospect, offering=deal.offering)
    log(deal, owner, 1)
    log(other, owner, 10)
    params = {"panel": panel} if panel else {}
    few = queries_for(owner_client, reverse("deal-detail", args=[deal.pk]), params)
    many = queries_for(owner_client, reverse("deal-detail", args=[other.pk]), params)
    assert many == few
    assert many <= CEILING
