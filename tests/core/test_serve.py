"""`goodfit serve` for real: a server process on a free loopback port, a fresh data directory.

gunicorn with two workers answers concurrent requests, including sign-ins that write to one
SQLite database from both processes; waitress, the fallback, still serves.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from goodfit.core.gunicorn_app import gunicorn_available

PASSWORD = "a-long-enough-secret"
STARTUP_SECONDS = 90
needs_gunicorn = pytest.mark.skipif(not gunicorn_available(), reason="gunicorn needs Unix")
# The servers here always run on SQLite in a directory of their own: the PostgreSQL pass of
# the suite would only run them again.
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("GOODFIT_DATABASE_URL")), reason="runs on SQLite in the SQLite pass"
)


def _environment(data_dir: Path) -> dict[str, str]:
    env = {**os.environ, "GOODFIT_DATA_DIR": str(data_dir), "GOODFIT_HTTPS": "0"}
    env["DJANGO_SETTINGS_MODULE"] = "goodfit.settings"  # not the tests' settings
    env["GOODFIT_ADMIN_PASSWORD"] = PASSWORD
    env.pop("GOODFIT_DATABASE_URL", None)  # several processes on one SQLite file
    return env


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """Migrated once for the module, with a team and its admin to sign in as."""
    path = tmp_path_factory.mktemp("served")
    setup = ["setup", "--team", "Served", "--username", "ada"]
    subprocess.run(
        [sys.executable, "-m", "goodfit", *setup],
        env=_environment(path),
        check=True,
        capture_output=True,
    )
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response


def _serve(data_dir: Path, *options: str):
    port = _free_port()
    command = [sys.executable, "-m", "goodfit", "serve", "--port", str(port), *options]
    server = subprocess.Popen(
        command,
        env=_environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if _get(port, "/healthz").status == 200:
                return server, port
        except OSError:
            time.sleep(0.2)
    server.kill()
    pytest.fail(f"goodfit serve did not answer: {server.communicate()[0]}")


def _stop(server: subprocess.Popen) -> str:
    server.send_signal(signal.SIGTERM)
    try:
        return server.communicate(timeout=30)[0]
    except subprocess.TimeoutExpired:
        server.kill()
        return server.communicate()[0]


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _sign_in(port: int) -> int:
    """The login form, then its POST with the CSRF token: the session row is a write."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/login/")
    page = connection.getresponse()
    html = page.read().decode()
    cookie = SimpleCookie(page.headers.get("Set-Cookie", ""))["csrftoken"].value
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    body = f"username=ada&password={PASSWORD}&csrfmiddlewaretoken={token}"
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={cookie}",
    }
    connection.request("POST", "/login/", body=body, headers=headers)
    answer = connection.getresponse()
    answer.read()
    assert "sessionid=" in " ".join(answer.headers.get_all("Set-Cookie") or []), answer.status
    return answer.status


@needs_gunicorn
def test_two_gunicorn_workers_answer_concurrent_requests_and_sign_ins(data_dir):
    server, port = _serve(data_dir, "--workers", "2", "--threads", "2")
    try:
        assert len(_children(server.pid)) == 2
        assert _get(port, "/login/").status == 200
        with ThreadPoolExecutor(8) as pool:
            pages = list(pool.map(lambda _: _get(port, "/login/").status, range(16)))
            sign_ins = list(pool.map(lambda _: _sign_in(port), range(8)))
        assert pages == [200] * 16
        assert sign_ins == [302] * 8
    finally:
        output = _stop(server)
    assert server.returncode == 0, output
    assert "2 worker processes × 2 threads (gunicorn" in output
    assert "Traceback" not in output and "database is locked" not in output


def test_waitress_still_serves_in_one_process(data_dir):
    server, port = _serve(data_dir, "--server", "waitress", "--threads", "2")
    try:
        assert _children(server.pid) == set()
        with ThreadPoolExecutor(4) as pool:
            assert list(pool.map(lambda _: _get(port, "/login/").status, range(8))) == [200] * 8
        assert _sign_in(port) == 302
    finally:
        output = _stop(server)
    assert "(waitress;" in output
    assert "Traceback" not in output
