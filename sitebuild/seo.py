"""What search engines and link previews need beyond Material's defaults.

Material already writes `sitemap.xml`, the canonical link and the meta
description; this module adds `robots.txt`, which must name the sitemap by
its absolute address and so follows `site_url` rather than being a static file.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import ConfigurationError


def require_site_url(site_url: str | None) -> str:
    """Canonical links, Open Graph images and the sitemap all need an absolute address."""
    if not site_url or not site_url.startswith(("https://", "http://")):
        given = f" (it is {site_url!r})" if site_url else " (it is missing)"
        raise ConfigurationError(f"site_url must be the site's full address, for example https://www.example.com/{given}")
    return site_url if site_url.endswith("/") else site_url + "/"


def robots_txt(site_url: str) -> str:
    """Allow everything and point crawlers at the sitemap."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n"


def write_robots_txt(site_dir: str, site_url: str) -> None:
    """Write `robots.txt` at the root of the built site."""
    Path(site_dir, "robots.txt").write_text(robots_txt(site_url), encoding="utf-8")
