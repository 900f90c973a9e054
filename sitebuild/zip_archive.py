"""Deterministic zip archives with content-hashed names.

Both archives the browser fetches (the calculator package and the trimmed
Python standard library) are built here: sorted entries and fixed timestamps
mean the same inputs always give the same bytes, and so the same name, which
lets hosts cache them forever.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable

_FIXED_TIMESTAMP = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(entries: Iterable[tuple[str, bytes]], stored: bool = False) -> bytes:
    """Zip `(path inside the archive, content)` pairs, sorted by path, deflated;
    or `stored` uncompressed, for an archive that is compressed whole."""
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for arcname, content in sorted(entries):
            entry = zipfile.ZipInfo(arcname, date_time=_FIXED_TIMESTAMP)
            entry.compress_type = method
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, content, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)
    return buffer.getvalue()


def hashed_name(stem: str, content: bytes, suffix: str) -> str:
    """`stem-<12 hex digits of sha256><suffix>`: a new content is a new name."""
    return f"{stem}-{hashlib.sha256(content).hexdigest()[:12]}{suffix}"
