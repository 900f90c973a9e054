"""The call to action in a browser: mail links, the form, and the calculator's scenario.

With no form endpoint (the committed configuration) every contact button is a
`mailto:` link. With one, the form posts to a local endpoint on 127.0.0.1
that records every post and either accepts or fails, and the visitor is told
which, in Swedish, without losing what they typed. Bots are kept out by a
trap field and a minimum time between showing the form and sending it: the
page's clock is Playwright's, so a test moves time on instead of waiting.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild.mail_link import MAIL_INTRO, MAIL_SUBJECT, mailto_href
from tests.support.axe_check import AXE, describe
from tests.support.config_variant import config_variant
from tests.support.site_builds import build_site
from tests.support.static_server import StaticServer

pytestmark = pytest.mark.browser

# Characters JavaScript's encodeURIComponent and Python's quote treat apart: ( ) ! ' * ~
SCENARIO = {
    "summary": "Nuvarande stack: Node.js / Express\nBesparing: 1 700 kr/mån (77 %)! Vår 'app' * 2 ~ ok",
    "link": "https://www.example.com/?anvandare=10000#kalkylator",
}
DISPATCH = "detail => document.dispatchEvent(new CustomEvent('kontakt:scenario', {detail}))"
# The trap field under Formspree's own name, as the README suggests for Formspree.
TRAP = "_gotcha"
# contact.js's MIN_FILL_MS: no person fills the form sooner.
MIN_FILL_MS = 3000


class FormEndpoint:
    """A form service on 127.0.0.1 that answers 200 or 500, as the test sets it."""

    def __init__(self) -> None:
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                endpoint.received.append(self.rfile.read(length).decode("utf-8"))
                self._answer(endpoint.status, json.dumps({"ok": endpoint.status == 200}).encode())

            def do_OPTIONS(self) -> None:
                self._answer(204, b"")

            def _answer(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Accept")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.status = 200
        self.received: list[str] = []
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/f/kontakt"

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[FormEndpoint]:
    server = FormEndpoint()
    yield server
    server.close()


@pytest.fixture(scope="module")
def form_site_url(endpoint: FormEndpoint, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = tmp_path_factory.mktemp("form-site")
    changes = f"extra:\n  contact:\n    form_endpoint: {endpoint.url}\n    honeypot_field: {TRAP}\n"
    with config_variant(changes) as config_file:
        result = build_site(site, config_file)
    assert result.returncode == 0, result.stderr
    with StaticServer(site) as server:
        yield server.url


@pytest.fixture
def page(new_context):
    context = new_context()
    page = context.new_page()
    page.clock.install()  # time runs on as usual, and a test may jump it forward
    yield page
    context.close()


def fill_form(page, message: str = "Vi kör 40 Node-servrar.") -> None:
    page.get_by_label("Namn").fill("Ada Lind")
    page.get_by_label("Företag").fill("Lind & Co")
    page.get_by_label("E-post").fill("ada@example.se")
    page.get_by_label("Meddelande").fill(message)


def open_filled_form(page, url: str, endpoint: FormEndpoint) -> None:
    """The form site, freshly loaded and filled in, with an endpoint that accepts and has received nothing."""
    endpoint.status = 200
    endpoint.received.clear()
    page.goto(url)
    fill_form(page)


def hold_the_clock(page) -> None:
    """The page's time stands still until `send` moves it on: a click "at once" stays sooner than a
    person can type however long the machine takes to load and fill the form."""
    page.clock.pause_at(datetime.now() + timedelta(seconds=1))


def send(page) -> None:
    """Press send as a person would: after the form has been on screen a while."""
    page.clock.fast_forward(MIN_FILL_MS)
    page.get_by_role("button", name="Skicka förfrågan").click()


def mail_body(href: str) -> str:
    query = urlsplit(href).query
    fields = dict(pair.split("=", 1) for pair in query.split("&"))
    return unquote(fields["body"]).replace("\r\n", "\n")


def test_without_endpoint_buttons_open_mail_with_swedish_subject(site_url: str, page) -> None:
    page.goto(site_url)
    links = page.locator("a[data-contact-cta]")
    assert links.count() >= 2  # hero button and the contact section's button
    for href in links.evaluate_all("links => links.map(link => link.href)"):
        assert href.startswith("mailto:kontakt@example.com?subject=")
        assert unquote(urlsplit(href).query.split("&")[0].split("=", 1)[1]) == MAIL_SUBJECT
    assert page.locator("#kontakt form").count() == 0


def test_scenario_goes_into_every_mail_link(site_url: str, page) -> None:
    page.goto(site_url)
    page.evaluate(DISPATCH, {"summary": "första", "link": "https://www.example.com/?a=1"})
    page.evaluate(DISPATCH, SCENARIO)
    hrefs = page.locator("a[data-contact-cta]").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs
    for href in hrefs:
        body = mail_body(href)
        assert body.startswith(MAIL_INTRO)
        assert SCENARIO["summary"] in body and body.endswith(SCENARIO["link"])
        assert "första" not in body
        # The browser's link is the build's, character for character: one encoding.
        assert href == mailto_href("kontakt@example.com", SCENARIO["summary"], SCENARIO["link"])


def test_with_endpoint_buttons_go_to_the_labelled_form(form_site_url: str, page) -> None:
    page.goto(form_site_url)
    hrefs = page.locator("a[data-contact-cta]").evaluate_all("links => links.map(link => link.href)")
    assert hrefs and set(hrefs) == {f"{form_site_url}#kontakt"}
    for label in ("Namn", "E-post", "Meddelande"):
        assert page.get_by_label(label).evaluate("field => field.required")
    assert page.locator("[data-contact-status]").get_attribute("aria-live") == "polite"


def test_form_success_is_confirmed_and_fields_are_cleared(form_site_url: str, endpoint: FormEndpoint, page) -> None:
    open_filled_form(page, form_site_url, endpoint)
    send(page)
    status = page.locator("[data-contact-status]")
    status.filter(has_text="Tack").wait_for()
    assert page.get_by_label("Namn").input_value() == ""
    (posted,) = endpoint.received
    for value in ("Ada Lind", "Lind & Co", "ada@example.se", "Vi kör 40 Node-servrar."):
        assert value in posted


def test_form_failure_is_reported_and_keeps_what_was_typed(form_site_url: str, endpoint: FormEndpoint, page) -> None:
    endpoint.status = 500
    page.goto(form_site_url)
    fill_form(page)
    send(page)
    status = page.locator("[data-contact-status]")
    status.filter(has_text="Det gick inte att skicka").wait_for()
    assert "kontakt@example.com" in status.inner_text()
    assert page.get_by_label("Namn").input_value() == "Ada Lind"
    assert page.get_by_label("Företag").input_value() == "Lind & Co"
    assert page.get_by_label("E-post").input_value() == "ada@example.se"
    assert page.get_by_label("Meddelande").input_value() == "Vi kör 40 Node-servrar."
    endpoint.status = 200


def test_scenario_fills_the_message_but_never_overwrites_the_visitors_text(form_site_url: str, page) -> None:
    page.goto(form_site_url)
    message = page.get_by_label("Meddelande")
    page.evaluate(DISPATCH, {"summary": "första", "link": "https://www.example.com/?a=1"})
    page.evaluate(DISPATCH, SCENARIO)
    text = message.input_value()
    assert text.startswith(MAIL_INTRO) and SCENARIO["summary"] in text and "första" not in text

    message.fill("Mina egna ord.")
    page.evaluate(DISPATCH, {"summary": "tredje", "link": "https://www.example.com/?a=3"})
    assert message.input_value() == "Mina egna ord."


def test_the_trap_is_hidden_from_people_keyboards_and_assistive_technology(form_site_url: str, page) -> None:
    page.goto(form_site_url)
    trap = page.locator(f"[data-contact-form] input[name={TRAP}]")
    assert trap.count() == 1
    assert trap.get_attribute("tabindex") == "-1" and trap.get_attribute("autocomplete") == "off"
    assert trap.evaluate("field => field.closest('[aria-hidden=true]') !== null")
    box = trap.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 0, "off-screen"
    page.get_by_label("Meddelande").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit", "Tab goes from the message to the button"
    form = page.locator("[data-contact-form]")
    assert form.get_by_role("textbox").count() == 4  # name, company, e-mail, message: the trap is not among them


def test_a_filled_trap_is_not_sent_and_the_visitor_is_thanked(
    form_site_url: str, endpoint: FormEndpoint, page
) -> None:
    open_filled_form(page, form_site_url, endpoint)
    page.locator(f"input[name={TRAP}]").evaluate("field => { field.value = 'https://spam.example' }")  # as a bot does
    send(page)
    page.locator("[data-contact-status]").filter(has_text="Tack").wait_for()
    page.wait_for_timeout(500)  # a post would have reached the endpoint by now
    assert endpoint.received == []


def test_a_post_sooner_than_a_person_can_type_is_held_back_calmly(
    form_site_url: str, endpoint: FormEndpoint, page
) -> None:
    hold_the_clock(page)
    open_filled_form(page, form_site_url, endpoint)
    page.get_by_role("button", name="Skicka förfrågan").click()  # at once, as a bot does
    status = page.locator("[data-contact-status]")
    status.filter(has_text="Det gick väldigt fort").wait_for()
    assert "Skicka förfrågan igen" in status.inner_text()
    assert page.get_by_label("Meddelande").input_value() == "Vi kör 40 Node-servrar."  # nothing lost
    assert endpoint.received == []

    send(page)  # the same person, a moment later
    status.filter(has_text="Tack").wait_for()
    (posted,) = endpoint.received
    assert "Ada Lind" in posted
    assert f'name="{TRAP}"' in posted  # sent empty: Formspree drops only a filled one


def test_axe_finds_nothing_in_the_form_with_its_trap_and_a_held_back_post(form_site_url: str, page) -> None:
    hold_the_clock(page)
    page.goto(form_site_url)
    fill_form(page)
    page.get_by_role("button", name="Skicka förfrågan").click()  # too soon: the calm notice shows
    page.locator("[data-contact-status]").filter(has_text="Det gick väldigt fort").wait_for()
    page.clock.resume()  # axe waits on the page's timers
    violations = AXE.run(page, context={"include": [["#kontakt"]]}).response["violations"]
    assert not violations, describe(violations)
