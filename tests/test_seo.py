"""Findable and shareable: language, titles, descriptions, canonical, previews, sitemap, robots."""

from __future__ import annotations

import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.support.config_variant import config_variant
from tests.support.site_builds import build_site

SITE_URL = "https://www.example.com/"


class _Head(HTMLParser):
    """The facts of a page that search engines and link previews read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = values.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in values or "property" in values):
            self.meta[values.get("name") or values["property"]] = values.get("content", "")
        elif tag == "link" and "rel" in values:
            self.links.setdefault(values["rel"], values.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def head(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if not path.relative_to(site).parts[0].startswith("pyodide"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_every_page_is_swedish_with_title_and_description(built_site: Path) -> None:
    for path in pages(built_site):
        facts = head(path)
        assert facts.lang == "sv", path
        assert facts.title.strip(), path
        assert len(facts.meta.get("description", "")) > 50, path


def test_start_page_title_and_canonical(built_site: Path) -> None:
    facts = head(built_site / "index.html")
    assert "80 %" in facts.title and "Mer med mindre" in facts.title
    assert facts.links["canonical"] == SITE_URL


def test_link_previews_with_an_absolute_share_image(built_site: Path) -> None:
    facts = head(built_site / "index.html")
    for key in ("og:title", "og:description", "og:url", "og:site_name", "twitter:title", "twitter:description"):
        assert facts.meta.get(key), key
    assert facts.meta["og:locale"] == "sv_SE"
    assert facts.meta["twitter:card"] == "summary_large_image"
    image = SITE_URL + "assets/images/share.png"
    assert facts.meta["og:image"] == facts.meta["twitter:image"] == image
    assert facts.meta["og:image:alt"] and facts.meta["twitter:image:alt"]
    assert png_size(built_site / "assets/images/share.png") == (1200, 630)
    assert (facts.meta["og:image:width"], facts.meta["og:image:height"]) == ("1200", "630")


def test_favicons_are_the_sites_own(built_site: Path) -> None:
    facts = head(built_site / "index.html")
    for rel in ("icon", "apple-touch-icon"):
        assert (built_site / facts.links[rel]).is_file(), rel
    assert png_size(built_site / "assets/images/apple-touch-icon.png") == (180, 180)


def test_sitemap_and_robots_name_the_site_url(built_site: Path) -> None:
    assert f"<loc>{SITE_URL}</loc>" in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()


SEARCH_BOX = "[data-md-component=search-query]"
SEARCH_META = ".md-search-result__meta"


def search(page: Any, query: str) -> list[str]:
    """The sections Material's search lists for `query`. The search runs on key
    events, so the whole query goes in at once and a key then starts one search
    for it (typed letter by letter, the results of a prefix may show first)."""
    box = page.locator(SEARCH_BOX)
    box.fill("")
    box.press("End")
    page.wait_for_function("selector => document.querySelector(selector).textContent === 'Skriv sökord'",
                           arg=SEARCH_META)
    box.fill(query)
    box.press("End")
    page.wait_for_function("selector => /sökresultat/.test(document.querySelector(selector).textContent)",
                           arg=SEARCH_META)
    links = page.locator(".md-search-result__item a").evaluate_all("links => links.map(link => link.href)")
    return [urlsplit(link).fragment for link in links]


def test_search_is_swedish(site_url: str, page: Any, context: Any) -> None:
    """Material's search loads lunr's Swedish support and drops Swedish stop
    words: "och" finds nothing (in English it would), a word of the article
    finds its section. It does not stem: Material leaves the stemmer out unless
    the search plugin's `pipeline` names it, and with the search's type-ahead a
    stemmed index would make a whole word such as "kostnader" find nothing."""
    page.goto(site_url)
    page.locator(SEARCH_BOX).click()
    assert "hur-uppnar-vi-80-lagre-kostnader" in search(page, "kostnader")
    assert search(page, "och") == []  # "och," too: words end at punctuation (mkdocs.yml, `separator`)
    assert "uppgifter" in search(page, "serverloggar")  # "(serverloggar)." in the privacy notice
    assert any(url.endswith("/lunr.sv.min.js") for url in context.recorder.requests)


def test_not_found_page_is_swedish(built_site: Path) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Sidan finns inte" in html and "Till startsidan" in html
    assert not re.search(r"Not found", html, re.IGNORECASE)


@pytest.mark.complete_build
def test_robots_and_previews_follow_a_changed_site_url(tmp_path: Path) -> None:
    with config_variant("site_url: https://analys.example.se/\n") as config_file:
        result = build_site(tmp_path / "site", config_file)
    assert result.returncode == 0, result.stderr
    robots = (tmp_path / "site/robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://analys.example.se/sitemap.xml" in robots
    facts = head(tmp_path / "site/index.html")
    assert facts.meta["og:image"] == "https://analys.example.se/assets/images/share.png"


@pytest.mark.parametrize(
    ("site_url", "message"),
    [
        ("''", "site_url must be the site's full address, for example https://www.example.com/ (it is missing)"),
        ("www.example.com", "Config value 'site_url'"),  # MkDocs' own check
    ],
)
def test_build_stops_without_an_absolute_site_url(tmp_path: Path, site_url: str, message: str) -> None:
    with config_variant(f"site_url: {site_url}\n") as config_file:
        result = build_site(tmp_path / "site", config_file)
    assert result.returncode != 0
    assert message in result.stderr
