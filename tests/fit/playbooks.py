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
