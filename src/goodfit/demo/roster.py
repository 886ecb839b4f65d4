"""The demo team, its people and its offerings, created through the services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from goodfit.core.models import Role, Team
from goodfit.core.services import member_create, team_create
from goodfit.pipeline.models import Offering, Stage
from goodfit.pipeline.services import offering_create, stages_create_default

TEAM_NAME = "Northwind Advisory"
TEAM_ZONE = "America/Chicago"
# One shared password for every demo login; printed by `goodfit demo`.
DEMO_PASSWORD = "goodfit-demo"


@dataclass(frozen=True)
class Member:
    username: str
    first_name: str
    last_name: str
    role: str
    time_zone: str
    work_start: dt.time
    work_end: dt.time
    work_days: str = "12345"


MEMBERS = [
    Member("maria", "Maria", "Lopez", Role.MANAGER, "America/Chicago", dt.time(8), dt.time(17)),
    Member("olivia", "Olivia", "Bennett", Role.REP, "America/Chicago", dt.time(7, 30), dt.time(16)),
    Member("raj", "Raj", "Patel", Role.REP, "America/New_York", dt.time(10), dt.time(18)),
    Member(
        "sam", "Sam", "Okafor", Role.REP, "America/Los_Angeles", dt.time(9), dt.time(17), "23456"
    ),
    Member("admin", "Avery", "Quinn", Role.ADMIN, "America/Chicago", dt.time(9), dt.time(17)),
]

# key → fields for offering_create. The keys are what the generated plans refer to.
OFFERINGS: dict[str, dict[str, Any]] = {
    "debt": {
        "name": "Debt relief program",
        "description": "Negotiates unsecured debts (cards, personal loans) down over 24–48 "
        "months. Our fee is a share of the enrolled debt. Does not cover secured debt, "
        "federal student loans, or stop a garnishment already in place.",
        "price": Decimal("6000"),
        "cost_to_serve": Decimal("2400"),
        "min_margin_pct": Decimal("45"),
    },
    "ledgerly": {
        "name": "Ledgerly — AP automation",
        "description": "Accounts-payable automation for finance teams: invoice capture, "
        "approvals and payments. Annual subscription; list price is one site.",
        "price": Decimal("24000"),
        "cost_to_serve": Decimal("13500"),
        "min_margin_pct": Decimal("35"),
    },
    "coaching": {
        "name": "Money coaching — six sessions",
        "description": "Six one-hour sessions on budgeting and paying down debt, for people "
        "who can get there on their own with a plan.",
        "price": Decimal("900"),
        "cost_to_serve": Decimal("420"),
        "min_margin_pct": Decimal("40"),
    },
}


@dataclass
class Cast:
    """Everything the stories and the generator refer to, by short name."""

    team: Team
    users: dict[str, Any]
    offerings: dict[str, Offering]
    stages: dict[str, Stage]
    # Start of "today" in the team's zone: every generated time is before it, so the same
    # seed gives the same rows shifted by whole days.
    today: dt.datetime

    def at(self, days_ago: int, hour: int, minute: int = 0, zone: str = TEAM_ZONE) -> dt.datetime:
        """A wall-clock time ``days_ago`` days before today, in ``zone``."""
        day = self.today.date() - dt.timedelta(days=days_ago)
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZoneInfo(zone))


def demo_today(now: dt.datetime) -> dt.datetime:
    """Midnight at the start of ``now``'s day in the team's zone."""
    local = now.astimezone(ZoneInfo(TEAM_ZONE))
    return dt.datetime.combine(local.date(), dt.time(0), tzinfo=ZoneInfo(TEAM_ZONE))


def _member_create(team: Team, member: Member) -> Any:
    return member_create(
        team=team,
        actor=None,
        username=member.username,
        password=DEMO_PASSWORD,
        email=f"{member.username}@northwind.example",
        first_name=member.first_name,
        last_name=member.last_name,
        role=member.role,
        time_zone=member.time_zone,
        work_start=member.work_start,
        work_end=member.work_end,
        work_days=member.work_days,
    ).user


def roster_create(today: dt.datetime) -> Cast:
    """The team, its stages, members and offerings."""
    team = team_create(name=TEAM_NAME, currency="USD", time_zone=TEAM_ZONE)
    users = {m.username: _member_create(team, m) for m in MEMBERS}
    stages = {s.name: s for s in stages_create_default(team=team, actor=users["admin"])}
    offerings = {
        key: offering_create(team=team, actor=users["maria"], **fields)
        for key, fields in OFFERINGS.items()
    }
    return Cast(team=team, users=users, offerings=offerings, stages=stages, today=today)
