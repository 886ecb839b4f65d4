"""The ten cookbook criteria in docs/fit.md are valid playbook rules, as written."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from goodfit.fit.domain.diagnosis import compile_playbook
from goodfit.fit.domain.playbook_format import playbook_read

DOCS = Path(__file__).resolve().parents[3] / "docs" / "fit.md"
NUMERIC = {
    "monthly_payment": "money",
    "take_home_pay": "money",
    "budget": "money",
    "seats": "number",
    "invoices_per_month": "number",
    "can_set_aside": "money",
    "monthly_income": "money",
    "unsecured_debt": "money",
    "fee": "money",
    "employees": "number",
    "income_this_year": "money",
    "income_last_year": "money",
    "private_loans": "money",
}
CHOICES = {
    "pains": ("choices", ["late payments", "manual entry", "tax time", "chasing receipts"]),
    "needs": ("choices", ["payroll", "invoicing", "expenses"]),
    "income_steady": ("choice", ["steady", "variable"]),
    "debt_kinds": ("choices", ["federal student loans", "credit cards", "medical bills"]),
}


def test_the_cookbook_has_ten_criteria_that_all_read_and_compile():
    text = DOCS.read_text()
    section = text[text.index("## Cookbook") : text.index("## Versions and re-diagnosis")]
    criteria = [
        c
        for block in re.findall(r"```yaml\n(.*?)```", section, re.S)
        for c in yaml.safe_load(block)
    ]
    questions = [{"key": k, "text": k, "type": t} for k, t in NUMERIC.items()]
    questions += [
        {"key": k, "text": k, "type": "yes_no"} for k in ("sole_trader", "wants_free", "owns_home")
    ]
    questions += [{"key": k, "text": k, "type": t, "choices": c} for k, (t, c) in CHOICES.items()]
    version = playbook_read({"questions": questions, "criteria": criteria})
    assert len(version.criteria) == 10
    compile_playbook(version)
