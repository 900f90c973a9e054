"""The calculator on a phone (390 px wide, as an iPhone 12–15).

The results stack under a long form there, so the page keeps a compact copy
of the headline in view while the form is on screen: after an edit the
visitor sees the new result without scrolling. The test checks it the way
the eye would: the bar is inside the viewport, below Material's header and
the topmost thing at its place.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

import calculator
from tests.support.calculator_page import open_calculator, wait_for_result

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
BAR = "[data-calculator] .calc__bar"

# Where an element is on screen, and whether nothing covers its middle.
ON_SCREEN = """element => {
  const box = element.getBoundingClientRect();
  const header = document.querySelector(".md-header").getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    inViewport: box.top >= header.bottom && box.bottom <= innerHeight && box.height > 0,
    uncovered: element.contains(top),
    belowViewport: box.top >= innerHeight,
  };
}"""


def test_after_an_edit_on_a_phone_the_new_result_is_in_view(new_context: Any, site_url: str) -> None:
    page = new_context(**PHONE).new_page()
    open_calculator(page, site_url)
    page.locator(".calc__assumptions > summary").click()
    field = page.get_by_label("Pris per server", exact=False).first
    field.evaluate("element => element.scrollIntoView({block: 'center'})")
    # Where the visitor types, the form's start and the results are both out of sight.
    assert page.locator("[data-calc-form]").evaluate("form => form.getBoundingClientRect().top < 0")
    assert page.locator(".calc__saving").evaluate(ON_SCREEN)["belowViewport"]

    values = {"server_kr": "450"}
    field.fill(values["server_kr"])
    expected = calculator.compute(values)
    wait_for_result(page, expected)

    bar = page.locator(BAR).evaluate(ON_SCREEN)
    assert bar["inViewport"] and bar["uncovered"], bar
    assert field.evaluate(ON_SCREEN)["inViewport"], "the visitor did not have to scroll"
    assert expected["saving"]["monthly_text"] in page.locator(BAR).text_content()


def test_on_a_phone_the_bar_carries_a_contact_button_nothing_covers(new_context: Any, site_url: str) -> None:
    """After any edit the visitor can get in touch from where they are: the
    bar's contact button is on screen and the topmost thing at its middle,
    also once scrolling up has brought out Material's back-to-top button,
    and it carries the new scenario."""
    page = new_context(**PHONE).new_page()
    open_calculator(page, site_url)
    button = page.locator(f"{BAR} a[data-contact-cta]")
    for values in ({"users": "30000"}, {"server_kr": "450"}):
        field = page.locator(f"[data-calc-form] [name={next(iter(values))}]")
        if not field.is_visible():
            page.locator(".calc__assumptions > summary").click()
        field.evaluate("element => element.scrollIntoView({block: 'center'})")
        field.fill(next(iter(values.values())))
        expected = calculator.compute(values | ({"users": "30000"} if "server_kr" in values else {}))
        wait_for_result(page, expected)
        page.mouse.wheel(0, -120)  # scrolling up brings out Material's back-to-top button
        page.wait_for_function("() => !document.querySelector('.md-top').hidden")
        page.wait_for_timeout(400)  # its transition
        shown = button.evaluate(ON_SCREEN)
        assert shown["inViewport"] and shown["uncovered"], (values, shown)
        assert button.text_content() == "Kontakta oss"
        href = button.get_attribute("href") or ""
        if href.startswith("mailto:"):
            assert quote(expected["saving"]["monthly_text"], safe="") in href, "the button carries the scenario"
        else:
            assert href == "#kontakt"


def test_wide_screens_show_the_results_beside_the_form_and_no_bar(new_context: Any, site_url: str) -> None:
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(site_url)
    assert page.locator(BAR).is_hidden()
