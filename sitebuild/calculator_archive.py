"""The `calculator/` package as a zip archive for Pyodide, named by its content.

The browser runs the very same source files as the tests and the build. The
content hash in the file name means a new release is never served stale, so
hosts may cache the archive for as long as they like. The archive is built
deterministically (sorted entries, fixed timestamps): the same sources always
give the same name.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

_FIXED_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


def build_archive(package_dir: Path) -> bytes:
    """Zip every `.py` file of the package, keeping the package folder in each path."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for source in sorted(package_dir.rglob("*.py")):
            arcname = source.relative_to(package_dir.parent).as_posix()
            entry = zipfile.ZipInfo(arcname, date_time=_FIXED_TIMESTAMP)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, source.read_bytes())
    return buffer.getvalue()


def site_file(package_dir: Path, config: MkDocsConfig) -> File:
    """The archive as a generated MkDocs file at `assets/<package>-<hash>.zip`."""
    content = build_archive(package_dir)
    digest = hashlib.sha256(content).hexdigest()[:12]
    return File.generated(config, f"assets/{package_dir.name}-{digest}.zip", content=content)
