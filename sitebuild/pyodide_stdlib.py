"""A Python standard library for the browser: trimmed, and compiled to bytecode.

Stock Pyodide downloads its whole standard library as source: 614 files,
2.5 MB, and every module is compiled again on every page load. Pyodide itself
and the calculator import about 150 of those files, so the site serves an
archive of just those, compiled to `.pyc` by Pyodide's own Python
(`compile_stdlib.mjs`, as `python -OO -X no_debug_ranges` would: no
docstrings, asserts or column ranges; line numbers stay). In Chromium that takes the
first live result from about 2.1 s to about 1.1 s on this machine. The
archive's members are stored uncompressed, and the archive is published
packed (`sitebuild.packed`): every host sends at most its gzip (0.89 MB), and
a host that serves the build's brotli copies sends 0.68 MB; per-file deflate
would be over 1.5 MB, because its compressor sees one file at a time.

The list of files lives in `pyodide_stdlib_files.txt` beside this module.
`tests/test_pyodide_parity.py` runs the calculator in Pyodide on this very
archive and compares the files Python actually imported with the list, so
both a missing file and a stale one fail the tests; that test also shows how
to refresh the list after the calculator's imports change.

Compiling boots Pyodide under Node.js (a few seconds), so the result is cached
in `.cache/` by the hash of its inputs; a build that compiles says so, with
the time it took.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from sitebuild import packed
from sitebuild.build_cache import cached
from sitebuild.pyodide_runtime import STDLIB_ARCHIVE, PyodideRuntime
from sitebuild.zip_archive import deterministic_zip

MANIFEST = Path(__file__).with_name("pyodide_stdlib_files.txt")
COMPILER = Path(__file__).with_name("compile_stdlib.mjs")
CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "pyodide-stdlib"

log = get_plugin_logger(__name__)


def read_manifest(manifest: Path = MANIFEST) -> list[str]:
    """The archive paths to keep, one per line (blank lines and # comments ignored)."""
    lines = (line.strip() for line in manifest.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def build_sources(full_archive: Path, files: list[str]) -> bytes:
    """The stock archive reduced to `files`, byte for byte the same sources."""
    with zipfile.ZipFile(full_archive) as stock:
        return deterministic_zip((name, stock.read(name)) for name in files)


def compile_archive(sources: bytes, runtime: PyodideRuntime) -> bytes:
    """`sources` compiled to bytecode by Pyodide's Python, from the cache when possible."""
    key = hashlib.sha256(sources + runtime.version.encode() + COMPILER.read_bytes()).hexdigest()
    return cached(CACHE_DIR, f"{key}.zip", lambda: _compile(sources))


def _compile(sources: bytes) -> bytes:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        source_path, output_path = Path(work, "sources.zip"), Path(work, "compiled.zip")
        source_path.write_bytes(sources)
        run = subprocess.run(
            ["node", str(COMPILER), str(source_path), str(output_path)],
            capture_output=True, text=True, check=False,
        )
        if run.returncode != 0:
            raise PluginError(f"Compiling the standard library in Pyodide failed:\n{run.stderr[-2000:]}")
        compiled = output_path.read_bytes()
    log.info("standard library: compiled to bytecode in Pyodide in %.1f s (later builds reuse it)",
             time.perf_counter() - started)
    return compiled


def browser_archive(runtime: PyodideRuntime) -> bytes:
    """What the site serves: the manifest's files, compiled."""
    return compile_archive(build_sources(runtime.package_dir / STDLIB_ARCHIVE, read_manifest()), runtime)


def site_file(runtime: PyodideRuntime, config: MkDocsConfig) -> File:
    """The archive, packed, as a generated file in the runtime folder, named by content."""
    return packed.site_file(config, runtime.site_folder, Path(STDLIB_ARCHIVE).stem, browser_archive(runtime))
