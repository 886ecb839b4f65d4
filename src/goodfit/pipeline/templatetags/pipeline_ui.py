"""Presentation helpers of the pipeline pages: stage badges and the board's stage menus."""

from __future__ import annotations

from functools import cache
from typing import Any

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from goodfit.core.extensions import Badge

register = template.Library()

# An id no deal has: its digits mark where a deal's id goes in a reversed URL.
_ID_MARK = 9_087_654_321_012


@cache
def _deal_url_shape(name: str, script_prefix: str) -> tuple[str, str]:
    head, _, tail = reverse(name, args=[_ID_MARK]).partition(str(_ID_MARK))
    return head, tail


@register.filter
def deal_path(deal_id: int, url_name: str) -> str:
    """``reverse(url_name, args=[deal_id])`` for the board's cards: the URL's shape is
    reversed once, not twice per card (160 cards made it a tenth of the board's time)."""
    head, tail = _deal_url_shape(url_name, get_script_prefix())
    return f"{head}{int(deal_id)}{tail}"


@register.filter
def stage_badge(stage: Any) -> Badge:
    """A stage as a badge whose colour follows its outcome and whose text is its name, for
    ``{% include "includes/badge.html" with badge=stage|stage_badge %}``."""
    if stage is None:
        return Badge("No stage")
    return Badge(stage.name, stage.outcome or "neutral")


def stage_menus(stages: list[Any]) -> dict[int, SafeString]:
    """The <option>s of a stage menu, once for each current stage.

    A board repeats the menu on every card; building the few variants up front keeps
    the board's rendering time flat however many cards it shows.
    """
    return {
        current.pk: format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((s.pk, mark_safe(" selected") if s.pk == current.pk else "", s.name) for s in stages),
        )
        for current in stages
    }


def stage_buttons(stages: list[Any]) -> dict[int, SafeString]:
    """A card menu's buttons: every stage but the current one, once per current stage."""
    return {
        current.pk: format_html_join(
            "",
            '<li><button type="submit" name="stage" value="{}" class="card-menu-item">'
            "{}</button></li>",
            ((s.pk, s.name) for s in stages if s.pk != current.pk),
        )
        for current in stages
    }


@register.filter
def menu_for(menus: dict[int, SafeString], stage_id: int) -> SafeString:
    return menus.get(stage_id, SafeString(""))
