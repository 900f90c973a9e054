"""The `calculator/` package as a zip archive for Pyodide, named by its content.

The browser runs the very same source files as the tests and the build. The
content hash in the file name means a new release is never served stale. The
files are stored, not deflated, and the archive is published packed
(`sitebuild.packed`): compressed whole, it is 23 kB gzip or 21 kB brotli
instead of 29 kB of per-file deflate.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from sitebuild import packed
from sitebuild.zip_archive import deterministic_zip


def build_archive(package_dir: Path) -> bytes:
    """Zip every `.py` file of the package, stored, keeping the package folder in each path."""
    return deterministic_zip(
        ((source.relative_to(package_dir.parent).as_posix(), source.read_bytes())
         for source in package_dir.rglob("*.py")),
        stored=True,
    )


def site_file(package_dir: Path, config: MkDocsConfig) -> File:
    """The archive, packed, as a generated MkDocs file at `assets/<package>-<hash>.zip.gzip`."""
    return packed.site_file(config, "assets/", package_dir.name, build_archive(package_dir))
