"""Fit fixtures: the team's alternatives directory and a debt-relief playbook."""

from __future__ import annotations

import pytest

from goodfit.fit.services import alternative_create, playbook_save
from tests.fit.playbooks import ATTORNEY, COUNSELING, debt_document


@pytest.fixture
def alternatives(team, manager):
    return {
        name: alternative_create(
            team=team, actor=manager, name=name, good_for=good_for, contact=contact
        )
        for name, good_for, contact in [
            (ATTORNEY, "Garnishments, lawsuits, debts too big to settle", "Hale & Ortiz Law"),
            (COUNSELING, "Small balances: a debt management plan", "greenpath.example"),
        ]
    }


@pytest.fixture
def playbook(offering, manager, alternatives):
    return playbook_save(offering=offering, actor=manager, document=debt_document())
