"""Named people for every test: an owner (rep), a teammate (rep), a manager, an outsider.

The outsider belongs to another team and must get 404 for everything of this team.
"""

from __future__ import annotations

import pytest
from django.test import Client

from goodfit.core import registry
from goodfit.core.models import Role
from goodfit.core.services import token_create
from goodfit.pipeline.services import stages_create_default
from tests.factories import (
    DealFactory,
    MembershipFactory,
    OfferingFactory,
    ProspectFactory,
    TeamFactory,
)


@pytest.fixture(autouse=True)
def registries():
    """Every extension registry (panels, navigation, listeners …) as the apps registered
    it, put back after each test: a test registers and unregisters through the public
    functions and leaves nothing behind."""
    saved = registry.snapshot_all()
    yield registry.ALL
    registry.restore_all(saved)


@pytest.fixture
def empty_registries(registries):
    """Every registry empty, for a test that plugs in only what it looks at."""
    for each in registries:
        each.clear()


@pytest.fixture
def team(db):
    team = TeamFactory(name="Northwind Sales")
    stages_create_default(team=team)
    return team


@pytest.fixture
def other_team(db):
    other = TeamFactory(name="Contoso")
    stages_create_default(team=other)
    return other


@pytest.fixture
def owner(team):
    return MembershipFactory(team=team, role=Role.REP, user__username="olivia").user


@pytest.fixture
def teammate(team):
    return MembershipFactory(team=team, role=Role.REP, user__username="tom").user


@pytest.fixture
def manager(team):
    return MembershipFactory(team=team, role=Role.MANAGER, user__username="maria").user


@pytest.fixture
def outsider(other_team):
    return MembershipFactory(team=other_team, role=Role.MANAGER, user__username="oscar").user


@pytest.fixture
def offering(team):
    return OfferingFactory(team=team, name="Debt relief program")


@pytest.fixture
def prospect(team):
    return ProspectFactory(team=team, name="Dana Diaz")


@pytest.fixture
def deal(team, owner, prospect, offering):
    return DealFactory(
        team=team,
        owner=owner,
        prospect=prospect,
        offering=offering,
        title="Dana Diaz — debt relief",
    )


def browser_skip_warning(skipped_reports) -> str | None:
    """One loud line when browser tests were skipped for want of Chromium, else None."""
    from tests.e2e.conftest import CHROMIUM, INSTALL_CHROMIUM, NO_CHROMIUM

    count = sum(1 for report in skipped_reports if NO_CHROMIUM in str(report.longrepr))
    if not count:
        return None
    return (
        f"{count} BROWSER TESTS SKIPPED: no Chromium at {CHROMIUM} "
        f"(set GOODFIT_CHROMIUM, or install it: {INSTALL_CHROMIUM})"
    )


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    # A green run without the page flows must not pass for a full one.
    warning = browser_skip_warning(terminalreporter.stats.get("skipped", []))
    if warning:
        terminalreporter.write_sep("!", warning, red=True, bold=True)


def _client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def owner_client(owner):
    return _client_for(owner)


@pytest.fixture
def manager_client(manager):
    return _client_for(manager)


@pytest.fixture
def outsider_client(outsider):
    return _client_for(outsider)


def bearer(user) -> dict[str, str]:
    _, raw = token_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def owner_api(owner):
    return bearer(owner)


@pytest.fixture
def manager_api(manager):
    return bearer(manager)


@pytest.fixture
def outsider_api(outsider):
    return bearer(outsider)
