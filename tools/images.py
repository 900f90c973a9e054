"""Renders the site's PNG images from their SVG sources in `docs/assets/images/`.

Link previews and apple-touch icons must be PNG, but the artwork is kept as
SVG so that it can be edited as text. Not part of the build (the PNGs are
committed, so a build needs no browser); run it after editing an SVG:

    .venv/bin/python tools/images.py
"""

from __future__ import annotations

from pathlib import Path

IMAGES = Path(__file__).resolve().parent.parent / "docs" / "assets" / "images"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
# (source SVG, target PNG, width, height)
RENDERS = (
    ("share.svg", "share.png", 1200, 630),
    ("favicon.svg", "favicon.png", 64, 64),
    ("favicon.svg", "apple-touch-icon.png", 180, 180),
)


def render_all() -> None:
    """Screenshot each SVG at its target size with Debian's Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for source, target, width, height in RENDERS:
            page = browser.new_page(viewport={"width": width, "height": height})
            svg = (IMAGES / source).read_text(encoding="utf-8")
            page.set_content(
                f"<style>html,body{{margin:0}}svg{{display:block;width:{width}px;height:{height}px}}</style>{svg}"
            )
            page.screenshot(path=str(IMAGES / target), omit_background=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    render_all()
