"""Where a benchmark's report goes: `bench/results/NAME.json` (ignored by git),
so that a run can be compared with an earlier one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def save_report(name: str, report: dict[str, Any]) -> None:
    """Write `report` as `bench/results/<name>.json`."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
