"""A threaded static file server on 127.0.0.1 for browser tests.

It sets the MIME types a host must send for Pyodide (`.wasm`, `.mjs`) instead
of trusting the platform's guesses. When the served folder is a built site with
a `_headers` file, it also sends exactly the headers that file gives each path
(the Content-Security-Policy among them), read with the build's own parser, so
the browser tests run under the policy a host would enforce. Like a host
configured for precompressed files (nginx `gzip_static`), it sends the
build's `<file>.br` or `<file>.gz` when the browser accepts that encoding.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import ClassVar
from urllib.parse import urlsplit

from sitebuild import headers_file

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".webmanifest": "application/manifest+json",
}


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves files with explicit MIME types and without logging every request."""

    extensions_map: ClassVar[dict[str, str]] = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def __init__(self, *args: object, rules: list[headers_file.Rule], **kwargs: object) -> None:
        self._rules = rules
        self._pending: list[headers_file.Header] = []
        super().__init__(*args, **kwargs)  # type: ignore[arg-type] - handles the request

    def send_header(self, keyword: str, value: str) -> None:
        """Hold headers back until `end_headers`, where `_headers` may replace them."""
        self._pending.append((keyword, value))

    def end_headers(self) -> None:
        extra = headers_file.headers_for(self._rules, urlsplit(self.path).path)
        for keyword, value in headers_file.replace_headers(self._pending, extra):
            super().send_header(keyword, value)
        self._pending = []
        super().end_headers()

    def requested_file(self) -> str:
        """The file the request names (a folder's index.html for an address ending in '/')."""
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        return path

    def accepted_encodings(self) -> set[str]:
        return {token.split(";")[0].strip() for token in self.headers.get("Accept-Encoding", "").split(",")}

    def send_encoded_head(self, path: str, encoding: str, length: int) -> None:
        """Status and headers of an answer for the file `path` whose body is `encoding`-encoded."""
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(length))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()

    def send_head(self):  # type: ignore[no-untyped-def] - stdlib signature
        """The standard answer, or the precompressed copy the browser accepts."""
        path = self.requested_file()
        accepted = self.accepted_encodings()
        for suffix, encoding in ((".br", "br"), (".gz", "gzip")):
            if encoding in accepted and os.path.isfile(path + suffix):
                file = open(path + suffix, "rb")  # noqa: SIM115 - the caller copies and closes it
                self.send_encoded_head(path, encoding, os.fstat(file.fileno()).st_size)
                return file
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        pass


class StaticServer:
    """Serves `root` on a free port of 127.0.0.1 while the context is open."""

    def __init__(self, root: Path, handler: type[QuietHandler] = QuietHandler) -> None:
        """`handler` may be a subclass that compresses differently (the benchmarks' hosts)."""
        handler_for_root = functools.partial(handler, directory=str(root), rules=headers_file.read(root))
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_for_root)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()
