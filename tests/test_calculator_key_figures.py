"""The results at a glance: the key figures under the headline, the contact
button right after them, and the explanations folded under "Så kom vi fram
till det".

The key figures are a description list (`<dl>`): each `<dt>` labels a figure,
each `<dd>` says it in the model's own words, and the figure carries the
outcome it is coloured by. Every expected text comes from CPython's
`calculator.compute`; the list is checked as the build wrote it (no script)
and as the live page rewrites it after edits.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import calculator
from tests.support.calculator_page import SHARES_THE_LIVE_PAGE, fill, open_calculator, wait_for_result

pytestmark = pytest.mark.browser

# The figures the page shows: label, text (white space between the parts
# squashed; no-break spaces stay), the outcome it is coloured by, and whether
# it shows. JavaScript's \s would match no-break spaces too.
FIGURES = """root => [...root.querySelectorAll(".calc-figures > div")].map(figure => ({
  label: figure.querySelector("dt").textContent.trim(),
  text: figure.querySelector("dd").textContent.replace(/[ \\n\\t]+/g, " ").trim(),
  outcome: figure.dataset.outcome,
  shown: !figure.hidden,
}))"""

# Each scenario shows another side of the figures: the example, an extra
# cost with a migration cost that never pays back, the move paying back, and
# the servers way in.
SCENARIOS = {
    "example": {},
    "loss": {"cap_elixir": "500", "migration_kr": "50000"},
    "payback": {"users": "40000", "migration_kr": "30000", "years": "2"},
    "servers": {"mode": "servers", "app_servers": "20"},
}


def expected_figures(result: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures the model's result asks for, in the list's order: each chosen case beside its cautious one."""
    break_even, payback = result["break_even"], result["payback"]
    figures = [
        ("Med ditt antagande", f"{result['range']['high_monthly_text']} {result['saving']['yearly_text']}",
         result["outcome"], True),
        ("I det försiktiga fallet", result["range"]["low_monthly_text"], result["range"]["low_outcome"], True),
        ("Brytpunkt", break_even["chosen_text"], break_even["status"], True),
        ("Brytpunkt i det försiktiga fallet", break_even["cautious"]["text"], break_even["cautious"]["status"], True),
        ("Återbetalning", payback["chosen_text"], payback["outcome"] or "", payback["included"]),
        ("Återbetalning i det försiktiga fallet", payback["cautious"]["text"], payback["cautious"]["outcome"] or "",
         payback["included"]),
    ]
    return [{"label": label, "text": text, "outcome": outcome, "shown": shown}
            for label, text, outcome, shown in figures]


class FiguresParser(HTMLParser):
    """The key figures of the first calculator as the build wrote them, read like `FIGURES`."""

    def __init__(self) -> None:
        super().__init__()
        self.figures: list[dict[str, Any]] = []
        self._in: str | None = None
        self._list_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "dl" and attributes.get("class") == "calc-figures":
            self._list_depth = 1
        elif self._list_depth and tag == "div":
            self.figures.append({"label": "", "text": "", "outcome": attributes.get("data-outcome"),
                                 "shown": "hidden" not in attributes})
        elif self._list_depth and tag in ("dt", "dd"):
            self._in = "label" if tag == "dt" else "text"

    def handle_endtag(self, tag: str) -> None:
        if tag == "dl":
            self._list_depth = 0
        elif tag in ("dt", "dd"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in and self.figures:
            self.figures[-1][self._in] += data

    def result(self) -> list[dict[str, Any]]:
        squash = re.compile(r"[ \n\t]+")
        return [{**figure, "label": figure["label"].strip(), "text": squash.sub(" ", figure["text"]).strip()}
                for figure in self.figures]


def test_the_build_writes_the_key_figures_as_a_description_list(built_site: Path) -> None:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    parser = FiguresParser()
    parser.feed(html[html.index("data-calculator") :])
    figures = parser.result()
    assert figures == expected_figures(calculator.compute({}))
    labels = [figure["label"] for figure in figures if figure["shown"]]
    assert labels == ["Med ditt antagande", "I det försiktiga fallet", "Brytpunkt", "Brytpunkt i det försiktiga fallet"]


@SHARES_THE_LIVE_PAGE
def test_the_live_page_keeps_the_key_figures_to_the_models(example_page: Any) -> None:
    page = example_page
    root = page.locator("[data-calculator]")
    for name, values in SCENARIOS.items():
        page.get_by_role("button", name="Återställ").click()
        wait_for_result(page, calculator.compute({}))
        fill(page, values)
        expected = calculator.compute(values)
        wait_for_result(page, expected)
        figures = root.evaluate(FIGURES)
        assert figures == expected_figures(expected), name
        shown = [figure["shown"] for figure in figures].count(True)
        assert shown == (6 if expected["payback"]["included"] else 4), name


def outcome_colours(page: Any) -> dict[str, str]:
    """The computed colour of each figure's border, by its outcome, and the palette's two outcome colours."""
    return page.evaluate("""() => {
      const rgb = (value) => { const e = document.createElement("i"); e.style.color = value;
        document.body.append(e); const c = getComputedStyle(e).color; e.remove(); return c; };
      const style = getComputedStyle(document.querySelector("[data-calculator]"));
      return {
        figures: [...document.querySelectorAll(".calc-figures > div:not([hidden])")].map(figure =>
          [figure.dataset.outcome, getComputedStyle(figure).borderLeftColor]),
        saving: rgb(style.getPropertyValue("--calc-saving-color").trim()),
        cost: rgb(style.getPropertyValue("--calc-cost-color").trim()),
      };
    }""")


@SHARES_THE_LIVE_PAGE
def test_each_key_figure_is_coloured_by_its_own_outcome(example_page: Any) -> None:
    page = example_page
    values = SCENARIOS["loss"]  # an extra cost in both cases, a break-even Elixir meets, a payback that never comes
    fill(page, values)
    wait_for_result(page, calculator.compute(values))
    colours = outcome_colours(page)
    seen = set()
    for outcome, colour in colours["figures"]:
        if outcome in ("saving", "always"):
            assert colour == colours["saving"], (outcome, colours)
        elif outcome in ("cost", "never"):
            assert colour == colours["cost"], (outcome, colours)
        else:
            assert colour not in (colours["saving"], colours["cost"]), (outcome, colours)
        seen.add(outcome)
    assert "cost" in seen


@pytest.mark.parametrize("scenario", ["example", "payback"])
def test_on_a_desktop_the_figures_and_the_contact_button_open_the_results(
    new_context: Any, site_url: str, scenario: str
) -> None:
    """With the results scrolled to the top of the screen, the headline, every
    key figure and the contact button are in view: no scrolling to decide or to get in touch."""
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    expected = calculator.compute(SCENARIOS[scenario])
    open_calculator(page, f"{site_url}?{expected['query']}")
    wait_for_result(page, expected)
    page.locator("[data-calculator] .calc__results").evaluate("""results => {
      results.scrollIntoView({block: "start"});
      scrollBy(0, -document.querySelector(".md-header").getBoundingClientRect().bottom);
    }""")
    in_view = """element => { const box = element.getBoundingClientRect();
      const header = document.querySelector(".md-header").getBoundingClientRect();
      return box.height > 0 && box.top >= header.bottom && box.bottom <= innerHeight; }"""
    button = page.get_by_role("link", name="Få en kostnadsfri analys av ditt scenario")
    assert button.evaluate(in_view), "the contact button is in the results' first screen"
    assert page.locator(".calc-figures").evaluate(in_view), "so are the key figures"
    # Right after the figures, before the explanations.
    order = page.evaluate("""() => [".calc-figures", ".calc__cta", ".calc__how", ".calc-sens"]
      .map(selector => document.querySelector(`[data-calculator] ${selector}`).getBoundingClientRect().top)""")
    assert order == sorted(order), order


@SHARES_THE_LIVE_PAGE
def test_the_explanations_are_folded_under_their_label_and_follow_edits(example_page: Any) -> None:
    page = example_page
    disclosure = page.locator("[data-calculator] details.calc__how")
    summary = disclosure.locator("summary")
    assert summary.text_content() == "Så kom vi fram till det"
    assert disclosure.get_attribute("open") is None, "folded on screen"
    assert page.get_by_text(calculator.compute({})["range"]["steps"]).is_hidden()

    values = {"users": "40000"}
    fill(page, values)
    expected = calculator.compute(values)
    wait_for_result(page, expected)
    summary.click()
    assert len(expected["attribution"]) == 3
    for key in ("summary", "steps", "driver"):
        assert page.locator(f"[data-calculator] .calc__how [data-out='range.{key}']").text_content() == (
            expected["range"][key]
        ), key
        assert page.locator(f"[data-calculator] .calc__how [data-out='range.{key}']").is_visible(), key
    parts = page.locator("[data-calculator] [data-attribution] li")
    assert parts.all_text_contents() == [part["text"] for part in expected["attribution"]]
    assert parts.first.is_visible()
    summary.click()
