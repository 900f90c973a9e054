"""`mkdocs serve` sends the built `_headers`, so the preview runs under the policy
visitors get and a CSP mistake shows while editing, not after deploying.

One addition, for the preview only: MkDocs' live reload appends an inline
script to every HTML page it serves, with a timestamp in its text. Its hash is
computed per response, the same way the build hashes Material's scripts, and
added to that response's `script-src`; no other inline script is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

from mkdocs.livereload import LiveReloadServer

from sitebuild import csp, headers_file

# What mkdocs.livereload injects: `<script>` + its template + `</script>`
# immediately before the page's last `</body>`.
LIVERELOAD_SCRIPT = re.compile(rb"<script>(\s*var livereload = function\(.*?)</script></body>", re.S)


def install(server: LiveReloadServer, site_dir: str) -> LiveReloadServer:
    """Wrap the preview server's app; `_headers` is read per request, so rebuilds take effect."""
    app = server.get_app()
    assert app is not None, "MkDocs' preview server has its app from the start"
    server.set_app(with_site_headers(app, Path(site_dir), server.mount_path))
    return server


def with_site_headers(app: WSGIApplication, site_dir: Path, mount_path: str) -> WSGIApplication:
    def serve(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        answer: dict[str, Any] = {}

        def remember(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[[bytes], None]:
            answer.update(status=status, headers=headers)
            return lambda data: None  # the live-reload app never writes this way

        body = app(environ, remember)
        site_path = "/" + environ.get("PATH_INFO", "/").removeprefix(mount_path).lstrip("/")
        extra = headers_file.headers_for(headers_file.read(site_dir), site_path)
        if dict(answer["headers"]).get("Content-Type", "").startswith("text/html"):
            body = [b"".join(body)]
            extra = [allow_live_reload(header, body[0]) for header in extra]
        start_response(answer["status"], headers_file.replace_headers(answer["headers"], extra))
        return body

    return serve


def allow_live_reload(header: tuple[str, str], page: bytes) -> tuple[str, str]:
    """The header, with the hash of the page's live-reload script in `script-src` if it is the CSP."""
    name, value = header
    injected = LIVERELOAD_SCRIPT.search(page)
    if name.lower() != "content-security-policy" or injected is None:
        return header
    source = csp.inline_hash(injected.group(1).decode("utf-8"))
    return name, value.replace("script-src ", f"script-src {source} ", 1)
