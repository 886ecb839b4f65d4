"""A team's debrief settings as plain values: its row, or the defaults when it has none."""

from __future__ import annotations

from dataclasses import dataclass

from goodfit.core.models import Team
from goodfit.debriefs import defaults
from goodfit.debriefs.closeout_lint import LintRule, rules_from_data
from goodfit.debriefs.models import DebriefSettings, ObjectionCategory


@dataclass(frozen=True)
class TeamDebriefSettings:
    lint_rules: list[LintRule]
    keep_in_touch_days: int
    closeout_template: str
    is_default: bool


def team_settings(team: Team) -> TeamDebriefSettings:
    row = DebriefSettings.objects.filter(team=team).first()
    if row is None:
        return TeamDebriefSettings(
            list(defaults.DEFAULT_RULES),
            defaults.KEEP_IN_TOUCH_DAYS,
            defaults.DEFAULT_TEMPLATE,
            True,
        )
    return TeamDebriefSettings(
        rules_from_data(row.lint_rules), row.keep_in_touch_days, row.closeout_template, False
    )


def objection_category_names(team: Team) -> list[str]:
    """The team's active list; the defaults until the team has one."""
    names = list(
        ObjectionCategory.objects.filter(team=team, is_active=True).values_list("name", flat=True)
    )
    return names or list(defaults.OBJECTION_CATEGORIES)
