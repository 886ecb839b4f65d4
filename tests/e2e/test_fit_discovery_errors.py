"""Done when: discovery saves each answer as it is typed, and a wrong value of each kind
(number, money, choice, text) shows the server's message next to the field."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from goodfit.core.models import Role
from goodfit.fit.models import Answer
from goodfit.fit.services import playbook_save
from goodfit.pipeline.services import stages_create_default
from tests.e2e.conftest import login
from tests.factories import DealFactory, MembershipFactory, OfferingFactory, TeamFactory

DOCUMENT = {
    "threshold": 1,
    "questions": [
        {"key": "staff", "text": "How many people work there?", "type": "number"},
        {"key": "budget", "text": "What is the yearly budget?", "type": "money"},
        {
            "key": "size",
            "text": "Which plan?",
            "type": "choice",
            "choices": ["small", "large"],
        },
        {"key": "notes", "text": "Anything else?", "type": "text"},
    ],
    "criteria": [
        {
            "key": "per_person",
            "kind": "signal",
            "weight": 1,
            "when": [{"calc": "budget / staff", "op": "gte", "value": 100}],
            "reason": "At least 100 a person",
        }
    ],
}


def deal_with_every_kind():
    team = TeamFactory(name="Northwind Sales")
    stages_create_default(team=team)
    rep = MembershipFactory(team=team, role=Role.REP, user__username="olivia").user
    offering = OfferingFactory(team=team, name="Payroll")
    playbook_save(offering=offering, actor=rep, document=DOCUMENT)
    return DealFactory(team=team, owner=rep, offering=offering, title="Payroll for Acme")


def saved(page, key):
    return page.locator(f"#fit-status-{key}")


@pytest.mark.django_db(transaction=True)
def test_answers_save_as_typed_and_wrong_values_show_their_message(page):
    deal = deal_with_every_kind()
    login(page, "olivia")
    page.goto(f"/deals/{deal.pk}/")
    assert page.get_by_role("button", name="Save answers").is_hidden()  # JS saves as you go

    # Typing, then pausing: the debounced keyup saves it, no button, no leaving the field.
    staff = page.get_by_label("How many people work there?")
    with page.expect_response(lambda r: "/fit/answer/" in r.url):
        staff.press_sequentially("12", delay=50)
    page.locator("#fit-status-staff.is-saved").wait_for()
    assert "Saved" in saved(page, "staff").inner_text()

    wrong = {
        "staff": ("-4", "cannot be negative"),
        "budget": ("1" * 27, "too large"),
        "notes": ("x" * 2001, "At most 2000 characters"),
    }
    for key, (value, message) in wrong.items():
        field = page.locator(f'[name="a-{key}"]')
        with page.expect_response(lambda r: "/fit/answer/" in r.url):
            field.fill(value)
            field.press("Tab")
        page.locator(f"#fit-status-{key}.is-error").wait_for()
        assert message in saved(page, key).inner_text()
        expect(field).to_have_attribute("aria-invalid", "true")

    # A choice that is not offered (a stale page, a tampered form) is refused too.
    page.evaluate(
        """() => { const s = document.querySelector('[name="a-size"]');
                   s.add(new Option('huge', 'huge')); }"""
    )
    with page.expect_response(lambda r: "/fit/answer/" in r.url):
        page.get_by_label("Which plan?").select_option("huge")
    page.locator("#fit-status-size.is-error").wait_for()
    assert "not one of the choices" in saved(page, "size").inner_text()

    # Fixing a value clears its error and saves it.
    budget = page.locator('[name="a-budget"]')
    with page.expect_response(lambda r: "/fit/answer/" in r.url):
        budget.fill("6000")
        budget.press("Tab")
    page.locator("#fit-status-budget.is-saved").wait_for()
    expect(budget).not_to_have_attribute("aria-invalid", "true")
    assert page.locator("#fit-verdict").get_attribute("data-verdict") == "good_fit"
    stored = dict(Answer.objects.filter(deal=deal).values_list("question_key", "value"))
    assert stored == {"staff": 12, "budget": "6000.00"}
