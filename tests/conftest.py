"""Shared fixtures: one strict build of the site per configuration and test
session (shared by pytest-xdist's processes), a local HTTP server for it
(sending the built `_headers`), real nginx serving it with the generated
include, Debian's Chromium driven by Playwright, and browser contexts that
fail a test on any CSP violation."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import nginx_server, site_builds
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.site_builds import build_site
from tests.support.static_server import StaticServer

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "REPO", "build_site", "fail_on_csp_violations", "watch_csp"]

# The engine checks are test functions kept in a support module (collected in
# test_firefox.py and test_webkit.py): let pytest explain their failures.
pytest.register_assert_rewrite("tests.support.engine_checks")

REPO = Path(__file__).resolve().parent.parent


# Fixtures that start a browser: tests using them are `browser` tests, which
# `make test-fast` leaves out.
BROWSER_FIXTURES = {"browser", "new_context", "page", "context", "visit"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the browser tests and schedule. A first build spends most of its time
    on one core making the engine's brotli copy, and every complete build waits
    for that copy; so first come the tests that need no complete build (they run
    while the committed site builds in the background, see `pytest_sessionstart`),
    then the other tests without a browser (those that use the committed site,
    or build one of their own, marked `complete_build`), then the grouped tests
    (the engine visits and the engine module, the longest pieces of work, each
    group kept on one process by its `xdist_group`), so that they do not start
    last and leave one process working alone at the end, then the other
    browser tests."""
    for item in items:
        if BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)

    def order(item: pytest.Item) -> int:
        if item.get_closest_marker("browser") is None:
            completes_a_build = "built_site" in getattr(item, "fixturenames", ()) or item.get_closest_marker(
                "complete_build"
            )
            return 1 if completes_a_build else 0
        return 2 if item.get_closest_marker("xdist_group") is not None else 3

    items.sort(key=order)


# How much lower the test processes' CPU priority is than the session's own
# process, which builds the committed site (see `pytest_sessionstart`).
WORKER_NICENESS = 5


def _builds_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session's builds are shared: under pytest-xdist the worker
    processes' temporary folders lie inside the controlling process's one."""
    base = tmp_path_factory.getbasetemp()
    return (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "site-builds"


def pytest_sessionstart(session: pytest.Session) -> None:
    """The process that runs the session starts building the committed site at
    once, in the background, before any test is even collected: a first build
    spends most of its time making the engine's brotli copy on one core, and
    nearly every test waits for it. pytest-xdist's test processes run at a lower
    CPU priority, so the tests that need no site (run first, see
    `pytest_collection_modifyitems`) never slow that copy down."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        os.nice(WORKER_NICENESS)
        return
    # The session's own temporary-path factory, the one xdist places its workers' folders with.
    site_builds.set_cache_root(_builds_folder(session.config._tmp_path_factory))
    site_builds.build_in_background()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A short run that needed no site ends without waiting for the build."""
    site_builds.stop_builds()


@pytest.fixture(scope="session", autouse=True)
def shared_builds(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One build per configuration for the whole session, shared by every process
    through one folder (`tests/support/site_builds.py`)."""
    site_builds.set_cache_root(_builds_folder(tmp_path_factory))


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
def nginx_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL (ending in '/') of the built site served by real nginx with the build's include."""
    missing = nginx_server.available()
    if missing:
        pytest.skip(missing)
    with nginx_server.NginxServer(built_site, tmp_path_factory.mktemp("nginx")) as server:
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
    fail_on_csp_violations(violations)


def fail_on_csp_violations(violations: list[str]) -> None:
    """Fail the test (or, from a fixture's teardown, the last test using it) naming each violation."""
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)


class Recorder:
    """What a page did that a test may assert on: requests, console errors, dialogs."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []


# The browser tests' page: a fresh context (cold cache) that records what a
# test may assert on. Shared by every browser test file that does not define
# its own `page`.
@pytest.fixture()
def context(new_context: Any) -> Iterator[Any]:
    """A fresh browser context (cold cache) that records every request, the worker's included,
    and fails the test on any CSP violation (conftest's `new_context`)."""
    context = new_context(viewport={"width": 1280, "height": 900})
    context.recorder = Recorder()
    context.on("request", lambda request: context.recorder.requests.append(request.url))
    yield context
    context.close()


@pytest.fixture()
def page(context: Any) -> Any:
    page = context.new_page()
    recorder: Recorder = context.recorder
    page.on("console", lambda message: message.type == "error" and recorder.console_errors.append(message.text))
    page.on("pageerror", lambda error: recorder.page_errors.append(str(error)))

    def dismiss(dialog: Any) -> None:
        recorder.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return page
