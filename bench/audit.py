"""The site's quality gate: Lighthouse, axe-core, the Nu Html Checker and the
Content-Security-Policy check, each against the numbers issue 5 sets.

Builds the site into a temporary folder, serves it on 127.0.0.1 with the test
server (which sends the site's own `_headers`), then:

- Lighthouse 12 (mobile profile, Debian Chromium) on `/`, `/sa-raknar-vi/` and
  every page with a calculator, median of `--runs` runs by performance score
  (Lighthouse's own advice against run-to-run noise): performance >= 98,
  accessibility, best practices and SEO 100;
- vnu.jar on every built HTML page: no errors;
- tests/test_accessibility.py (axe-core: every page, both palettes, every
  calculator state): no violations;
- tests/test_csp.py, when it exists.

Run: `make audit`. Prints each result and exits non-zero if any misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.chromium import CHROMIUM
from tests.support.site_builds import build_site
from tests.support.static_server import StaticServer

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
ALWAYS_AUDITED = ("", "sa-raknar-vi/")
CALCULATOR_MARK = "data-calculator"


@dataclass
class Report:
    """Lighthouse's verdict on one page: category scores (0–100) and, for each
    category below its target, the audits that cost it points."""

    path: str
    scores: dict[str, int]
    shortfalls: dict[str, list[str]]

    @property
    def passed(self) -> bool:
        return all(self.scores[category] >= target for category, target in TARGETS.items())


def pages_to_audit(site: Path) -> list[str]:
    """The article, the method page and every page that embeds a calculator."""
    with_calculator = [
        html.parent.relative_to(site).as_posix() + "/"
        for html in site.rglob("index.html")
        if CALCULATOR_MARK in html.read_text(encoding="utf-8")
    ]
    paths = {path.removeprefix("./") for path in [*ALWAYS_AUDITED, *with_calculator]}
    return sorted(paths)


def shortfalls(result: dict[str, Any]) -> dict[str, list[str]]:
    """Per category below target: its scored audits that did not get full marks."""
    found: dict[str, list[str]] = {}
    for category, target in TARGETS.items():
        entry = result["categories"][category]
        if round(entry["score"] * 100) >= target:
            continue
        lines = []
        for ref in entry["auditRefs"]:
            audit = result["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                lines.append(f"{audit['id']} (score {audit['score']:.2f}) {audit.get('displayValue', '')}".rstrip())
        found[category] = lines
    return found


def run_lighthouse(url: str, output: Path) -> dict[str, Any]:
    """One Lighthouse run with its default (mobile) settings; returns the JSON report."""
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
        f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(TARGETS)}",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=180)
    return json.loads(output.read_text(encoding="utf-8"))


def audit_page(base_url: str, path: str, runs: int, scratch: Path) -> Report:
    """The median run of `runs` by performance score, as Lighthouse recommends."""
    results = [run_lighthouse(base_url + path, scratch / f"lighthouse-{run}.json") for run in range(runs)]
    results.sort(key=lambda result: result["categories"]["performance"]["score"])
    median = results[len(results) // 2]
    scores = {category: round(median["categories"][category]["score"] * 100) for category in TARGETS}
    performance = ", ".join(str(round(r["categories"]["performance"]["score"] * 100)) for r in results)
    print(f"  /{path}: performance in {runs} runs: {performance}; the median run counts")
    return Report(path, scores, shortfalls(median))


def print_lighthouse(reports: list[Report]) -> None:
    header = ["page", *TARGETS, "verdict"]
    rows = [[f"/{r.path}", *(str(r.scores[c]) for c in TARGETS), "ok" if r.passed else "BELOW TARGET"] for r in reports]
    rows.append(["target", *(f">={t}" if t < 100 else "100" for t in TARGETS.values()), ""])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    for report in reports:
        for category, lines in report.shortfalls.items():
            print(f"  /{report.path} {category}:")
            for line in lines:
                print(f"    - {line}")


def lighthouse_step(site: Path, runs: int) -> bool:
    print("== Lighthouse 12 (mobile) ==")
    with StaticServer(site) as server, tempfile.TemporaryDirectory() as scratch:
        reports = [audit_page(server.url, path, runs, Path(scratch)) for path in pages_to_audit(site)]
    print_lighthouse(reports)
    return all(report.passed for report in reports)


def vnu_step(site: Path) -> bool:
    """The Nu Html Checker on every built page; prints each error with its place."""
    print("== Nu Html Checker (vnu.jar) ==")
    pages = sorted(str(html) for html in site.rglob("*.html"))
    command = ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *pages]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or result.stdout)["messages"]  # vnu writes its report to stderr
    for message in messages:
        place = Path(message.get("url", "").removeprefix("file:")).relative_to(site)
        print(f"  {place}:{message.get('lastLine', '?')}: {message['message']}")
        print(f"      {' '.join(message.get('extract', '').split())}")
    print(f"  {len(pages)} pages, {len(messages)} errors")
    return not messages


def pytest_step(title: str, test_file: Path) -> bool:
    print(f"== {title} ==")
    if not test_file.exists():
        print(f"  MISSING: {test_file.relative_to(ROOT)} does not exist, so this check did not run")
        return False
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(test_file)]
    return subprocess.run(command, cwd=ROOT, check=False).returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median counts)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build = build_site(site)
        if build.returncode != 0:
            print(build.stdout, build.stderr, sep="\n")
            return 1
        verdicts = {
            "Lighthouse": lighthouse_step(site, args.runs),
            "vnu": vnu_step(site),
        }
    verdicts["axe"] = pytest_step("axe-core (tests/test_accessibility.py)", ROOT / "tests" / "test_accessibility.py")
    verdicts["CSP"] = pytest_step("Content-Security-Policy (tests/test_csp.py)", ROOT / "tests" / "test_csp.py")
    print("== Summary ==")
    for name, passed in verdicts.items():
        print(f"  {name}: {'pass' if passed else 'FAIL'}")
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
