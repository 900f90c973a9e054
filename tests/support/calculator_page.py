"""The calculator page in Chromium as the browser tests drive it: where the live
calculator is, how a visitor types into it, and how to wait for and read the
numbers it shows. Every expected text comes from CPython's `calculator.compute`."""

from __future__ import annotations

import re
from typing import Any

import pytest

import calculator

READY = "[data-calculator][data-live]"
READY_TIMEOUT_MS = 60_000
SAVING = "[data-calculator] .calc__saving"


def open_calculator(page: Any, url: str) -> None:
    page.goto(url)
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)


# The tests that share a module's live calculator (`example_page`) stay on one
# test process, which starts it once.
SHARES_THE_LIVE_PAGE = pytest.mark.xdist_group("live-page")


def slot_texts(page: Any) -> list[list[str]]:
    """`[slot name, text]` of every `data-out` slot of the first calculator, in document order."""
    return page.eval_on_selector(
        "[data-calculator]",
        "root => [...root.querySelectorAll('[data-out]')].map(el => [el.dataset.out, el.textContent])",
    )


def line_texts(page: Any) -> list[list[str]]:
    return page.eval_on_selector_all(
        "[data-calculator] tbody[data-lines] tr",
        "rows => rows.map(row => [...row.querySelectorAll('[data-line-out]')].map(c => c.textContent))",
    )


def expected_slots(result: dict[str, Any], slots: list[list[str]]) -> list[list[str]]:
    """What each of those slots must say for `result` (nothing for a null, as a payback not computed)."""

    def lookup(path: str) -> str:
        value: Any = result
        for key in path.split("."):
            value = value[key]
        return "" if value is None else str(value)

    return [[name, lookup(name)] for name, _ in slots]


def expected_lines(result: dict[str, Any]) -> list[list[str]]:
    return [
        [line["name"], line["count_text"], line["unit_text"], line["monthly_text"]]
        for side in ("current", "elixir")
        for line in result[side]["lines"]
    ]


def fill(page: Any, values: dict[str, str]) -> None:
    """Type into the calculator by each field's visible label, as a visitor would."""
    labels = {spec["key"]: spec["label"] for spec in calculator.field_specs()}
    kinds = {spec["key"]: spec["kind"] for spec in calculator.field_specs()}
    form = page.locator("[data-calc-form]").first
    for key, value in values.items():
        field = form.get_by_label(re.compile("^" + re.escape(labels[key]) + r"( \(.*\))?$"))  # label (unit)
        if not field.is_visible():
            form.get_by_text("Antaganden och priser").click()  # open the folded assumptions
        if kinds[key] == "choice":
            field.select_option(value)
        elif kinds[key] == "boolean":
            field.set_checked(value == "true")
        else:
            field.fill(value)


def wait_for_saving(page: Any, text: str) -> None:
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector).textContent === text",
        arg=[SAVING, text],
        timeout=10_000,
    )


def wait_for_result(page: Any, expected: dict[str, Any], timeout_ms: int = 10_000) -> None:
    """Wait until every slot and every component line shows `expected` (edits may still be in flight).

    An edit on a live engine answers in milliseconds; a wait that includes
    starting the engine again (a restart) passes `READY_TIMEOUT_MS`."""
    slots = expected_slots(expected, slot_texts(page))
    page.wait_for_function(
        """([slots, lines]) => {
          const root = document.querySelector("[data-calculator]");
          const shown = [...root.querySelectorAll("[data-out]")].map(el => [el.dataset.out, el.textContent]);
          const rows = [...root.querySelectorAll("tbody[data-lines] tr")]
            .map(row => [...row.querySelectorAll("[data-line-out]")].map(c => c.textContent));
          return JSON.stringify(shown) === JSON.stringify(slots) && JSON.stringify(rows) === JSON.stringify(lines);
        }""",
        arg=[slots, expected_lines(expected)],
        timeout=timeout_ms,
    )


def wait_for_address_query(page: Any, own_query: str) -> None:
    """Wait until the address bar carries `own_query` (the calculator writes it once typing pauses)."""
    page.wait_for_function(
        "(query) => location.search.includes(query)",
        arg=own_query,
        timeout=10_000,
    )
