"""Shared fixtures: one strict build of the site per test session, a local
HTTP server for it (sending the built `_headers`), Debian's Chromium driven by
Playwright, and browser contexts that fail a test on any CSP violation."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.static_server import StaticServer

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def build_site(destination: Path, config_file: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` into `destination`; the caller checks the result."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)]
    if config_file is not None:
        command += ["--config-file", str(config_file)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` makes it from the committed sources."""
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    assert "WARNING" not in result.stderr, result.stderr
    return destination


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (ending in '/') of the built site served on 127.0.0.1."""
    with StaticServer(built_site) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless; Playwright cannot download its own browser here."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Browser tests need Debian's Chromium at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Pages report every Content-Security-Policy violation as a console error, so
# that one listener sees them together with Chromium's own CSP messages (which
# also cover the workers, where no init script runs).
CSP_VIOLATION_LISTENER = """
addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content Security Policy violation: ${event.effectiveDirective} blocked `
    + `${event.blockedURI || "inline code"} in ${event.sourceFile || location.href}:${event.lineNumber}`);
});
"""


def watch_csp(context: Any, found: list[str]) -> Any:
    """Make `context` append to `found` every CSP violation of its pages and workers."""

    def record(text: str) -> None:
        if "Content Security Policy" in text:
            found.append(text)

    context.add_init_script(CSP_VIOLATION_LISTENER)
    context.on("console", lambda message: record(message.text))
    context.on("weberror", lambda error: record(str(error.error)))
    return context


@pytest.fixture()
def new_context(browser: Any) -> Iterator[Callable[..., Any]]:
    """`browser.new_context` for browser tests: the test fails at teardown if any
    page or worker of its contexts met a Content-Security-Policy violation."""
    contexts: list[Any] = []
    violations: list[str] = []

    def make(**options: Any) -> Any:
        context = watch_csp(browser.new_context(**options), violations)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)
