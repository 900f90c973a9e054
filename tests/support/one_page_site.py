"""A site of one Markdown page, built with the real configuration and hooks.

For tests of what the build does with a page's text (markers, presets): the
page gets the front matter every page needs, so only the text under test
can make the build fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hooks import CALCULATOR_WORKER
from tests.support.config_variant import config_variant
from tests.support.paths import REPO
from tests.support.site_builds import build_site

FRONT_MATTER = "---\ndescription: En sida med kalkylatorn och en beskrivning som är lång nog för testerna.\n---\n\n"
# The page's text starts on this line of index.md (under the front matter and a heading).
FIRST_LINE = 7


def build_page(tmp_path: Path, markdown: str, settings: str = "") -> tuple[int, str, Path]:
    """Build a one-page site (with the calculator's worker, which the build
    records) whose page is `markdown`, with other `settings` (YAML) if given;
    return (exit code, log, site dir)."""
    docs = tmp_path / "docs"
    worker = docs / CALCULATOR_WORKER
    worker.parent.mkdir(parents=True)
    shutil.copyfile(REPO / "docs" / CALCULATOR_WORKER, worker)
    (docs / "index.md").write_text(f"{FRONT_MATTER}# Sida\n\n{markdown}\n", encoding="utf-8")
    site = tmp_path / "site"
    with config_variant(f"docs_dir: {docs}\nextra_css: []\nextra_javascript: []\n{settings}") as config_file:
        result = build_site(site, config_file)
    return result.returncode, result.stdout + result.stderr, site
