"""How fast the calculator gets going in a real browser, next to its floor.

Builds the site, serves it on 127.0.0.1 and drives Debian's Chromium:

- navigation -> first live (Pyodide-computed) result, cold cache, median of 5,
  next to a floor page that does nothing but boot the same self-hosted Pyodide
  in a module worker (so the ratio shows what the calculator adds);
- one edit -> updated DOM, p50 and p95 over 100 edits;
- bytes transferred before the calculator starts, and in total.

Run: `make bench`. Prints a table; writes bench/results/browser.json.
"""

from __future__ import annotations

import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from sitebuild.pyodide_runtime import locate  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, build_site  # noqa: E402
from tests.support.static_server import StaticServer  # noqa: E402

RUNS = 5
EDITS = 100
LIVE_MARK = "calculator-live-result"
FLOOR_MARK = "floor-ready"

FLOOR_PAGE = """<!doctype html><html lang="sv"><meta charset="utf-8"><title>Golv</title>
<p>Startar bara Pyodide i en modul-worker.</p>
<script type="module">
const worker = new Worker("floor-worker.mjs", {type: "module"});
worker.onmessage = () => performance.mark("%s");
worker.postMessage(new URL("%s", location.href).href);
</script></html>
"""
FLOOR_WORKER = """self.onmessage = async ({data: indexURL}) => {
  const {loadPyodide} = await import(indexURL + "pyodide.mjs");
  await loadPyodide({indexURL, packageBaseUrl: indexURL});
  self.postMessage("ready");
};
"""


def write_floor(site: Path) -> None:
    folder = locate(ROOT).site_folder
    (site / "floor.html").write_text(FLOOR_PAGE % (FLOOR_MARK, folder), encoding="utf-8")
    (site / "floor-worker.mjs").write_text(FLOOR_WORKER, encoding="utf-8")


def mark_time(page: Any, name: str) -> float:
    page.wait_for_function(f"() => performance.getEntriesByName({name!r}).length > 0", timeout=90_000)
    return page.evaluate(f"performance.getEntriesByName({name!r})[0].startTime")


def cold_run(browser: Browser, url: str, mark: str) -> tuple[float, dict[str, int]]:
    """One navigation in a fresh context (empty cache): time to `mark` and bytes by phase."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    sizes: list[tuple[str, int]] = []
    context.on("requestfinished", lambda request: sizes.append((request.url, request.sizes()["responseBodySize"])))
    page = context.new_page()
    page.goto(url)
    elapsed = mark_time(page, mark)
    page.wait_for_load_state("networkidle")
    context.close()
    worker_index = next((i for i, (u, _) in enumerate(sizes) if "calculator-worker" in u), len(sizes))
    return elapsed, {
        "before_calculator": sum(size for _, size in sizes[:worker_index]),
        "total": sum(size for _, size in sizes),
    }


def edit_latencies(browser: Browser, url: str) -> list[float]:
    """Milliseconds from an input event to the saving slot changing, over EDITS edits."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    mark_time(page, LIVE_MARK)
    latencies = page.evaluate(
        """async (edits) => {
      const input = document.querySelector("[data-calculator] input[name=users]");
      const slot = document.querySelector("[data-calculator] [data-out='saving.monthly_text']");
      const out = [];
      for (let i = 0; i < edits; i++) {
        const changed = new Promise((resolve) => {
          const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
          observer.observe(slot, {childList: true, characterData: true, subtree: true});
        });
        const start = performance.now();
        input.value = String(10000 + 1000 * (i + 1));
        input.dispatchEvent(new Event("input", {bubbles: true}));
        out.push((await changed) - start);
      }
      return out;
    }""",
        EDITS,
    )
    context.close()
    return latencies


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    try:
        result = build_site(site)
        if result.returncode != 0:
            sys.exit(f"mkdocs build failed:\n{result.stderr}")
        write_floor(site)
        with StaticServer(site) as server, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            floor_runs = [cold_run(browser, server.url + "floor.html", FLOOR_MARK) for _ in range(RUNS)]
            site_runs = [cold_run(browser, server.url, LIVE_MARK) for _ in range(RUNS)]
            edits = edit_latencies(browser, server.url)
            browser.close()
    finally:
        shutil.rmtree(site, ignore_errors=True)

    floor_ms = statistics.median(time for time, _ in floor_runs)
    site_ms = statistics.median(time for time, _ in site_runs)
    bytes_phase = site_runs[-1][1]
    report = {
        "first_live_result_ms_median": round(site_ms),
        "floor_pyodide_ready_ms_median": round(floor_ms),
        "ratio_to_floor": round(site_ms / floor_ms, 3),
        "edit_to_dom_ms_p50": round(percentile(edits, 0.50), 2),
        "edit_to_dom_ms_p95": round(percentile(edits, 0.95), 2),
        "bytes_before_calculator_starts": bytes_phase["before_calculator"],
        "bytes_total": bytes_phase["total"],
        "runs": RUNS,
        "edits": EDITS,
    }
    print(f"{'navigation -> first live result (cold, median of %d)' % RUNS:58} {site_ms:8.0f} ms")
    print(f"{'floor: bare page booting Pyodide in a worker':58} {floor_ms:8.0f} ms")
    print(f"{'ratio to floor':58} {site_ms / floor_ms:8.2f} x")
    print(f"{'one edit -> updated DOM, p50 / p95 (%d edits)' % EDITS:58} "
          f"{report['edit_to_dom_ms_p50']:6.2f} / {report['edit_to_dom_ms_p95']:.2f} ms")
    print(f"{'bytes before the calculator starts':58} {bytes_phase['before_calculator'] / 1e6:8.2f} MB")
    print(f"{'bytes in total':58} {bytes_phase['total'] / 1e6:8.2f} MB")
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "browser.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
