"""Planner statistics: gathered by migrations, `goodfit optimize` and a serving process."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from django.db import connection

from goodfit import cli
from goodfit.core import db_statistics
from goodfit.core.db_statistics import (
    statistics_after_migrate,
    statistics_daily,
    statistics_missing,
    statistics_refresh,
    statistics_update,
)
from tests.factories import MembershipFactory

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's own statistics table"
)
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's statistics views"
)


def _stat_rows(table: str) -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = %s", [table])
        return cursor.fetchall()


def _last_analyze(table: str) -> object:
    with connection.cursor() as cursor:
        # Statistics reach the shared views a moment after the backend that made them.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = %s", [table])
        return cursor.fetchone()[0]


@sqlite_only
@pytest.mark.django_db
def test_migrating_the_test_database_left_sqlite_its_statistics_table():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        assert cursor.fetchone() == ("sqlite_stat1",)


@postgresql_only
@pytest.mark.django_db
def test_migrating_the_test_database_analyzed_the_main_tables():
    deadline = time.monotonic() + 10
    while _last_analyze("pipeline_deal") is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _last_analyze("pipeline_deal") is not None


@sqlite_only
@pytest.mark.django_db
def test_optimize_command_gathers_statistics_of_the_tables_with_rows(capsys):
    MembershipFactory.create_batch(3)
    assert cli.main(["optimize"]) == 0
    assert "statistics refreshed" in capsys.readouterr().out
    rows = dict(_stat_rows("core_membership"))
    assert rows and all(stat.startswith("3") for stat in rows.values())
    assert not statistics_missing()


@postgresql_only
@pytest.mark.django_db
def test_optimize_command_analyzes_on_postgresql(capsys):
    assert cli.main(["optimize"]) == 0
    assert "statistics refreshed" in capsys.readouterr().out


@sqlite_only
@pytest.mark.django_db
def test_a_server_start_analyzes_in_full_only_when_statistics_are_missing(monkeypatch):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_stat1")
    MembershipFactory.create_batch(2)
    assert statistics_missing()
    statistics_update()
    assert _stat_rows("core_membership")
    full = []
    monkeypatch.setattr(db_statistics, "statistics_refresh", lambda using: full.append(using))
    statistics_update()  # statistics exist: PRAGMA optimize decides, no full pass
    assert full == []


def test_post_migrate_refreshes_only_when_migrations_were_applied(monkeypatch):
    refreshed = []
    monkeypatch.setattr(db_statistics, "statistics_refresh", refreshed.append)
    statistics_after_migrate(using="default")  # flush sends no plan
    statistics_after_migrate(using="default", plan=[])
    assert refreshed == []
    statistics_after_migrate(using="default", plan=[("migration", False)])
    assert refreshed == ["default"]


@pytest.mark.django_db
def test_statistics_refresh_reports_its_duration():
    assert statistics_refresh() >= 0


def test_the_daily_refresh_runs_again_and_survives_a_failure():
    runs = []
    again = threading.Event()

    def refresh():
        runs.append(1)
        if len(runs) == 1:
            raise RuntimeError("database away")
        again.set()

    stop = threading.Event()
    thread = statistics_daily(refresh=refresh, interval=0.01, stop=stop)
    try:
        assert again.wait(5)
        assert thread.daemon
    finally:
        stop.set()
    thread.join(5)
    assert not thread.is_alive()


def test_a_failed_optimize_run_is_logged(caplog):
    db_statistics._run_optimize([sys.executable, "-c", "import sys; sys.exit('disk full')"])
    assert "disk full" in caplog.text
