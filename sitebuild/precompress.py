"""Brotli and gzip copies beside the built files, for hosts that serve them.

Most of what a visitor downloads is the Python runtime: `pyodide.asm.wasm`
is 9.6 MB as it ships and 2.7 MB with brotli at its highest quality. Hosts
that compress on the fly use fast settings; hosts that serve precompressed
files (nginx `gzip_static`/`brotli_static`, Caddy `precompressed`, and the
preview/test server) send `<file>.br` or `<file>.gz` when the browser accepts
it. Brotli's best quality takes about 20 s for the wasm file (a minute for
the whole site on a shared machine); the gzip copies use the strongest gzip
encoder too (`sitebuild.encoders`), so results are cached by content hash in
`.cache/precompressed/`; the runtime never changes between builds, and a
rebuild costs nothing. A build that had to compress says so, with the time it
took, so a slow first build is explained rather than silent.

A first build has two cores' worth of work to do here, and the wasm file
alone is most of it. The runtime's copies therefore start compressing in the
background as soon as the build knows which files it publishes (`prepare`),
while the pages render and the standard library compiles; the copies of the
rest are made by as many threads as the machine has cores (brotli and zlib
release the GIL), the largest first. The cache's per-entry lock makes a copy
that a background thread is still making a wait, never a second compression.

A packed archive (`sitebuild.packed`: gzip inside the file, for hosts that
send archives as they are) gets one copy, the brotli of the archive it holds,
which the browser decodes to the archive itself; and no gzip copy.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from sitebuild import packed
from sitebuild.build_cache import cached
from sitebuild.encoders import BROTLI_BEST, GZIP_BEST, Encoder

log = get_plugin_logger(__name__)

# By the last suffix of the name; ".gzip" ends a packed archive's (`sitebuild.packed`).
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".gzip"}
MIN_BYTES = 1024  # below this the encoding headers outweigh the saving
ENCODERS = (BROTLI_BEST, GZIP_BEST)

# A file to compress: its name (or path) and its bytes.
Named = tuple[str, bytes]


def prepare(files: Iterable[Named], cache_dir: Path) -> None:
    """Start making the copies of `files` in the background; `write_copies`
    later finds them in the cache (or waits for the one still being made).
    Nothing waits for this thread itself: should it fail, `write_copies` makes
    the same copies and raises the same error where the build can report it.
    It is a daemon thread, so a build that stops on an error ends at once
    instead of finishing (or waiting for another build's) compression; a copy
    cut short is never stored (`build_cache` renames only a finished one)."""
    threading.Thread(target=_fill_cache, args=(list(files), cache_dir), name="precompress", daemon=True).start()


class _Compressor:
    """Makes the copies the cache lacks and counts them, so that a first build
    says what it spent its time on; callable from several threads at once."""

    def __init__(self, opening: str | None = None) -> None:
        self.started = time.perf_counter()
        self.made = 0
        self._opening = opening  # said once, before the first copy is made
        self._lock = threading.Lock()

    def __call__(self, data: bytes, encoder: Encoder) -> bytes:
        with self._lock:
            if self.made == 0 and self._opening:
                log.info(self._opening)
            self.made += 1
        return encoder.compress(data)

    def report(self, message: str) -> None:
        """Log `message` (with the count and the seconds) if any copy was made."""
        if self.made:
            log.info(message, self.made, time.perf_counter() - self.started)


def _fill_cache(files: list[Named], cache_dir: Path) -> None:
    compress = _Compressor()
    try:
        for name, data in sorted(files, key=lambda file: len(file[1]), reverse=True):
            _copies(name, data, cache_dir, compress)
    except Exception:  # noqa: BLE001 - write_copies meets the same error and reports it to the build
        return
    compress.report("brotli and gzip: compressed %d copies of the engine's files in the background in %.1f s")


def write_copies(site_dir: Path, cache_dir: Path) -> None:
    """Write a `.br` and a `.gz` beside every compressible file that gets smaller."""
    compress = _Compressor("brotli and gzip: compressing the copies not in the cache (up to a minute on a first build)")

    def write(path: Path) -> None:
        data = path.read_bytes()
        for suffix, copy in _copies(path.name, data, cache_dir, compress).items():
            if len(copy) < len(data):
                path.with_name(path.name + suffix).write_bytes(copy)

    paths = [
        path for path in site_dir.rglob("*")
        if path.suffix in COMPRESSIBLE and path.is_file() and path.stat().st_size >= MIN_BYTES
    ]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="precompress") as pool:
        # list() waits for every file and re-raises a thread's exception here.
        list(pool.map(write, sorted(paths, key=lambda path: path.stat().st_size, reverse=True)))
    compress.report("brotli and gzip: compressed %d copies that were not in the cache in %.1f s "
                    "(later builds reuse them)")


def _sources(name: str, data: bytes) -> list[tuple[Encoder, bytes]]:
    """Each copy's encoder and what it compresses: the file itself, except for a
    packed archive, whose one copy is the brotli of the archive it holds."""
    if packed.is_packed(name):
        return [(BROTLI_BEST, packed.unpack(data))]
    return [(encoder, data) for encoder in ENCODERS]


def _copies(name: str, data: bytes, cache_dir: Path, compress: Callable[[bytes, Encoder], bytes]) -> dict[str, bytes]:
    """Every copy of the file `name` holding `data`, by suffix, from the cache or made by `compress`."""
    return {
        encoder.suffix: cached(
            cache_dir, hashlib.sha256(source).hexdigest() + encoder.cache_tag, partial(compress, source, encoder)
        )
        for encoder, source in _sources(name, data)
    }
