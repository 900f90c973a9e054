"""The same `calculator` code gives identical JSON in CPython and in Pyodide.

Pyodide 314 runs Python 3.14 while the tests run the machine's CPython, so
this compares, over a few hundred generated scenarios (valid, invalid and
hostile), the JSON of `compute` and `decode_query` in both. Pyodide runs under
Node.js from the same npm package, on the same calculator archive and the same
trimmed, compiled standard library the site serves; the run also checks that the list
of standard-library files the site keeps is exactly what Python imported.

After a change to the calculator's imports, refresh that list with
`UPDATE_STDLIB_MANIFEST=1 .venv/bin/python -m pytest tests/test_pyodide_parity.py`
(it then measures on the stock standard library and rewrites the list).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import calculator
from sitebuild.calculator_archive import build_archive
from sitebuild.pyodide_runtime import STDLIB_ARCHIVE, locate
from sitebuild.pyodide_stdlib import MANIFEST, browser_archive, read_manifest
from tests.conftest import REPO

SCRIPT = REPO / "tests" / "support" / "pyodide_compute.mjs"
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


def _valid_value(spec: dict[str, Any], rng: random.Random) -> str:
    if spec["kind"] == "choice":
        return rng.choice([choice["value"] for choice in spec["choices"]])
    if spec["kind"] == "boolean":
        return rng.choice(["true", "false"])
    low, high = float(spec["min"].replace(",", ".")), float(spec["max"].replace(",", "."))
    value = rng.uniform(low, min(high, max(low * 1000, 10)))
    if spec["kind"] == "integer":
        return f"{max(int(low), min(int(high), round(value))):,}".replace(",", rng.choice(["", " ", "\u00a0"]))
    return f"{value:.2f}".replace(".", ",")


def generate_scenarios(count: int, seed: int = 20261128) -> list[Any]:
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
            fields[spec["key"]] = _valid_value(spec, rng) if roll < 0.85 else rng.choice(HOSTILE_VALUES)
        scenarios.append(fields)
    return scenarios


@pytest.fixture(scope="module")
def pyodide_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], list[str], dict[str, Any]]:
    if shutil.which("node") is None:
        pytest.fail("The parity test needs Node.js (it runs the npm pyodide package).")
    work = tmp_path_factory.mktemp("parity")
    scenarios = generate_scenarios(240)
    valid = [fields for fields in scenarios if calculator.compute(fields)["ok"]]
    queries = HOSTILE_QUERIES + [calculator.encode_query(fields) for fields in valid[:40]]
    archive = work / "calculator.zip"
    archive.write_bytes(build_archive(REPO / "calculator"))
    request = work / "input.json"
    request.write_text(json.dumps({"scenarios": scenarios, "queries": queries}), encoding="utf-8")
    command = ["node", str(SCRIPT), str(archive), str(request)]
    runtime = locate(REPO)
    if os.environ.get("UPDATE_STDLIB_MANIFEST"):
        stdlib = runtime.package_dir / STDLIB_ARCHIVE
    else:
        stdlib = work / "python_stdlib.zip"
        stdlib.write_bytes(browser_archive(runtime))
    run = subprocess.run([*command, str(stdlib)], cwd=REPO, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-4000:]  # the tail holds the Python traceback
    output = json.loads(run.stdout)
    if os.environ.get("UPDATE_STDLIB_MANIFEST"):
        header = [line for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
        MANIFEST.write_text("\n".join([*header, *output["stdlib_files"]]) + "\n", encoding="utf-8")
    return scenarios, queries, output


def test_the_trimmed_standard_library_is_exactly_what_python_imports(
    pyodide_output: tuple[list[Any], list[str], dict[str, Any]],
) -> None:
    """Nothing missing (the run above succeeded on it) and nothing kept for nothing."""
    assert pyodide_output[2]["stdlib_files"] == read_manifest(), (
        "sitebuild/pyodide_stdlib_files.txt is stale: refresh it as this module's docstring says"
    )


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def test_pyodide_runs_a_different_python(pyodide_output: tuple[list[Any], list[str], dict[str, Any]]) -> None:
    """The comparison is worth something only if Pyodide's Python is really another one."""
    assert pyodide_output[2]["python"].startswith("3.")


def test_compute_is_identical_in_cpython_and_pyodide(
    pyodide_output: tuple[list[Any], list[str], dict[str, Any]],
) -> None:
    scenarios, _, output = pyodide_output
    assert len(scenarios) >= 200
    outcomes = {calculator.compute(fields)["ok"] for fields in scenarios}
    assert outcomes == {True, False}, "the generated scenarios must include valid and invalid ones"
    for fields, in_pyodide in zip(scenarios, output["computed"], strict=True):
        assert _canonical(calculator.compute(fields)) == _canonical(in_pyodide), fields


def test_the_scenarios_cover_every_kind_of_answer() -> None:
    """Parity is only worth something over the answers the model can give: both ways in,
    every outcome, payback with and without a migration cost, break-even's statuses."""
    results = [result for result in map(calculator.compute, generate_scenarios(240)) if result["ok"]]
    assert {result["fields"]["mode"] for result in results} == {"users", "servers"}
    assert {result["outcome"] for result in results} >= {"saving", "cost"}
    assert {result["payback"]["included"] for result in results} == {True, False}
    assert len({result["break_even"]["status"] for result in results}) >= 2
    assert all(result["sensitivity"] and result["summary"] for result in results)


def test_decode_query_is_identical_in_cpython_and_pyodide(
    pyodide_output: tuple[list[Any], list[str], dict[str, Any]],
) -> None:
    _, queries, output = pyodide_output
    for query, in_pyodide in zip(queries, output["decoded"], strict=True):
        assert _canonical(calculator.decode_query(query)) == _canonical(in_pyodide), query
