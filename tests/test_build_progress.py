"""A first build says what its slow steps did and how long they took; a warm one stays quiet.

Brotli at its best quality and compiling the standard library in Pyodide are
the two steps that take seconds to a minute when their cache is cold. Each
writes English INFO lines through MkDocs' logger (prefixed `sitebuild:`) when
it did the work, ending with the time it took, and none when the cache had it.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

import pytest

from sitebuild import precompress, pyodide_stdlib
from sitebuild.pyodide_runtime import STDLIB_ARCHIVE, locate
from tests.support.paths import REPO

SECONDS = r"in \d+\.\d s"


def _lines(caplog: pytest.LogCaptureFixture, logger: str) -> list[str]:
    lines = [record.getMessage() for record in caplog.records if record.name == logger]
    caplog.clear()
    return lines


def test_compressing_says_how_many_copies_and_how_long(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "index.html").write_text("<p>Hej</p>\n" * 200, encoding="utf-8")
    caplog.set_level(logging.INFO)
    logger = "mkdocs.plugins.sitebuild.precompress"

    precompress.write_copies(site, cache)
    [start, end] = _lines(caplog, logger)
    assert start.startswith("sitebuild: brotli and gzip: compressing"), start
    assert end.startswith("sitebuild: brotli and gzip: compressed 2 copies") and re.search(SECONDS, end), end
    assert (site / "index.html.br").is_file() and (site / "index.html.gz").is_file()

    precompress.write_copies(site, cache)
    assert _lines(caplog, logger) == [], "a build that reads every copy from the cache says nothing"


def test_compiling_the_stdlib_says_how_long(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = locate(REPO)
    with zipfile.ZipFile(runtime.package_dir / STDLIB_ARCHIVE) as stock:
        first = sorted(name for name in stock.namelist() if name.endswith(".py"))[0]
    sources = pyodide_stdlib.build_sources(runtime.package_dir / STDLIB_ARCHIVE, [first])
    monkeypatch.setattr(pyodide_stdlib, "CACHE_DIR", tmp_path / "cache")
    caplog.set_level(logging.INFO)
    logger = "mkdocs.plugins.sitebuild.pyodide_stdlib"

    compiled = pyodide_stdlib.compile_archive(sources, runtime)
    [line] = _lines(caplog, logger)
    assert line.startswith("sitebuild: standard library: compiled to bytecode") and re.search(SECONDS, line), line
    with zipfile.ZipFile(io.BytesIO(compiled)) as archive:
        assert archive.namelist() == [first + "c"]

    assert pyodide_stdlib.compile_archive(sources, runtime) == compiled
    assert _lines(caplog, logger) == [], "a build that reads the archive from the cache says nothing"
