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
    """Default steps by short name: later, tomorrow, days, decide (the push plan) and
    choose (the nurture plan's "send information; they choose when")."""
    rows = list(ladder.steps.select_related("template", "ladder").order_by("position"))
    named = dict(zip(["later", "tomorrow", "days", "decide"], rows, strict=True))
    nurture = LadderStep.objects.select_related("template", "ladder").filter(
        ladder__team=ladder.team, ladder__kind="nurture", sends_pick_link=True
    )
    named["choose"] = nurture.order_by("position").first()
    return named


@pytest.fixture
def denver_deal(deal):
    """The demo prospect lives in Denver and takes calls 08:00–17:00 on her clock."""
    prospect = deal.prospect
    prospect.time_zone = "America/Denver"
    prospect.contact_start, prospect.contact_end = dt.time(8), dt.time(17)
    prospect.preferred_channel = "call"
    prospect.save()
    return deal
