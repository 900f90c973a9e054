"""A Python standard library for the browser, trimmed to what the calculator imports.

Stock Pyodide downloads its whole standard library: 614 files, 2.5 MB, and a
zip of compressed Python source gains nothing from HTTP compression. Pyodide
itself and the calculator import about 150 of those files, so the site serves
an archive of just those (about 0.8 MB) and the worker passes it to
`loadPyodide` as `stdLibURL`.

The list lives in `pyodide_stdlib_files.txt` beside this module.
`tests/test_pyodide_parity.py` runs the calculator in Pyodide on the trimmed
archive and compares the files Python actually imported with the list, so
both a missing file and a stale one fail the tests; that test also shows how
to refresh the list after the calculator's imports change.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from sitebuild.pyodide_runtime import STDLIB_ARCHIVE, PyodideRuntime
from sitebuild.zip_archive import deterministic_zip, hashed_name

MANIFEST = Path(__file__).with_name("pyodide_stdlib_files.txt")


def read_manifest(manifest: Path = MANIFEST) -> list[str]:
    """The archive paths to keep, one per line (blank lines and # comments ignored)."""
    lines = (line.strip() for line in manifest.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def build_stdlib(full_archive: Path, files: list[str]) -> bytes:
    """The stock archive reduced to `files`, byte for byte the same modules."""
    with zipfile.ZipFile(full_archive) as stock:
        return deterministic_zip((name, stock.read(name)) for name in files)


def site_file(runtime: PyodideRuntime, config: MkDocsConfig) -> File:
    """The trimmed archive as a generated file in the runtime folder, named by content."""
    content = build_stdlib(runtime.package_dir / STDLIB_ARCHIVE, read_manifest())
    name = hashed_name(Path(STDLIB_ARCHIVE).stem, content)
    return File.generated(config, runtime.site_folder + name, content=content)
