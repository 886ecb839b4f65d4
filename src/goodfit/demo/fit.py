"""Demo rows of discovery and fit: the alternatives directory, the debt-relief and
Ledgerly playbooks, and answers on the story deals covering every verdict."""

from __future__ import annotations

import datetime as dt
from typing import Any

from goodfit.demo.roster import Cast
from goodfit.fit.domain.examples import ALTERNATIVES, ATTORNEY, COUNSELING, DEBT_RELIEF, LEDGERLY
from goodfit.fit.selectors import deal_fit
from goodfit.fit.services import (
    alternative_create,
    answers_save,
    playbook_save,
    referral_out_create,
)
from goodfit.pipeline.models import Deal

NO_LEGAL = {"wages_garnished": False, "foreclosure": False}
CARDS = ["credit cards", "medical bills"]

# Prospect → answers in the order they came up in the call (each step a saved change).
DEBT_ANSWERS: dict[str, list[dict[str, Any]]] = {
    "Gloria Ramirez": [
        {"unsecured_debt": "31000", "debt_kinds": CARDS},
        {"wages_garnished": True},
    ],
    "Marcus Bell": [{"unsecured_debt": "12000"}, {"foreclosure": True, "owns_home": True}],
    "Priya Nair": [{"unsecured_debt": "1400", "debt_kinds": ["credit cards"]}],
    "Rosa Ramirez": [
        {"unsecured_debt": "24000", "debt_kinds": CARDS, "behind_on_payments": True},
        {**NO_LEGAL, "can_set_aside": "450", "income_steady": "steady", "owns_home": False},
        {"goal": "pay less than I owe"},
    ],
    "Teresa Walsh": [
        {"unsecured_debt": "38000", "debt_kinds": ["credit cards", "personal loans"]},
        {**NO_LEGAL, "can_set_aside": "700", "income_steady": "steady", "owns_home": True},
        {"goal": "one affordable monthly payment", "behind_on_payments": False},
    ],
    # Sold as a partial fit (wanted speed, small debt) and cancelled: the story to learn from.
    "Kevin O'Brien": [
        {"unsecured_debt": "9000", "debt_kinds": ["credit cards"], **NO_LEGAL},
        {"can_set_aside": "250", "income_steady": "variable", "behind_on_payments": False},
        {"goal": "a fresh start as fast as possible", "owns_home": False},
    ],
    "Ethan Brooks": [{"unsecured_debt": "18000", "behind_on_payments": True}],
}
LEDGERLY_GOOD = {
    "erp": "NetSuite",
    "invoices_per_month": 800,
    "annual_budget": "30000",
    "pains": ["manual data entry", "late payments and fees"],
    "approvers": 4,
    "champion": True,
    "timeline": "this quarter",
}
LEDGERLY_ANSWERS: dict[str, list[dict[str, Any]]] = {
    "Nina Finch": [LEDGERLY_GOOD],
    "Carol Jennings": [{**LEDGERLY_GOOD, "invoices_per_month": 2400, "annual_budget": "96000"}],
    # "More deals next quarter": a partial fit whose promise carried the discount.
    "Derek Vance": [
        {"erp": "NetSuite", "invoices_per_month": 450, "annual_budget": "18000"},
        {"pains": ["late payments and fees"], "approvers": 2, "champion": False},
        {"timeline": "no plan"},
    ],
    "Greg Lund": [
        {"erp": "QuickBooks Online", "invoices_per_month": 320, "annual_budget": "15000"},
        {
            "pains": ["no audit trail"],
            "approvers": 1,
            "champion": False,
            "timeline": "later this year",
        },
    ],
    "Dr. Helen Hale": [
        {"erp": "Sage Intacct", "invoices_per_month": 600, "annual_budget": "20000"},
        {"pains": ["lost or duplicate invoices"], "approvers": 2, "champion": True},
        {"timeline": "next quarter"},
    ],
}
REFERRALS = {"Gloria Ramirez": ATTORNEY, "Marcus Bell": ATTORNEY, "Priya Nair": COUNSELING}


def _answer(deal: Deal, steps: list[dict[str, Any]]) -> None:
    """Each step a saved change during discovery, an hour after the deal was opened."""
    start = deal.created_at + dt.timedelta(hours=1)
    for i, values in enumerate(steps):
        at = start + dt.timedelta(minutes=6 * i)
        answers_save(deal=deal, actor=deal.owner, values=values, at=at)


def _refer(deal: Deal, alternative: Any) -> None:
    at = (deal.closed_at or deal.created_at) + dt.timedelta(minutes=5)
    message = deal_fit(deal).script
    referral_out_create(
        deal=deal, actor=deal.owner, alternative=alternative, message=message, at=at
    )


def fit_demo_create(cast: Cast) -> None:
    actor = cast.users["maria"]
    directory = {
        fields["name"]: alternative_create(team=cast.team, actor=actor, **fields)
        for fields in ALTERNATIVES
    }
    playbook_save(offering=cast.offerings["debt"], actor=actor, document=DEBT_RELIEF)
    playbook_save(offering=cast.offerings["ledgerly"], actor=actor, document=LEDGERLY)
    story_deals = Deal.objects.filter(team=cast.team).select_related(
        "prospect", "offering", "owner", "stage", "team"
    )
    for deal in story_deals.order_by("created_at", "id"):
        name = deal.prospect.name
        steps = DEBT_ANSWERS.get(name) or LEDGERLY_ANSWERS.get(name)
        if steps:
            _answer(deal, steps)
        if name in REFERRALS:
            _refer(deal, directory[REFERRALS[name]])
