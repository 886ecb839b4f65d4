"""Done when: a manager writes a criterion with a ratio and a nested group in the playbook
form (a bad calculation is refused next to the field), and a rep answers the questions on
the deal page and sees the verdict and the questions that decide the referral."""

from __future__ import annotations

import pytest
import yaml

from goodfit.fit.models import PlaybookVersion
from tests.e2e.conftest import login
from tests.e2e.test_fit_flow import answer, demo_like_deal

CRITERION = """
- key: can_fund_deposits
  kind: must_have
  match: any
  when:
  - calc: can_set_aside / monthly_income
    op: gte
    value: 0.05
  - all:
    - {question: owns_home, op: is, value: true}
    - any:
      - {question: income_steady, op: is, value: steady}
      - {question: behind_on_payments, op: is, value: false}
  reason: Can put 5% of take-home pay toward the debts, or owns a home with steady income
  gap: less than 5% of your take-home pay is free for the monthly deposits
"""


def with_criterion(original: str, criterion: str) -> str:
    """The document with one more criterion, whatever order its sections come in."""
    document = yaml.safe_load(original)
    document["criteria"] = [*document.get("criteria", []), *yaml.safe_load(criterion)]
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


@pytest.mark.django_db(transaction=True)
def test_a_manager_writes_a_ratio_rule_and_a_rep_sees_what_decides_the_referral(page):
    deal = demo_like_deal()
    offering = deal.offering
    login(page, "maria")
    page.goto(f"/fit/settings/playbooks/{offering.pk}/")
    document = page.get_by_label("Playbook document (YAML or JSON)")
    original = document.input_value()

    # A typo in the calculation: refused next to the document, naming what and where.
    document.fill(with_criterion(original, CRITERION.replace("monthly_income", "monthly_incom", 1)))
    page.get_by_role("button", name="Save as a new version").click()
    error = page.locator("#id_document_error")
    error.wait_for()
    text = error.inner_text()
    assert "can_fund_deposits" in text
    assert "“monthly_incom” is not a question key" in text
    assert "at character 17" in text
    assert "accepted:" in text
    assert PlaybookVersion.objects.filter(playbook__offering=offering).count() == 1

    document = page.get_by_label("Playbook document (YAML or JSON)")
    document.fill(with_criterion(original, CRITERION))
    page.get_by_label("What changed").fill("Deposits must be affordable")
    page.get_by_role("button", name="Save as a new version").click()
    page.get_by_text("Saved as version 2").wait_for()
    rule = page.locator(".fit-criteria li", has_text="Can put 5% of take-home pay")
    assert "can_set_aside / monthly_income is at least 0.05 or (" in rule.inner_text()
    page.context.clear_cookies()

    login(page, "olivia")
    page.goto(f"/deals/{deal.pk}/")
    answer(page, "monthly_income", "4,000")
    answer(page, "can_set_aside", "100")
    answer(page, "owns_home", "No")

    verdict = page.locator("#fit-verdict")
    page.locator('#fit-verdict[data-verdict="not_a_fit"]').wait_for()
    assert "Not a fit" in verdict.inner_text()
    assert "rules it out" in verdict.inner_text()
    result = page.locator("#fit-result")
    assert "Less than 5% of your take-home pay" in result.inner_text()
    referral = result.locator(".fit-referral-next")
    assert "Ask these to know where to send them" in referral.inner_text()
    assert "cannot be decided yet" in referral.inner_text()
    first = referral.locator("li").first.inner_text()
    assert "How much do you owe" in first
    assert result.locator(".fit-alternatives").count() == 0

    answer(page, "unsecured_debt", "31,000")
    page.locator("#fit-result .fit-alternatives").wait_for()
    assert "Bankruptcy attorney" in page.locator("#fit-result .fit-alternatives").inner_text()
    assert "cannot be decided yet" not in page.locator("#fit-result").inner_text()
    history = page.locator(".fit-diagnoses")
    history.locator("summary").click()
    assert "Answered: How much do you owe" in history.inner_text()
