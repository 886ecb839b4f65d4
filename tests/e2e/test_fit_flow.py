"""Done when: a rep answers discovery questions, watches the verdict move from not enough
information to not a fit with the attorney recommended, refers the prospect out, and
finds the referral and the diagnosis history on the deal."""

from __future__ import annotations

import pytest

from goodfit.core.models import Role
from goodfit.fit.domain.examples import ALTERNATIVES, DEBT_RELIEF
from goodfit.fit.models import Diagnosis, ReferralOut
from goodfit.fit.services import alternative_create, playbook_save
from goodfit.pipeline.services import stages_create_default
from tests.e2e.conftest import login
from tests.factories import (
    DealFactory,
    MembershipFactory,
    OfferingFactory,
    ProspectFactory,
    TeamFactory,
)


def demo_like_deal():
    team = TeamFactory(name="Northwind Sales")
    stages_create_default(team=team)
    rep = MembershipFactory(team=team, role=Role.REP, user__username="olivia").user
    manager = MembershipFactory(team=team, role=Role.MANAGER, user__username="maria").user
    offering = OfferingFactory(team=team, name="Debt relief program")
    for fields in ALTERNATIVES:
        alternative_create(team=team, actor=manager, **fields)
    playbook_save(offering=offering, actor=manager, document=DEBT_RELIEF)
    prospect = ProspectFactory(team=team, name="Gloria Ramirez")
    return DealFactory(
        team=team, owner=rep, prospect=prospect, offering=offering, title="Gloria — debt relief"
    )


def answer(page, key: str, value: str) -> None:
    """Answer one question the way a rep does; it saves itself (no Save button)."""
    box = page.locator(f'.fit-question[data-question="{key}"]')
    with page.expect_response(lambda r: "/fit/answer/" in r.url):
        if value in ("Yes", "No"):
            box.get_by_label(value, exact=True).check()
        else:
            field = box.locator(f'[name="a-{key}"]')
            field.fill(value)
            field.press("Tab")  # leaving the field is a change: it saves
    box.locator(".fit-status.is-saved, .fit-status.is-error").wait_for()


@pytest.mark.django_db(transaction=True)
def test_a_rep_diagnoses_not_a_fit_and_refers_the_prospect_out(page):
    deal = demo_like_deal()
    login(page, "olivia")
    page.goto(f"/deals/{deal.pk}/")
    panel = page.locator("#fit-panel")
    verdict = panel.locator(".fit-verdict")
    assert "Not enough information" in verdict.inner_text()
    assert "Worth asking next" in panel.inner_text()

    answer(page, "unsecured_debt", "31,000")
    assert "Not enough information" in page.locator("#fit-panel .fit-verdict").inner_text()
    answer(page, "wages_garnished", "Yes")

    panel = page.locator("#fit-panel")
    panel.locator('.fit-verdict[data-verdict="not_a_fit"]').wait_for()
    assert "Not a fit" in panel.locator(".fit-verdict").inner_text()
    assert "Bankruptcy attorney" in panel.locator(".fit-alternatives").inner_text()
    script = panel.get_by_label("The honest script").input_value()
    assert "Hale & Ortiz Law" in script
    assert "wages are garnished" in script

    panel.get_by_role("button", name="Not a fit — refer").click()
    page.wait_for_url(f"**/deals/{deal.pk}/**")
    header = page.locator(".deal-header")
    assert "Not a fit" in header.inner_text()
    referred = page.locator(".fit-referrals")
    assert "Bankruptcy attorney" in referred.inner_text()
    assert "Hale & Ortiz Law" in referred.locator("textarea").input_value()
    history = page.locator(".fit-diagnoses")
    assert history.locator("tbody tr").count() == 3  # two answers and the referral
    assert ReferralOut.objects.filter(deal=deal).count() == 1
    assert list(Diagnosis.objects.filter(deal=deal).values_list("verdict", flat=True)) == [
        "not_a_fit",
        "not_a_fit",
        "not_enough_information",
    ]
