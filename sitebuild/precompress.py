"""Brotli and gzip copies beside the built files, for hosts that serve them.

Most of what a visitor downloads is the Python runtime: `pyodide.asm.wasm`
is 9.6 MB as it ships and 2.7 MB with brotli at its highest quality. Hosts
that compress on the fly use fast settings; hosts that serve precompressed
files (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, and the
preview/test server) send `<file>.br` or `<file>.gz` when the browser accepts
it. Brotli's best quality takes about 20 s for the wasm file (a minute for
the whole site on a shared machine), so results are cached by content hash in
`.cache/precompressed/`; the runtime never changes between builds, and a
rebuild costs nothing. A build that had to compress says so, with the time it
took, so a slow first build is explained rather than silent.
"""

from __future__ import annotations

import gzip
import hashlib
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import brotli
from mkdocs.plugins import get_plugin_logger

from sitebuild.build_cache import cached

log = get_plugin_logger(__name__)

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".zip"}
MIN_BYTES = 1024  # below this the encoding headers outweigh the saving
ENCODINGS: dict[str, Callable[[bytes], bytes]] = {
    ".br": lambda data: brotli.compress(data, quality=11),
    ".gz": lambda data: gzip.compress(data, 9, mtime=0),
}


def write_copies(site_dir: Path, cache_dir: Path) -> None:
    """Write a `.br` and a `.gz` beside every compressible file that gets smaller."""
    started = time.perf_counter()
    fresh: list[str] = []  # copies compressed by this build, not read from the cache

    def compress(data: bytes, suffix: str) -> bytes:
        if not fresh:
            log.info("brotli and gzip: compressing the copies not in the cache (about a minute on a first build)")
        fresh.append(suffix)
        return ENCODINGS[suffix](data)

    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in COMPRESSIBLE or not path.is_file() or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        for suffix in ENCODINGS:
            copy = cached(cache_dir, digest + suffix, partial(compress, data, suffix))
            if len(copy) < len(data):
                path.with_name(path.name + suffix).write_bytes(copy)
    if fresh:
        log.info("brotli and gzip: compressed %d copies that were not in the cache in %.1f s (later builds reuse them)",
                 len(fresh), time.perf_counter() - started)
