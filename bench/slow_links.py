"""The calculator on slow and metered connections, emulated in Chromium.

Two questions, each on connections emulated with the Chrome DevTools
Protocol (`Network.emulateNetworkConditions`; a 4x CPU slowdown with
`Emulation.setCPUThrottlingRate` for the phone-like ones; Save-Data with
`Emulation.setDataSaverOverride`):

- a visitor who goes to the calculator: navigation (to the calculator's
  heading, as a share link does) -> first live result, and the bytes of
  the whole visit;
- a reader who never scrolls: the bytes the page makes them download, in
  total and for the engine, once the page has settled (past the idle
  prefetch a fast connection gets).

Bytes are response bodies as transferred (compressed where the server
compressed them), the worker's requests included. The CPU slowdown reaches
the page's main thread only: Chromium refuses `setCPUThrottlingRate` for a
worker target ("only supported for pages"), so Pyodide's boot in the worker
runs at this machine's speed; on a real phone that boot (about 1 s here)
takes a few seconds more than these numbers show.

Used by `bench_browser.py` (`make bench`); `bench/slow_links.py SITE_DIR`
measures an existing build alone, for before/after comparisons: made by
`SITE_PREVIEW=1 .venv/bin/mkdocs build --site-dir SITE_DIR` (with the
committed example settings a publishing build stops), which records its
engine files beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, sync_playwright

from sitebuild import asset_manifest
from sitebuild.asset_manifest import AssetManifest
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.connections import FAST, ONE_MBIT, SAVE_DATA, SLOW_4G, Connection
from tests.support.static_server import StaticServer

LIVE_MARK = "calculator-live-result"
# Past the page's idle prefetch (requestIdleCallback with a 5 s timeout).
SETTLE_MS = 8000
READER_CONNECTIONS = (FAST, SLOW_4G, ONE_MBIT, SAVE_DATA)
LIVE_CONNECTIONS = (SLOW_4G, ONE_MBIT)


def open_page(browser: Browser, connection: Connection, url: str) -> tuple[Any, Page, list[tuple[str, int]]]:
    """A fresh context (cold cache) on `connection` at `url`, recording response sizes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    sizes: list[tuple[str, int]] = []
    context.on("requestfinished", lambda request: sizes.append(
        (request.url, max(0, request.sizes()["responseBodySize"]))))
    page = context.new_page()
    connection.emulate(context, page)
    page.goto(url, timeout=120_000)
    return context, page, sizes


def visit_calculator(browser: Browser, site_url: str, connection: Connection) -> dict[str, float]:
    """Navigation to the calculator -> first result computed in the browser, in
    seconds, and the bytes of the whole visit once the page has settled."""
    context, page, sizes = open_page(browser, connection, site_url + "#kalkylator")
    page.wait_for_function(f"() => performance.getEntriesByName({LIVE_MARK!r}).length > 0", timeout=300_000)
    seconds = page.evaluate(f"performance.getEntriesByName({LIVE_MARK!r})[0].startTime") / 1000
    page.wait_for_load_state("networkidle")
    context.close()
    return {"seconds": round(seconds, 1), "bytes": sum(size for _, size in sizes)}


def reader_bytes(browser: Browser, site_url: str, connection: Connection, assets: AssetManifest) -> dict[str, int]:
    """What a reader who stays at the top of the article downloads: total and
    engine bytes (the worker and its downloads, where the build recorded them)."""
    context, page, sizes = open_page(browser, connection, site_url)
    page.wait_for_load_state("networkidle", timeout=120_000)
    page.wait_for_timeout(SETTLE_MS)
    page.wait_for_load_state("networkidle", timeout=300_000)
    context.close()
    engine_paths = {"/" + asset.path for asset in (*assets.downloads, assets.worker)}
    engine = sum(size for url, size in sizes if urlsplit(url).path in engine_paths)
    return {"total": sum(size for _, size in sizes), "engine": engine}


def measure(browser: Browser, site_url: str, assets: AssetManifest) -> dict[str, Any]:
    return {
        "visit_calculator": {c.label: visit_calculator(browser, site_url, c) for c in LIVE_CONNECTIONS},
        "reader_bytes": {c.label: reader_bytes(browser, site_url, c, assets) for c in READER_CONNECTIONS},
    }


def print_report(report: dict[str, Any]) -> None:
    print("navigation to the calculator -> first live result, and the visit's bytes (cold cache):")
    for label, visit in report["visit_calculator"].items():
        print(f"  {label:40}{visit['seconds']:>8.1f} s{visit['bytes'] / 1e6:>8.2f} MB")
    print("a reader who never scrolls downloads (total / of it the calculator's engine):")
    for label, sizes in report["reader_bytes"].items():
        print(f"  {label:40}{sizes['total'] / 1e6:>8.2f} MB{sizes['engine'] / 1e6:>8.2f} MB")


def main() -> None:
    site = Path(sys.argv[1])
    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print_report(measure(browser, server.url, asset_manifest.read(site)))
        browser.close()


if __name__ == "__main__":
    main()
