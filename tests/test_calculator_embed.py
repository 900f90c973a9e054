"""The one-line embed: `<!-- sajt:kalkylator key=value … -->` in any Markdown page.

Presets go through the model's validation at build time: a bad one stops the
build naming the page and the field; good ones decide the pre-rendered numbers.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import calculator
from tests.support.one_page_site import FIRST_LINE, build_page


@pytest.mark.complete_build
def test_presets_decide_the_prerendered_scenario(tmp_path: Path) -> None:
    code, log, site = build_page(tmp_path, "<!-- sajt:kalkylator users=50000 stack=java -->")
    assert code == 0, log
    page = (site / "index.html").read_text(encoding="utf-8")
    expected = calculator.compute({"users": "50000", "stack": "java"})
    presets = re.search(r'data-presets="([^"]*)"', page)
    assert presets is not None
    assert '"users": "50000"' in html.unescape(presets.group(1))
    assert expected["saving"]["monthly_text"] in page
    assert expected["current"]["lines"][0]["name"] in page
    assert "<!-- sajt:kalkylator" not in page


# What the error's problem must say: each bad field by its key, leading its
# own message (a label such as "Nuvarande stack" does not count), or how a
# marker's arguments are written.
@pytest.mark.parametrize(
    ("marker", "named"),
    [
        ("<!-- sajt:kalkylator users=-5 -->", r"[:;] users: "),
        ("<!-- sajt:kalkylator stack=cobol -->", r"[:;] stack: "),
        ("<!-- sajt:kalkylator colour=red -->", r"[:;] colour: "),
        ("<!-- sajt:kalkylator users = 5 -->", r"key=value"),
    ],
)
def test_bad_presets_stop_the_build_naming_page_and_field(tmp_path: Path, marker: str, named: str) -> None:
    """The error names the page, the line and the marker, and then, in what it
    says is wrong (the echoed marker does not count), the field."""
    code, log, _ = build_page(tmp_path, marker)
    assert code != 0
    where = f"index.md, line {FIRST_LINE}: {marker}: "
    assert where in log, log
    problem = log.partition(where)[2].splitlines()[0]
    assert re.search(named, problem), problem
    assert "Traceback" not in log
