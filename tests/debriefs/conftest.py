"""Deals that ended, for the debrief tests."""

from __future__ import annotations

import datetime as dt

import pytest

from goodfit.core import extensions
from goodfit.pipeline.models import Outcome
from goodfit.pipeline.services import deal_cancel, deal_move


def end_deal(deal, actor, outcome):
    stage = deal.team.stages.filter(outcome=outcome).order_by("position").first()
    return deal_move(deal=deal, actor=actor, stage=stage)


@pytest.fixture
def lost_deal(deal, owner):
    return end_deal(deal, owner, Outcome.LOST)


@pytest.fixture
def cancelled_deal(deal, owner):
    end_deal(deal, owner, Outcome.WON)
    deal_cancel(deal=deal, actor=owner, cancelled_on=dt.date.today(), reason="Changed mind")
    return deal


@pytest.fixture(autouse=True)
def only_the_debriefs_panel(registries):
    """The deal page with this app's card alone: other capabilities' cards are theirs to test."""
    for key in extensions.deal_panel_keys():
        if key != "debriefs":
            extensions.unregister_deal_panel(key)
