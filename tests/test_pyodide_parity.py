"""The same `calculator` code gives identical JSON in CPython and in Pyodide.

Pyodide 314 runs Python 3.14 while the tests run the machine's CPython, so
this compares, over a few hundred generated scenarios (valid, invalid and
hostile), the JSON of `compute` and `decode_query` in both. Pyodide runs under
Node.js from the same npm package, on the same calculator archive and the same
trimmed, compiled standard library the site serves; the run also checks that the list
of standard-library files the site keeps is exactly what Python imported.

After a change to the calculator's imports, refresh that list with
`.venv/bin/python tools/update_stdlib_manifest.py`.
"""

from __future__ import annotations

import json
import shutil
from typing import Any

import pytest

import calculator
from sitebuild.pyodide_runtime import locate
from sitebuild.pyodide_stdlib import browser_archive, read_manifest
from tools.pyodide_run import REPO, generate_scenarios, run_in_pyodide, share_queries


@pytest.fixture(scope="module")
def pyodide_output(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], list[str], dict[str, Any]]:
    if shutil.which("node") is None:
        pytest.fail("The parity test needs Node.js (it runs the npm pyodide package).")
    work = tmp_path_factory.mktemp("parity")
    scenarios = generate_scenarios()
    queries = share_queries(scenarios)
    stdlib = work / "python_stdlib.zip"
    stdlib.write_bytes(browser_archive(locate(REPO)))
    return scenarios, queries, run_in_pyodide(work, scenarios, queries, stdlib)


def test_the_trimmed_standard_library_is_exactly_what_python_imports(
    pyodide_output: tuple[list[Any], list[str], dict[str, Any]],
) -> None:
    """Nothing missing (the run above succeeded on it) and nothing kept for nothing."""
    assert pyodide_output[2]["stdlib_files"] == read_manifest(), (
        "sitebuild/pyodide_stdlib_files.txt is stale: run tools/update_stdlib_manifest.py"
    )


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def test_pyodide_runs_a_different_python(pyodide_output: tuple[list[Any], list[str], dict[str, Any]]) -> None:
    """The comparison is worth something only if the answers came from Pyodide's own Python,
    the one the pinned npm package declares, and not from the machine's (a fallback would agree trivially)."""
    lock = json.loads((locate(REPO).package_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert pyodide_output[2]["python"] == lock["info"]["python"]


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
    results = [result for result in map(calculator.compute, generate_scenarios()) if result["ok"]]
    assert {result["fields"]["mode"] for result in results} == {"users", "servers"}
    assert {result["outcome"] for result in results} >= {"saving", "cost"}
    assert {result["payback"]["included"] for result in results} == {True, False}
    assert len({result["break_even"]["status"] for result in results}) >= 2
    assert len({result["break_even"]["cautious"]["status"] for result in results}) >= 2
    assert all(result["sensitivity"] and result["summary"] for result in results)
    # issue 15's input and outputs: the job work's share, its attribution, the cautious payback
    assert len({result["fields"]["jobs_capacity"] for result in results}) >= 3
    assert {part["part"] for result in results for part in result["attribution"] if part["monthly_kr"] != "0"} == {
        "components", "jobs", "capacity"}
    assert {result["payback"]["cautious"]["outcome"] for result in results} >= {"saving", "cost", None}


def test_decode_query_is_identical_in_cpython_and_pyodide(
    pyodide_output: tuple[list[Any], list[str], dict[str, Any]],
) -> None:
    _, queries, output = pyodide_output
    for query, in_pyodide in zip(queries, output["decoded"], strict=True):
        assert _canonical(calculator.decode_query(query)) == _canonical(in_pyodide), query
