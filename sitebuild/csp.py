"""The Content-Security-Policy: what the built pages may run and load.

Only the site's own files run, plus the inline scripts the build itself wrote
(Material's three, identical on every page because `extra.scope` is set),
allowed by their sha256 hashes computed here from the built HTML. Pyodide
compiles WebAssembly, which needs `'wasm-unsafe-eval'`; nothing runs strings as
code, so there is no `'unsafe-eval'` and no `'unsafe-inline'`.

Markup the policy would block without a hash being able to help, a `style`
attribute, a `<style>` element or an `on…=` handler, stops the build here,
naming the page, instead of failing silently in visitors' browsers.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlsplit

from mkdocs.exceptions import PluginError

# `type` values that make a <script> run or be processed as script: HTML's
# JavaScript MIME types (a few legacy spellings more do no harm: one more hash),
# modules, import maps and speculation rules. Any other type, such as
# application/json, is an inert data block that needs no hash.
EXECUTABLE_TYPE = re.compile(
    r"|module|importmap|speculationrules|(text|application)/(x-)?(java|ecma|j|live)script(1\.[0-5])?"
)
# Each hash adds about 55 characters to one header line, and Cloudflare Pages
# accepts lines of up to 2 000. More distinct inline scripts than this means
# some template writes a script per page (for example `extra.scope` removed),
# which must be fixed rather than hashed page by page.
MAX_INLINE_SCRIPTS = 12


def script_hash(text: str) -> str:
    """The CSP source for an inline script's text, hashed as browsers do (UTF-8)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _InlineCode(HTMLParser):
    """Texts of a page's executable inline scripts, and markup no hash can allow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.blocked: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "script" and "src" not in names:
            if EXECUTABLE_TYPE.fullmatch((names.get("type") or "").strip().lower()):
                self._script = []
        if tag == "style":
            self.blocked.append("a <style> element")
        for name in names:
            if name == "style" or name.startswith("on"):
                self.blocked.append(f'a {name}="…" attribute on <{tag}>')

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def inline_script_hashes(site_dir: str | Path) -> list[str]:
    """Every distinct hash of an executable inline script in the built pages, sorted.

    Files are read in text mode, which turns CR LF into LF as a browser's HTML
    parser does before it hashes a script.
    """
    hashes: set[str] = set()
    for page in sorted(Path(site_dir).rglob("*.html")):
        parser = _InlineCode()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        if parser.blocked:
            raise PluginError(
                f"{page.relative_to(site_dir)} has {parser.blocked[0]}: the Content-Security-Policy "
                "blocks inline styles and handlers; use a class and a stylesheet, or a script file"
            )
        hashes.update(script_hash(text) for text in parser.scripts)
    if len(hashes) > MAX_INLINE_SCRIPTS:
        raise PluginError(
            f"The built pages have {len(hashes)} different inline scripts (at most {MAX_INLINE_SCRIPTS}): "
            "a template writes a script that differs per page. Is `extra.scope: /` still in mkdocs.yml?"
        )
    return sorted(hashes)


def _source(url: str, *, path: bool) -> str:
    """A CSP source for `url`: its origin, or its origin and path (without query,
    with `;` and `,` percent-encoded, since they would end the directive)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
    return origin + quote(parts.path, safe="/%!$&'()*+=:@-._~") if path else origin


def policy(script_hashes: list[str], form_endpoint: str | None) -> str:
    """The policy's text. The contact form's endpoint, if any, is the one other
    place the page may send data: contact.js posts there with fetch
    (`connect-src`) and, without JavaScript, the form itself (`form-action`)."""
    connect = ["'self'"] + ([_source(form_endpoint, path=False)] if form_endpoint else [])
    form_action = ["'self'"] + ([_source(form_endpoint, path=True)] if form_endpoint else [])
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": connect,
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": form_action,
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())
