"""The `calculator/` package as a zip archive for Pyodide, named by its content.

The browser runs the very same source files as the tests and the build. The
content hash in the file name means a new release is never served stale.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from sitebuild.zip_archive import deterministic_zip, hashed_name


def build_archive(package_dir: Path) -> bytes:
    """Zip every `.py` file of the package, keeping the package folder in each path."""
    return deterministic_zip(
        (source.relative_to(package_dir.parent).as_posix(), source.read_bytes())
        for source in package_dir.rglob("*.py")
    )


def site_file(package_dir: Path, config: MkDocsConfig) -> File:
    """The archive as a generated MkDocs file at `assets/<package>-<hash>.zip`."""
    content = build_archive(package_dir)
    return File.generated(config, "assets/" + hashed_name(package_dir.name, content), content=content)
