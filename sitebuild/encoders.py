"""The build's two compressors, each at the strongest setting it has.

What they make is made once and cached (`sitebuild.build_cache`), so only the
size of the result counts. Brotli at quality 11 is brotli's best. For gzip
the strongest encoder on PyPI is libdeflate at level 12 (the `deflate`
package): measured on the engine's files against zopfli (PyPI `zopfli`), it
made the WebAssembly 3.385 MB in 6 s where zopfli made 3.415 MB in 50 s (one
iteration: more would take minutes), and came within 0.5 % of zopfli on the
standard library (1.213 against 1.206 MB, as it was then) in a tenth of the time; both beat
zlib's level 9 (3.53 and 1.24 MB). Its output carries no timestamp, so the
same input always gives the same bytes.

`cache_tag` names the encoder and its setting in a cache entry's name, so a
change of encoder never reuses a copy the old one made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import brotli
import deflate

GZIP_LEVEL = 12  # libdeflate's highest


@dataclass(frozen=True)
class Encoder:
    """One compressor at one setting: the copy's suffix, its cache tag and the function."""

    suffix: str  # of the precompressed copy beside a file: ".br", ".gz"
    cache_tag: str  # ends a cache entry's name: the encoder and its setting
    compress: Callable[[bytes], bytes]


BROTLI_BEST = Encoder(".br", ".br", lambda data: bytes(brotli.compress(data, quality=11)))
GZIP_BEST = Encoder(".gz", f".libdeflate{GZIP_LEVEL}.gz", lambda data: bytes(deflate.gzip_compress(data, GZIP_LEVEL)))
