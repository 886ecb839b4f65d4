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


@pytest.fixture
def listened():
    events = []
    extensions.register_deal_listener("probe", events.append)
    yield events
    extensions.unregister_deal_listener("probe")


@pytest.mark.django_db
def test_moving_a_deal_to_a_closed_stage_tells_listeners_it_closed(listened, deal, owner):
    from goodfit.pipeline.models import Outcome
    from goodfit.pipeline.services import deal_move

    lost = deal.team.stages.get(outcome=Outcome.LOST)
    deal_move(deal=deal, actor=owner, stage=lost)
    (event,) = [e for e in listened if e.kind == "moved"]
    assert event.closed and not event.reopened and event.to_stage == lost
    first_open = deal.team.stages.filter(outcome=Outcome.OPEN).first()
    deal_move(deal=deal, actor=owner, stage=first_open)
    assert listened[-1].reopened and not listened[-1].closed


@pytest.mark.django_db
def test_logging_and_deleting_an_interaction_tells_listeners(listened, deal, owner):
    from django.utils import timezone

    from goodfit.pipeline.services import interaction_delete, interaction_log

    interaction = interaction_log(
        deal=deal,
        actor=owner,
        direction="in",
        channel="email",
        occurred_at=timezone.now(),
        summary="Asked for the price list",
    )
    interaction_delete(interaction=interaction, actor=owner)
    assert [e.kind for e in listened] == ["interaction_logged", "interaction_deleted"]


def test_an_unknown_event_kind_is_refused():
    with pytest.raises(ValueError, match="Unknown deal event"):
        extensions.notify_deal(extensions.DealEvent("exploded", deal=None))
