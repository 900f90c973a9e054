"""The Content-Security-Policy: what the built pages may run and load.

Only the site's own files run, plus the inline scripts the build itself wrote
(Material's three, identical on every page because `extra.scope` is set),
allowed by their sha256 hashes computed here from the built HTML. Pyodide
compiles WebAssembly, which needs `'wasm-unsafe-eval'`; nothing runs strings as
code, so there is no `'unsafe-eval'` and no `'unsafe-inline'`.

Markup the policy would block without a hash being able to help, a `style="…"`
attribute or an `on…=` handler, stops the build here, naming the page, instead
of failing silently in visitors' browsers. (Scripts setting `element.style`
are fine: CSP does not restrict the CSSOM.)
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
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
# accepts lines of up to 2 000. More distinct inline scripts and styles than
# this means some template writes one per page (for example `extra.scope`
# removed), which must be fixed rather than hashed page by page.
MAX_INLINE_CODE = 12


def inline_hash(text: str) -> str:
    """The CSP source for an inline script's or style's text, hashed as browsers do (UTF-8)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class InlineHashes:
    """Hashes of the built pages' inline code, for the directive that allows each."""

    scripts: tuple[str, ...]
    styles: tuple[str, ...]


class _InlineCode(HTMLParser):
    """Texts of a page's executable inline scripts and `<style>` elements, and
    markup no hash can allow."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.texts: dict[str, list[str]] = {"script": [], "style": []}
        self.blocked: list[str] = []
        self._open: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        runs = "src" not in names and EXECUTABLE_TYPE.fullmatch((names.get("type") or "").strip().lower())
        if tag == "style" or (tag == "script" and runs):
            self._open = (tag, [])
        for name in names:
            if name == "style" or name.startswith("on"):
                self.blocked.append(f'a {name}="…" attribute on <{tag}>')

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and self._open[0] == tag:
            self.texts[tag].append("".join(self._open[1]))
            self._open = None


def inline_hashes(site_dir: str | Path) -> InlineHashes:
    """Every distinct hash of an executable inline script and of a `<style>`
    element in the built pages, sorted.

    Material writes a `<style>` only for Google Fonts, which this site turns
    off; hashing it keeps such a build working, so the privacy scan can be the
    test that names the problem. Files are read in text mode, which turns CR LF
    into LF as a browser's HTML parser does before it hashes inline code.
    """
    found: dict[str, set[str]] = {"script": set(), "style": set()}
    for page in sorted(Path(site_dir).rglob("*.html")):
        parser = _InlineCode()
        parser.feed(page.read_text(encoding="utf-8"))
        parser.close()
        if parser.blocked:
            raise PluginError(
                f"{page.relative_to(site_dir)} has {parser.blocked[0]}: the Content-Security-Policy "
                "blocks inline style attributes and handlers; use a class and a stylesheet, or a script file"
            )
        for tag, texts in parser.texts.items():
            found[tag].update(inline_hash(text) for text in texts)
    count = len(found["script"]) + len(found["style"])
    if count > MAX_INLINE_CODE:
        raise PluginError(
            f"The built pages have {count} different inline scripts and styles (at most {MAX_INLINE_CODE}): "
            "a template writes one that differs per page. Is `extra.scope: /` still in mkdocs.yml?"
        )
    return InlineHashes(scripts=tuple(sorted(found["script"])), styles=tuple(sorted(found["style"])))


def _source(url: str, *, path: bool) -> str:
    """A CSP source for `url`: its origin, or its origin and path (without query,
    with `;` and `,` percent-encoded, since they would end the directive)."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
    return origin + quote(parts.path, safe="/%!$&'()*+=:@-._~") if path else origin


def policy(inline: InlineHashes, form_endpoint: str | None) -> str:
    """The policy's text. The contact form's endpoint, if any, is the one other
    place the page may send data: contact.js posts there with fetch
    (`connect-src`) and, without JavaScript, the form itself (`form-action`)."""
    connect = ["'self'"] + ([_source(form_endpoint, path=False)] if form_endpoint else [])
    form_action = ["'self'"] + ([_source(form_endpoint, path=True)] if form_endpoint else [])
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *inline.scripts],
        "style-src": ["'self'", *inline.styles],
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
