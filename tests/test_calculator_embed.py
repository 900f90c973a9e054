"""The one-line embed: `<!-- kalkylator key=value … -->` in any Markdown page.

Presets go through the model's validation at build time: a bad one stops the
build naming the page and the field; good ones decide the pre-rendered numbers.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

import calculator
import hooks
from sitebuild.calculator_embed import parse_presets
from tests.conftest import build_site
from tests.support.config_variant import REPO, config_variant


def test_presets_are_key_value_pairs() -> None:
    assert parse_presets(' users=50000 stack="java" ') == {"users": "50000", "stack": "java"}
    assert parse_presets(' server_kr="1 450,50"') == {"server_kr": "1 450,50"}
    assert parse_presets("") == {}


@pytest.mark.parametrize("text", ["users = 5", "users", 'users="5', "Users=5", "users=5 <b>"])
def test_unreadable_presets_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_presets(text)


def build_page(tmp_path: Path, markdown: str) -> tuple[int, str, Path]:
    """Build a one-page site (and the calculator's worker) whose page is `markdown`;
    return (exit code, log, site dir)."""
    docs = tmp_path / "docs"
    worker = docs / hooks.CALCULATOR_WORKER
    worker.parent.mkdir(parents=True)
    shutil.copyfile(REPO / "docs" / hooks.CALCULATOR_WORKER, worker)
    (docs / "index.md").write_text(
        "---\ndescription: En sida med kalkylatorn och en beskrivning som är lång nog för testerna.\n---\n\n"
        f"# Sida\n\n{markdown}\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    with config_variant(f"docs_dir: {docs}\nextra_css: []\nextra_javascript: []\n") as config_file:
        result = build_site(site, config_file)
    return result.returncode, result.stdout + result.stderr, site


def test_presets_decide_the_prerendered_scenario(tmp_path: Path) -> None:
    code, log, site = build_page(tmp_path, "<!-- kalkylator users=50000 stack=java -->")
    assert code == 0, log
    page = (site / "index.html").read_text(encoding="utf-8")
    expected = calculator.compute({"users": "50000", "stack": "java"})
    presets = re.search(r'data-presets="([^"]*)"', page)
    assert presets is not None
    assert '"users": "50000"' in html.unescape(presets.group(1))
    assert expected["saving"]["monthly_text"] in page
    assert expected["current"]["lines"][0]["name"] in page
    assert "<!-- kalkylator" not in page


@pytest.mark.parametrize(
    ("marker", "named"),
    [
        ("<!-- kalkylator users=-5 -->", "users"),
        ("<!-- kalkylator stack=cobol -->", "stack"),
        ("<!-- kalkylator colour=red -->", "colour"),
        ("<!-- kalkylator users = 5 -->", "key=value"),
    ],
)
def test_bad_presets_stop_the_build_naming_page_and_field(tmp_path: Path, marker: str, named: str) -> None:
    code, log, _ = build_page(tmp_path, marker)
    assert code != 0
    assert "index.md" in log and named in log
    assert "Traceback" not in log
