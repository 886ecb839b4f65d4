"""A second, small team: logging in as its manager shows none of Northwind's data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from goodfit.core.models import Role, Team
from goodfit.core.services import member_create, team_create
from goodfit.demo.roster import DEMO_PASSWORD
from goodfit.pipeline.services import (
    deal_create,
    deal_move,
    interaction_log,
    offering_create,
    prospect_create,
    stages_create_default,
)

OTHER_TEAM_NAME = "Contoso Partners"
ZONE = ZoneInfo("Europe/Lisbon")

# name, company, email, days ago opened, final stage, amount
DEALS = [
    ("Inês Duarte", "Tejo Print House", "ines@tejoprint.example", 40, "Proposal", 14000),
    ("Rui Matos", "Atlântico Foods", "rui@atlanticofoods.example", 75, "Won", 22000),
    ("Sofia Brandão", "Lumen Studio", "sofia@lumenstudio.example", 60, "Lost", 9000),
]


def contoso_create(today: dt.datetime) -> Team:
    team = team_create(name=OTHER_TEAM_NAME, currency="EUR", time_zone="Europe/Lisbon")
    oscar = member_create(
        team=team,
        actor=None,
        username="oscar",
        password=DEMO_PASSWORD,
        email="oscar@contoso.example",
        first_name="Oscar",
        last_name="Silva",
        role=Role.MANAGER,
        time_zone="Europe/Lisbon",
    ).user
    stages = {s.name: s for s in stages_create_default(team=team, actor=oscar)}
    offering = offering_create(
        team=team,
        actor=oscar,
        name="Managed IT support",
        price=Decimal("12000"),
        cost_to_serve=Decimal("7000"),
        min_margin_pct=Decimal("25"),
    )
    for name, company, email, days_ago, stage, amount in DEALS:
        opened = dt.datetime.combine(
            today.date() - dt.timedelta(days=days_ago), dt.time(10), tzinfo=ZONE
        )
        prospect = prospect_create(
            team=team,
            actor=oscar,
            kind="company",
            name=name,
            company=company,
            email=email,
            segment="SMB",
            source="referral",
            time_zone="Europe/Lisbon",
        )
        deal = deal_create(
            team=team,
            actor=oscar,
            prospect=prospect,
            offering=offering,
            owner=oscar,
            title=f"{company} — managed IT",
            amount=Decimal(amount),
            at=opened,
        )
        interaction_log(
            deal=deal,
            actor=oscar,
            direction="out",
            channel="meeting",
            occurred_at=opened,
            summary="First meeting at their office",
        )
        deal_move(deal=deal, actor=oscar, stage=stages[stage], at=opened + dt.timedelta(days=9))
    return team
