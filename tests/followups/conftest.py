from __future__ import annotations

import datetime as dt

import pytest

from goodfit.followups.models import LadderStep
from goodfit.followups.services import ladder_create_default


@pytest.fixture
def ladder(team):
    return ladder_create_default(team=team)


@pytest.fixture
def steps(ladder) -> dict[str, LadderStep]:
    """The default rungs by short name: later, tomorrow, days, choose."""
    rows = list(ladder.steps.select_related("template", "ladder").order_by("position"))
    return dict(zip(["later", "tomorrow", "days", "choose"], rows, strict=True))


@pytest.fixture
def denver_deal(deal):
    """The demo prospect lives in Denver and takes calls 08:00–17:00 on her clock."""
    prospect = deal.prospect
    prospect.time_zone = "America/Denver"
    prospect.contact_start, prospect.contact_end = dt.time(8), dt.time(17)
    prospect.preferred_channel = "call"
    prospect.save()
    return deal
