"""One marker form, `<!-- sajt:NAME key=value -->`, read by one dispatcher (`sitebuild/markers.py`).

A marker the build cannot honour stops `mkdocs build --strict` naming the
page and the line of the Markdown file; ordinary comments are left alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.markers import MarkerError, parse_arguments
from tests.support.one_page_site import FIRST_LINE, build_page


def test_arguments_are_key_value_pairs() -> None:
    assert parse_arguments(' users=50000 stack="java" ') == {"users": "50000", "stack": "java"}
    assert parse_arguments(' server_kr="1 450,50"') == {"server_kr": "1 450,50"}
    assert parse_arguments("") == {}


@pytest.mark.parametrize("text", ["users = 5", "users", 'users="5', "Users=5", "users=5 <b>", "users=5 users=6"])
def test_unreadable_arguments_are_refused(text: str) -> None:
    with pytest.raises(MarkerError):
        parse_arguments(text)


@pytest.mark.parametrize(
    ("markdown", "line", "says"),
    [
        ("<!-- sajt:kalkyltor -->", FIRST_LINE, "did you mean sajt:kalkylator"),
        ("<!-- sajt:bildspel -->", FIRST_LINE, "unknown marker name 'bildspel'"),
        ("<!-- kalkyltor users=5 -->", FIRST_LINE, "did you mean <!-- sajt:kalkylator -->"),
        ("<!-- kontakt -->", FIRST_LINE, "did you mean <!-- sajt:kontakt -->"),
        ("<!-- sjat:formel -->", FIRST_LINE, "did you mean <!-- sajt:formel -->"),
        ("<!-- sajt:kontakt stil=mörk -->", FIRST_LINE, "takes no arguments"),
        ("<!-- sajt:formel x=1 -->", FIRST_LINE, "takes no arguments"),
        ("<!-- sajt:kalkylator users -->", FIRST_LINE, "write arguments as key=value"),
        ("Text <!-- sajt:kontakt -->", FIRST_LINE, "a marker must stand on a line of its own"),
        ("Text.\n\n<!-- sajt:kontakt -->\n\n<!--\n  sajt:kontakt\n  x=1\n-->", FIRST_LINE + 4, "takes no arguments"),
    ],
)
def test_a_marker_the_build_cannot_honour_stops_it_naming_page_and_line(
    tmp_path: Path, markdown: str, line: int, says: str
) -> None:
    code, log, site = build_page(tmp_path, markdown)
    assert code != 0
    assert f"index.md, line {line}:" in log and says in log, log
    assert "Traceback" not in log
    assert not (site / "index.html").exists()


@pytest.mark.complete_build
def test_ordinary_comments_and_markers_shown_as_code_are_left_alone(tmp_path: Path) -> None:
    markdown = (
        "<!-- kontakt: uppdatera numret i mars -->\n\n<!-- Kalkylatorn kommer här senare. -->\n\n"
        "```markdown\n<!-- sajt:NAMN nyckel=värde -->\n```\n\nSkriv `<!-- kontakt -->` så här: `<!-- sajt:kontakt -->`."
    )
    code, log, site = build_page(tmp_path, markdown)
    assert code == 0, log
    page = (site / "index.html").read_text(encoding="utf-8")
    assert "<!-- Kalkylatorn kommer här senare. -->" in page
    assert "&lt;!-- sajt:NAMN nyckel=värde --&gt;" in page and "&lt;!-- sajt:kontakt --&gt;" in page
    assert 'id="kontakt"' not in page


@pytest.mark.complete_build
def test_links_to_an_inserted_id_validate(tmp_path: Path) -> None:
    """`#kontakt` exists only in the inserted section; MkDocs must know it (strict build, anchors: warn)."""
    code, log, site = build_page(tmp_path / "with", "[Skriv till oss](#kontakt)\n\n<!-- sajt:kontakt -->")
    assert code == 0, log
    assert 'id="kontakt"' in (site / "index.html").read_text(encoding="utf-8")
    code, log, _ = build_page(tmp_path / "without", "[Skriv till oss](#kontakt)")
    assert code != 0 and "#kontakt" in log, "a link to a missing anchor must fail the build"


@pytest.mark.complete_build
def test_markers_may_span_lines_and_files_may_have_crlf(tmp_path: Path) -> None:
    code, log, site = build_page(tmp_path, "Text.\r\n\r\n<!--\r\n\tsajt:kontakt\r\n-->\r\n")
    assert code == 0, log
    page = (site / "index.html").read_text(encoding="utf-8")
    assert 'id="kontakt"' in page and "sajt:" not in page


@pytest.mark.complete_build
def test_each_calculator_on_a_page_gets_its_own_id(tmp_path: Path) -> None:
    markdown = "[Den andra](#kalk2)\n\n<!-- sajt:kalkylator -->\n\n<!-- sajt:kalkylator users=50000 -->"
    code, log, site = build_page(tmp_path, markdown)
    assert code == 0, log
    page = (site / "index.html").read_text(encoding="utf-8")
    assert page.count('class="calc" id="kalk1"') == 1 and page.count('class="calc" id="kalk2"') == 1
