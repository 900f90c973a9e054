"""The method page ("Så räknar vi") gets its tables from the model at build time."""

from __future__ import annotations

from html import escape
from pathlib import Path

from calculator import compute, field_specs
from sitebuild import method_tables

MARKERS = ("<!-- formel -->", "<!-- räkneexempel -->", "<!-- standardvärden -->")


def test_the_source_page_carries_the_markers_and_no_typed_tables() -> None:
    source = (Path(__file__).resolve().parent.parent / "docs" / "sa-raknar-vi.md").read_text(encoding="utf-8")
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
    for side in (example["current"], example["elixir"]):
        assert escape(side["monthly_text"]) in html
        for line in side["lines"]:
            assert escape(line["name"]) in html
    assert escape(example["saving"]["percent_text"]) in html
    assert escape(example["range"]["driver"]) in html
    assert "⌈app-servrar × 2 / 8⌉" in html


def test_model_text_is_escaped() -> None:
    hostile = {
        "key": "k", "label": "<script>x</script>", "unit": "", "kind": "choice", "default": "a",
        "default_text": "<b>A</b>", "group": "system", "min": None, "max": None, "choices": [{"value": "a", "label": "<b>A</b>"}],
        "help": "", "source": "Källa & <i>mer</i>",
    }
    table = method_tables.defaults_table([hostile])
    assert "<script>" not in table and "<b>" not in table and "<i>" not in table
    assert "&lt;script&gt;" in table and "Källa &amp; &lt;i&gt;" in table


def test_pages_without_markers_are_left_alone() -> None:
    text = "# Rubrik\n\n<!-- något annat -->\n"
    assert method_tables.embed(text) == text
