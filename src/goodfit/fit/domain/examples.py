"""Example playbooks (also the demo's): debt relief, after seed 000's story of the
prospect who needed a bankruptcy attorney, and a B2B software offering."""

from __future__ import annotations

from typing import Any

ATTORNEY = "Bankruptcy attorney"
COUNSELING = "Nonprofit credit counseling"
HOUSING = "HUD-approved housing counselor"
AP_INBOX = "Simple AP inbox (Bill.com or similar)"

ALTERNATIVES: list[dict[str, str]] = [
    {
        "name": ATTORNEY,
        "good_for": "Garnishments, lawsuits, foreclosure, and debts too large to settle: "
        "Chapter 7 or Chapter 13 stops collection at once.",
        "contact": "Hale & Ortiz Law · (555) 201-4410 · free first consultation",
        "notes": "Ask for Dana Ortiz; she calls back the same day.",
    },
    {
        "name": COUNSELING,
        "good_for": "Small balances and student loans: a debt management plan with lower "
        "interest and a small monthly fee.",
        "contact": "NFCC member agency · nfcc.org · (800) 388-2227",
        "notes": "",
    },
    {
        "name": HOUSING,
        "good_for": "Foreclosure: free help negotiating with the mortgage lender.",
        "contact": "HUD housing counseling · (800) 569-4287",
        "notes": "",
    },
    {
        "name": AP_INBOX,
        "good_for": "Small finance teams under 300 invoices a month that need approvals "
        "and payments without an ERP integration.",
        "contact": "bill.com",
        "notes": "",
    },
]


def _q(key: str, text: str, type_: str, group: str, **extra: Any) -> dict[str, Any]:
    return {"key": key, "text": text, "type": type_, "group": group, **extra}


def _when(question: str, op: str, value: Any) -> dict[str, Any]:
    return {"question": question, "op": op, "value": value}


DEBT_GOALS = [
    "one affordable monthly payment",
    "pay less than I owe",
    "stop the collection calls",
    "a fresh start as fast as possible",
]
NEGOTIABLE = ["credit cards", "medical bills", "personal loans"]

DEBT_RELIEF: dict[str, Any] = {
    "format": "goodfit-playbook/1",
    "threshold": 6,
    "questions": [
        _q(
            "unsecured_debt",
            "How much do you owe on credit cards, medical bills and personal loans?",
            "money",
            "Debts",
            unit="USD",
            help="Unsecured debt only: not the mortgage or the car loan.",
        ),
        _q(
            "debt_kinds",
            "What kinds of debt are they?",
            "choices",
            "Debts",
            choices=[*NEGOTIABLE, "federal student loans", "car loan or mortgage"],
        ),
        _q("behind_on_payments", "Are you behind on any payments?", "yes_no", "Debts"),
        _q(
            "wages_garnished",
            "Are your wages being garnished, or has a creditor sued you?",
            "yes_no",
            "Legal",
            help="A program cannot stop a garnishment or a lawsuit already under way.",
        ),
        _q("foreclosure", "Are you facing foreclosure or repossession?", "yes_no", "Legal"),
        _q(
            "monthly_income",
            "What is your household's take-home pay per month?",
            "money",
            "Income and ability to pay",
            unit="USD a month",
        ),
        _q(
            "can_set_aside",
            "What could you set aside each month toward your debts, realistically?",
            "money",
            "Income and ability to pay",
            unit="USD a month",
        ),
        _q(
            "income_steady",
            "How steady is your income?",
            "choice",
            "Income and ability to pay",
            choices=["steady", "variable", "none right now"],
        ),
        _q("owns_home", "Do you own your home?", "yes_no", "Assets"),
        _q("goal", "What matters most to you?", "choice", "Goals", choices=DEBT_GOALS),
        _q("notes", "Anything else I should know?", "text", "Goals"),
    ],
    "criteria": [
        {
            "key": "garnishment_or_lawsuit",
            "kind": "disqualifier",
            "when": [_when("wages_garnished", "is", True)],
            "reason": "your wages are garnished or a creditor has sued you, and a settlement "
            "program cannot stop that; a bankruptcy filing can, the day it is filed",
            "alternatives": [ATTORNEY],
        },
        {
            "key": "foreclosure",
            "kind": "disqualifier",
            "when": [_when("foreclosure", "is", True)],
            "reason": "you're facing foreclosure or repossession, which is secured debt that "
            "we don't negotiate",
            "alternatives": [ATTORNEY, HOUSING],
        },
        {
            "key": "bankruptcy_better",
            "kind": "disqualifier",
            "when": [
                _when("can_set_aside", "lt", 200),
                _when("unsecured_debt", "gte", 15000),
            ],
            "reason": "what you can set aside each month would not settle this much debt "
            "within 48 months, so bankruptcy is the better path",
            "alternatives": [ATTORNEY],
        },
        {
            "key": "enough_debt",
            "kind": "must_have",
            "when": [_when("unsecured_debt", "gte", 7500)],
            "reason": "At least $7,500 of unsecured debt",
            "gap": "you owe less than $7,500, so our fee would cost you more than it saves",
            "alternatives": [COUNSELING],
        },
        {
            "key": "negotiable_debt",
            "kind": "must_have",
            "when": [_when("debt_kinds", "includes_any", NEGOTIABLE)],
            "reason": "Has debts we can negotiate: cards, medical bills or personal loans",
            "gap": "your debts are student loans or secured loans, which we cannot negotiate",
            "alternatives": [COUNSELING],
        },
        {
            "key": "some_income",
            "kind": "must_have",
            "when": [_when("income_steady", "in", ["steady", "variable"])],
            "reason": "Has an income to fund the monthly deposits",
            "gap": "without an income right now you could not fund the monthly deposits",
            "alternatives": [ATTORNEY],
        },
        {
            "key": "big_debt",
            "kind": "signal",
            "weight": 3,
            "when": [_when("unsecured_debt", "gte", 20000)],
            "reason": "Owes more than $20,000 of unsecured debt",
            "benefit": "You told me you owe over $20,000 on cards and bills, so settling for "
            "less than the balance saves you the most.",
        },
        {
            "key": "behind",
            "kind": "signal",
            "weight": 2,
            "when": [_when("behind_on_payments", "is", True)],
            "reason": "Already behind on payments",
            "benefit": "You're already behind, so one monthly deposit instead of juggling "
            "minimums gets you off the treadmill.",
        },
        {
            "key": "steady_income",
            "kind": "signal",
            "weight": 2,
            "when": [_when("income_steady", "is", "steady")],
            "reason": "Steady income",
            "benefit": "Your income is steady, so you can keep up the deposits and be done "
            "in 24 to 48 months.",
        },
        {
            "key": "home_owner",
            "kind": "signal",
            "weight": 1,
            "when": [_when("owns_home", "is", True)],
            "reason": "Owns a home",
            "benefit": "You own your home, and a settlement program does not put it at risk "
            "the way a bankruptcy might.",
        },
        {
            "key": "goal_matches",
            "kind": "signal",
            "weight": 2,
            "when": [_when("goal", "in", DEBT_GOALS[:2])],
            "reason": "Wants one affordable payment or to pay less than they owe",
            "benefit": "You want one payment you can afford and to pay less than you owe, "
            "which is exactly what the program does.",
        },
        {
            "key": "wants_speed",
            "kind": "signal",
            "weight": -3,
            "when": [_when("goal", "is", DEBT_GOALS[3])],
            "reason": "Wants a fresh start fast, and settlement takes two to four years",
        },
    ],
    "script": "Here's what we offer: {offering}, which negotiates unsecured debts down over "
    "24 to 48 months. From what you told me, it isn't a fit for you, because {reasons}. "
    "What I'd recommend instead is {alternatives}. I'd rather point you to the right help "
    "than sell you something that won't work. — {rep}",
}

LEDGERLY: dict[str, Any] = {
    "format": "goodfit-playbook/1",
    "threshold": 7,
    "questions": [
        _q(
            "invoices_per_month",
            "How many supplier invoices do you process a month?",
            "number",
            "Volume",
            unit="invoices",
        ),
        _q(
            "erp",
            "Which accounting system or ERP do you run?",
            "choice",
            "Systems",
            choices=[
                "NetSuite",
                "QuickBooks Online",
                "Sage Intacct",
                "Microsoft Dynamics",
                "Other or none",
            ],
        ),
        _q("approvers", "How many people approve an invoice?", "number", "Process"),
        _q(
            "pains",
            "What hurts today?",
            "choices",
            "Process",
            choices=[
                "late payments and fees",
                "manual data entry",
                "lost or duplicate invoices",
                "no audit trail",
            ],
        ),
        _q("annual_budget", "What budget is set aside per year?", "money", "Budget", unit="USD"),
        _q(
            "timeline",
            "When do you want it running?",
            "choice",
            "Budget",
            choices=["this quarter", "next quarter", "later this year", "no plan"],
        ),
        _q(
            "champion",
            "Is there someone in finance who will own the rollout?",
            "yes_no",
            "People",
        ),
    ],
    "criteria": [
        {
            "key": "unsupported_erp",
            "kind": "disqualifier",
            "when": [_when("erp", "is", "Other or none")],
            "reason": "we integrate only with NetSuite, QuickBooks Online, Sage Intacct and "
            "Dynamics, so you would be keying every invoice twice",
            "alternatives": [AP_INBOX],
        },
        {
            "key": "volume",
            "kind": "must_have",
            "when": [_when("invoices_per_month", "gte", 300)],
            "reason": "At least 300 invoices a month",
            "gap": "you process fewer than 300 invoices a month, so our price would outweigh "
            "the hours saved",
            "alternatives": [AP_INBOX],
        },
        {
            "key": "budget",
            "kind": "must_have",
            "when": [_when("annual_budget", "gte", 15000)],
            "reason": "A budget of at least $15,000 a year",
            "gap": "the budget is below $15,000 a year, less than the smallest plan",
            "alternatives": [AP_INBOX],
        },
        {
            "key": "manual_work",
            "kind": "signal",
            "weight": 3,
            "when": [
                _when("pains", "includes_any", ["manual data entry", "lost or duplicate invoices"])
            ],
            "reason": "Keys invoices by hand or loses them",
            "benefit": "You told me your team keys invoices by hand, so capture and matching "
            "give those hours back.",
        },
        {
            "key": "late_fees",
            "kind": "signal",
            "weight": 2,
            "when": [_when("pains", "includes", "late payments and fees")],
            "reason": "Pays late fees",
            "benefit": "You're paying late fees, so scheduled payments pay for themselves.",
        },
        {
            "key": "many_approvers",
            "kind": "signal",
            "weight": 2,
            "when": [_when("approvers", "gte", 3)],
            "reason": "Three or more approvers",
            "benefit": "With three or more approvers, routing by rule ends the chasing.",
        },
        {
            "key": "champion",
            "kind": "signal",
            "weight": 2,
            "when": [_when("champion", "is", True)],
            "reason": "Has a champion in finance",
            "benefit": "Someone in finance owns the rollout, so it will be live in weeks.",
        },
        {
            "key": "soon",
            "kind": "signal",
            "weight": 1,
            "when": [_when("timeline", "in", ["this quarter", "next quarter"])],
            "reason": "Wants it running within two quarters",
        },
        {
            "key": "no_plan",
            "kind": "signal",
            "weight": -2,
            "when": [_when("timeline", "is", "no plan")],
            "reason": "No plan for when to start",
        },
    ],
}
