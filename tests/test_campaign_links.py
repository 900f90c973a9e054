"""Links as visitors really arrive: newsletter and ad links carry parameters
for others (utm_*, fbclid, gclid, …). The calculator reads only its own keys,
says nothing about the rest, and leaves them in the address bar; its own keys
in the same link still apply, and only their bad values get messages."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

import calculator
from tests.support.calculator_page import (
    READY,
    READY_TIMEOUT_MS,
    expected_slots,
    fill,
    open_calculator,
    wait_for_address_query,
    wait_for_result,
)

pytestmark = pytest.mark.browser

CAMPAIGN = (
    "utm_source=nyhetsbrev&utm_medium=email&utm_campaign=host-2026&utm_content=knapp&utm_term=elixir"
    "&fbclid=IwAR2abc&gclid=Cj0KCQ&msclkid=7f3e&mc_cid=2c9a&mc_eid=81b&_ga=2.1234.5678&ref=hackernews&okand=1"
)
MESSAGES = "[data-calculator] [data-calc-notice]:not([hidden]), [data-calculator] [data-error-for]:not([hidden])"


def shown(page: Any, root: str) -> list[list[str]]:
    """`[slot name, text]` of every `data-out` slot of the calculator `root`."""
    return page.eval_on_selector(
        root, "root => [...root.querySelectorAll('[data-out]')].map(el => [el.dataset.out, el.textContent])"
    )


def own_pairs(url: str) -> list[tuple[str, str]]:
    keys = {spec["key"] for spec in calculator.field_specs()} | {"v"}
    return [(key, value) for key, value in parse_qsl(urlsplit(url).query) if key in keys]


def test_a_campaign_link_shows_no_message_and_keeps_its_parameters(site_url: str, page: Any, context: Any) -> None:
    url = f"{site_url}?{CAMPAIGN}"
    open_calculator(page, url)
    assert page.locator(MESSAGES).count() == 0
    assert page.url == url, "the parameters stay in the address bar, untouched"
    assert shown(page, "#kalk1") == expected_slots(calculator.compute({}), shown(page, "#kalk1"))
    assert context.recorder.console_errors == [] and context.recorder.page_errors == []

    fill(page, {"users": "30000"})
    expected = calculator.compute({"users": "30000"})
    wait_for_result(page, expected)
    wait_for_address_query(page, expected["query"])
    address = page.url
    others = [pair for pair in parse_qsl(urlsplit(address).query) if pair not in own_pairs(address)]
    assert others == parse_qsl(CAMPAIGN), "an edit keeps them too"
    assert own_pairs(address) == parse_qsl(expected["query"])
    link = page.locator("[data-calc-link]").input_value()
    assert urlsplit(link).query == expected["query"], "the share link carries only the calculator's keys"


def test_the_calculators_own_keys_in_a_campaign_link_apply(site_url: str, page: Any) -> None:
    values = {"users": "40000", "stack": "python", "jobs": "false"}
    expected = calculator.compute(values)
    url = f"{site_url}?utm_source=nyhetsbrev&{expected['query']}&fbclid=abc#kalk1"
    open_calculator(page, url)
    wait_for_result(page, expected)
    assert page.locator(MESSAGES).count() == 0
    assert page.get_by_label("Nuvarande stack", exact=True).input_value() == "python"
    assert page.url == url


def test_only_the_calculators_bad_values_get_messages(site_url: str, page: Any) -> None:
    open_calculator(page, f"{site_url}?gclid=x&users=-5&utm_source=y&jobs=maybe")
    error = page.locator("[data-error-for='users']")
    error.wait_for(state="visible", timeout=10_000)
    assert error.text_content() == calculator.compute({"users": "-5"})["errors"]["users"]
    notice = page.locator("[data-calc-notice]").text_content() or ""
    assert notice == calculator.compute({"jobs": "maybe"})["errors"]["jobs"], "the checkbox's value, nothing else"


# The build puts one calculator on a page; a page with two is the built one
# with a copy of the calculator, ids renamed, added before the scripts start.
SECOND_CALCULATOR = """
document.addEventListener("DOMContentLoaded", () => {
  const first = document.getElementById("kalk1");
  const copy = first.cloneNode(true);
  for (const element of [copy, ...copy.querySelectorAll("[id]")]) element.id = element.id.replace("kalk1", "kalk2");
  for (const element of copy.querySelectorAll("[for], [aria-describedby], [aria-labelledby]")) {
    for (const name of ["for", "aria-describedby", "aria-labelledby"]) {
      if (element.hasAttribute(name))
        element.setAttribute(name, element.getAttribute(name).replaceAll("kalk1", "kalk2"));
    }
  }
  first.after(copy);
});
"""


def test_with_two_calculators_a_link_applies_to_the_one_it_names(site_url: str, page: Any) -> None:
    page.add_init_script(SECOND_CALCULATOR)
    page.goto(f"{site_url}?utm_source=x&users=40000#kalk2")
    page.locator("#kalk2").scroll_into_view_if_needed()
    page.wait_for_selector("#kalk2[data-live]", state="attached", timeout=READY_TIMEOUT_MS)
    second = expected_slots(calculator.compute({"users": "40000"}), shown(page, "#kalk2"))
    page.wait_for_function(
        """(slots) => JSON.stringify([...document.querySelectorAll('#kalk2 [data-out]')]
          .map(el => [el.dataset.out, el.textContent])) === JSON.stringify(slots)""",
        arg=second,
        timeout=10_000,
    )
    assert shown(page, "#kalk1") == expected_slots(calculator.compute({}), shown(page, "#kalk1"))
    assert page.locator("#kalk1-users").input_value() == calculator.compute({})["fields"]["users"]
    assert page.locator(MESSAGES).count() == 0
    assert page.locator(READY).count() == 2, "both calculators run on the one engine"
