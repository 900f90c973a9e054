"""Printing the calculator: what a CFO gets on paper or as a PDF.

Chromium prints the page with `page.pdf()` (print media, as the print dialog
does) and Debian's `pdftotext -layout` reads the text back, so the test sees
what the paper says: the scenario's inputs with every assumption (also the
folded ones), the results per component, the range, the date and the share
link written out, and no navigation, search or buttons.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

import calculator
from tests.support.calculator_page import open_calculator, wait_for_result
from tests.support.pdf_text import plain, read_pdf, squash

pytestmark = pytest.mark.browser

SCENARIO = {"users": "40000", "stack": "python", "server_kr": "250", "migration_kr": "150000"}
# Words that only belong on a screen: buttons, the share field, navigation, search.
SCREEN_ONLY = ("Skriv ut", "Kopiera länk", "Återställ", "Försök igen", "Få en kostnadsfri analys",
               "Länk till ditt scenario", "Sök", "Gå till innehållet")


@pytest.fixture()
def page(new_context: Any) -> Any:
    return new_context(viewport={"width": 1280, "height": 900}).new_page()


def pdf_text(page: Any, tmp_path: Path) -> str:
    """The page as Chromium prints it on A4, read back by pdftotext."""
    if shutil.which("pdftotext") is None:
        pytest.fail("The print tests need pdftotext: apt-get install -y poppler-utils")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    return read_pdf(pdf)


def shows(lines: list[str], label: str, value: str) -> bool:
    """Whether a line reads "label  value": the inputs print in two columns, so a line may hold
    two fields, and a long label may wrap under its value (then its start is on the value's line)."""
    start = re.escape(label[:30])
    pair = re.compile(rf"(^|\s{{2}}){start}(?:\S| (?! ))*\s+{re.escape(value)}(\s{{2}}|$)")
    return any(pair.search(line) for line in lines)


def field_values(page: Any) -> list[tuple[str, str]]:
    """(label, value as paper shows it) of every field of the chosen way in, the folded
    assumptions included: a number as the page writes numbers (`40 000`), whatever was typed."""
    shown = page.eval_on_selector_all(
        "[data-calc-form] [data-field]",
        """wrappers => wrappers.filter(w => getComputedStyle(w).display !== 'none').map(w => {
          const input = w.querySelector('input, select');
          const label = w.querySelector('label').firstChild.textContent.trim();
          if (input.type === 'checkbox') return [label, input.checked ? 'ja' : 'nej'];
          if (input.tagName === 'SELECT') return [label, input.selectedOptions[0].textContent];
          return [label, w.querySelector('.calc-field__print-value').textContent];
        })""",
    )
    return [(label, plain(value)) for label, value in shown]


def print_with_the_button(page: Any, site_url: str, expected: dict[str, Any]) -> None:
    """Open the scenario's link and press the print button; the browser's dialog is replaced by a flag."""
    open_calculator(page, f"{site_url}?{expected['query']}")
    wait_for_result(page, expected)
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.get_by_role("button", name="Skriv ut / spara som PDF").click()
    assert page.evaluate("window.__printed") is True


def test_the_print_button_prints_the_scenario_alone_until_the_dialog_closes(
    site_url: str, page: Any, tmp_path: Path
) -> None:
    expected = calculator.compute(SCENARIO)
    print_with_the_button(page, site_url, expected)
    text = pdf_text(page, tmp_path)
    lines = [plain(line).strip() for line in text.splitlines()]

    # Every input with its value on one line, the folded assumptions included.
    shown = field_values(page)
    assert len(shown) == sum("users" in spec["modes"] for spec in calculator.field_specs())
    for label, value in shown:
        assert shows(lines, label, value), (label, value, text)

    # The results: headline, key figures, every component, totals, and the
    # explanations folded on screen (range, steps, driver), unfolded on paper.
    for text_of in ("saving.headline", "range.low_monthly_text", "break_even.chosen_text", "break_even.cautious.text",
                    "payback.chosen_text", "payback.cautious.text", "range.summary", "range.steps", "range.driver"):
        value = functools.reduce(lambda part, key: part[key], text_of.split("."), expected)
        assert squash(value) in squash(text), text_of
    for part in expected["attribution"]:
        assert squash(part["text"]) in squash(text), part
    assert page.locator("details.calc__how").get_attribute("open") is None, "folded on screen all along"
    for point in expected["sensitivity"]:  # the sensitivity table, a point to a line
        parts = [plain(point[key]) for key in ("factor_text", "monthly_text", "percent_text")]
        assert any(all(part in line for part in parts) for line in lines), point

    # The date and the share link, written out.
    date = page.locator("[data-calc-print-date]").text_content()
    assert re.fullmatch(r"\d{1,2} [a-zåäö]+ \d{4}", date), date
    assert f"Utskriven {date}" in text
    link = page.locator("[data-calc-link]").input_value()
    assert urlsplit(link).query == expected["query"]
    assert squash(link) in squash(text)

    # Nothing of the rest of the page, nothing that only works on a screen.
    assert "Problemet med traditionella stackar" not in text
    for words in SCREEN_ONLY:
        assert words not in text, words

    # The button's "this calculator alone" lasts until the print dialog closes.
    page.evaluate("dispatchEvent(new Event('afterprint'))")
    text = pdf_text(page, tmp_path)
    assert "Problemet med traditionella stackar" in text
    assert "Pris per Redis-server" in text, "the folded assumptions print unfolded"
    for words in SCREEN_ONLY:
        assert words not in text, words


# The article's example with a migration cost: three pages before (the third
# holding only the Elixir bill), two now.
WITH_MIGRATION = {"migration_kr": "150000"}
PAPER_PAGES = 2
# Background tints a screen shows behind the calculator (the band's lavender,
# the calculator's grey), as they land on paper: none may print.
TINTS = ((245, 244, 248), (245, 245, 245))


def pages_of(text: str) -> list[str]:
    """pdftotext ends every page with a form feed."""
    return text.split("\f")[:-1]


def tinted_share(pdf: Path) -> float:
    """The share of the first page's pixels in a screen tint (pdftoppm's PPM, read here)."""
    ppm = subprocess.run(["pdftoppm", "-r", "30", "-f", "1", "-l", "1", str(pdf)], capture_output=True,
                         check=True).stdout
    magic, width, height, depth, pixels = ppm.split(maxsplit=4)
    assert magic == b"P6" and depth == b"255"
    rgb = [tuple(pixels[i:i + 3]) for i in range(0, int(width) * int(height) * 3, 3)]

    def tinted(pixel: tuple[int, ...]) -> bool:
        return any(max(abs(a - b) for a, b in zip(pixel, tint, strict=True)) <= 2 for tint in TINTS)

    return sum(map(tinted, rgb)) / len(rgb)


def test_the_printed_scenario_fits_two_pages_untinted_with_numbers_written_out(
    site_url: str, page: Any, tmp_path: Path
) -> None:
    expected = calculator.compute(WITH_MIGRATION)
    print_with_the_button(page, site_url, expected)
    text = pdf_text(page, tmp_path)
    sheets = pages_of(text)
    assert len(sheets) == PAPER_PAGES, [sheet[:200] for sheet in sheets]
    # No table alone on a sheet: both bills, with their totals, share the last one.
    assert all(plain(expected[side]["yearly_text"]) in plain(sheets[-1]) for side in ("current", "elixir"))
    assert plain(sheets[-1]).count("Totalt per månad") == 2

    # Numbers as the page writes them, not as the link or the field holds them.
    lines = [plain(line).strip() for line in text.splitlines()]
    for label, written in (("Samtidiga användare", "10 000"), ("Kostnad för att flytta", "150 000"),
                           ("Användare per app-server i dag", "1 250")):
        assert shows(lines, label, written), (label, text)

    # The method page's address, written out.
    assert "https://www.example.com/sa-raknar-vi/" in text

    # The bars' own tracks stay (a few pixels); the band's tint covered 43 % of the page.
    assert tinted_share(tmp_path / "page.pdf") < 0.01, "a background tint printed"
