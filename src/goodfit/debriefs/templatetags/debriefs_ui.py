"""Presentation helpers for the debriefs pages: reason labels, shares, outcomes."""

from __future__ import annotations

from typing import Any

from django import template

from goodfit.debriefs.domain.categories import GROUP_LABELS, group_of, label

register = template.Library()

OUTCOME_LABELS = {
    "open": "Open",
    "won": "Won",
    "lost": "Lost",
    "not_a_fit": "Not a fit",
    "walked_away": "Walked away",
    "no deal": "No deal yet",
}


@register.filter
def reason_label(code: str) -> str:
    return label(code) if code else "—"


@register.filter
def reason_group(code: str) -> str:
    return GROUP_LABELS.get(group_of(code), "")


@register.filter
def group_label(group: str) -> str:
    return GROUP_LABELS.get(group, "")


@register.filter
def percent(share: Any) -> str:
    """``0.4166`` → ``42%``."""
    try:
        return f"{round(float(share) * 100)}%"
    except (TypeError, ValueError):
        return "—"


@register.filter
def outcome_label(outcome: str) -> str:
    return OUTCOME_LABELS.get(outcome, outcome)


@register.filter
def outcome_class(outcome: str) -> str:
    return outcome if outcome in OUTCOME_LABELS and outcome != "no deal" else "neutral"


@register.inclusion_tag("debriefs/partials/pressure_warning.html", takes_context=True)
def pressure_warning(context: template.Context, text: Any) -> dict[str, Any]:
    """A warning before sending ``text``, with the signed-in member's team patterns.

    Other apps' pages use it next to a message a rep is about to send:
    ``{% load debriefs_ui %}{% pressure_warning f.message %}``. The team's patterns are
    read once per request, however many messages the page shows.
    """
    from django.http import Http404

    from goodfit.core.access import membership_for
    from goodfit.debriefs.pressure import check_pressure_cached

    request = context.get("request")
    if request is None or not text:
        return {"findings": []}
    try:
        team = membership_for(request.user).team
    except Http404:
        return {"findings": []}
    return {"findings": check_pressure_cached(str(text), team=team, cache=request)}
