"""The call to action in a browser: mail links, the form, and the calculator's scenario.

With no form endpoint (the committed configuration) every contact button is a
`mailto:` link. With one, the form posts to a local endpoint on 127.0.0.1
that either accepts or fails, and the visitor is told which, in Swedish,
without losing what they typed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild.mail_link import MAIL_INTRO, MAIL_SUBJECT, mailto_href
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
    with config_variant(f"extra:\n  contact:\n    form_endpoint: {endpoint.url}\n") as config_file:
        result = build_site(site, config_file)
    assert result.returncode == 0, result.stderr
    with StaticServer(site) as server:
        yield server.url


@pytest.fixture
def page(new_context):
    context = new_context()
    yield context.new_page()
    context.close()


def fill_form(page, message: str = "Vi kör 40 Node-servrar.") -> None:
    page.get_by_label("Namn").fill("Ada Lind")
    page.get_by_label("Företag").fill("Lind & Co")
    page.get_by_label("E-post").fill("ada@example.se")
    page.get_by_label("Meddelande").fill(message)


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
        assert href == mailto_href("kontakt@example.com", f"{SCENARIO['summary']}\n{SCENARIO['link']}")


def test_with_endpoint_buttons_go_to_the_labelled_form(form_site_url: str, page) -> None:
    page.goto(form_site_url)
    hrefs = page.locator("a[data-contact-cta]").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert hrefs and set(hrefs) == {"#kontakt"}
    for label in ("Namn", "E-post", "Meddelande"):
        assert page.get_by_label(label).evaluate("field => field.required")
    assert page.locator("[data-contact-status]").get_attribute("aria-live") == "polite"


def test_form_success_is_confirmed_and_fields_are_cleared(form_site_url: str, endpoint: FormEndpoint, page) -> None:
    endpoint.status = 200
    endpoint.received.clear()
    page.goto(form_site_url)
    fill_form(page)
    page.get_by_role("button", name="Skicka förfrågan").click()
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
    page.get_by_role("button", name="Skicka förfrågan").click()
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
