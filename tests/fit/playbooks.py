"""Playbook documents shared by the fit tests."""

from __future__ import annotations

from typing import Any

ATTORNEY = "Bankruptcy attorney"
COUNSELING = "Nonprofit credit counseling"


def debt_document() -> dict[str, Any]:
    """A small debt-relief playbook: one disqualifier, one must-have, three signals."""
    return {
        "threshold": 4,
        "questions": [
            {"key": "unsecured_debt", "text": "How much unsecured debt?", "type": "money"},
            {"key": "garnished", "text": "Are your wages garnished?", "type": "yes_no"},
            {"key": "behind", "text": "Behind on payments?", "type": "yes_no"},
            {
                "key": "income",
                "text": "How steady is your income?",
                "type": "choice",
                "choices": ["steady", "variable", "none"],
            },
            {
                "key": "kinds",
                "text": "What kinds of debt?",
                "type": "choices",
                "choices": ["cards", "medical", "student"],
            },
            {"key": "notes", "text": "Anything else?", "type": "text"},
        ],
        "criteria": [
            {
                "key": "garnishment",
                "kind": "disqualifier",
                "when": [{"question": "garnished", "op": "is", "value": True}],
                "reason": "Wages are garnished; a program cannot stop that, bankruptcy can",
                "alternatives": [ATTORNEY],
            },
            {
                "key": "enough_debt",
                "kind": "must_have",
                "when": [{"question": "unsecured_debt", "op": "gte", "value": 7500}],
                "reason": "At least $7,500 of unsecured debt",
                "gap": "Less than $7,500 of debt: our fee would cost more than it saves",
                "alternatives": [COUNSELING],
            },
            {
                "key": "big_debt",
                "kind": "signal",
                "weight": 3,
                "when": [{"question": "unsecured_debt", "op": "gte", "value": 20000}],
                "reason": "Owes more than $20,000",
                "benefit": "You told me you owe over $20,000, so settling it saves the most",
            },
            {
                "key": "behind_payments",
                "kind": "signal",
                "weight": 2,
                "when": [{"question": "behind", "op": "is", "value": True}],
                "reason": "Already behind on payments",
                "benefit": "You're behind, so one monthly deposit stops the treadmill",
            },
            {
                "key": "no_income",
                "kind": "signal",
                "weight": -2,
                "match": "any",
                "when": [
                    {"question": "income", "op": "is", "value": "none"},
                    {"question": "kinds", "op": "includes", "value": "student"},
                ],
                "reason": "No income, or student loans we cannot negotiate",
            },
        ],
    }


ACCOUNTANT = "Local bookkeeper"
FREE_TOOL = "Free invoicing app"
PAYROLL = "Payroll bureau"


def grouped_document() -> dict[str, Any]:
    """An invoicing playbook using calculations, nested groups and “any two of four”."""
    return {
        "threshold": 3,
        "questions": [
            {"key": "seats", "text": "How many people would use it?", "type": "number"},
            {"key": "budget", "text": "Monthly budget?", "type": "money"},
            {"key": "payment", "text": "Monthly loan payment?", "type": "money"},
            {"key": "take_home", "text": "Monthly take-home pay?", "type": "money"},
            {"key": "sole_trader", "text": "A sole trader?", "type": "yes_no"},
            {"key": "wants_free", "text": "Wants it free?", "type": "yes_no"},
            {"key": "invoices", "text": "Invoices a month?", "type": "number"},
            {
                "key": "pains",
                "text": "What hurts today?",
                "type": "choices",
                "choices": ["late payments", "manual entry", "tax time", "chasing receipts"],
            },
            {
                "key": "needs",
                "text": "What do you need?",
                "type": "choices",
                "choices": ["invoicing", "payroll", "expenses"],
            },
        ],
        "criteria": [
            {
                "key": "tiny_free",
                "kind": "disqualifier",
                "when": [
                    {"question": "sole_trader", "op": "is", "value": True},
                    {"question": "wants_free", "op": "is", "value": True},
                    {"question": "invoices", "op": "lt", "value": 50},
                ],
                "reason": "a sole trader who wants it free with few invoices",
                "alternatives": [FREE_TOOL],
            },
            {
                "key": "only_payroll",
                "kind": "disqualifier",
                "when": [
                    {"question": "needs", "op": "includes", "value": "payroll"},
                    {
                        "not": {
                            "question": "needs",
                            "op": "includes_any",
                            "value": ["invoicing", "expenses"],
                        }
                    },
                ],
                "reason": "the only need is payroll, which we do not do",
                "alternatives": [PAYROLL],
            },
            {
                "key": "overstretched",
                "kind": "disqualifier",
                "when": [{"calc": "payment / take_home", "op": "gt", "value": 0.4}],
                "reason": "the loan payment is over 40% of take-home pay",
                "alternatives": [ACCOUNTANT],
            },
            {
                "key": "affordable_seat",
                "kind": "must_have",
                "when": [
                    {
                        "any": [
                            {"calc": "budget / seats", "op": "gte", "value": 20},
                            {
                                "all": [
                                    {"question": "seats", "op": "lte", "value": 2},
                                    {"question": "budget", "op": "gte", "value": 30},
                                ]
                            },
                        ]
                    }
                ],
                "reason": "a budget of at least 20 a seat",
            },
            {
                "key": "two_pains",
                "kind": "signal",
                "weight": 3,
                "match": 2,
                "when": [
                    {"question": "pains", "op": "includes", "value": "late payments"},
                    {"question": "pains", "op": "includes", "value": "manual entry"},
                    {"question": "pains", "op": "includes", "value": "tax time"},
                    {"question": "pains", "op": "includes", "value": "chasing receipts"},
                ],
                "reason": "two or more of the pains we solve",
            },
            {
                "key": "many_invoices",
                "kind": "signal",
                "weight": 1,
                "when": [{"calc": "invoices / max(seats, 1)", "op": "gte", "value": 40}],
                "reason": "at least 40 invoices a month per person",
            },
        ],
    }
