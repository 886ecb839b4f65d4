"""Security settings a deployment relies on: hashing, throttling, CSRF, CSP, deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

import goodfit.settings as production_settings

ROOT = Path(__file__).resolve().parents[2]


def test_passwords_are_hashed_with_argon2_in_production():
    assert production_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_login_is_throttled_after_repeated_failures(owner, client):
    for _ in range(4):
        response = client.post("/login/", {"username": "olivia", "password": "wrong"})
        assert response.status_code == 200
    fifth = client.post("/login/", {"username": "olivia", "password": "wrong"})
    assert fifth.status_code == 429
    locked = client.post("/login/", {"username": "olivia", "password": "correct-horse-battery"})
    assert locked.status_code == 429
    assert b"locked" in locked.content.lower()


def test_login_requires_a_csrf_token(owner):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "olivia", "password": "correct-horse-battery"})
    assert response.status_code == 403


def test_pages_carry_a_content_security_policy(client, db):
    response = client.get("/login/")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_health_check_answers_without_login(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.parametrize("debug", ["0"])
def test_deploy_check_is_clean_when_debug_is_off(tmp_path, debug):
    env = {
        **os.environ,
        "GOODFIT_DEBUG": debug,
        "GOODFIT_DATA_DIR": str(tmp_path),
        "GOODFIT_SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
        "GOODFIT_ALLOWED_HOSTS": "sales.example.com",
        "DJANGO_SETTINGS_MODULE": "goodfit.settings",
    }
    env.pop("GOODFIT_HTTPS", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
