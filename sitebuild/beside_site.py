"""Files the build writes beside the published folder rather than inside it
(for `site/`: `site.nginx.conf`, `site.assets.json`): nothing in them is for
visitors, and tests and tools find them from the folder's path alone."""

from __future__ import annotations

from pathlib import Path


def beside_site(site_dir: str | Path, suffix: str) -> Path:
    """The file next to the published folder, named after it with `suffix`."""
    site = Path(site_dir)
    return site.with_name(site.name + suffix)
