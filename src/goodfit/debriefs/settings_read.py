"""A team's debrief settings as plain values: its row, or the defaults when it has none."""

from __future__ import annotations

from dataclasses import dataclass

from goodfit.core.models import Team
from goodfit.debriefs.domain import defaults
from goodfit.debriefs.domain.closeout_lint import merge_rules
from goodfit.debriefs.domain.pressure_families import DEFAULT_PATTERNS, PatternRule
from goodfit.debriefs.models import DebriefSettings, ObjectionCategory, PressurePattern


@dataclass(frozen=True)
class TeamDebriefSettings:
    keep_in_touch_days: int
    closeout_template: str
    is_default: bool


def team_settings(team: Team) -> TeamDebriefSettings:
    row = DebriefSettings.objects.filter(team=team).first()
    if row is None:
        return TeamDebriefSettings(defaults.KEEP_IN_TOUCH_DAYS, defaults.DEFAULT_TEMPLATE, True)
    return TeamDebriefSettings(row.keep_in_touch_days, row.closeout_template, False)


def rule_of(row: PressurePattern) -> PatternRule:
    return PatternRule(
        key=row.builtin_key or f"team:{row.pk}",
        family=row.family,
        pattern=row.pattern,
        reason=row.reason,
        suggestion=row.suggestion,
        builtin=bool(row.builtin_key),
        active=row.is_active,
    )


def pressure_rules(team: Team) -> list[PatternRule]:
    """Every pattern the team checks with, switched-off ones included (``active``)."""
    overrides: dict[str, PatternRule] = {}
    own: list[PatternRule] = []
    for row in PressurePattern.objects.filter(team=team).order_by("id"):
        if row.builtin_key:
            overrides[row.builtin_key] = rule_of(row)
        else:
            own.append(rule_of(row))
    return merge_rules(DEFAULT_PATTERNS, overrides, own)


def objection_category_names(team: Team) -> list[str]:
    """The team's active list; the defaults until the team has one."""
    names = list(
        ObjectionCategory.objects.filter(team=team, is_active=True).values_list("name", flat=True)
    )
    return names or list(defaults.OBJECTION_CATEGORIES)
