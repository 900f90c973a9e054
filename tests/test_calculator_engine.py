"""The engine in real visits: a slow phone, a metered reader, a dead worker.

The connection and the CPU are emulated with the Chrome DevTools Protocol
(bench/slow_links.py measures the same visits and prints the times and bytes).

The slow phone's visit takes about 40 s, nearly all of it waiting for the
network: it starts with this module and goes on in its own browser context
while the module's other tests run, and the last test checks what it showed.
The module's tests therefore stay on one test process, in file order.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

import calculator
from sitebuild import asset_manifest
from tests.support.calculator_page import READY, READY_TIMEOUT_MS, fill, open_calculator, wait_for_result
from tests.support.connections import FAST, ONE_MBIT, SAVE_DATA, Connection
from tests.support.csp_watch import watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("engine")]

LIVE_REGIONS = "[aria-live], [role=status], [role=alert]"
BYTES = re.compile(r"^\d+,\d av \d+,\d\u00a0MB$")

# Records every text the byte counter shows, and every time aria-busy is set
# on an element that holds a live region.
WATCH_LOADING = """
window.__progressTexts = [];
window.__busyLiveRegions = 0;
new MutationObserver((records) => {
  for (const record of records) {
    const target = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
    if (target?.closest?.("[data-calc-progress-text]")) window.__progressTexts.push(target.textContent);
    if (record.attributeName === "aria-busy" && target.getAttribute("aria-busy") === "true"
        && target.querySelector(__LIVE_REGIONS__)) window.__busyLiveRegions += 1;
  }
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true,
                      attributeFilter: ["aria-busy"]});
""".replace("__LIVE_REGIONS__", json.dumps(LIVE_REGIONS))


@pytest.fixture(scope="module", autouse=True)
def slow_phone(site_url: str, browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A visit on 1.0 Mbit/s, 150 ms and 4x CPU, started when the module's first
    test starts (it is checked by the module's last test), with the CSP
    violations of its page and worker."""
    violations: list[str] = []
    context = watch_csp(browser.new_context(viewport={"width": 1280, "height": 900}), violations)
    page = context.new_page()
    page.add_init_script(WATCH_LOADING)
    ONE_MBIT.emulate(context, page)
    page.goto(site_url + "#kalkylator", wait_until="commit", timeout=120_000)
    yield page, violations
    context.close()


@pytest.mark.parametrize(("connection", "prefetch"), [(SAVE_DATA, False), (FAST, True)])
def test_only_a_fast_connection_fetches_the_engine_for_a_reader_who_never_scrolls(
    built_site: Path, site_url: str, new_context: Any, connection: Connection, prefetch: bool
) -> None:
    assets = asset_manifest.read(built_site)
    engine_paths = {"/" + asset.path for asset in (assets.worker, *assets.downloads)}
    context = new_context(viewport={"width": 1280, "height": 900})
    engine_requests: list[str] = []
    context.on("request", lambda request: urlsplit(request.url).path in engine_paths
               and engine_requests.append(request.url))
    page = context.new_page()
    connection.emulate(context, page)
    page.clock.install()  # the page's timers and idle callbacks, which run_for can fast-forward
    page.goto(site_url)
    if prefetch:
        page.wait_for_function("() => document.querySelector('[data-calculator][data-live]')", timeout=READY_TIMEOUT_MS)
        return
    page.wait_for_load_state("networkidle")
    page.clock.run_for(6000)  # past the idle prefetch's 5 s timeout
    page.wait_for_load_state("networkidle")  # whatever that started has been asked for
    assert engine_requests == []
    page.locator("#kalkylator").scroll_into_view_if_needed()  # coming near starts it
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)


# A worker closed from inside, as a crash would end it: it sends no event at
# all. And a worker whose Python is broken: it answers every call with an error.
CLOSE = "self.close()"
BREAK = "void (self.onmessage = ({data}) => self.postMessage({type: 'reply', id: data.id, error: 'RuntimeError'}))"


def kill_engine(page: Any, how: str = CLOSE) -> None:
    (worker,) = [worker for worker in page.workers if "calculator-worker" in worker.url]
    with contextlib.suppress(PlaywrightError):  # the worker may be gone before it answers
        worker.evaluate(how)


@pytest.mark.parametrize("how", [CLOSE, BREAK], ids=["closed", "broken"])
def test_a_dead_worker_is_restarted_and_the_edit_is_computed(
    site_url: str, page: Any, context: Any, how: str
) -> None:
    """The unanswered call (10 s, on the page's fake clock here) or the error
    tells the engine, which starts again by itself."""
    page.clock.install()
    open_calculator(page, site_url)
    kill_engine(page, how)
    fill(page, {"users": "30000"})
    page.clock.run_for(11_000)
    wait_for_result(page, calculator.compute({"users": "30000"}), READY_TIMEOUT_MS)
    status = page.locator("[data-calc-status]")
    assert status.get_attribute("role") == "status", "the recovery is announced"
    assert status.text_content() == "Kalkylatorn är igång igen och har räknat om dina värden."
    assert context.recorder.page_errors == [], "every promise is handled"
    (worker,) = [worker for worker in page.workers if "calculator-worker" in worker.url]
    transferred = worker.evaluate("performance.getEntriesByType('resource').map(e => [e.name, e.transferSize])")
    assert len(transferred) >= 5 and all(size == 0 for _, size in transferred), "the new engine loads from the cache"


def test_a_restart_that_fails_shows_the_message_and_retry_works(site_url: str, page: Any, context: Any) -> None:
    page.clock.install()
    open_calculator(page, site_url)
    page.route(re.compile(r".*calculator-worker\.mjs$"), lambda route: route.abort())
    kill_engine(page)
    fill(page, {"users": "30000"})
    page.clock.run_for(11_000)
    retry = page.get_by_role("button", name="Försök igen")
    retry.wait_for(state="visible", timeout=READY_TIMEOUT_MS)
    assert "kunde inte laddas" in (page.locator("[data-calc-status][role=status]").text_content() or "")
    page.unroute(re.compile(r".*calculator-worker\.mjs$"))
    retry.click()
    wait_for_result(page, calculator.compute({"users": "30000"}), READY_TIMEOUT_MS)
    assert context.recorder.page_errors == []


def test_refused_webassembly_fails_at_once_without_downloading_the_runtime(site_url: str, browser: Any) -> None:
    """A worker policy without 'wasm-unsafe-eval' (Pyodide would wait forever):
    the worker's probe fails before any download. The page's clock stands
    still, so the stall rule cannot be what ends the load. The violation is
    the point here, so this context records violations instead of failing."""
    violations: list[str] = []
    context = watch_csp(browser.new_context(), violations)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))

    def strip_wasm(route: Any) -> None:
        response = route.fetch()
        headers = dict(response.headers)
        headers["content-security-policy"] = headers["content-security-policy"].replace(" 'wasm-unsafe-eval'", "")
        route.fulfill(response=response, headers=headers)

    page = context.new_page()
    page.route(re.compile(r".*/calculator-worker\.mjs$"), strip_wasm)
    page.clock.install(time=0)
    page.clock.pause_at(1000)
    page.goto(site_url + "#kalkylator")
    page.get_by_role("button", name="Försök igen").wait_for(state="visible", timeout=READY_TIMEOUT_MS)
    assert "kunde inte laddas" in (page.locator("[data-calc-status][role=status]").text_content() or "")
    assert not any(url.endswith(".wasm") for url in requests)
    assert any("WebAssembly" in text for text in violations), violations
    context.close()


def test_a_slow_phone_at_1_mbit_goes_live_showing_bytes(slow_phone: tuple[Any, list[str]]) -> None:
    """1.0 Mbit/s, 150 ms and 4x CPU: about 40 s here, past the old 30 s deadline."""
    page, violations = slow_phone
    page.wait_for_selector(READY, state="attached", timeout=240_000)
    texts = page.evaluate("window.__progressTexts")
    assert any(BYTES.match(text) for text in texts), texts
    assert page.evaluate("window.__busyLiveRegions") == 0
    assert page.locator("[data-calc-progress-text]").is_hidden()
    assert violations == []
