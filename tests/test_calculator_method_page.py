"""The method page ("Så räknar vi") gets its tables from the model at build time."""

from __future__ import annotations

import re
from html import escape, unescape
from pathlib import Path

from calculator import compute, field_specs
from sitebuild import method_tables
from tests.support.paths import REPO

MARKERS = tuple(f"<!-- sajt:{name} -->" for name in method_tables.RENDERERS)
NBSP = "\u00a0"
# a number followed by a unit must never break across lines
UNITS = r"(?:kr|%|användare|servrar|server|år|månader|månad|gånger|kB|MB|ms|ord)\b"


def _page_text(built_site: Path) -> str:
    html = (built_site / "sa-raknar-vi" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    return unescape(re.sub(r"<[^>]+>", " ", article))


def test_the_source_page_carries_the_markers_and_no_typed_tables() -> None:
    source = (REPO / "docs" / "sa-raknar-vi.md").read_text(encoding="utf-8")
    assert all(marker in source for marker in MARKERS)
    assert "<table" not in source and "|---" not in source


def test_the_built_page_shows_every_default_and_source_from_the_model(built_site: Path) -> None:
    html = (built_site / "sa-raknar-vi" / "index.html").read_text(encoding="utf-8")
    for marker in MARKERS:
        assert marker not in html
    for spec in field_specs():
        assert f"<code>{spec['key']}</code>" in html
        assert escape(spec["label"]) in html
        assert escape(spec["source"]) in html
    example = compute({})
    for side in (example["current"], example["elixir"], example["cautious_elixir"]):
        assert escape(side["monthly_text"]) in html
        for line in side["lines"]:
            assert escape(line["name"]) in html
    assert escape(example["saving"]["headline"]) in html
    assert escape(example["range"]["driver"]) in html
    assert escape(example["break_even"]["text"]) in html
    for point in example["sensitivity"]:
        assert escape(point["monthly_text"]) in html
    assert escape(compute({"migration_kr": method_tables.EXAMPLE_MIGRATION_KR})["payback"]["text"]) in html
    assert "⌈app-servrar × 2 / 8⌉" in html
    assert f"⌈(10{NBSP}000 + 2 × 1{NBSP}250) / 1{NBSP}250⌉ = 10" in html


def test_the_page_speaks_to_du_and_keeps_numbers_with_their_units(built_site: Path) -> None:
    text = _page_text(built_site)
    assert not re.search(r"\b(?:ni|er|era|ert|Ni|Er|Era|Ert)\b", text), "one form of address: du"
    assert not re.search(rf"\d[ \t\n]+{UNITS}", text), re.findall(rf".{{20}}\d[ \t\n]+{UNITS}", text)[:5]
    assert "node, python, ruby eller java" not in text and "true (ja)" not in text
    assert "ändrar bara namnen" in text


def test_model_text_is_escaped() -> None:
    hostile = {
        "key": "k", "label": "<script>x</script>", "unit": "", "kind": "choice", "default": "a",
        "default_text": "<b>A</b>", "allowed_text": "<b>A</b> eller <u>B</u>", "group": "system", "modes": ["users"],
        "optional": False, "min": None, "max": None, "choices": [{"value": "a", "label": "<b>A</b>"}], "help": "",
        "source": "Källa & <i>mer</i>",
    }
    table = method_tables.defaults_table([hostile])
    assert "<script>" not in table and "<b>" not in table and "<i>" not in table and "<u>" not in table
    assert "&lt;script&gt;" in table and "Källa &amp; &lt;i&gt;" in table


def test_the_table_words_each_range_as_the_error_messages_do() -> None:
    """One wording of a field's allowed values: the table's column and the parser's message."""
    table = method_tables.defaults_table()
    for spec in field_specs():
        assert f'<td data-label="Tillåtet">{escape(spec["allowed_text"])}</td>' in table, spec["key"]
        result = compute({spec["key"]: "ogiltigt"})
        assert not result["ok"] and f"Tillåtet: {spec['allowed_text']}." in result["errors"][spec["key"]], spec["key"]


def test_the_page_explains_jobs_capacity_the_attribution_both_break_evens_and_payback(built_site: Path) -> None:
    """Issue 15: the new input, the saving by cause, both break-evens, and a payback example from a stated effort."""
    html = (built_site / "sa-raknar-vi" / "index.html").read_text(encoding="utf-8")
    text = _page_text(built_site)
    example = compute({})
    assert "<code>jobs_capacity</code>" in html and "Bakgrundsjobbens behov av serverkraft med Elixir" in text
    for part in example["attribution"]:
        assert escape(part["text"]) in html, part["part"]
    assert escape(example["break_even"]["chosen_text"]) in html
    assert escape(example["break_even"]["cautious"]["text"]) in html
    assert f"1{NBSP}250{NBSP}användare (1{NBSP}× dagens)" in text  # the cautious break-even in the table
    assert (f"{method_tables.EXAMPLE_DEVELOPER_MONTHS} utvecklarmånader × 100{NBSP}000{NBSP}kr = "
            f"300{NBSP}000{NBSP}kr") in text
    assert all(left_out in text for left_out in ("köra båda systemen samtidigt", "utbildning", "rekrytering"))
    # a refusal from the error's structured problem, not from its message taken apart
    assert f"Nej: {compute({'server_kr': '1e3'})['problems']['server_kr']}" in text
