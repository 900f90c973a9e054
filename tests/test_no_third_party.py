"""The built site asks no other host for anything (the GDPR promise).

Two views of the same promise:

- Statically: every built HTML, CSS, JS and JSON file is scanned for absolute
  URLs that a browser would fetch (src/href of elements that load, CSS url()
  and @import, string literals in scripts and data). Links a visitor clicks
  (`<a href>`, `mailto:`) are not fetches. Bundled code that names another
  host only for a feature this site does not use is listed in `NOT_FETCHED`,
  each with the reason it is never requested here.
- In a browser: every request Chromium makes while pages load, the
  calculator runs, search is used and the palette is toggled goes to
  127.0.0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.support.calculator_page import READY, READY_TIMEOUT_MS
from tests.support.config_variant import config_variant
from tests.support.site_builds import build_site

SCANNED = {".html", ".css", ".js", ".mjs", ".json", ".webmanifest"}
# Search's index holds the pages' text: a URL in the text is something a
# visitor reads, never something the browser loads.
NOT_SCANNED = {"search/search_index.json"}

# Elements and attributes from which a browser loads something by itself.
FETCHING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"""@import\s+(["'])(.*?)\1""", re.IGNORECASE)
# An absolute URL that starts a string literal: what a script can fetch. The
# host has a dot, or is filled in at run time (`https://${host}`); this keeps
# out strings such as "//nbsp" that only look like protocol-relative URLs.
SCRIPT_URL = re.compile(r"""["'`]((?:https?:)?//(?:[\w-]+\.[\w.-]+|\$\{)[^"'`\s\\]*)""")


@dataclass(frozen=True)
class NotFetched:
    file_glob: str
    url_prefix: str
    reason: str


NOT_FETCHED = (
    NotFetched("**/*", "http://www.w3.org/", "XML namespace names (SVG, XLink, XHTML): identifiers, never fetched"),
    NotFetched(
        "assets/javascripts/bundle.*.min.js",
        "https://unpkg.com/mermaid@",
        "Material loads Mermaid only for pages with a Mermaid diagram; the site configures no Mermaid fence",
    ),
    NotFetched(
        "assets/javascripts/bundle.*.min.js",
        "https://unpkg.com/resize-observer-polyfill",
        "Material loads this polyfill only in browsers without ResizeObserver (none supported by Material)",
    ),
    NotFetched(
        "assets/javascripts/bundle.*.min.js",
        "https://api.github.com/",
        "repository facts (GitHub), fetched only when `repo_url` is set; the site sets none",
    ),
    NotFetched(
        "assets/javascripts/bundle.*.min.js",
        "https://${e}/api/v4/projects/",
        "repository facts (GitLab), fetched only when `repo_url` is set; the site sets none",
    ),
    NotFetched(
        "index.html",
        "https://schema.org",
        "the JSON-LD's @context names schema.org's vocabulary; the data block is never run or fetched",
    ),
    NotFetched(
        "pyodide/*/pyodide.mjs",
        "https://cdn.jsdelivr.net/pyodide/",
        "Pyodide's fallback when no indexURL/packageBaseUrl is given; the calculator gives both",
    ),
    NotFetched(
        "pyodide/*/pyodide.asm.mjs",
        "https://${t}",
        "Python socket connections (wintercg sockets); the calculator opens none",
    ),
)


def own_host(site: Path) -> str:
    """The host of `site_url`, read from the built start page's canonical link."""
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    assert match, "the start page has no canonical link: is site_url set?"
    return urlsplit(match[1]).hostname or ""


def is_foreign(url: str, host: str) -> bool:
    """Absolute (or protocol-relative) and not this site's host."""
    url = url.strip()
    if not url.startswith(("http://", "https://", "//")):
        return False  # relative, data:, blob:, mailto:, tel:, #fragment
    return urlsplit(url if not url.startswith("//") else "https:" + url).hostname != host


def srcset_urls(value: str) -> list[str]:
    return [candidate.strip().split(" ")[0] for candidate in value.split(",") if candidate.strip()]


class _FetchedFromHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._css: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in FETCHING.get(tag, ()):
            value = values.get(name)
            if value:
                self.urls += srcset_urls(value) if name == "srcset" else [value]
        if values.get("style"):
            self.urls += css_urls(values["style"] or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [match[1] for match in CSS_URL.findall(css)] + [match[1] for match in CSS_IMPORT.findall(css)]


def fetched_urls(path: Path) -> list[str]:
    """URLs in `path` that a browser would request by itself."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".html":
        parser = _FetchedFromHtml()
        parser.feed(text)
        inline_scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", text, re.DOTALL | re.IGNORECASE)
        return parser.urls + [url for script in inline_scripts for url in SCRIPT_URL.findall(script)]
    if path.suffix == ".css":
        return css_urls(text)
    return SCRIPT_URL.findall(text)


def allowed(relative: str, url: str) -> bool:
    return any(
        Path(relative).match(rule.file_glob) and url.startswith(rule.url_prefix) for rule in NOT_FETCHED
    )


def foreign_fetches(site: Path, host: str) -> Iterator[str]:
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix not in SCANNED or relative in NOT_SCANNED or not path.is_file():
            continue
        for url in fetched_urls(path):
            if is_foreign(url, host) and not allowed(relative, url):
                yield f"{relative}: {url}"


def test_no_built_file_fetches_from_another_host(built_site: Path) -> None:
    assert list(foreign_fetches(built_site, own_host(built_site))) == []


def test_site_host_is_not_a_loophole(built_site: Path) -> None:
    """The canonical address is absolute; the check must accept it only for its own host."""
    host = own_host(built_site)
    assert host == "www.example.com"
    assert is_foreign("https://fonts.googleapis.com/css?family=Roboto", host)
    assert is_foreign("//cdn.example.net/x.js", host)
    assert is_foreign("https://www.example.com.evil.test/x.js", host)
    assert not is_foreign("https://www.example.com/assets/images/share.png", host)
    assert not is_foreign("mailto:kontakt@example.com", host)


@pytest.mark.complete_build
def test_scan_catches_google_fonts_when_fonts_are_turned_back_on(tmp_path: Path) -> None:
    """Proof that the scan fails when it should: Material's default font loading."""
    with config_variant("theme:\n  font:\n    text: Roboto\n") as config_file:
        result = build_site(tmp_path / "site", config_file)
    assert result.returncode == 0, result.stderr
    found = list(foreign_fetches(tmp_path / "site", own_host(tmp_path / "site")))
    assert any("fonts.googleapis.com" in line for line in found), found


@pytest.mark.browser
def test_browser_requests_only_the_sites_own_host(site_url: str, new_context) -> None:
    context = new_context()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(site_url, wait_until="networkidle")
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)  # the worker has booted Pyodide
    page.locator("label[for^=__palette]:visible").click()  # the light/dark toggle
    page.locator(".md-search__input").click()
    page.keyboard.type("servrar")  # search loads its index and the Swedish stemmer
    page.locator(".md-search-result__item").first.wait_for()
    page.goto(site_url + "404.html", wait_until="networkidle")
    context.close()

    assert any(url.startswith(site_url) for url in requested)
    assert any(url.endswith(".wasm") for url in requested), "the worker's requests are recorded too"
    foreign = [
        url for url in requested if not url.startswith(("data:", "blob:")) and urlsplit(url).hostname != "127.0.0.1"
    ]
    assert foreign == []
