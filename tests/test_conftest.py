"""The test run says loudly when the browser tests were skipped."""

from __future__ import annotations

from types import SimpleNamespace

from tests.conftest import browser_skip_warning


def skipped(reason: str) -> SimpleNamespace:
    return SimpleNamespace(longrepr=("tests/e2e/conftest.py", 30, f"Skipped: {reason}"))


def test_skipped_browser_tests_are_counted_and_the_install_command_named():
    reports = [skipped("Chromium not found at /usr/bin/chromium; install it")] * 3
    warning = browser_skip_warning([*reports, skipped("needs PostgreSQL")])
    assert warning is not None
    assert warning.startswith("3 BROWSER TESTS SKIPPED")
    assert "apt-get install -y chromium" in warning


def test_nothing_is_said_when_the_browser_tests_ran():
    assert browser_skip_warning([skipped("needs PostgreSQL")]) is None
    assert browser_skip_warning([]) is None
