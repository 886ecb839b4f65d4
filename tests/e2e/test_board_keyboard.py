"""Moving a board card without a mouse: Shift+arrow on the focused card, or its menu."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from goodfit.pipeline.models import Deal
from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def column(page, name):
    return page.locator("section.column").filter(
        has=page.get_by_role("heading", name=name, exact=True)
    )


def test_a_card_moves_with_shift_arrow_and_keeps_focus(page, owner, deal):
    login(page, owner.username)
    page.goto("/board/")
    title = page.locator(f"#deal-card-{deal.pk} .deal-card-title")
    title.focus()
    page.keyboard.press("Shift+ArrowRight")
    expect(column(page, "Discovery").locator(f"#deal-card-{deal.pk}")).to_be_visible()
    expect(page.locator(f"#deal-card-{deal.pk} .deal-card-title")).to_be_focused()
    page.keyboard.press("Shift+ArrowRight")
    expect(column(page, "Proposal").locator(f"#deal-card-{deal.pk}")).to_be_visible()
    expect(page.locator(f"#deal-card-{deal.pk} .deal-card-title")).to_be_focused()
    page.keyboard.press("Shift+ArrowLeft")
    expect(column(page, "Discovery").locator(f"#deal-card-{deal.pk}")).to_be_visible()
    deal.refresh_from_db()
    assert deal.stage.name == "Discovery"
    assert Deal.objects.get(pk=deal.pk).stage_changes.count() >= 3


def test_the_card_menu_moves_with_the_keyboard(page, owner, deal):
    login(page, owner.username)
    page.goto("/board/")
    card = page.locator(f"#deal-card-{deal.pk}")
    menu = card.get_by_label(f"Move “{deal.title}” to another stage")
    menu.focus()
    page.keyboard.press("Enter")
    expect(card.get_by_role("button", name="Lead", exact=True)).to_have_count(0)
    card.get_by_role("button", name="Negotiation", exact=True).focus()
    page.keyboard.press("Enter")
    expect(column(page, "Negotiation").locator(f"#deal-card-{deal.pk}")).to_be_visible()
