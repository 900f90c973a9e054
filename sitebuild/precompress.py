"""Brotli and gzip copies beside the built files, for hosts that serve them.

Most of what a visitor downloads is the Python runtime: `pyodide.asm.wasm`
is 9.6 MB as it ships and 2.7 MB with brotli at its highest quality. Hosts
that compress on the fly use fast settings; hosts that serve precompressed
files (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, and the
preview/test server) send `<file>.br` or `<file>.gz` when the browser accepts
it. Brotli's best quality takes about 20 s for the wasm file, so results are
cached by content hash in `.cache/precompressed/`; the runtime never changes
between builds, and a rebuild costs nothing.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

from sitebuild.build_cache import cached

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".zip"}
MIN_BYTES = 1024  # below this the encoding headers outweigh the saving
ENCODINGS = {".br": lambda data: brotli.compress(data, quality=11), ".gz": lambda data: gzip.compress(data, 9, mtime=0)}


def _compressed(data: bytes, suffix: str, cache_dir: Path) -> bytes:
    """`data` compressed for `suffix`, from the cache when this content was seen before."""
    return cached(cache_dir, hashlib.sha256(data).hexdigest() + suffix, lambda: ENCODINGS[suffix](data))


def write_copies(site_dir: Path, cache_dir: Path) -> None:
    """Write a `.br` and a `.gz` beside every compressible file that gets smaller."""
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file() or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        for suffix in ENCODINGS:
            copy = _compressed(data, suffix, cache_dir)
            if len(copy) < len(data):
                path.with_name(path.name + suffix).write_bytes(copy)
