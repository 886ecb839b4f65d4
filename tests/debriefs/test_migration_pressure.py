"""The phrase list of the first version becomes pressure patterns."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("debriefs", "0001_initial")]
AFTER = [("debriefs", "0002_pressure_patterns")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_own_phrases_become_patterns_and_an_emptied_list_switches_defaults_off():
    old = _migrate(BEFORE)
    Team = old.get_model("core", "Team")
    Settings = old.get_model("debriefs", "DebriefSettings")
    kept = Team.objects.create(name="Kept")
    emptied = Team.objects.create(name="Emptied")
    Settings.objects.create(
        team=kept,
        closeout_template="Hi",
        lint_rules=[
            {"phrase": "you're making a mistake", "reason": "r", "rewrite": "w", "kind": "argue"},
            {"phrase": "No-brainer!", "reason": "Belittles.", "rewrite": "Fair.", "kind": "argue"},
            {"phrase": "sign now", "reason": "r", "rewrite": "w", "kind": "pressure"},
        ],
    )
    Settings.objects.create(team=emptied, closeout_template="Hi", lint_rules=[])
    try:
        new = _migrate(AFTER)
        Pattern = new.get_model("debriefs", "PressurePattern")
        own = Pattern.objects.filter(team_id=kept.pk).order_by("id")
        assert [(p.pattern, p.family, p.builtin_key) for p in own] == [
            ("no brainer", "past_no", ""),
            ("sign now", "deadline", ""),
        ]
        assert own[0].reason == "Belittles." and own[0].suggestion == "Fair."
        off = Pattern.objects.filter(team_id=emptied.pk)
        assert off.count() > 50 and not off.filter(is_active=True).exists()
        assert all(p.builtin_key for p in off)
    finally:
        _migrate(_latest())


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
