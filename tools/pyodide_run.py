"""One Pyodide run of the calculator, shared by the manifest tool and the parity test.

`tools/update_stdlib_manifest.py` makes this run on the stock standard library
and writes the files Python imported to `sitebuild/pyodide_stdlib_files.txt`;
`tests/test_pyodide_parity.py` makes it on the trimmed library the site serves,
compares its answers with CPython's and the files it imported with that list.
Both use these scenarios, so the list is exactly what the test checks. It
lives here, not in `tests/`, because tools import nothing from the tests.
"""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path
from typing import Any

import calculator
from calculator.result_types import FieldSpecJson
from sitebuild.calculator_archive import build_archive

REPO = Path(__file__).resolve().parent.parent
SCRIPT = Path(__file__).resolve().parent / "pyodide_compute.mjs"
SCENARIO_COUNT = 240
HOSTILE_VALUES = [
    "", " ", "-5", "0", "NaN", "nan", "inf", "-Infinity", "1e309", "1e3", "abc",
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "1,5", "1.5",
    "10 000", "10\u00a0000", "10\u202f000", "9" * 400, "true", "false", "node", "cobol",
    "10.000", "10,000", "1,250", "1.500", "1 500,50", "1.234,50", "10k", "\u22125", "1 000.000",
    "ja", "nej", "servers", "users",
]
HOSTILE_QUERIES = [
    "", "v=1", "v=2&users=5000", "v=1&users=%3Cscript%3E", "v=1&stack=cobol", "users=NaN",
    "v=1&users=1e309&users=5", "v=1&" + "x" * 5000 + "=1", "%zz&&==&v", "v=1&utm_source=news",
]


def _valid_value(spec: FieldSpecJson, rng: random.Random) -> str:
    if spec["kind"] == "choice":
        return str(rng.choice([choice["value"] for choice in spec["choices"]]))
    if spec["kind"] == "boolean":
        return rng.choice(["true", "false"])
    assert spec["min"] is not None and spec["max"] is not None, "a number field has a range"
    low, high = float(spec["min"].replace(",", ".")), float(spec["max"].replace(",", "."))
    value = rng.uniform(low, min(high, max(low * 1000, 10)))
    if spec["kind"] == "integer":
        return f"{max(int(low), min(int(high), round(value))):,}".replace(",", rng.choice(["", " ", "\u00a0"]))
    return f"{value:.2f}".replace(".", ",")


def generate_scenarios(count: int = SCENARIO_COUNT, seed: int = 20261128) -> list[Any]:
    """Field dicts mixing defaults, valid values and hostile ones, plus non-dicts."""
    rng = random.Random(seed)
    specs = calculator.field_specs()
    scenarios: list[Any] = [{}, None, ["not", "a", "dict"], {"unknown": "1"}]
    while len(scenarios) < count:
        fields: dict[str, str] = {}
        for spec in specs:
            roll = rng.random()
            if roll < 0.35:
                continue
            fields[str(spec["key"])] = _valid_value(spec, rng) if roll < 0.85 else rng.choice(HOSTILE_VALUES)
        scenarios.append(fields)
    return scenarios


def share_queries(scenarios: list[Any]) -> list[str]:
    """Hostile share queries and the links of the first valid scenarios."""
    valid = [fields for fields in scenarios if calculator.compute(fields)["ok"]]
    return HOSTILE_QUERIES + [calculator.encode_query(fields) for fields in valid[:40]]


def run_in_pyodide(work: Path, scenarios: list[Any], queries: list[str], stdlib: Path) -> dict[str, Any]:
    """The calculator run in Pyodide under Node.js on `stdlib`: `python`, `computed`, `decoded`, `stdlib_files`."""
    archive = work / "calculator.zip"
    archive.write_bytes(build_archive(REPO / "calculator"))
    request = work / "input.json"
    request.write_text(json.dumps({"scenarios": scenarios, "queries": queries}), encoding="utf-8")
    command = ["node", str(SCRIPT), str(archive), str(request), str(stdlib)]
    run = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=180, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"Pyodide run failed:\n{run.stderr[-4000:]}")  # the tail holds the Python traceback
    output: dict[str, Any] = json.loads(run.stdout)
    return output
