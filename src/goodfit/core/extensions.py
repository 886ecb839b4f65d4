"""Extension points through which capabilities add to the shared pages.

A capability (fit, money, follow-ups, debriefs …) registers, in its AppConfig.ready():
- a panel on the deal page (`register_deal_panel`) or a prospect's page
  (`register_prospect_panel`), both with one contract: ``context(request, obj, bound_forms)``,
- an item in the left navigation (`register_nav_item`, in a named slot),
- a section in the settings sub-navigation (`register_settings_section`),
- a filter on the board and deal list (`register_deal_filter`) and badges on deal cards
  and rows (`register_deal_marker`),
- facts in the deal page's header (`register_deal_header`): the fit verdict, the worth
  score, the next follow-up,
- data other capabilities read without importing it (`register_alternative_referrals`),
- a listener told about every change to a deal (`register_deal_listener`).
The pipeline pages stay ignorant of what is plugged in. Every registry places its items
in registration order (``INSTALLED_APPS`` order) unless an item names the key it comes
``after``; navigation items also name a slot. docs/architecture.md shows the whole shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from goodfit.core.registry import Registry

# Forms a submission refused, by the name the panel's template knows them by (with their
# errors and what was typed); empty when the page is simply shown.
BoundForms = Mapping[str, Any]
NO_FORMS: BoundForms = MappingProxyType({})
PanelContext = Callable[[HttpRequest, Any, BoundForms], dict[str, Any]]


@dataclass(frozen=True)
class DealPanel:
    """A card on the deal (or prospect) page: ``template`` rendered with
    ``panel = context(request, deal, bound_forms)``.

    ``bound_forms`` holds the forms of this panel a submission refused, so the card shows
    them with their errors instead of empty ones (``NO_FORMS`` on a plain view). On the
    deal page panels are tabs: ``label`` names the tab (the key, capitalised, when empty)
    and ``attention(deal)`` says whether the panel needs the rep now; the first panel that
    does opens by default (``?panel=<key>`` opens another).
    """

    key: str
    template: str
    context: PanelContext
    label: str = ""
    attention: Callable[[Any], bool] | None = None
    after: str = ""

    @property
    def tab_label(self) -> str:
        return self.label or self.key.replace("_", " ").capitalize()


# Where a navigation item goes: above Board ("start"), after Prospects ("main"), or
# last, after every capability's links ("end": team-wide pages such as the audit log).
NAV_SLOTS = ("start", "main", "end")


@dataclass(frozen=True)
class NavItem:
    """A link in the left navigation; ``badge`` may return a count to show next to it."""

    label: str
    url_name: str
    section: str  # compared with the page's ``current`` URL name prefix for aria-current
    slot: str = "main"
    after: str = ""  # the url_name of the item this one follows in its slot
    managers_only: bool = False
    badge: Callable[[HttpRequest], int | None] | None = None


@dataclass(frozen=True)
class SettingsSection:
    label: str
    url_name: str
    section: str
    after: str = ""


@dataclass(frozen=True)
class DealFilter:
    """An extra filter on the board and the deal list (e.g. the fit verdict).

    ``apply(deals, value)`` narrows a deal queryset; ``choices`` start with the "any" option.
    """

    name: str
    label: str
    choices: list[tuple[str, str]]
    apply: Callable[[Any, str], Any]
    after: str = ""


@dataclass(frozen=True)
class Badge:
    """A small label in words (never colour alone), rendered by ``includes/badge.html``.

    ``tone`` picks the style: ``neutral``, ``success``, ``warning``, ``danger``, a stage
    outcome or ``verdict-<verdict>``.
    """

    text: str
    tone: str = "neutral"


@dataclass(frozen=True)
class DealMarker:
    """Small badges on deal cards and list rows: ``markers(deal_ids) -> {deal_id: Badge}``."""

    key: str
    markers: Callable[[list[int]], dict[int, Badge]]
    after: str = ""


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
    after: str = ""


@dataclass(frozen=True)
class AlternativeReferral:
    """A prospect sent to an alternative that suits them better (recorded by fit)."""

    alternative: str
    at: dt.datetime
    deal_title: str


# ``fetch(deals)`` → the referrals out of those deals (a queryset or a list of deals).
AlternativeReferrals = Callable[[Any], list[AlternativeReferral]]

# The registries themselves are public too (``DEAL_MARKERS.unregister(key)`` …), for tests.
DEAL_PANELS: Registry[DealPanel] = Registry("deal panels")
PROSPECT_PANELS: Registry[DealPanel] = Registry("prospect panels")
NAV_ITEMS: Registry[NavItem] = Registry("navigation", slots=NAV_SLOTS)
SETTINGS_SECTIONS: Registry[SettingsSection] = Registry("settings sections")
DEAL_FILTERS: Registry[DealFilter] = Registry("deal filters")
DEAL_MARKERS: Registry[DealMarker] = Registry("deal markers")
HEADER_PROVIDERS: Registry[DealHeaderProvider] = Registry("deal header")
ALTERNATIVE_REFERRALS: Registry[AlternativeReferrals] = Registry("referrals out")


def register_deal_panel(panel: DealPanel) -> None:
    DEAL_PANELS.register(panel.key, panel)


def unregister_deal_panel(key: str) -> None:
    DEAL_PANELS.unregister(key)


def register_prospect_panel(panel: DealPanel) -> None:
    PROSPECT_PANELS.register(panel.key, panel)


def register_nav_item(item: NavItem) -> None:
    NAV_ITEMS.register(item.url_name, item)


def register_settings_section(section: SettingsSection) -> None:
    SETTINGS_SECTIONS.register(section.url_name, section)


def register_deal_filter(deal_filter: DealFilter) -> None:
    DEAL_FILTERS.register(deal_filter.name, deal_filter)


def register_deal_marker(marker: DealMarker) -> None:
    DEAL_MARKERS.register(marker.key, marker)


def register_deal_header(provider: DealHeaderProvider) -> None:
    HEADER_PROVIDERS.register(provider.key, provider)


def register_alternative_referrals(key: str, fetch: AlternativeReferrals) -> None:
    ALTERNATIVE_REFERRALS.register(key, fetch)


def deal_filters() -> list[DealFilter]:
    return DEAL_FILTERS.items()


def apply_deal_filters(deals: Any, values: tuple[tuple[str, str], ...]) -> Any:
    for name, value in values:
        deal_filter = DEAL_FILTERS.get(name)
        if deal_filter is not None and value:
            deals = deal_filter.apply(deals, value)
    return deals


def deal_markers(deal_ids: list[int]) -> dict[int, list[Badge]]:
    """Every registered marker for these deals: one call per marker, not per deal."""
    found: dict[int, list[Badge]] = {}
    for marker in DEAL_MARKERS.items():
        for deal_id, badge in marker.markers(deal_ids).items():
            found.setdefault(deal_id, []).append(badge)
    return found


def alternative_referrals(deals: Any) -> list[AlternativeReferral]:
    """Referrals out of ``deals`` from every capability that records them, newest first."""
    found = [r for fetch in ALTERNATIVE_REFERRALS.items() for r in fetch(deals)]
    return sorted(found, key=lambda r: r.at, reverse=True)


@dataclass(frozen=True)
class RenderedPanel:
    key: str
    template: str
    context: dict[str, Any]
    label: str = ""
    needs_attention: bool = False


def _render(
    registry: Registry[DealPanel],
    request: HttpRequest,
    obj: Any,
    refused: Mapping[str, BoundForms],
) -> list[RenderedPanel]:
    return [
        RenderedPanel(
            p.key,
            p.template,
            p.context(request, obj, refused.get(p.key, NO_FORMS)),
            p.tab_label,
            bool(p.attention and p.attention(obj)),
        )
        for p in registry.items()
    ]


def deal_panel(key: str) -> DealPanel | None:
    return DEAL_PANELS.get(key)


def deal_panel_keys() -> list[str]:
    return DEAL_PANELS.keys()


def open_panel_key(panels: list[RenderedPanel], asked: str = "") -> str:
    """The panel to show: the one asked for, else the first needing attention, else the first."""
    keys = [p.key for p in panels]
    if asked in keys:
        return asked
    return next((p.key for p in panels if p.needs_attention), keys[0] if keys else "")


def deal_panels(
    request: HttpRequest, deal: Any, refused: Mapping[str, BoundForms] = NO_FORMS
) -> list[RenderedPanel]:
    """Every deal panel; ``refused`` holds, by panel key, the forms a submission refused."""
    return _render(DEAL_PANELS, request, deal, refused)


def prospect_panels(request: HttpRequest, prospect: Any) -> list[RenderedPanel]:
    return _render(PROSPECT_PANELS, request, prospect, NO_FORMS)


def deal_header_facts(deal: Any) -> list[HeaderFact]:
    return [fact for provider in HEADER_PROVIDERS.items() for fact in provider.facts(deal)]


@dataclass(frozen=True)
class NavLink:
    label: str
    url: str
    section: str
    badge: int | None


def nav_links(request: HttpRequest, is_manager: bool, *, slots: tuple[str, ...]) -> list[NavLink]:
    """The navigation items of ``slots`` (in the order of ``NAV_SLOTS``) this user may see."""
    return [
        NavLink(i.label, reverse(i.url_name), i.section, i.badge(request) if i.badge else None)
        for i in NAV_ITEMS.items()
        if i.slot in slots and (is_manager or not i.managers_only)
    ]


def settings_links() -> list[NavLink]:
    return [
        NavLink(s.label, reverse(s.url_name), s.section, None) for s in SETTINGS_SECTIONS.items()
    ]


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

DealListener = Callable[[DealEvent], None]
DEAL_LISTENERS: Registry[DealListener] = Registry("deal listeners")


def register_deal_listener(key: str, listener: DealListener) -> None:
    """Call ``listener(event)`` after every change to a deal (see ``DealEvent``)."""
    DEAL_LISTENERS.register(key, listener)


def unregister_deal_listener(key: str) -> None:
    DEAL_LISTENERS.unregister(key)


def deal_listeners() -> dict[str, DealListener]:
    return DEAL_LISTENERS.snapshot()


def notify_deal(event: DealEvent) -> None:
    """Tell every listener, in key order (deterministic), about ``event``."""
    if event.kind not in DEAL_EVENT_KINDS:
        raise ValueError(f"Unknown deal event {event.kind!r}")
    listeners = DEAL_LISTENERS.snapshot()
    for key in sorted(listeners):
        listeners[key](event)
