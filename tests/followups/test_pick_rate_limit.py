"""The pick-a-time page's limit is per link and per client: one prospect's spam blocks
nobody else, and guessing links is still refused."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from goodfit.followups.services import pick_link_create
from goodfit.followups.views.public import RATE_LIMIT
from tests.factories import DealFactory

NOW = dt.datetime(2024, 3, 11, 13, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def two_links(denver_deal, owner, team, offering):
    other_deal = DealFactory(team=team, owner=owner, offering=offering)
    other_deal.prospect.time_zone = "America/Denver"
    other_deal.prospect.save()
    return (
        reverse("followups-pick", args=[pick_link_create(deal=denver_deal, actor=owner)]),
        reverse("followups-pick", args=[pick_link_create(deal=other_deal, actor=owner)]),
    )


def test_one_prospects_spam_does_not_block_another_behind_the_same_address(two_links):
    spammed, other = two_links
    client = Client()  # both prospects reach us through one proxy address
    statuses = [client.get(spammed).status_code for _ in range(RATE_LIMIT + 1)]
    assert statuses[-1] == 429 and set(statuses[:-1]) == {200}
    assert client.get(other).status_code == 200
    assert Client(REMOTE_ADDR="10.0.0.9").get(spammed).status_code == 200


def test_guessing_links_is_refused_for_that_client_only(two_links):
    guesser = Client(REMOTE_ADDR="10.0.0.66")
    for n in range(RATE_LIMIT):
        assert guesser.get(reverse("followups-pick", args=[f"guess{n}"])).status_code == 404
    assert guesser.get(two_links[0]).status_code == 429
    assert Client().get(two_links[0]).status_code == 200
