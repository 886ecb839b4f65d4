"""The `goodfit` command line: in-process against the test database, plus one real run."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from goodfit import cli
from goodfit.core.models import ApiToken, AuditEntry, Team
from goodfit.core.services import token_authenticate, token_create
from goodfit.demo.load import STORY_DEALS, TEAM_NAME
from goodfit.pipeline.models import Deal, Prospect

# waitress passes the proxy's forwarded headers on; Django decides whom to believe.
KEEP_FORWARDED = {"clear_untrusted_proxy_headers": False}


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- help and usage -----------------------------------------------------------------


def test_help_lists_every_command(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("demo", "serve", "setup", "token", "worker", "manage"):
        assert command in out


@pytest.mark.parametrize(
    "argv",
    [["demo"], ["serve"], ["setup"], ["token"], ["token", "create"], ["token", "revoke"]],
)
def test_every_command_has_help(capsys, argv):
    code, out, _ = run(capsys, *argv, "--help")
    assert code == 0
    assert out.startswith("usage: goodfit")


def test_worker_help_is_the_workers_own(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["worker", "--help"])
    assert exit_.value.code == 0
    assert "--queue-name" in capsys.readouterr().out


def test_the_demo_defaults_are_the_demo_packages():
    from goodfit.demo.load import DEFAULT_DEALS, DEFAULT_SEED

    args = cli.build_parser().parse_args(["demo"])
    assert (args.deals, args.seed) == (DEFAULT_DEALS, DEFAULT_SEED)


def test_a_usage_mistake_is_one_line_on_stderr(capsys):
    code, out, err = run(capsys, "demo", "--deals", "lots")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "--deals" in err and "whole number" in err


def test_a_port_out_of_range_is_refused(capsys):
    code, _, err = run(capsys, "serve", "--port", "70000")
    assert code == 2
    assert "between 1 and 65535" in err


def test_an_unknown_command_is_refused(capsys):
    code, _, err = run(capsys, "frobnicate")
    assert code == 2
    assert "invalid choice" in err


# --- plain HTTP on a laptop -----------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"])
def test_a_loopback_host_serves_plain_http_by_default(host):
    environ: dict[str, str] = {}
    assert cli.plain_http_default(host, environ) is True
    assert environ == {"GOODFIT_HTTPS": "0"}


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "crm.example.com", "::"])
def test_a_public_host_keeps_the_https_default(host):
    environ: dict[str, str] = {}
    assert cli.plain_http_default(host, environ) is False
    assert environ == {}


def test_an_explicit_https_setting_wins_on_loopback():
    environ = {"GOODFIT_HTTPS": "1"}
    assert cli.plain_http_default("127.0.0.1", environ) is False
    assert environ == {"GOODFIT_HTTPS": "1"}


# --- demo and serve -------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_twice_loads_the_data_once(capsys):
    code, out, _ = run(capsys, "demo", "--no-serve", "--deals", "40")
    assert code == 0
    assert "maria" in out and "goodfit-demo" in out
    # Nothing is serving: no address to open, but how to start it.
    assert "Open http" not in out and "http://" not in out
    assert "goodfit serve" in out
    counts = (Team.objects.count(), Deal.objects.count(), Prospect.objects.count())
    code, out, _ = run(capsys, "demo", "--no-serve", "--deals", "40")
    assert code == 0
    assert "already loaded" in out
    assert (Team.objects.count(), Deal.objects.count(), Prospect.objects.count()) == counts
    assert Deal.objects.filter(team__name=TEAM_NAME).count() == 40


@pytest.mark.django_db
def test_demo_with_fewer_deals_than_the_stories_says_how_many_it_needs(capsys):
    code, _, err = run(capsys, "demo", "--no-serve", "--deals", "3")
    assert code == 1
    assert f"at least {STORY_DEALS}" in err
    assert not Team.objects.exists()


@pytest.fixture
def served(monkeypatch):
    """Record what would be served instead of serving (by either server)."""
    calls = []
    serving = "goodfit.core.serving"
    monkeypatch.setattr("waitress.serve", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.setattr(
        f"{serving}.gunicorn_run", lambda app, options: calls.append((app, options))
    )
    monkeypatch.setattr(f"{serving}.statistics_daily", lambda: None)
    return calls


@pytest.mark.django_db
def test_serve_runs_gunicorn_with_a_worker_per_core(capsys, served):
    code, out, _ = run(capsys, "serve", "--port", "8123")
    assert code == 0
    (app, options), *_ = served
    assert callable(app)
    assert options["bind"] == ["127.0.0.1:8123"]
    assert (options["workers"], options["threads"]) == (os.cpu_count(), 4)
    assert options["worker_class"] == "gthread" and options["preload_app"]
    assert ":8123/" in out and "gunicorn" in out


@pytest.mark.django_db
def test_serve_takes_workers_and_threads(capsys, served):
    code, out, _ = run(capsys, "serve", "--port", "8126", "--workers", "3", "--threads", "2")
    assert code == 0
    assert (served[0][1]["workers"], served[0][1]["threads"]) == (3, 2)
    assert "3 worker processes × 2 threads" in out


@pytest.mark.django_db
def test_serve_with_waitress_gives_one_process_every_thread(capsys, served):
    argv = ["serve", "--port", "8127", "--server", "waitress", "--workers", "2"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert served[0][1] == {"host": "127.0.0.1", "port": 8127, "threads": 8, **KEEP_FORWARDED}
    assert "waitress" in out and "one process" in out


@pytest.mark.django_db
def test_serve_falls_back_to_waitress_where_gunicorn_cannot_run(capsys, served, monkeypatch):
    serving = "goodfit.core.serving"
    monkeypatch.setattr(f"{serving}.gunicorn_available", lambda: False)
    code, _, _ = run(capsys, "serve", "--port", "8128", "--workers", "1", "--threads", "8")
    assert code == 0
    assert served[0][1] == {"host": "127.0.0.1", "port": 8128, "threads": 8, **KEEP_FORWARDED}
    code, _, err = run(capsys, "serve", "--port", "8128", "--server", "gunicorn")
    assert code == 1 and "--server waitress" in err


@pytest.mark.django_db
def test_demo_serves_after_loading_unless_told_not_to(capsys, served):
    code, out, _ = run(capsys, "demo", "--deals", str(STORY_DEALS), "--port", "8124")
    assert code == 0
    assert served[0][1]["bind"] == ["127.0.0.1:8124"]
    assert "listens on http://127.0.0.1:8124/" in out and "Open http" not in out


@pytest.mark.django_db
def test_a_port_in_use_is_one_clear_line(capsys, monkeypatch, served):
    def busy(app, **kw):
        raise OSError(98, "Address already in use")

    monkeypatch.setattr("waitress.serve", busy)
    code, _, err = run(capsys, "serve", "--port", "8125", "--server", "waitress")
    assert code == 1
    assert err.count("\n") == 1
    assert "Address already in use" in err and "--port" in err


@pytest.mark.django_db
def test_a_port_in_use_stops_gunicorn_before_it_starts(capsys, served):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _, err = run(capsys, "serve", "--port", str(port))
    assert code == 1
    assert err.count("\n") == 1
    assert "--port" in err
    assert served == []


# --- tokens ---------------------------------------------------------------------------


def test_token_create_prints_a_token_that_authenticates(capsys, manager):
    code, out, err = run(capsys, "token", "create", "maria", "--name", "nightly import")
    assert code == 0
    raw = out.strip()
    assert token_authenticate(raw) == manager
    assert "not shown again" in err
    assert ApiToken.objects.get(user=manager).name == "nightly import"


@pytest.mark.django_db
def test_token_create_for_an_unknown_user_fails_with_a_message(capsys):
    code, out, err = run(capsys, "token", "create", "nobody")
    assert code == 1
    assert out == ""
    assert err.strip() == "goodfit: error: No user named “nobody”."


def test_token_list_shows_prefixes_and_never_the_value(capsys, manager):
    token, raw = token_create(user=manager, name="zapier")
    code, out, _ = run(capsys, "token", "list", "maria")
    assert code == 0
    assert token.prefix in out and "zapier" in out and "active" in out
    assert raw not in out


def test_token_revoke_by_prefix_stops_the_token(capsys, manager):
    token, raw = token_create(user=manager)
    code, out, _ = run(capsys, "token", "revoke", token.prefix)
    assert code == 0
    assert "Revoked" in out
    assert token_authenticate(raw) is None


def test_token_revoke_of_an_unknown_prefix_fails(capsys, manager):
    code, _, err = run(capsys, "token", "revoke", "gf_nope0")
    assert code == 1
    assert "No active token" in err


# --- setup ----------------------------------------------------------------------------


def setup_args():
    return ["setup", "--team", "Acme Sales", "--username", "ana", "--time-zone", "Europe/Lisbon"]


@pytest.mark.django_db
def test_setup_creates_the_team_its_stages_and_its_admin(capsys, monkeypatch):
    monkeypatch.setenv("GOODFIT_ADMIN_PASSWORD", "a-long-enough-secret")
    code, out, _ = run(capsys, *setup_args(), "--currency", "EUR")
    assert code == 0, out
    team = Team.objects.get(name="Acme Sales")
    assert (team.currency, team.time_zone) == ("EUR", "Europe/Lisbon")
    assert team.stages.count() == 8
    admin = team.memberships.get()
    assert admin.role == "admin" and admin.user.username == "ana"
    assert admin.user.check_password("a-long-enough-secret")
    assert "Acme Sales" in out


@pytest.mark.django_db
def test_setup_reads_the_password_from_a_file(capsys, tmp_path):
    secret = tmp_path / "password"
    secret.write_text("another-long-secret\n")
    code, _, _ = run(capsys, *setup_args(), "--password-file", str(secret))
    assert code == 0
    user = get_user_model().objects.get(username="ana")
    assert user.check_password("another-long-secret")


@pytest.mark.django_db
def test_setup_with_a_bad_time_zone_names_the_option_and_writes_nothing(capsys, monkeypatch):
    monkeypatch.setenv("GOODFIT_ADMIN_PASSWORD", "a-long-enough-secret")
    argv = ["setup", "--team", "Acme", "--username", "ana", "--time-zone", "Mars/Olympus"]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert "--time-zone" in err and "Mars/Olympus" in err
    assert not Team.objects.exists()
    assert not get_user_model().objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_setup_with_a_weak_password_creates_nothing(capsys, monkeypatch):
    monkeypatch.setenv("GOODFIT_ADMIN_PASSWORD", "123")
    code, _, err = run(capsys, *setup_args())
    assert code == 1
    assert "password" in err
    assert not Team.objects.exists()


def test_setup_refuses_a_team_name_that_exists(capsys, monkeypatch, team):
    monkeypatch.setenv("GOODFIT_ADMIN_PASSWORD", "a-long-enough-secret")
    code, _, err = run(capsys, "setup", "--team", team.name.upper(), "--username", "ana")
    assert code == 1
    assert "already exists" in err


@pytest.mark.django_db
def test_setup_without_a_password_outside_a_terminal_says_how_to_give_one(capsys, monkeypatch):
    monkeypatch.delenv("GOODFIT_ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _, err = run(capsys, *setup_args())
    assert code == 1
    assert "--password-file" in err and "GOODFIT_ADMIN_PASSWORD" in err


# --- manage ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_manage_passes_through_to_django(capsys):
    code, out, _ = run(capsys, "manage", "check")
    assert code == 0
    assert "no issues" in out


# --- a real run on a fresh data directory ---------------------------------------------


def goodfit(data_dir, *argv):
    env = {**os.environ, "GOODFIT_DATA_DIR": str(data_dir)}
    for name in ("DJANGO_SETTINGS_MODULE", "GOODFIT_DATABASE_URL", "GOODFIT_HTTPS"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "goodfit", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_fresh_data_directory_is_created_migrated_and_loaded_once(tmp_path):
    data_dir = tmp_path / "goodfit-data"
    first = goodfit(data_dir, "demo", "--no-serve", "--deals", "30")
    assert first.returncode == 0, first.stderr
    assert (data_dir / "goodfit.sqlite3").exists()
    again = goodfit(data_dir, "demo", "--no-serve", "--deals", "30")
    assert again.returncode == 0, again.stderr
    assert "already loaded" in again.stdout
    assert "Northwind Advisory has 30 deals." in again.stdout
    token = goodfit(data_dir, "token", "create", "maria")
    assert token.returncode == 0, token.stderr
    assert token.stdout.strip().startswith("gf_")
    unknown = goodfit(data_dir, "token", "create", "nobody")
    assert unknown.returncode == 1
    assert "Traceback" not in unknown.stderr
