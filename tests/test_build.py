"""The site builds with --strict and without warnings from the committed sources
(the `built_site` fixture fails on either)."""

from pathlib import Path


def test_strict_build_makes_every_page_in_swedish_with_every_marker_filled(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    names = {page.relative_to(built_site).as_posix() for page in pages}
    assert {"index.html", "sa-raknar-vi/index.html", "404.html"} <= names
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="sv"' in html, page
        assert "<!-- sajt:" not in html, page
    assert 'data-calculator' in (built_site / "index.html").read_text(encoding="utf-8")
