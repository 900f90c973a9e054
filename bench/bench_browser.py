"""How fast the calculator gets going in a real browser, next to its floor.

Builds the site, serves it on 127.0.0.1 (with the site's own headers, as the
tests do) and drives Debian's Chromium:

- navigation -> first live (Pyodide-computed) result, median of 5, cold and
  warm cache, next to a floor page that does nothing but boot stock Pyodide
  (the whole standard library) in a module worker, measured in the same run;
- the same on an emulated mobile connection (10 Mbit/s down, 40 ms latency,
  Chrome DevTools Protocol network emulation), where bytes dominate;
- when the first calculator byte is requested, next to first paint and the
  load event (nothing of Pyodide may come before the page has painted);
- one edit -> updated DOM, p50 and p95 over 100 edits;
- bytes transferred before the calculator starts, and in total;
- memory: the renderer process that runs the page and its worker after the
  edits, next to the floor page's, the article's without its engine (a
  Save-Data reader at the top of the page) and a blank page's, which
  together explain it (page + engine − blank, against floor − blank);
- slow and metered connections (`slow_links.py`): time to live at slow 4G
  and 1.0 Mbit/s with a 4x slower CPU, and the bytes a reader who never
  scrolls downloads, per connection type.

The page is opened at the calculator's heading (`#kalkylator`), as a visitor
who goes to the calculator: on a connection the browser does not know to be
fast, the engine waits until the calculator comes near the viewport.

Run: `make bench`. Prints a table; writes bench/results/browser.json.
`bench/bench_browser.py SITE_DIR` measures an existing build instead, for
before/after comparisons with an older commit's `site/`.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, BrowserContext, sync_playwright

from bench import slow_links
from bench.report_file import save_report
from sitebuild import asset_manifest, nginx_conf
from sitebuild.asset_manifest import AssetManifest
from sitebuild.pyodide_runtime import STDLIB_ARCHIVE, locate
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.connections import SAVE_DATA, Connection
from tests.support.site_builds import build_site
from tests.support.static_server import StaticServer

RUNS = 5
EDITS = 100
# Edits start this long after the first live result. Right after it, V8 is
# still optimising Pyodide's 9.6 MB of WebAssembly on background threads,
# and on a 2-core machine that competes with the edits; a visitor reads the
# numbers before typing.
SETTLE_MS = 3000
LIVE_MARK = slow_links.LIVE_MARK
FLOOR_MARK = "floor-ready"
MOBILE = {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 10e6 / 8}

FLOOR_PAGE = """<!doctype html><html lang="sv"><meta charset="utf-8"><title>Golv</title>
<p>Startar bara Pyodide i en modul-worker.</p>
<script type="module" src="floor.mjs"></script></html>
"""
FLOOR_SCRIPT = """const worker = new Worker("floor-worker.mjs", {type: "module"});
worker.onmessage = () => performance.mark("%s");
worker.postMessage(new URL("%s", location.href).href);
"""
FLOOR_WORKER = """self.onmessage = async ({data: indexURL}) => {
  const {loadPyodide} = await import(indexURL + "pyodide.mjs");
  await loadPyodide({indexURL, packageBaseUrl: indexURL});
  self.postMessage("ready");
};
"""


@dataclass
class Run:
    """One navigation: milliseconds to the mark, and bytes by phase."""

    ms: float
    bytes_before_calculator: int
    bytes_total: int
    first_calculator_request_ms: float | None = None
    first_paint_ms: float | None = None
    load_event_ms: float | None = None


def write_floor(site: Path, assets: AssetManifest) -> None:
    """The floor page, its worker, and stock Pyodide's whole standard library
    in the runtime folder the build recorded; and the floor page without its
    script, the renderer's own floor."""
    (site / "floor.html").write_text(FLOOR_PAGE, encoding="utf-8")
    (site / "blank.html").write_text(FLOOR_PAGE.replace('<script type="module" src="floor.mjs"></script>', ""),
                                     encoding="utf-8")
    (site / "floor.mjs").write_text(FLOOR_SCRIPT % (FLOOR_MARK, assets.runtime_folder), encoding="utf-8")
    (site / "floor-worker.mjs").write_text(FLOOR_WORKER, encoding="utf-8")
    shutil.copy(locate(ROOT).package_dir / STDLIB_ARCHIVE, site / assets.runtime_folder / STDLIB_ARCHIVE)


def new_context(browser: Browser, mobile: bool) -> BrowserContext:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.mobile = mobile
    return context


def visit(context: BrowserContext, url: str, mark: str) -> Run:
    """Open `url` in a new tab of `context` and wait for `mark`."""
    sizes: list[tuple[str, int]] = []

    def record(request: Any) -> None:
        sizes.append((request.url, max(0, request.sizes()["responseBodySize"])))  # -1: from cache

    context.on("requestfinished", record)  # the context sees the worker's requests too
    page = context.new_page()
    if context.mobile:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", MOBILE)
    page.goto(url)
    page.wait_for_function(f"() => performance.getEntriesByName({mark!r}).length > 0", timeout=180_000)
    timings = page.evaluate(
        """(mark) => ({
          ms: performance.getEntriesByName(mark)[0].startTime,
          calculator: performance.getEntriesByType("resource")
            .find(entry => entry.name.includes("calculator-worker"))?.startTime ?? null,
          paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
          load: performance.getEntriesByType("navigation")[0]?.loadEventEnd ?? null,
        })""",
        mark,
    )
    page.wait_for_load_state("networkidle")
    page.close()
    context.remove_listener("requestfinished", record)
    worker_index = next((i for i, (u, _) in enumerate(sizes) if "calculator-worker" in u), len(sizes))
    return Run(
        ms=timings["ms"],
        bytes_before_calculator=sum(size for _, size in sizes[:worker_index]),
        bytes_total=sum(size for _, size in sizes),
        first_calculator_request_ms=timings["calculator"],
        first_paint_ms=timings["paint"],
        load_event_ms=timings["load"],
    )


def cold(browser: Browser, url: str, mark: str, mobile: bool = False) -> list[Run]:
    """RUNS navigations, each in a fresh context: an empty cache every time."""
    runs = []
    for _ in range(RUNS):
        context = new_context(browser, mobile)
        runs.append(visit(context, url, mark))
        context.close()
    return runs


def warm(browser: Browser, url: str, mark: str, mobile: bool = False) -> list[Run]:
    """RUNS navigations in one context after a first visit filled its cache."""
    context = new_context(browser, mobile)
    visit(context, url, mark)
    runs = [visit(context, url, mark) for _ in range(RUNS)]
    context.close()
    return runs


def edit_latencies(browser: Browser, url: str) -> tuple[dict[str, list[float]], int, int]:
    """Milliseconds from an input event to the saving slot changing, over EDITS edits
    made back to back (each waits for the previous one's page to be drawn too)
    and EDITS edits one frame apart (the previous result drawn first, as when a
    visitor types: even fast typing leaves 100 ms between keys); and the
    renderer's memory once they are done, before and after a garbage
    collection of the page (the edits leave tens of MB of the page's garbage
    that V8 has not collected yet)."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(f"() => performance.getEntriesByName({LIVE_MARK!r}).length > 0", timeout=90_000)
    page.wait_for_timeout(SETTLE_MS)
    latencies = {spacing: page.evaluate(
        """async ([edits, spaced]) => {
      const input = document.querySelector("[data-calculator] input[name=users]");
      const slot = document.querySelector("[data-calculator] .calc__saving");
      const out = [];
      for (let i = 0; i < edits; i++) {
        const changed = new Promise((resolve) => {
          const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
          observer.observe(slot, {childList: true, characterData: true, subtree: true});
          setTimeout(() => { observer.disconnect(); resolve(NaN); }, 5000);  // reported, never hangs
        });
        const start = performance.now();
        // 5 000 more users is one more Elixir server: the saving always changes,
        // and the page only touches text that changes.
        input.value = String(10000 + 5000 * (i + 1));
        input.dispatchEvent(new Event("input", {bubbles: true}));
        out.push((await changed) - start);
        // One frame apart: the next edit once the frame that draws this one is done.
        if (spaced) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
      return out;
    }""",
        [EDITS, spacing == "spaced"],
    ) for spacing in ("back_to_back", "spaced")}
    memory = renderer_memory(browser)
    cdp = context.new_cdp_session(page)
    cdp.send("HeapProfiler.enable")
    cdp.send("HeapProfiler.collectGarbage")
    page.wait_for_timeout(1000)
    collected = renderer_memory(browser)
    context.close()
    return latencies, memory, collected


def renderer_memory(browser: Browser) -> int:
    """Resident memory (bytes) of the page's renderer process: the page and its worker.

    Pyodide keeps its WebAssembly memory in the worker's module scope, out of
    reach of evaluation, and asking DevTools for it by prototype crashes the
    renderer; so this reads the whole process from /proc, for the site and the
    floor alike. The page's renderer is the busiest one that is not the
    browser's own user interface (`--top-chrome-webui`, about 160 MB, which
    a blank page would otherwise be mistaken for)."""
    cdp = browser.new_browser_cdp_session()
    processes = cdp.send("SystemInfo.getProcessInfo")["processInfo"]
    cdp.detach()
    renderers = [p for p in processes if p["type"] == "renderer"
                 and b"--top-chrome-webui" not in Path(f"/proc/{p['id']}/cmdline").read_bytes()]
    renderer = max(renderers, key=lambda p: p["cpuTime"])
    status = Path(f"/proc/{renderer['id']}/status").read_text(encoding="utf-8")
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(kilobytes) * 1024


def separate_renderer_memory(playwright: Any, url: str, ready: str, connection: Connection | None = None) -> int:
    """The same measure for one page alone, in a browser of its own, once `ready`
    (a JavaScript expression) holds: the floor page, or the article without its engine."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    context = browser.new_context()
    page = context.new_page()
    if connection is not None:
        connection.emulate(context, page)
    page.goto(url)
    page.wait_for_function(ready, timeout=90_000)
    page.wait_for_load_state("networkidle")
    memory = renderer_memory(browser)
    browser.close()
    return memory


def percentile(values: list[float], fraction: float) -> float:
    if any(value != value for value in values):  # NaN: an edit that never reached the page
        raise RuntimeError("an edit did not update the saving within 5 s")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def median_ms(runs: list[Run]) -> float:
    return statistics.median(run.ms for run in runs)


def measure(prebuilt: Path | None) -> dict[str, Any]:
    """Build the site (or copy `prebuilt`, e.g. an older build to compare) and measure it."""
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        if prebuilt is not None:
            shutil.copytree(prebuilt, site, dirs_exist_ok=True)
        elif (result := build_site(site)).returncode != 0:
            sys.exit(f"mkdocs build failed:\n{result.stderr}")
        assets = asset_manifest.read(prebuilt if prebuilt is not None else site)
        write_floor(site, assets)
        with StaticServer(site) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page_url, floor_url = server.url + "#kalkylator", server.url + "floor.html"
            runs = {
                "local_cold": (cold(browser, page_url, LIVE_MARK), cold(browser, floor_url, FLOOR_MARK)),
                "local_warm": (warm(browser, page_url, LIVE_MARK), warm(browser, floor_url, FLOOR_MARK)),
                "mobile_cold": (
                    cold(browser, page_url, LIVE_MARK, mobile=True),
                    cold(browser, floor_url, FLOOR_MARK, mobile=True),
                ),
            }
            edits, memory, collected_memory = edit_latencies(browser, page_url)
            slow = slow_links.measure(browser, server.url, assets)
            browser.close()
            floor_memory = separate_renderer_memory(
                playwright, floor_url, f"() => performance.getEntriesByName({FLOOR_MARK!r}).length > 0")
            blank_memory = separate_renderer_memory(
                playwright, server.url + "blank.html", "() => document.readyState === 'complete'")
            # The article at its top with Save-Data: the page never starts its engine.
            page_only_memory = separate_renderer_memory(
                playwright, server.url, "() => document.readyState === 'complete'", SAVE_DATA)
    finally:
        shutil.rmtree(site, ignore_errors=True)
        for beside in (asset_manifest.path_for(site), nginx_conf.path_for(site)):
            beside.unlink(missing_ok=True)

    report: dict[str, Any] = {"runs": RUNS, "edits": EDITS}
    for name, (page_runs, floor_runs) in runs.items():
        report[name] = {
            "first_live_result_ms": round(median_ms(page_runs)),
            "floor_ms": round(median_ms(floor_runs)),
            "ratio_to_floor": round(median_ms(page_runs) / median_ms(floor_runs), 3),
            "bytes_total": page_runs[-1].bytes_total,
            "floor_bytes_total": floor_runs[-1].bytes_total,
        }
    first = runs["local_cold"][0][-1]
    report["bytes_before_calculator_starts"] = first.bytes_before_calculator
    report["first_calculator_request_ms"] = round(first.first_calculator_request_ms or 0)
    report["first_contentful_paint_ms"] = round(first.first_paint_ms or 0)
    report["load_event_end_ms"] = round(first.load_event_ms or 0)
    for spacing, latencies in edits.items():
        report[f"edit_to_dom_ms_p50_{spacing}"] = round(percentile(latencies, 0.50), 2)
        report[f"edit_to_dom_ms_p95_{spacing}"] = round(percentile(latencies, 0.95), 2)
    report["renderer_memory_bytes"] = memory
    report["renderer_memory_after_gc_bytes"] = collected_memory
    report["floor_renderer_memory_bytes"] = floor_memory
    report["page_without_engine_renderer_memory_bytes"] = page_only_memory
    report["blank_page_renderer_memory_bytes"] = blank_memory
    report["slow_links"] = slow
    return report


def print_report(report: dict[str, Any]) -> None:
    print(f"{'':34}{'page ms':>10}{'floor ms':>10}{'ratio':>8}{'page MB':>9}{'floor MB':>10}")
    for name, label in (("local_cold", "127.0.0.1, cold cache"), ("local_warm", "127.0.0.1, warm cache"),
                        ("mobile_cold", "10 Mbit/s + 40 ms, cold cache")):
        row = report[name]
        print(f"{label:34}{row['first_live_result_ms']:>10}{row['floor_ms']:>10}{row['ratio_to_floor']:>8.2f}"
              f"{row['bytes_total'] / 1e6:>9.2f}{row['floor_bytes_total'] / 1e6:>10.2f}")
    print(f"(navigation -> first live result vs. floor Pyodide ready; median of {report['runs']})")
    print(f"first paint / load event / first calculator request: {report['first_contentful_paint_ms']} / "
          f"{report['load_event_end_ms']} / {report['first_calculator_request_ms']} ms")
    print(f"bytes before the calculator starts: {report['bytes_before_calculator_starts'] / 1e6:.2f} MB")
    print(f"one edit -> updated DOM, p50 / p95 over {report['edits']} edits: "
          f"one frame apart {report['edit_to_dom_ms_p50_spaced']:.2f} / {report['edit_to_dom_ms_p95_spaced']:.2f} ms, "
          f"back to back {report['edit_to_dom_ms_p50_back_to_back']:.2f} / "
          f"{report['edit_to_dom_ms_p95_back_to_back']:.2f} ms")
    print(f"renderer memory (page + worker) after the edits: {report['renderer_memory_bytes'] / 1e6:.0f} MB, "
          f"{report['renderer_memory_after_gc_bytes'] / 1e6:.0f} MB once the page's garbage is collected "
          f"(floor, stock Pyodide alone: {report['floor_renderer_memory_bytes'] / 1e6:.0f} MB; "
          f"the article without its engine: {report['page_without_engine_renderer_memory_bytes'] / 1e6:.0f} MB; "
          f"a blank page: {report['blank_page_renderer_memory_bytes'] / 1e6:.0f} MB)")
    slow_links.print_report(report["slow_links"])


def main() -> None:
    report = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print_report(report)
    save_report("browser", report)


if __name__ == "__main__":
    main()
