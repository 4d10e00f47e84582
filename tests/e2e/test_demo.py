"""`make demo` for real: `ancrage demo` in a fresh data folder starts its own
embedded PostgreSQL, loads the whole geography and the 15 clusters, and serves
them with production settings; a person logs in with the printed credentials
and the code shown in demo mode."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from ancrage.demo import data

STARTUP_TIMEOUT = 240  # seconds; the budget of a first `make demo` is 5 minutes


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url, process, log):
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`ancrage demo` stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"`ancrage demo` did not answer in {STARTUP_TIMEOUT} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def demo():
    # A short path: the embedded server's Unix socket lives in this folder.
    var_dir = Path(tempfile.mkdtemp(prefix="ancrage-demo-"))
    log = var_dir / "demo.log"
    url = f"http://127.0.0.1:{free_port()}"
    env = {**os.environ, "ANCRAGE_VAR_DIR": str(var_dir)}
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "ancrage.cli", "demo", "--bind", url.removeprefix("http://")],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_up(url, process, log)
        yield url, log.read_text()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=60)
        shutil.rmtree(var_dir, ignore_errors=True)


def test_demo_serves_the_fifteen_clusters_with_working_logins(browser, demo):
    from django_otp.oath import totp

    url, printed = demo
    assert "equipe.neopolia@example.org" in printed
    assert data.DEMO_PASSWORD in printed

    context = browser.new_context(base_url=url, locale="fr-FR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/")
    assert "Démonstration : les personnes et les entreprises présentées sont fictives." in (
        page.locator("body").inner_text()
    )
    page.get_by_role("link", name="Découvrir les 15 clusters de la plateforme").click()
    page.wait_for_url("**/clusters/")
    assert page.locator("main").get_by_text("Neopolia", exact=True).count() >= 1
    # Hashed static files are served: Bootstrap's styles apply.
    assert page.evaluate("getComputedStyle(document.body).fontFamily") != "Times New Roman"

    page.goto("/compte/connexion/")
    page.get_by_label("Adresse électronique").fill("equipe.neopolia@example.org")
    page.get_by_label("Mot de passe", exact=True).fill(data.DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    code = f"{totp(bytes.fromhex(data.DEMO_TOTP_KEY_HEX)):06d}"
    page.get_by_label("Code à 6 chiffres ou code de secours").fill(code)
    page.get_by_role("button", name="Valider").click()
    assert page.locator("h1").inner_text() == "Neopolia"
    context.close()
