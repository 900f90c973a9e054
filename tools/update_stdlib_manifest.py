"""Refresh `sitebuild/pyodide_stdlib_files.txt`, the standard-library files the site serves.

The browser gets only the standard-library files that Pyodide and the
calculator import. After a change to the calculator's imports (or a Pyodide
upgrade) the list is stale and `tests/test_pyodide_parity.py` fails; this runs
the parity test's scenarios in Pyodide on the *stock* standard library and
writes the files Python imported, keeping the list's comment header:

    .venv/bin/python tools/update_stdlib_manifest.py

Needs Node.js and the npm packages (`make install`).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from sitebuild.pyodide_runtime import STDLIB_ARCHIVE, locate
from sitebuild.pyodide_stdlib import MANIFEST, read_manifest
from tools.pyodide_run import REPO, generate_scenarios, run_in_pyodide, share_queries


def imported_files() -> list[str]:
    """The stock archive's files that Python imports while answering the parity scenarios."""
    scenarios = generate_scenarios()
    stock = locate(REPO).package_dir / STDLIB_ARCHIVE
    with tempfile.TemporaryDirectory() as work:
        files: list[str] = run_in_pyodide(Path(work), scenarios, share_queries(scenarios), stock)["stdlib_files"]
    return files


def main() -> None:
    before, files = read_manifest(), imported_files()
    header = [line for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    MANIFEST.write_text("\n".join([*header, *files]) + "\n", encoding="utf-8")
    added, removed = sorted(set(files) - set(before)), sorted(set(before) - set(files))
    print(f"{MANIFEST.relative_to(REPO)}: {len(files)} files, {len(added)} added, {len(removed)} removed")
    for name in added:
        print(f"+ {name}")
    for name in removed:
        print(f"- {name}")


if __name__ == "__main__":
    main()
