"""The calculator on a phone (390 px wide, as an iPhone 12–15).

The results stack under a long form there, so the page keeps a compact copy
of the headline in view while the form is on screen: after an edit the
visitor sees the new result without scrolling. The test checks it the way
the eye would: the bar is inside the viewport, below Material's header and
the topmost thing at its place.
"""

from __future__ import annotations

from typing import Any

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


def test_wide_screens_show_the_results_beside_the_form_and_no_bar(new_context: Any, site_url: str) -> None:
    page = new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(site_url)
    assert page.locator(BAR).is_hidden()
