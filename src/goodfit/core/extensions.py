"""Extension points through which capabilities add to the shared pages.

A capability (fit, money, follow-ups, debriefs …) registers, in its AppConfig.ready():
- a panel on the deal page (`register_deal_panel`),
- an item in the left navigation (`register_nav_item`),
- a section in the settings sub-navigation (`register_settings_section`).
The pipeline pages stay ignorant of what is plugged in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse


@dataclass(frozen=True)
class DealPanel:
    """A card on the deal page: ``template`` rendered with ``panel = context(request, deal)``."""

    key: str
    template: str
    context: Callable[[HttpRequest, Any], dict[str, Any]]
    order: int = 100


@dataclass(frozen=True)
class NavItem:
    """A link in the left navigation; ``badge`` may return a count to show next to it."""

    label: str
    url_name: str
    section: str  # compared with the page's ``current`` URL name prefix for aria-current
    order: int = 100
    managers_only: bool = False
    badge: Callable[[HttpRequest], int | None] | None = None


@dataclass(frozen=True)
class SettingsSection:
    label: str
    url_name: str
    section: str
    order: int = 100


_DEAL_PANELS: dict[str, DealPanel] = {}
_NAV_ITEMS: dict[str, NavItem] = {}
_SETTINGS: dict[str, SettingsSection] = {}


def register_deal_panel(panel: DealPanel) -> None:
    _DEAL_PANELS[panel.key] = panel


def register_nav_item(item: NavItem) -> None:
    _NAV_ITEMS[item.url_name] = item


def register_settings_section(section: SettingsSection) -> None:
    _SETTINGS[section.url_name] = section


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    template: str
    context: dict[str, Any]


def deal_panels(request: HttpRequest, deal: Any) -> list[RenderedPanel]:
    panels = sorted(_DEAL_PANELS.values(), key=lambda p: (p.order, p.key))
    return [RenderedPanel(p.key, p.template, p.context(request, deal)) for p in panels]


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    section: str
    badge: int | None


def nav_links(request: HttpRequest, is_manager: bool) -> list[NavLink]:
    items = sorted(_NAV_ITEMS.values(), key=lambda i: (i.order, i.label))
    return [
        NavLink(i.label, reverse(i.url_name), i.section, i.badge(request) if i.badge else None)
        for i in items
        if is_manager or not i.managers_only
    ]


def settings_links() -> list[NavLink]:
    sections = sorted(_SETTINGS.values(), key=lambda s: (s.order, s.label))
    return [NavLink(s.label, reverse(s.url_name), s.section, None) for s in sections]
