"""The calculator's view: what the page shows of the model's answer, and how.

Every expected text comes from CPython's `calculator.compute` for the same
inputs: the headline worded by outcome (an extra cost never reads as a
negative saving) and coloured to match, the sensitivity table with the
visitor's value, the article's 4× and Pinterest's 2× marked, break-even and
payback, the two ways in, the announcement once the visitor pauses, and the
link to the method page.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

import calculator
from tests.support.calculator_page import READY_TIMEOUT_MS, SHARES_THE_LIVE_PAGE, fill, open_calculator, wait_for_result

pytestmark = pytest.mark.browser

ANNOUNCE = "[data-calculator] [data-calc-announce]"
# What the sensitivity table shows, row by row: the cells' texts, the row's
# outcome and marks, and the bar's length (the SVG's x2, in percent).
SENSITIVITY_ROWS = """root => [...root.querySelectorAll("[data-sensitivity] tr")].map(row => ({
  factor_text: row.querySelector("[data-point-out='factor_text']").textContent,
  monthly_text: row.querySelector("[data-point-out='monthly_text']").textContent,
  percent_text: row.querySelector("[data-point-out='percent_text']").textContent,
  outcome: row.dataset.outcome,
  marks: [...row.querySelectorAll("[data-mark]")].filter(m => getComputedStyle(m).display !== "none")
    .map(m => m.dataset.mark),
  bar: row.querySelector("[data-point-bar]").getAttribute("x2"),
}))"""


def expected_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "factor_text": point["factor_text"],
            "monthly_text": point["monthly_text"],
            "percent_text": point["percent_text"],
            "outcome": point["outcome"],
            "marks": [mark for mark in ("visitor", "article", "pinterest") if mark in point["marks"]],
            "bar": point["percent"],
        }
        for point in result["sensitivity"]
    ]


@pytest.fixture()
def page(new_context: Any) -> Any:
    return new_context(viewport={"width": 1280, "height": 900}).new_page()


def test_field_help_says_forval_and_the_method_page_is_linked(built_site: Path) -> None:
    html = unescape((built_site / "index.html").read_text(encoding="utf-8"))
    for spec in calculator.field_specs():
        assert f"Förval: {spec['default_text'].removesuffix('.')}." in html, spec["key"]
    assert "Standard:" not in html
    href = re.search(r'<a class="calc__method" href="([^"]+)"', html)
    assert href is not None, "the calculator links the method page"
    assert (built_site / href[1] / "index.html").is_file(), href[1]


def test_the_method_link_opens_sa_raknar_vi(site_url: str, page: Any) -> None:
    open_calculator(page, site_url)  # once live: the status line above the link no longer changes height
    page.get_by_role("link", name=re.compile("^Så räknar vi")).click()
    # Material may swap the page in place (instant navigation): no load event to wait for.
    page.locator("h1", has_text=re.compile("^Så räknar vi$")).wait_for()
    assert page.url.endswith("/sa-raknar-vi/")


# One scenario per outcome, typed one after another on one page (with the
# calculator reset in between), as a visitor comparing cases would.
OUTCOMES = [
    ("cost", {"cap_elixir": "500", "migration_kr": "50000"}),  # an extra cost, never a negative saving
    ("even", {"cap_elixir": "1250", "jobs": "false", "caching": "false"}),  # 8 app servers + LB on both sides
    ("saving", {"users": "40000", "migration_kr": "30000", "years": "2"}),  # the move pays back
]


@SHARES_THE_LIVE_PAGE
def test_the_page_says_and_colours_what_the_model_says(example_page: Any) -> None:
    page = example_page
    reset = page.get_by_role("button", name="Återställ")
    for outcome, values in OUTCOMES:
        expected = calculator.compute(values)
        assert expected["ok"] and expected["outcome"] == outcome, expected
        reset.click()
        wait_for_result(page, calculator.compute({}))
        fill(page, values)
        wait_for_result(page, expected)
        check_outcome_shown(page, expected)


def check_outcome_shown(page: Any, expected: dict[str, Any]) -> None:
    """The headline, payback, break-even and sensitivity say what the model says,
    and the headline's colour is the outcome's: green for a saving, red for an extra cost."""
    outcome = expected["outcome"]
    root = page.locator("[data-calculator]")
    assert root.get_attribute("data-outcome") == outcome
    assert page.locator(".calc__saving").text_content() == expected["saving"]["headline"]
    assert "−" not in expected["saving"]["headline"] and "-" not in expected["saving"]["headline"]
    # The payback is a key figure when a migration cost is given, else an invitation to give one.
    payback = page.locator(".calc-figure[data-outcome-of='payback.outcome']")
    assert payback.is_visible() == expected["payback"]["included"], outcome
    assert payback.locator("[data-out='payback.chosen_text']").text_content() == expected["payback"]["chosen_text"]
    assert payback.get_attribute("data-outcome") == (expected["payback"]["outcome"] or ""), outcome
    hint = page.locator(".calc__payback-hint")
    assert hint.is_visible() != expected["payback"]["included"], outcome
    assert hint.text_content() == expected["payback"]["text"], outcome
    for key, text in (("break_even.chosen_text", expected["break_even"]["chosen_text"]),
                      ("break_even.cautious.text", expected["break_even"]["cautious"]["text"])):
        assert page.locator(f"[data-out='{key}']").text_content() == text, (outcome, key)
    assert root.evaluate(SENSITIVITY_ROWS) == expected_rows(expected), outcome

    colours = page.evaluate("""() => {
      const style = getComputedStyle(document.querySelector("[data-calculator]"));
      return {
        headline: getComputedStyle(document.querySelector(".calc__saving")).color,
        saving: style.getPropertyValue("--calc-saving-color").trim(),
        cost: style.getPropertyValue("--calc-cost-color").trim(),
      };
    }""")
    as_rgb = page.evaluate("""(hex) => { const e = document.createElement("i"); e.style.color = hex;
      document.body.append(e); const c = getComputedStyle(e).color; e.remove(); return c; }""", colours["cost"])
    assert (colours["headline"] == as_rgb) == (outcome == "cost"), (outcome, colours)


@SHARES_THE_LIVE_PAGE
def test_the_sensitivity_table_is_built_and_follows_edits(example_page: Any) -> None:
    page = example_page
    example = calculator.compute({})
    root = page.locator("[data-calculator]")
    assert root.evaluate(SENSITIVITY_ROWS) == expected_rows(example), "the example's table is the model's"
    marked = {mark: row["factor_text"] for row in expected_rows(example) for mark in row["marks"]}
    assert marked == {"visitor": "4×", "article": "4×", "pinterest": "2×"}

    fill(page, {"cap_elixir": "500"})
    expected = calculator.compute({"cap_elixir": "500"})
    wait_for_result(page, expected)
    assert root.evaluate(SENSITIVITY_ROWS) == expected_rows(expected)


# The stacked bars: each SVG's viewBox and its segments' class, x and width.
CHART_BARS = """root => Object.fromEntries(["current", "elixir"].map(side => {
  const svg = root.querySelector(`[data-chart="${side}"]`);
  return [side, [svg.getAttribute("viewBox"), ...[...svg.querySelectorAll("rect")].map(
    rect => [rect.getAttribute("class"), rect.getAttribute("x"), rect.getAttribute("width")])]];
}))"""


def expected_bars(result: dict[str, Any]) -> dict[str, list[Any]]:
    """The model's geometry: one scale for both bills, each line from its start."""
    return {
        side: [f"0 0 {result['scale_kr']} 10"]
        + [[f"calc-seg calc-seg--{line['id']}", line["start_kr"], line["monthly_kr"]] for line in result[side]["lines"]]
        for side in ("current", "elixir")
    }


@SHARES_THE_LIVE_PAGE
def test_the_chart_is_drawn_in_the_models_geometry_by_the_build_and_the_page(
    built_site: Path, example_page: Any
) -> None:
    page = example_page
    example = calculator.compute({})
    built = (built_site / "index.html").read_text(encoding="utf-8")
    for side in ("current", "elixir"):  # as the build drew it, before any script
        assert f'data-chart="{side}" viewBox="0 0 {example["scale_kr"]} 10"' in built
        for line in example[side]["lines"]:
            assert f'x="{line["start_kr"]}" y="0" width="{line["monthly_kr"]}"' in built
    root = page.locator("[data-calculator]")
    assert root.evaluate(CHART_BARS) == expected_bars(example), "the example's bars are the model's"

    values = {"users": "40000", "server_kr": "199,50"}  # other lines, another scale, decimal kr
    fill(page, values)
    expected = calculator.compute(values)
    wait_for_result(page, expected)
    assert root.evaluate(CHART_BARS) == expected_bars(expected)


def test_the_form_shows_one_way_in_at_a_time_even_without_javascript(new_context: Any, site_url: str) -> None:
    page = new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900}).new_page()
    page.goto(site_url)
    specs = calculator.field_specs()

    def shown() -> set[str]:
        return set(page.eval_on_selector_all(
            "[data-calc-form] [data-field]",
            "fields => fields.filter(f => getComputedStyle(f).display !== 'none').map(f => f.dataset.field)",
        ))

    for mode in ("users", "servers"):
        page.get_by_label("Beskriv ditt system med").select_option(mode)
        assert shown() == {spec["key"] for spec in specs if mode in spec["modes"]}, mode


@SHARES_THE_LIVE_PAGE
def test_the_servers_way_in_computes_the_servers_scenario(example_page: Any) -> None:
    page = example_page
    fill(page, {"mode": "servers", "app_servers": "20"})
    expected = calculator.compute({"mode": "servers", "app_servers": "20"})
    assert expected["ok"], expected
    wait_for_result(page, expected)


def test_the_saving_is_announced_once_the_visitor_pauses(site_url: str, page: Any) -> None:
    open_calculator(page, site_url)
    page.clock.install()
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # timers run only when the test says
    page.eval_on_selector(ANNOUNCE, """region => {
      window.__announcements = [];
      new MutationObserver(() => window.__announcements.push(region.textContent))
        .observe(region, {childList: true, characterData: true, subtree: true});
    }""")
    assert page.locator(ANNOUNCE).text_content() == "", "nothing is said before the visitor edits"

    field = page.get_by_label("Samtidiga användare", exact=True)
    field.fill("")
    field.press_sequentially("250000")
    expected = calculator.compute({"users": "250000"})
    wait_for_result(page, expected)
    assert page.evaluate("window.__announcements") == [], "nothing is said while the visitor types"
    # The live regions are never inside an element marked busy.
    assert page.evaluate(
        "document.querySelectorAll('[aria-busy=\"true\"] :is([aria-live], [role=status], [role=alert])').length"
    ) == 0

    page.clock.run_for(1000)
    page.wait_for_function("() => window.__announcements.length > 0", timeout=READY_TIMEOUT_MS, polling=100)
    assert page.evaluate("window.__announcements") == [expected["saving"]["headline"]]
