"""The pressure checker for other apps: one stable entry point.

    from goodfit.debriefs.pressure import check_pressure
    findings = check_pressure("Only two spots left!", team=deal.team)

Each finding has ``family`` (code), ``family_label``, ``words`` (as written), ``start`` /
``end`` (offsets in the text), ``reason`` and ``suggestion`` (a gentler line). The
team's patterns are used: the defaults, as edited or switched off in Settings →
Pressure patterns, and the team's own. Follow-up templates, the Today list and the deal
page call it; the close-out panel and the API do too.
"""

from __future__ import annotations

from typing import Any

from goodfit.core.models import Team
from goodfit.debriefs.domain.closeout_lint import Finding, lint
from goodfit.debriefs.settings_read import pressure_rules

__all__ = ["Finding", "check_pressure", "check_pressure_cached"]


def check_pressure(text: str, *, team: Team) -> list[Finding]:
    """What in ``text`` rushes, guilts, frightens or argues, with the team's patterns."""
    if not text or not text.strip():
        return []
    return lint(text, pressure_rules(team))


def check_pressure_cached(text: str, *, team: Team, cache: Any) -> list[Finding]:
    """The same, reading the team's patterns once per ``cache`` object (e.g. a request
    rendering a list of messages)."""
    if not text or not text.strip():
        return []
    rules = getattr(cache, "_pressure_rules", None)
    if rules is None or getattr(cache, "_pressure_team", None) != team.pk:
        rules = pressure_rules(team)
        cache._pressure_rules, cache._pressure_team = rules, team.pk
    return lint(text, rules)
