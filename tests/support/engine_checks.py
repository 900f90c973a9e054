"""What a visit in another browser engine must show, once for every engine.

`tests/test_firefox.py` and `tests/test_webkit.py` each run one visit of the
site served by real nginx (a script that drives the engine and reports what
the page showed, see `plan`) and import the tests below, which pytest then
collects in each module with that module's `visit` fixture. Every expected
number comes from CPython's `calculator.compute` for the same input.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import calculator
from tests.support.calculator_page import READY, SAVING, expected_lines, expected_slots
from tests.support.pdf_text import plain, read_pdf, squash

# Typed in this order on one page, as a visitor would.
SCENARIOS: list[dict[str, str]] = [
    {"users": "25 000"},
    {"users": "100 000", "stack": "java", "realtime": "true"},
    {"users": "2500000", "stack": "python", "server_kr": "1 450,50", "elixir_lb": "false"},
]
HOSTILE = "?v=1&users=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&stack=%3Cb%3Ex%3C%2Fb%3E"
CAMPAIGN = "?utm_source=x&fbclid=y"


def typed_so_far(index: int) -> dict[str, str]:
    """The form's values after typing scenarios 0..index (each keeps the fields before it)."""
    values: dict[str, str] = {}
    for scenario in SCENARIOS[: index + 1]:
        values.update(scenario)
    return values


def plan(url: str, pdf: Path | None = None) -> dict[str, Any]:
    """The visit for an engine's script: where to go (the site by a campaign link,
    then by the share link and a hostile link), what to type, what to wait for
    (the saving and the component lines CPython computes for what was typed so
    far), and where to print the page (for an engine that can)."""
    kinds = {spec["key"]: spec["kind"] for spec in calculator.field_specs()}
    scenarios = []
    for index, values in enumerate(SCENARIOS):
        expected = calculator.compute(typed_so_far(index))
        scenarios.append({
            "fields": [{"key": key, "kind": kinds[key], "value": value} for key, value in values.items()],
            "saving": expected["saving"]["headline"],
            "lines": expected_lines(expected),
        })
    return {
        "url": url,
        "ready": READY,
        "saving": SAVING,
        "scenarios": scenarios,
        "hostile": HOSTILE,
        "campaign": CAMPAIGN,
        "pdf": str(pdf) if pdf else None,
    }


def step(visit: dict[str, Any], name: str) -> dict[str, Any]:
    """One step's observations; fails the test with the engine's error if the step failed."""
    found = visit.get(name)
    assert isinstance(found, dict), f"the visit recorded no {name!r} step"
    assert "error" not in found, f"{name}: {found['error']}"
    return found


def default_saving() -> str:
    """The headline of the page's example, which a refused link leaves in place."""
    return str(calculator.compute({})["saving"]["headline"])


def test_the_page_goes_live_without_console_errors(visit: dict[str, Any]) -> None:
    load = step(visit, "load")
    assert load["consoleErrors"] == []
    assert load["saving"] == default_saving()


@pytest.mark.parametrize("index", range(len(SCENARIOS)))
def test_typed_scenarios_show_what_cpython_computes(visit: dict[str, Any], index: int) -> None:
    shown = visit["scenarios"][index]
    assert shown is not None and "error" not in shown, shown
    expected = calculator.compute(typed_so_far(index))
    assert expected["ok"], expected
    assert shown["slots"] == expected_slots(expected, shown["slots"])
    assert shown["lines"] == expected_lines(expected)


def test_the_share_link_restores_the_scenario(visit: dict[str, Any]) -> None:
    shared = step(visit, "share")
    expected = calculator.compute(typed_so_far(len(SCENARIOS) - 1))
    assert urlsplit(shared["link"]).query == expected["query"]
    assert shared["slots"] == expected_slots(expected, shared["slots"])
    assert shared["fields"]["users"] == expected["fields"]["users"]
    assert shared["fields"]["stack"] == "python"


def test_a_hostile_link_shows_a_message_and_injects_nothing(visit: dict[str, Any]) -> None:
    hostile = step(visit, "hostile")
    assert hostile["messages"], "a message names what is wrong with the link"
    assert hostile["pwned"] is None
    assert hostile["markup"] == 0
    assert hostile["dialogs"] == []
    assert hostile["consoleErrors"] == []
    assert hostile["saving"] == default_saving()


def test_a_campaign_link_shows_no_notice(visit: dict[str, Any]) -> None:
    """Links from newsletters and ads carry `utm_*`/`fbclid`: not a scenario, nothing
    to say. The visit arrives by such a link; the address keeps its parameters
    while the visitor types, and the share link carries only the scenario."""
    arrival = step(visit, "load")
    assert arrival["messages"] == []
    assert arrival["saving"] == default_saving()
    typed = visit["scenarios"][-1]
    assert typed is not None and "error" not in typed, typed
    campaign = parse_qs(CAMPAIGN.removeprefix("?"))
    address = parse_qs(urlsplit(typed["address"]).query)
    assert {key: address.get(key) for key in campaign} == campaign, typed["address"]
    assert not campaign.keys() & parse_qs(urlsplit(typed["link"]).query).keys(), typed["link"]


def test_no_console_error_during_the_whole_visit(visit: dict[str, Any]) -> None:
    assert visit["consoleErrors"] == []


def test_the_print_button_prints_the_typed_result(visit: dict[str, Any]) -> None:
    """Printed with the calculator's button after the last scenario: the paper
    carries the visitor's result and the link to it, and not the article."""
    printed = step(visit, "print")
    assert printed["printed"], "the print button opens the browser's print dialog"
    if shutil.which("pdftotext") is None:
        pytest.skip("reading the printed PDF needs Debian's poppler-utils (pdftotext): "
                    "apt-get install -y poppler-utils")
    text = read_pdf(Path(printed["path"]))
    expected = calculator.compute(typed_so_far(len(SCENARIOS) - 1))
    assert squash(expected["saving"]["headline"]) in squash(text)
    assert urlsplit(printed["link"]).query == expected["query"]
    assert squash(printed["link"]) in squash(text)
    assert "Problemet med traditionella stackar" not in text
    # Two A4 sheets (no table alone on a third), and numbers as the page writes them, not as typed.
    assert text.count("\f") == 2, text
    assert re.search(r"Samtidiga användare\s+2 500 000(\s{2}|$)", plain(text), re.MULTILINE), text
