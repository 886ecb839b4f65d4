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


def test_a_registered_panel_renders_on_the_deal_page_with_its_context(
    empty_registries, owner_client, deal
):
    register_deal_panel(
        DealPanel("probe", "includes/form_errors.html", lambda request, d, bound: {"deal_id": d.pk})
    )
    response = owner_client.get(reverse("deal-detail", args=[deal.pk]))
    assert response.status_code == 200
    assert [p.context for p in response.context["panels"]] == [{"deal_id": deal.pk}]


def test_panels_come_in_registration_order_unless_placed_after_another(empty_registries, rf, deal):
    register_deal_panel(DealPanel("a", "a.html", lambda r, d, bound: {}))
    register_deal_panel(DealPanel("c", "c.html", lambda r, d, bound: {}))
    register_deal_panel(DealPanel("b", "b.html", lambda r, d, bound: {}, after="a"))
    register_deal_panel(DealPanel("z", "z.html", lambda r, d, bound: {}, after="missing"))
    assert [p.key for p in extensions.deal_panels(rf.get("/"), deal)] == ["a", "b", "c", "z"]


def test_nav_items_come_in_their_slots(empty_registries, rf):
    register_nav_item(NavItem("Audit", "audit-list", "audit-", slot="end"))
    register_nav_item(NavItem("Review", "deal-list", "review-"))
    register_nav_item(NavItem("Today", "board", "today-", slot="start"))
    links = extensions.nav_links(rf.get("/"), True, slots=extensions.NAV_SLOTS)
    assert [link.label for link in links] == ["Today", "Review", "Audit"]
    with pytest.raises(ValueError, match="slot"):
        register_nav_item(NavItem("Lost", "board", "lost-", slot="sidebar"))


def test_the_fixture_puts_every_registry_back(registries):
    before = [r.snapshot() for r in registries]
    register_deal_panel(DealPanel("probe", "t.html", lambda r, d, bound: {}))
    extensions.unregister_deal_panel("fit")
    assert "probe" in extensions.deal_panel_keys() and "fit" not in extensions.deal_panel_keys()
    assert before[0] != extensions.DEAL_PANELS.snapshot()


def test_manager_only_nav_items_are_hidden_from_reps(
    empty_registries, owner_client, manager_client
):
    register_nav_item(NavItem("Review", "deal-list", "review-", managers_only=True))
    register_nav_item(NavItem("Today", "board", "today-", badge=lambda request: 3))
    rep_page = owner_client.get(reverse("deal-list")).content.decode()
    manager_page = manager_client.get(reverse("deal-list")).content.decode()
    assert "Review" not in rep_page and "Review" in manager_page
    assert 'class="nav-count"' in rep_page


def test_settings_sections_appear_as_tabs(empty_registries, manager_client):
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
