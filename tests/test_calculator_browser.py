"""The calculator in a real browser: Debian Chromium through Playwright,
against the built site served on 127.0.0.1, with the model running in
self-hosted Pyodide in a module worker.

Each expected number comes from CPython's `calculator.compute` for the same
inputs, so these tests prove the browser shows what the model computes.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import calculator
from sitebuild import mail_link
from tests.support.calculator_page import (
    READY,
    READY_TIMEOUT_MS,
    SAVING,
    SHARES_THE_LIVE_PAGE,
    expected_lines,
    expected_slots,
    fill,
    line_texts,
    open_calculator,
    slot_texts,
    wait_for_address_query,
    wait_for_result,
    wait_for_saving,
)
from tests.support.committed_site import canonical_site_url, contact_settings

pytestmark = pytest.mark.browser

class SlotParser(HTMLParser):
    """Collects `[slot name, text]` of `data-out` elements of static HTML (the pre-rendered numbers)."""

    VOID = frozenset({"input", "br", "img", "meta", "link", "rect", "path", "hr", "source", "col", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.slots: list[list[str]] = []
        self._open: list[tuple[str, int | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        slot = dict(attrs).get("data-out")
        index = None
        if slot is not None:
            index = len(self.slots)
            self.slots.append([slot, ""])
        self._open.append((tag, index))

    def handle_endtag(self, tag: str) -> None:
        while self._open and self._open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        innermost = next((index for _, index in reversed(self._open) if index is not None), None)
        if innermost is not None:
            self.slots[innermost][1] += data


def prerendered_slots(built_site: Path) -> list[list[str]]:
    html = (built_site / "index.html").read_text(encoding="utf-8")
    section = html[html.index("data-calculator") :]
    parser = SlotParser()
    parser.feed(section[: section.index("<template")])
    return parser.slots



def test_prerendered_numbers_are_the_models(built_site: Path) -> None:
    """What a visitor sees before any script runs; the live page shows the same
    (checked first in `test_typing_gives_the_numbers_cpython_computes`)."""
    expected = calculator.compute({})
    prerendered = prerendered_slots(built_site)
    assert len(prerendered) >= 10
    assert prerendered == expected_slots(expected, prerendered)
    headline = "Du kan spara 1\u00a0700\u00a0kr/\u2060mån (77\u00a0%) – 20\u00a0400\u00a0kr/\u2060år."
    assert ["saving.headline", headline] in prerendered


# Typed in this order on one page, as a visitor trying scenarios would: each
# keeps the fields typed before it.
TYPED_SCENARIOS = [
    {"users": "100 000", "stack": "java"},
    {"users": "500", "stack": "ruby", "realtime": "true"},
    {"users": "2500000", "stack": "python", "server_kr": "1 450,50", "elixir_lb": "false"},
]


@SHARES_THE_LIVE_PAGE
def test_typing_gives_the_numbers_cpython_computes(built_site: Path, example_page: Any) -> None:
    page = example_page
    assert slot_texts(page) == prerendered_slots(built_site), "live, the page shows what the build wrote"
    assert line_texts(page) == expected_lines(calculator.compute({}))
    typed: dict[str, str] = {}
    for values in TYPED_SCENARIOS:
        fill(page, values)
        typed.update(values)
        expected = calculator.compute(typed)
        assert expected["ok"], expected
        wait_for_result(page, expected)
        texts = slot_texts(page)
        assert texts == expected_slots(expected, texts), typed
        assert line_texts(page) == expected_lines(expected), typed


@SHARES_THE_LIVE_PAGE
def test_a_bad_value_shows_the_models_message_at_its_field(example_page: Any) -> None:
    page = example_page
    fill(page, {"users": "-5"})
    message = calculator.compute({"users": "-5"})["errors"]["users"]
    error = page.locator("[data-error-for='users']")
    error.wait_for(state="visible", timeout=10_000)
    assert error.text_content() == message
    field = page.get_by_label("Samtidiga användare", exact=True)
    assert field.get_attribute("aria-invalid") == "true"
    assert field.input_value() == "-5", "the visitor's value is kept"
    described_by = field.get_attribute("aria-describedby") or ""
    assert error.get_attribute("id") in described_by.split()


def test_the_scenario_travels_in_the_share_link_and_the_contact_link(site_url: str, page: Any, context: Any) -> None:
    open_calculator(page, site_url)
    values = {"users": "40 000", "stack": "python", "jobs": "false"}
    history_before = page.evaluate("history.length")
    fill(page, values)
    expected = calculator.compute(values)
    wait_for_result(page, expected)
    link = page.locator("[data-calc-link]").input_value()
    assert urlsplit(link).query == expected["query"]
    wait_for_address_query(page, expected["query"])
    assert page.url == link, "the address bar carries the scenario once typing pauses"
    assert page.evaluate("history.length") == history_before, "editing adds no history entries"
    check_contact_carries(page, expected)

    second = context.new_page()
    open_calculator(second, link)
    wait_for_result(second, expected)
    assert second.get_by_label("Samtidiga användare", exact=True).input_value() == expected["fields"]["users"]
    assert second.get_by_label("Nuvarande stack", exact=True).input_value() == "python"

    second.get_by_role("button", name="Återställ").click()
    wait_for_saving(second, calculator.compute({})["saving"]["headline"])


# Each link carries several bad values, as a crafted link would: markup in a
# number, a choice and the version; values that are no number, negative, in
# exponent form or absurdly long; an unknown choice; a checkbox that is no yes/no.
SCRIPT = "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E"
IMG = "%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"
HOSTILE_LINKS = {
    "markup": f"?v=1&users={SCRIPT}&stack={IMG}&jobs=maybe",
    "attribute": f"?v=1&users={IMG}&stack=cobol&cap_elixir=NaN",
    "numbers": "?v=1&users=-5&server_kr=1e309&migration_kr=" + "9" * 5000,
    "version": "?v=%3Cb%3Ebold%3C%2Fb%3E",
}
# Every visible message of the first calculator: at its field, or above the form.
MESSAGES = """() => {
  const root = document.querySelector("[data-calculator]");
  const visible = (el) => !el.hidden && el.textContent.trim() !== "";
  return {
    fields: Object.fromEntries([...root.querySelectorAll("[data-error-for]")].filter(visible)
      .map((el) => [el.dataset.errorFor, el.textContent])),
    notice: [...root.querySelectorAll("[data-calc-notice] p")].filter(visible).map((p) => p.textContent),
  };
}"""


@pytest.mark.parametrize("query", HOSTILE_LINKS.values(), ids=HOSTILE_LINKS.keys())
def test_hostile_links_show_messages_never_markup(site_url: str, page: Any, context: Any, query: str) -> None:
    """Each bad value gets the model's message: at its field, or above the form
    for what no field can hold (a checkbox's value, the link's version)."""
    errors = calculator.compute(calculator.decode_query(query))["errors"]
    own_message_fields = {spec["key"] for spec in calculator.field_specs() if spec["kind"] != "boolean"}
    at_fields = {key: message for key, message in errors.items() if key in own_message_fields}
    above = sorted(message for key, message in errors.items() if key not in at_fields)
    assert len(errors) >= 1, errors
    open_calculator(page, site_url + query)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-error-for], [data-calc-notice]')]"
        ".some(el => !el.hidden && el.textContent.trim())",
        timeout=10_000,
    )
    shown = page.evaluate(MESSAGES)
    assert shown["fields"] == at_fields
    assert sorted(shown["notice"]) == above
    recorder = context.recorder
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-calculator] img, [data-calculator] b, [data-calculator] script").count() == 0
    assert recorder.dialogs == []
    assert recorder.page_errors == []
    assert recorder.console_errors == []
    # The pre-rendered numbers (the last valid result) are still on the page.
    assert page.locator(SAVING).text_content() == calculator.compute({})["saving"]["headline"]


def test_an_unknown_hostile_key_is_ignored_without_markup(site_url: str, page: Any, context: Any) -> None:
    """Parameters that are not the calculator's are someone else's (see test_campaign_links)."""
    hostile = "%3Cb%3Ebold%3C%2Fb%3E=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"
    open_calculator(page, f"{site_url}?{hostile}&users=20000")
    wait_for_result(page, calculator.compute({"users": "20000"}))
    assert page.evaluate("window.__pwned") is None
    assert page.locator("[data-calculator] img, [data-calculator] b").count() == 0
    assert page.locator("[data-calc-notice]").is_hidden()
    assert context.recorder.console_errors == [] and context.recorder.page_errors == []


def test_blocked_webassembly_ends_in_a_message_and_retry_recovers(site_url: str, page: Any) -> None:
    page.route(re.compile(r".*\.wasm$"), lambda route: route.abort())
    page.goto(site_url)
    page.locator("#kalkylator").scroll_into_view_if_needed()
    retry = page.get_by_role("button", name="Försök igen")
    retry.wait_for(state="visible", timeout=READY_TIMEOUT_MS)
    assert "kunde inte laddas" in page.locator("[data-calc-status]").text_content()
    expected = calculator.compute({})
    assert page.locator(SAVING).text_content() == expected["saving"]["headline"]
    assert contact_link(page) == site_mail_link(expected), "the build's link stays"

    page.unroute(re.compile(r".*\.wasm$"))
    retry.click()
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)
    assert retry.is_hidden()


def test_a_load_that_hangs_ends_after_a_bounded_time(site_url: str, page: Any) -> None:
    """A load that makes no progress ends by the engine's stall rule (30 s without a byte or a boot step)."""
    page.clock.install()
    page.route(re.compile(r".*\.wasm$"), lambda route: None)  # never answered
    page.goto(site_url)
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.wait_for_selector("[data-calc-progress]:not([hidden])", timeout=10_000)
    retry = page.get_by_role("button", name="Försök igen")
    assert retry.is_hidden()
    page.clock.run_for(31_000)
    retry.wait_for(state="visible", timeout=10_000)
    assert "kunde inte laddas" in page.locator("[data-calc-status]").text_content()
    assert page.locator("[data-calc-progress]").is_hidden()


def test_without_javascript_the_example_and_the_contact_link_are_there(new_context: Any, site_url: str) -> None:
    context = new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url)
        expected = calculator.compute({})
        assert page.locator(SAVING).text_content() == expected["saving"]["headline"]
        assert contact_link(page) == site_mail_link(expected)
    finally:
        context.close()


def contact_link(page: Any) -> str:
    """Where the calculator's call to action goes."""
    return page.get_by_role("link", name="Få en kostnadsfri analys av ditt scenario").get_attribute("href") or ""


def site_email() -> str:
    """The committed site's contact address. The site has no form
    (tests/test_contact_form.py covers one), so its call to action is a mail."""
    settings = contact_settings()
    assert settings.form_endpoint is None
    return settings.email


def site_mail_link(result: dict[str, Any]) -> str:
    """The committed site's mail link as the build writes it for the landing page's
    calculator: the scenario's lines and its share link at the site's address."""
    return mail_link.mailto_href(site_email(), result["summary"], f"{canonical_site_url()}?{result['query']}#kalk1")


def check_contact_carries(page: Any, expected: dict[str, Any]) -> None:
    """The call to action opens a mail to the site's address carrying the scenario."""
    href = contact_link(page)
    assert href.startswith(mail_link.prefix(site_email())), href
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert expected["saving"]["monthly_text"] in body
    assert expected["query"] in body


def test_calculator_starts_after_instant_navigation(site_url: str, page: Any) -> None:
    """Material swaps the page in place; the calculator must start on the new content.

    Material matches links against sitemap.xml by protocol and host but not port,
    so on a test server's port a click would load the page in full. The test
    does what Material's click handler does: push the new address, then feed
    Material's `location$`.
    """
    page.goto(site_url + "sa-raknar-vi/")
    page.wait_for_function("() => typeof location$ !== 'undefined' && typeof document$ !== 'undefined'")
    page.evaluate("window.__sameDocument = true")
    page.evaluate("""() => {
        const url = new URL("../", location.href);
        history.pushState(null, "", url);
        location$.next(url);
    }""")
    page.wait_for_selector("#kalkylator", timeout=10_000)
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)
    assert page.evaluate("window.__sameDocument") is True, "the page was swapped in place, not reloaded"
