"""A cache of slow build results, keyed by a hash of their inputs.

Brotli at its best quality and compiling the standard library in Pyodide take
seconds to tens of seconds, and their inputs rarely change between builds.
Results are written to a temporary name inside the cache folder and then
renamed, so an interrupted build never leaves a truncated entry behind (and
the rename never crosses file systems).

Each entry is produced under an exclusive lock of its own: two builds at once
(a test session builds several configurations in parallel) or two threads of
one build (the runtime is compressed in the background while pages render)
wait for the one that started instead of doing the same minute of work twice.
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable
from pathlib import Path


def cached(cache_dir: Path, name: str, produce: Callable[[], bytes]) -> bytes:
    """The bytes stored as `name`, produced and stored first if they are missing."""
    entry = cache_dir / name
    if not entry.is_file():
        cache_dir.mkdir(parents=True, exist_ok=True)
        with open(entry.with_name(entry.name + ".lock"), "w", encoding="utf-8") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if not entry.is_file():  # whoever held the lock may have produced it
                partial = entry.with_name(entry.name + ".partial")
                partial.write_bytes(produce())
                partial.replace(entry)
    return entry.read_bytes()
