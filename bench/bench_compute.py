"""Median time of one `calculator.compute` call: the article's example, a
varied scenario (Swedish-typed numbers, every workload, öre prices), and that
scenario edited at every call (a new number of users each time).

Run: `make bench` (or `.venv/bin/python bench/bench_compute.py`). Expect well
under a millisecond per call in CPython; Pyodide is a few times slower.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from calculator import compute

VARIED = {
    "stack": "ruby",
    "users": "123\u00a0456",
    "cap_now": "900",
    "cap_elixir": "4 000",
    "server_kr": "349,50",
    "redis_kr": "120",
    "lb_kr": "95",
    "jobs": "true",
    "realtime": "true",
    "caching": "true",
    "websockets": "true",
    "min_servers": "3",
    "elixir_lb": "false",
}
ROUNDS, CALLS_PER_ROUND = 31, 200


def median_microseconds(calls: list[dict[str, str]]) -> float:
    assert all(compute(fields)["ok"] for fields in calls)
    per_call = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for index in range(CALLS_PER_ROUND):
            compute(calls[index % len(calls)])
        per_call.append((time.perf_counter() - start) / CALLS_PER_ROUND * 1e6)
    return statistics.median(per_call)


def main() -> None:
    print(f"Python {sys.version.split()[0]}, median of {ROUNDS} rounds × {CALLS_PER_ROUND} calls")
    # compute() keeps the texts it has parsed and formatted: the same call over
    # and over measures that; edits change a value at every call, as a visitor does.
    edits = [{**VARIED, "users": str(20_000 + 5_000 * step)} for step in range(CALLS_PER_ROUND)]
    for name, calls in (("compute({}) (the article's example)", [{}]), ("compute(varied scenario)", [VARIED]),
                        ("compute(varied), users new at each call", edits)):
        print(f"{name:40} {median_microseconds(calls):8.1f} µs per call")


if __name__ == "__main__":
    main()
