"""Browser tests: Playwright drives Debian's Chromium against a live server.

Without /usr/bin/chromium they are skipped with a message, except on CI
(CI=true), where they must run."""

import os
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = Path(os.environ.get("ANCRAGE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium introuvable ({CHROMIUM}) : installez le paquet Debian « chromium »."
        if os.environ.get("CI"):
            pytest.fail(message + " Les tests navigateur sont obligatoires en CI.")
        pytest.skip(message + " Tests navigateur ignorés.")
    # Playwright's sync API runs an event loop in this thread; the test code
    # still talks to the database synchronously, which is safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While Playwright's event loop runs, Django keeps this thread's
        # database connections in per-context storage: close them here, or the
        # test database could not be dropped at the end of the session.
        connections.close_all()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    # Generous: on 2 cores, the demo test imports all communes meanwhile.
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()
