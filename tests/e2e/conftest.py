"""Browser tests: Debian's Chromium, headless, driven by Playwright against live_server."""

from __future__ import annotations

import os
import re
import shutil

import pytest

CHROMIUM = os.environ.get("GOODFIT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "correct-horse-battery"


# tests/conftest.py counts the tests skipped with this reason and says so loudly at the end.
NO_CHROMIUM = "Chromium not found at"
INSTALL_CHROMIUM = "apt-get install -y chromium"


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.skip(f"{NO_CHROMIUM} {CHROMIUM}; install it with `{INSTALL_CHROMIUM}`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1360, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_context(browser, live_server):
    """Factory for extra, independent browser contexts (a second user, a prospect)."""
    contexts = []

    def make():
        context = browser.new_context(base_url=live_server.url)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


# Where signing in lands: a rep on Today, a manager on the board.
LANDING_PAGES = re.compile(r"/(today|board)/(\?.*)?$")


def login(page, username: str, password: str = PASSWORD, *, then: str | None = None) -> None:
    """Sign in through the form and wait for the landing page (Today or the board).

    ``then`` opens that page afterwards, for tests that start somewhere else
    (``login(page, "olivia", then="/board/")``).
    """
    page.goto("/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(LANDING_PAGES)
    if then is not None:
        page.goto(then)
