"""Shared fixtures: one strict build of the site per configuration and test
session (shared by pytest-xdist's processes), a local HTTP server for it
(sending the built `_headers`), real nginx serving it with the generated
include, Debian's Chromium driven by Playwright, browser contexts that fail a
test on any CSP violation, and one live calculator page per module.

Tests import nothing from here: they ask for these fixtures by name, and
import shared helpers from `tests/support/`."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import calculator
from tests.support import nginx_server, site_builds
from tests.support.calculator_page import open_calculator, wait_for_result
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.csp_watch import fail_on_csp_violations, watch_csp
from tests.support.site_builds import build_site
from tests.support.static_server import StaticServer

# The engine checks are test functions kept in a support module (collected in
# test_firefox.py and test_webkit.py): let pytest explain their failures.
pytest.register_assert_rewrite("tests.support.engine_checks")


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


# Names the session's build folder for pytest-xdist's test processes, which
# inherit the environment of the process that starts them.
BUILDS_FOLDER_VARIABLE = "SITE_TESTS_BUILDS_FOLDER"


def _is_test_process() -> bool:
    """Whether this is one of pytest-xdist's test processes (not the one that runs the session)."""
    return bool(os.environ.get("PYTEST_XDIST_WORKER"))


def pytest_configure(config: pytest.Config) -> None:
    """One build folder for the whole session, shared by every process
    (`tests/support/site_builds.py`): the session's own process makes it before
    it starts any test process."""
    if not _is_test_process():
        os.environ[BUILDS_FOLDER_VARIABLE] = tempfile.mkdtemp(prefix="site-builds-")
    site_builds.set_cache_root(Path(os.environ[BUILDS_FOLDER_VARIABLE]))


def pytest_unconfigure(config: pytest.Config) -> None:
    """The session's own process removes the build folder once every test process has ended:
    each test got its own copy of the builds it asked for."""
    if not _is_test_process():
        shutil.rmtree(os.environ.pop(BUILDS_FOLDER_VARIABLE), ignore_errors=True)


def pytest_sessionstart(session: pytest.Session) -> None:
    """The process that runs the session starts building the committed site at
    once, in the background, before any test is even collected: a first build
    spends most of its time making the engine's brotli copy on one core, and
    nearly every test waits for it. pytest-xdist's test processes run at a lower
    CPU priority, so the tests that need no site (run first, see
    `pytest_collection_modifyitems`) never slow that copy down."""
    if _is_test_process():
        os.nice(WORKER_NICENESS)
        return
    site_builds.build_in_background()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A short run that needed no site ends without waiting for the build."""
    site_builds.stop_builds()


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


@pytest.fixture(scope="module")
def live_page(browser: Any, site_url: str) -> Iterator[Any]:
    """One live calculator for a module's tests that only type and read: a cold
    start costs about 5 s of CPU. Any CSP violation of its page or worker fails
    the module's last test."""
    violations: list[str] = []
    context = watch_csp(browser.new_context(viewport={"width": 1280, "height": 900}), violations)
    page = context.new_page()
    open_calculator(page, site_url)
    yield page
    context.close()
    fail_on_csp_violations(violations)


@pytest.fixture()
def example_page(live_page: Any) -> Any:
    """The module's live calculator, brought back to the example with its own reset button."""
    live_page.get_by_role("button", name="Återställ").click()
    wait_for_result(live_page, calculator.compute({}))
    return live_page
