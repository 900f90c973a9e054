"""Whether a faster `compute()` still gives every number it gave before.

Runs the parity set (the 240 generated scenarios of `tools/pyodide_run.py`
and their share queries) through two copies of the `calculator` package, each
in a fresh CPython, and compares the whole JSON answers. For a speed-up:

    git archive <old commit> calculator | tar -x -C /tmp/old
    .venv/bin/python bench/same_results.py /tmp/old

(the second folder defaults to this checkout). Prints `identical` or the
first answers that differ; exits non-zero when any does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ANSWERS = """
import json, sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[2])
import calculator
assert calculator.__file__.startswith(sys.argv[1]), calculator.__file__
from tools.pyodide_run import generate_scenarios, share_queries
scenarios = generate_scenarios()
computed = [calculator.compute(fields) for fields in scenarios]
decoded = [calculator.decode_query(query) for query in share_queries(scenarios)]
print(json.dumps(computed + decoded, sort_keys=True, ensure_ascii=False))
"""


def answers(package_parent: Path) -> list[object]:
    """Every answer of the `calculator` package found in `package_parent`."""
    run = subprocess.run([sys.executable, "-c", ANSWERS, str(package_parent), str(ROOT)],
                         capture_output=True, text=True, check=True)
    result: list[object] = json.loads(run.stdout)
    return result


def main() -> None:
    old, new = Path(sys.argv[1]).resolve(), Path(sys.argv[2] if len(sys.argv) > 2 else ROOT).resolve()
    before, after = answers(old), answers(new)
    differing = [index for index, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    if not differing:
        print(f"identical: {len(before)} answers")
        return
    for index in differing[:5]:
        print(f"answer {index} differs:")
        print(f"  before: {json.dumps(before[index])[:300]}")
        print(f"  after:  {json.dumps(after[index])[:300]}")
    sys.exit(f"{len(differing)} of {len(before)} answers differ")


if __name__ == "__main__":
    main()
