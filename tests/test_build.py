"""The site builds with --strict and without warnings from the committed sources."""

from pathlib import Path


def test_strict_build_makes_the_article_page(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html
