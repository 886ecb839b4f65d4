"""Capabilities plug panels, navigation links and settings tabs into the shared pages."""

import pytest
from django.urls import reverse

from goodfit.core import extensions
from goodfit.core.extensions import (
    DealPanel,
    NavItem,
    SettingsSection,
    register_deal_panel,
    register_nav_item,
    register_settings_section,
)


@pytest.fixture
def clean_registry(monkeypatch):
    monkeypatch.setattr(extensions, "_DEAL_PANELS", {})
    monkeypatch.setattr(extensions, "_NAV_ITEMS", {})
    monkeypatch.setattr(extensions, "_SETTINGS", {})


def test_a_registered_panel_renders_on_the_deal_page_with_its_context(
    clean_registry, owner_client, deal
):
    register_deal_panel(
        DealPanel("probe", "includes/form_errors.html", lambda request, d: {"deal_id": d.pk})
    )
    response = owner_client.get(reverse("deal-detail", args=[deal.pk]))
    assert response.status_code == 200
    assert [p.context for p in response.context["panels"]] == [{"deal_id": deal.pk}]


def test_panels_come_in_their_order(clean_registry, rf, deal):
    register_deal_panel(DealPanel("b", "b.html", lambda r, d: {}, order=20))
    register_deal_panel(DealPanel("a", "a.html", lambda r, d: {}, order=10))
    assert [p.key for p in extensions.deal_panels(rf.get("/"), deal)] == ["a", "b"]


def test_manager_only_nav_items_are_hidden_from_reps(clean_registry, owner_client, manager_client):
    register_nav_item(NavItem("Review", "deal-list", "review-", managers_only=True))
    register_nav_item(NavItem("Today", "board", "today-", badge=lambda request: 3))
    rep_page = owner_client.get(reverse("deal-list")).content.decode()
    manager_page = manager_client.get(reverse("deal-list")).content.decode()
    assert "Review" not in rep_page and "Review" in manager_page
    assert 'class="nav-count"' in rep_page


def test_settings_sections_appear_as_tabs(clean_registry, manager_client):
    register_settings_section(SettingsSection("Playbooks", "settings-offerings", "playbooks"))
    page = manager_client.get(reverse("settings-team")).content.decode()
    assert "Playbooks" in page
