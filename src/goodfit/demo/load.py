"""Demo data: a believable team whose history tells the stories goodfit is built for.

``demo_load`` is deterministic for a given seed: the same seed gives the same prospects,
deals and stage paths, shifted by whole days to end at the start of today.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from goodfit.core.models import Team
from goodfit.demo.bulk import history_backdate, plans_insert
from goodfit.demo.contoso import OTHER_TEAM_NAME, contoso_create
from goodfit.demo.debriefs import debriefs_demo_create
from goodfit.demo.fit import fit_demo_create
from goodfit.demo.followups import followups_demo_create
from goodfit.demo.money import money_demo_create
from goodfit.demo.plans import deal_plans
from goodfit.demo.roster import DEMO_PASSWORD, MEMBERS, TEAM_NAME, demo_today, roster_create
from goodfit.demo.stories import STORY_DEALS, stories_create

DEFAULT_DEALS = 300
DEFAULT_SEED = 7

__all__ = [
    "DEFAULT_DEALS",
    "DEFAULT_SEED",
    "DEMO_PASSWORD",
    "OTHER_TEAM_NAME",
    "STORY_DEALS",
    "TEAM_NAME",
    "DemoLogin",
    "demo_load",
    "demo_loaded",
    "demo_logins",
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    team: str


def demo_loaded() -> bool:
    return Team.objects.filter(name=TEAM_NAME).exists()


def demo_logins() -> list[DemoLogin]:
    logins = [DemoLogin(m.username, str(m.role), TEAM_NAME) for m in MEMBERS]
    return [*logins, DemoLogin("oscar", "manager", OTHER_TEAM_NAME)]


@transaction.atomic
def demo_load(
    *,
    deals: int = DEFAULT_DEALS,
    seed: int = DEFAULT_SEED,
    now: dt.datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> Team:
    """Create both demo teams in one transaction: all of it, or nothing.

    ``deals`` counts the hand-written stories too, so it must be at least ``STORY_DEALS``.
    ``progress`` is called with the number of deals written since the last call.
    """
    if deals < STORY_DEALS:
        raise ValueError(f"deals must be at least {STORY_DEALS} (the hand-written stories)")
    cast = roster_create(demo_today(now or timezone.now()))
    stories_create(cast)
    fit_demo_create(cast)
    if progress:
        progress(STORY_DEALS)
    rng = random.Random(seed)
    plans_insert(cast, deal_plans(rng, deals - STORY_DEALS, cast.today), progress)
    history_backdate(cast)
    # After the generated history: come-back rates are read from its closed deals.
    followups_demo_create(cast)
    money_demo_create(cast)
    # After the generated history too: the boards are filled from its closed deals.
    debriefs_demo_create(cast)
    contoso_create(cast.today)
    return cast.team
