"""Realistic data for the whole-app browser tests, and the list of main pages to visit.

The demo team (the same loader as `goodfit demo`) plus one prospect and one deal made of
long unbroken text: a 200-character name and title, a long URL as an interaction summary
and as a note, the way real pasted data looks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from goodfit.core.models import Team
from goodfit.demo.load import TEAM_NAME, demo_load
from goodfit.pipeline.models import Deal
from goodfit.pipeline.services import interaction_log, note_add
from tests.factories import DealFactory, ProspectFactory

LONG_NAME = ("Wolfeschlegelsteinhausenbergerdorff" * 6)[:200]
LONG_TITLE = ("Enterprise-wide-onboarding-programme-" * 6)[:200]
LONG_URL = "https://example.com/" + "a-very-long-path-segment/" * 11
DEMO_DEALS = 40


@dataclass(frozen=True)
class Pipeline:
    team: Team
    long_deal: Deal
    busy_deal: Deal


def realistic_pipeline() -> Pipeline:
    demo_load(deals=DEMO_DEALS)
    team = Team.objects.get(name=TEAM_NAME)
    manager = team.memberships.get(user__username="maria").user
    sample = Deal.objects.filter(team=team).select_related("offering").first()
    prospect = ProspectFactory(team=team, name=LONG_NAME, company=LONG_NAME)
    long_deal = DealFactory(
        team=team,
        owner=manager,
        prospect=prospect,
        offering=sample.offering,
        title=LONG_TITLE,
        stage=team.stages.order_by("position").first(),
    )
    when = timezone.now() - dt.timedelta(hours=2)
    interaction_log(
        deal=long_deal,
        actor=manager,
        direction="out",
        channel="email",
        occurred_at=when,
        summary=LONG_URL[:300],
        text=LONG_URL * 3,
    )
    note_add(deal=long_deal, actor=manager, body=LONG_URL * 2)
    # The deal with the longest history: the deal page at its fullest.
    busy_deal = (
        Deal.objects.filter(team=team)
        .exclude(pk=long_deal.pk)
        .order_by("-interactions__occurred_at")
        .first()
    )
    return Pipeline(team=team, long_deal=long_deal, busy_deal=busy_deal)


def main_pages(page, pipeline: Pipeline) -> list[str]:
    """Every main page a manager reaches from the menu, with a deal and a prospect page
    each, and the settings and debrief sections as their tabs list them."""
    long_deal, busy = pipeline.long_deal, pipeline.busy_deal
    paths = [
        "/today/",
        "/board/",
        "/deals/",
        f"/deals/{busy.pk}/",
        f"/deals/{long_deal.pk}/",
        "/deals/new/",
        "/prospects/",
        f"/prospects/{busy.prospect_id}/",
        f"/prospects/{long_deal.prospect_id}/",
        "/prospects/new/",
        "/review/",
    ]
    for start, tabs in (("/debriefs/", ".subnav a"), ("/settings/", ".subnav a")):
        page.goto(start)
        for href in page.locator(tabs).evaluate_all("links => links.map(a => a.pathname)"):
            if href not in paths:
                paths.append(href)
    return paths
