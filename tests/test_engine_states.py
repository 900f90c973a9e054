"""The engine client's states (calculator-engine.js), without a browser.

Node.js runs the page's own script with a stand-in for the worker
(`tests/support/engine_states.mjs`): the states a page sees are the rows of
the script's TRANSITIONS table, and anything else is refused. The browser
tests (`tests/test_calculator_engine.py`, `tests/test_calculator_browser.py`)
show the same states with the real worker.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from tests.support.paths import REPO

SCRIPT = REPO / "tests" / "support" / "engine_states.mjs"
ENGINE = REPO / "docs" / "assets" / "javascripts" / "calculator-engine.js"


@pytest.fixture(scope="module")
def run() -> dict[str, Any]:
    if shutil.which("node") is None:
        pytest.fail("This test needs Node.js.")
    done = subprocess.run(["node", str(SCRIPT), str(ENGINE)], capture_output=True, text=True, timeout=60, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_a_visit_goes_through_the_diagrams_states(run: dict[str, Any]) -> None:
    """Loads; dies twice after it was ready and restarts by itself each time;
    dies a third time and fails; a start that fails to load; a start that works."""
    assert [(step["state"], step["restarted"]) for step in run["seen"]] == [
        ("idle", False),
        ("loading", False), ("ready", False),
        ("loading", True), ("ready", True),
        ("loading", True), ("ready", True),
        ("failed", False),
        ("loading", False), ("failed", False),
        ("loading", False), ("ready", False),
    ]
    assert run["failedAfterDeaths"] == "failed"


def test_every_worker_is_told_to_load_and_every_dead_one_ends(run: dict[str, Any]) -> None:
    assert run["workers"] == 5 and run["terminated"] == 4
    assert run["initMessages"] is True


def test_progress_reaches_the_snapshot(run: dict[str, Any]) -> None:
    assert run["progress"] == {"loadedBytes": 5, "totalBytes": 10}


def test_set_takes_only_the_snapshots_keys_and_no_state_takes_an_unknown_event(run: dict[str, Any]) -> None:
    assert run["knownKey"] == "accepted"
    assert run["unknownKey"] == 'Calculator engine: no snapshot key "reason"'
    assert run["eventNoStateAllows"] == 'Calculator engine: no "loaded" while ready'
