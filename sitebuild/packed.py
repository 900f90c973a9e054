"""Archives the build ships gzip-compressed inside the file itself.

Hosts that compress on the fly choose by Content-Type: Cloudflare's documented
default list (text, JavaScript, JSON, SVG, `application/wasm`), and Netlify,
GitHub Pages and most CDNs likewise, leave `application/zip` and
`application/octet-stream` as they are. The standard library archive holds
2.9 MB of stored bytecode (stored, so that a compressor sees every file at
once), and such a host would send all of it. So the two archives the worker
fetches, the standard library and the calculator, are published packed: the
zip gzip-compressed by the strongest gzip encoder (`sitebuild.encoders`; 0.89 MB
for the standard library), named
`<stem>-<hash>.zip.gzip` and typed `application/gzip`, which no host
compresses again. The worker unpacks them with the browser's
`DecompressionStream` (Chromium 80+, Firefox 113+, Safari 16.4+). The name
does not end in `.gz`, the suffix of the build's precompressed copies, so no
server mistakes a packed archive for a copy of another file.

A host that serves the build's precompressed copies does better with brotli,
and gets it: the `.br` copy of a packed archive is the brotli of the zip it
holds (0.68 MB; `sitebuild.precompress`). The browser decodes that copy to the
zip itself, and the worker, which checks the first bytes, uses it as it is. A
packed archive gets no `.gz` copy: it is gzip already.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from sitebuild.build_cache import cached
from sitebuild.encoders import GZIP_BEST
from sitebuild.zip_archive import hashed_name

SUFFIX = ".zip.gzip"
CONTENT_TYPE = "application/gzip"
CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "packed"


def pack(archive: bytes) -> bytes:
    """`archive` gzip-compressed by the strongest encoder, from the cache when possible."""
    key = hashlib.sha256(archive).hexdigest()
    return cached(CACHE_DIR, key + GZIP_BEST.cache_tag, lambda: GZIP_BEST.compress(archive))


def unpack(packed: bytes) -> bytes:
    """The archive a packed file holds."""
    return gzip.decompress(packed)


def unpacked_size(packed: bytes) -> int:
    """Bytes of the archive a packed file holds, from the gzip trailer (ISIZE:
    the size modulo 2**32, exact for anything under 4 GiB)."""
    return int.from_bytes(packed[-4:], "little")


def is_packed(name: str) -> bool:
    """Whether the file named `name` (a path or URL ending in the file name) is a packed archive."""
    return name.endswith(SUFFIX)


def site_file(config: MkDocsConfig, folder: str, stem: str, archive: bytes) -> File:
    """The packed `archive` as a generated file in `folder` (relative: '' or ending
    in '/'), named by its content."""
    content = pack(archive)
    return File.generated(config, folder + hashed_name(stem, content, SUFFIX), content=content)
