"""Extension points through which capabilities add to the shared pages.

A capability (fit, money, follow-ups, debriefs …) registers, in its AppConfig.ready():
- a panel on the deal page (`register_deal_panel`) or a prospect's page
  (`register_prospect_panel`),
- an item in the left navigation (`register_nav_item`),
- a section in the settings sub-navigation (`register_settings_section`),
- a filter on the board and deal list (`register_deal_filter`) and badges on deal cards
  and rows (`register_deal_marker`),
- facts in the deal page's header (`register_deal_header`): the fit verdict, the worth
  score, the next follow-up.
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
    """A card on the deal page: ``template`` rendered with ``panel = context(request, deal)``.

    On the deal page panels are tabs: ``label`` names the tab (the key, capitalised, when
    empty) and ``attention(deal)`` says whether the panel needs the rep now; the first
    panel that does opens by default (``?panel=<key>`` opens another).
    """

    key: str
    template: str
    context: Callable[[HttpRequest, Any], dict[str, Any]]
    order: int = 100
    label: str = ""
    attention: Callable[[Any], bool] | None = None

    @property
    def tab_label(self) -> str:
        return self.label or self.key.replace("_", " ").capitalize()


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


@dataclass(frozen=True)
class DealFilter:
    """An extra filter on the board and the deal list (e.g. the fit verdict).

    ``apply(deals, value)`` narrows a deal queryset; ``choices`` start with the "any" option.
    """

    name: str
    label: str
    choices: list[tuple[str, str]]
    apply: Callable[[Any, str], Any]
    order: int = 100


@dataclass(frozen=True)
class DealMarker:
    """Small badges on deal cards and list rows: ``markers(deal_ids) -> {deal_id: html}``."""

    key: str
    markers: Callable[[list[int]], dict[int, str]]
    order: int = 100


_DEAL_FILTERS: dict[str, DealFilter] = {}
_DEAL_MARKERS: dict[str, DealMarker] = {}
_DEAL_PANELS: dict[str, DealPanel] = {}
_PROSPECT_PANELS: dict[str, DealPanel] = {}
_NAV_ITEMS: dict[str, NavItem] = {}
_SETTINGS: dict[str, SettingsSection] = {}


def register_deal_panel(panel: DealPanel) -> None:
    _DEAL_PANELS[panel.key] = panel


def register_deal_filter(deal_filter: DealFilter) -> None:
    _DEAL_FILTERS[deal_filter.name] = deal_filter


def register_deal_marker(marker: DealMarker) -> None:
    _DEAL_MARKERS[marker.key] = marker


def deal_filters() -> list[DealFilter]:
    return sorted(_DEAL_FILTERS.values(), key=lambda f: (f.order, f.name))


def apply_deal_filters(deals: Any, values: tuple[tuple[str, str], ...]) -> Any:
    for name, value in values:
        if name in _DEAL_FILTERS and value:
            deals = _DEAL_FILTERS[name].apply(deals, value)
    return deals


def deal_markers(deal_ids: list[int]) -> dict[int, list[str]]:
    """Every registered marker for these deals: one call per marker, not per deal."""
    found: dict[int, list[str]] = {}
    for marker in sorted(_DEAL_MARKERS.values(), key=lambda m: (m.order, m.key)):
        for deal_id, html in marker.markers(deal_ids).items():
            found.setdefault(deal_id, []).append(html)
    return found


def register_prospect_panel(panel: DealPanel) -> None:
    _PROSPECT_PANELS[panel.key] = panel


def register_nav_item(item: NavItem) -> None:
    _NAV_ITEMS[item.url_name] = item


def register_settings_section(section: SettingsSection) -> None:
    _SETTINGS[section.url_name] = section


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    template: str
    context: dict[str, Any]
    label: str = ""
    needs_attention: bool = False


def _render(registry: dict[str, DealPanel], request: HttpRequest, obj: Any) -> list[RenderedPanel]:
    panels = sorted(registry.values(), key=lambda p: (p.order, p.key))
    return [
        RenderedPanel(
            p.key,
            p.template,
            p.context(request, obj),
            p.tab_label,
            bool(p.attention and p.attention(obj)),
        )
        for p in panels
    ]


def deal_panel_keys() -> list[str]:
    return [p.key for p in sorted(_DEAL_PANELS.values(), key=lambda p: (p.order, p.key))]


def open_panel_key(panels: list[RenderedPanel], asked: str = "") -> str:
    """The panel to show: the one asked for, else the first needing attention, else the first."""
    keys = [p.key for p in panels]
    if asked in keys:
        return asked
    return next((p.key for p in panels if p.needs_attention), keys[0] if keys else "")


def deal_panels(request: HttpRequest, deal: Any) -> list[RenderedPanel]:
    return _render(_DEAL_PANELS, request, deal)


def prospect_panels(request: HttpRequest, prospect: Any) -> list[RenderedPanel]:
    return _render(_PROSPECT_PANELS, request, prospect)


@dataclass(frozen=True)
class HeaderFact:
    """One fact in the deal page's header (the fit verdict, the worth score …).

    ``text`` is the value in words; ``tone`` picks the badge style (``neutral``,
    ``success``, ``warning``, ``danger`` or a verdict/recommendation key the stylesheet
    knows); ``detail`` is a quieter line under it; ``panel`` names the panel that explains
    it, so the fact links to ``?panel=<key>``.
    """

    label: str
    text: str
    tone: str = "neutral"
    detail: str = ""
    panel: str = ""


@dataclass(frozen=True)
class DealHeaderProvider:
    """``facts(deal)`` returns the facts a capability adds to the deal header (maybe none).

    Keep it to one query or two: it runs on every deal page view.
    """

    key: str
    facts: Callable[[Any], list[HeaderFact]]
    order: int = 100


_HEADER_PROVIDERS: dict[str, DealHeaderProvider] = {}


def register_deal_header(provider: DealHeaderProvider) -> None:
    _HEADER_PROVIDERS[provider.key] = provider


def deal_header_facts(deal: Any) -> list[HeaderFact]:
    providers = sorted(_HEADER_PROVIDERS.values(), key=lambda p: (p.order, p.key))
    return [fact for provider in providers for fact in provider.facts(deal)]


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    section: str
    badge: int | None


# Items ordered before this come above Board (e.g. Today); the rest after Prospects.
FIRST_ORDER_LIMIT = 10


def nav_links(request: HttpRequest, is_manager: bool, *, first: bool = False) -> list[NavLink]:
    items = sorted(_NAV_ITEMS.values(), key=lambda i: (i.order, i.label))
    return [
        NavLink(i.label, reverse(i.url_name), i.section, i.badge(request) if i.badge else None)
        for i in items
        if (is_manager or not i.managers_only) and (i.order < FIRST_ORDER_LIMIT) == first
    ]


def settings_links() -> list[NavLink]:
    sections = sorted(_SETTINGS.values(), key=lambda s: (s.order, s.label))
    return [NavLink(s.label, reverse(s.url_name), s.section, None) for s in sections]


@dataclass(frozen=True)
class DealEvent:
    """Something changed on a deal, told to every capability inside the writing transaction.

    ``kind`` is one of ``DEAL_EVENT_KINDS``. For ``moved``, ``from_stage`` and ``to_stage``
    are the Stage rows; ``closed`` / ``reopened`` say whether the move ended or revived
    the deal. ``obj`` is the row the event is about (an interaction, a note …) when there is
    one. Listeners run in the service's transaction, so what they write commits or rolls
    back with the change that caused it ("state follows state").
    """

    kind: str
    deal: Any
    actor: Any = None
    from_stage: Any = None
    to_stage: Any = None
    obj: Any = None

    @property
    def closed(self) -> bool:
        return bool(
            self.kind == "moved"
            and self.to_stage is not None
            and self.to_stage.is_closed
            and (self.from_stage is None or not self.from_stage.is_closed)
        )

    @property
    def reopened(self) -> bool:
        return bool(
            self.kind == "moved"
            and self.from_stage is not None
            and self.from_stage.is_closed
            and self.to_stage is not None
            and not self.to_stage.is_closed
        )


# created: a deal was opened; updated: its terms changed; moved: its stage changed;
# cancelled: a won deal was cancelled; interaction_logged / _updated / _deleted and
# note_added / note_deleted: its history changed.
DEAL_EVENT_KINDS = frozenset(
    {
        "created",
        "updated",
        "moved",
        "cancelled",
        "interaction_logged",
        "interaction_updated",
        "interaction_deleted",
        "note_added",
        "note_deleted",
    }
)

_DEAL_LISTENERS: dict[str, Callable[[DealEvent], None]] = {}


def register_deal_listener(key: str, listener: Callable[[DealEvent], None]) -> None:
    """Call ``listener(event)`` after every change to a deal (see ``DealEvent``)."""
    _DEAL_LISTENERS[key] = listener


def unregister_deal_listener(key: str) -> None:
    _DEAL_LISTENERS.pop(key, None)


def deal_listeners() -> dict[str, Callable[[DealEvent], None]]:
    return dict(_DEAL_LISTENERS)


def notify_deal(event: DealEvent) -> None:
    """Tell every listener, in key order (deterministic), about ``event``."""
    if event.kind not in DEAL_EVENT_KINDS:
        raise ValueError(f"Unknown deal event {event.kind!r}")
    for key in sorted(_DEAL_LISTENERS):
        _DEAL_LISTENERS[key](event)
