"""What a cold visit to the live calculator costs on each kind of host.

Hosts compress in one of four ways, and the bytes a visitor downloads depend
on which. This serves the built site under each and measures, in Chromium at
slow 4G (1.6 Mbit/s, 150 ms, 4x CPU: `tests/support/connections.py`), the
bytes of a cold visit to the calculator (response bodies as transferred, the
worker's requests included) and the time to the first live result, next to
the bytes ÷ bandwidth limit (the time the bytes alone need at 1.6 Mbit/s):

- the build's `.br` and `.gz` copies: real nginx with the build's include and
  `brotli_static on;` (Debian's nginx-light and libnginx-mod-http-brotli-static);
  Caddy's `precompressed br gzip` sends the same;
- the build's `.gz` copies only: real nginx with the build's include alone;
- compressed on the fly by Content-Type: a small server that, like Cloudflare
  (its documented default list) and most CDNs, ignores the build's copies and
  compresses what its Content-Type is on that list, with brotli at quality 4,
  a CDN's on-the-fly setting;
- no compression: a small server that sends every file as it is.

The two small servers send the headers of the built `_headers`, as Netlify and
Cloudflare Pages do. Run: `make bench` (which runs this after
`bench_browser.py`), or `.venv/bin/python bench/bench_hosts.py [SITE_DIR]`
for an existing build (made by `SITE_PREVIEW=1 .venv/bin/mkdocs build --site-dir
SITE_DIR` with the committed example settings, with its include beside it).
Writes bench/results/hosts.json.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import brotli
from playwright.sync_api import sync_playwright

from bench import slow_links
from bench.report_file import save_report
from sitebuild import asset_manifest, headers_file, nginx_conf
from tests.support import nginx_server
from tests.support.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.support.connections import SLOW_4G
from tests.support.site_builds import build_site
from tests.support.static_server import QuietHandler, StaticServer

# Cloudflare's documented default list of content types it compresses for visitors.
CLOUDFLARE_COMPRESSES = frozenset((
    "text/html", "text/richtext", "text/plain", "text/css", "text/x-script", "text/x-component",
    "text/x-java-source", "text/x-markdown", "application/javascript", "application/x-javascript",
    "text/javascript", "text/js", "image/x-icon", "image/vnd.microsoft.icon", "application/x-perl",
    "application/x-httpd-cgi", "text/xml", "application/xml", "application/rss+xml", "application/vnd.api+json",
    "application/x-protobuf", "application/json", "multipart/bag", "multipart/mixed", "application/xhtml+xml",
    "font/ttf", "font/otf", "font/x-woff", "image/svg+xml", "application/vnd.ms-fontobject", "application/ttf",
    "application/x-ttf", "application/otf", "application/x-otf", "application/truetype", "application/opentype",
    "application/x-opentype", "application/font-woff", "application/eot", "application/font",
    "application/font-sfnt", "application/wasm", "application/javascript-binast", "application/manifest+json",
    "application/ld+json", "application/graphql+json", "application/geo+json",
))
ON_THE_FLY_BROTLI_QUALITY = 4


class RawHandler(QuietHandler):
    """A plain bucket: every file as it is, never a precompressed copy."""

    def send_head(self):  # type: ignore[no-untyped-def] - stdlib signature
        return super(QuietHandler, self).send_head()


class ByTypeHandler(RawHandler):
    """A CDN: ignores the build's copies and brotli-compresses, on the fly, what its
    final Content-Type (`_headers` applied) is on Cloudflare's default list."""

    _encoded: dict[str, bytes] = {}  # noqa: RUF012 - a cache shared by the server's threads
    _lock = threading.Lock()

    def send_head(self):  # type: ignore[no-untyped-def] - stdlib signature
        path = self.requested_file()
        if not os.path.isfile(path) or "br" not in self.accepted_encodings():
            return super().send_head()
        declared = dict(headers_file.headers_for(self._rules, urlsplit(self.path).path)).get("Content-Type")
        if (declared or self.guess_type(path)).split(";")[0].strip() not in CLOUDFLARE_COMPRESSES:
            return super().send_head()
        body = self._brotli(path)
        self.send_encoded_head(path, "br", len(body))
        return io.BytesIO(body)

    def _brotli(self, path: str) -> bytes:
        """A CDN compresses a file once and keeps the result, so the visit measures
        the transfer, not the compression."""
        with self._lock:
            if path not in self._encoded:
                data = Path(path).read_bytes()
                self._encoded[path] = bytes(brotli.compress(data, quality=ON_THE_FLY_BROTLI_QUALITY))
            return self._encoded[path]


@contextlib.contextmanager
def nginx(site: Path, brotli_static: bool) -> Iterator[str]:
    with (
        tempfile.TemporaryDirectory(prefix="bench-nginx-") as prefix,
        nginx_server.NginxServer(site, Path(prefix), brotli=brotli_static) as server,
    ):
        yield server.url


@contextlib.contextmanager
def python_server(site: Path, handler: type[QuietHandler]) -> Iterator[str]:
    with StaticServer(site, handler) as server:
        yield server.url


@dataclass(frozen=True)
class HostBehaviour:
    key: str
    label: str
    examples: str
    serve: Callable[[Path], contextlib.AbstractContextManager[str]]
    unavailable: Callable[[], str | None] = lambda: None


BEHAVIOURS = (
    HostBehaviour("br_copies", "the build's .br and .gz copies", "nginx brotli_static, Caddy precompressed",
                  lambda site: nginx(site, brotli_static=True), nginx_server.brotli_available),
    HostBehaviour("gz_copies", "the build's .gz copies only", "Debian's nginx-light with the include",
                  lambda site: nginx(site, brotli_static=False), nginx_server.available),
    HostBehaviour("by_type", "on the fly by Content-Type", "Cloudflare, Netlify, GitHub Pages, most CDNs",
                  lambda site: python_server(site, ByTypeHandler)),
    HostBehaviour("none", "no compression", "a plain bucket",
                  lambda site: python_server(site, RawHandler)),
)


def warm_up(url: str, site: Path) -> None:
    """Ask once for every engine file, as a browser would, so that an on-the-fly
    host has compressed them before the measured visit."""
    assets = asset_manifest.read(site)
    address = urlsplit(url)
    for asset in (*assets.downloads, assets.worker):
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        connection.request("GET", "/" + asset.path, headers={"Accept-Encoding": "gzip, deflate, br"})
        connection.getresponse().read()
        connection.close()


def measure_site(site: Path) -> dict[str, Any]:
    report: dict[str, Any] = {"connection": SLOW_4G.label, "mbit_s": SLOW_4G.mbit_s, "hosts": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for behaviour in BEHAVIOURS:
            missing = behaviour.unavailable()
            if missing:
                report["hosts"][behaviour.key] = {"label": behaviour.label, "skipped": missing}
                continue
            with behaviour.serve(site) as url:
                warm_up(url, site)
                visit = slow_links.visit_calculator(browser, url, SLOW_4G)
            limit = visit["bytes"] * 8 / (SLOW_4G.mbit_s * 1e6)
            report["hosts"][behaviour.key] = {
                "label": behaviour.label, "examples": behaviour.examples, "bytes": visit["bytes"],
                "seconds": visit["seconds"], "bytes_limit_seconds": round(limit, 1),
            }
        browser.close()
    return report


def measure(prebuilt: Path | None) -> dict[str, Any]:
    """Build the site (or use `prebuilt`, with its include beside it) and measure it."""
    if prebuilt is not None:
        return measure_site(prebuilt)
    site = Path(tempfile.mkdtemp(prefix="bench-hosts-site-"))
    try:
        if (result := build_site(site)).returncode != 0:
            sys.exit(f"mkdocs build failed:\n{result.stderr}")
        return measure_site(site)
    finally:
        shutil.rmtree(site, ignore_errors=True)
        for beside in (asset_manifest.path_for(site), nginx_conf.path_for(site)):
            beside.unlink(missing_ok=True)


def print_report(report: dict[str, Any]) -> None:
    print(f"a cold visit to the live calculator, per host behaviour ({report['connection']}):")
    print(f"  {'host sends':34}{'examples':46}{'bytes':>9}{'bytes ÷ limit':>15}{'first live':>12}")
    for row in report["hosts"].values():
        if "skipped" in row:
            print(f"  {row['label']:34}skipped: {row['skipped']}")
            continue
        print(f"  {row['label']:34}{row['examples']:46}{row['bytes'] / 1e6:>6.2f} MB"
              f"{row['bytes_limit_seconds']:>13.1f} s{row['seconds']:>10.1f} s")


def main() -> None:
    report = measure(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print_report(report)
    save_report("hosts", report)


if __name__ == "__main__":
    main()
