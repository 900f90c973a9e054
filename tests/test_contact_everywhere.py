"""No dead ends: every page's contact button reaches a form or the mail link, and the mail link stays short.

- A second page that embeds the calculator, on a site with a form endpoint:
  its button opens the landing page's form, visible, with the scenario.
- The method page ends with the contact section; the 404 page offers the
  start page, the calculator and contact.
- With the calculator live, the page's mail link is at most 1 800 characters
  for a long scenario with a migration cost, and carries its share link.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

import calculator
from sitebuild.mail_link import MAX_HREF_CHARS
from tests.support.calculator_page import fill, open_calculator, wait_for_result
from tests.support.config_variant import WITH_FORM, config_variant
from tests.support.paths import REPO
from tests.support.site_builds import build_site
from tests.support.static_server import StaticServer

pytestmark = pytest.mark.browser

CASE_STUDY = """---
description: En kundberättelse med kalkylatorn inbäddad, med förval för kundens system.
---

# Fallstudie

<!-- sajt:kalkylator users=50000 stack=java -->
"""
# The calculator's own contact button (not the sticky bar's copy, when there is one).
CALCULATOR_CTA = "[data-calculator] a[data-contact-cta] >> visible=true"
SITE_URL = "https://www.example.com/"  # mkdocs.yml's site_url, which the 404 page's links start with


@pytest.fixture(scope="module")
def case_study_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site with a form endpoint and a second page that embeds the calculator (`fallstudie.md`)."""
    folder = tmp_path_factory.mktemp("case-study")
    docs = folder / "docs"
    shutil.copytree(REPO / "docs", docs)
    (docs / "fallstudie.md").write_text(CASE_STUDY, encoding="utf-8")
    with config_variant(f"docs_dir: {docs}\n{WITH_FORM}") as config_file:
        result = build_site(folder / "site", config_file)
    assert result.returncode == 0, result.stderr
    with StaticServer(folder / "site") as server:
        yield server.url


@pytest.fixture()
def page(new_context: Any) -> Any:
    return new_context(viewport={"width": 1280, "height": 900}).new_page()


def test_a_second_page_with_the_calculator_reaches_the_visible_form(case_study_site: str, page: Any) -> None:
    page.goto(case_study_site + "fallstudie/")
    cta = page.locator(CALCULATOR_CTA).first
    assert page.locator("#kontakt").count() == 0, "the case study has no contact section of its own"
    cta.click()
    page.wait_for_url(re.compile(r"/\?v=1&.*#kontakt$"))
    assert urlsplit(page.url).path == "/" and "users=50000" in page.url and "stack=java" in page.url
    form = page.locator("#kontakt form")
    form.wait_for(state="visible")
    assert form.evaluate("form => form.getBoundingClientRect().top < innerHeight"), "scrolled to the form"
    message = page.get_by_label("Meddelande").input_value()
    assert "users=50000" in message and "stack=java" in message, "the message starts from the scenario"


def test_the_method_page_ends_with_the_contact_section(site_url: str, case_study_site: str, page: Any) -> None:
    page.goto(site_url + "sa-raknar-vi/")
    section = page.locator("article > .contact, article #kontakt").first
    assert section.get_attribute("id") == "kontakt"
    assert page.locator("article > :last-child").get_attribute("id") == "kontakt", "the page ends with it"
    href = section.locator("a[data-contact-cta]").get_attribute("href") or ""
    assert href.startswith("mailto:kontakt@example.com?subject="), "no form endpoint: the mail link"

    page.goto(case_study_site + "sa-raknar-vi/")
    page.locator("#kontakt form").wait_for(state="visible")


def test_the_404_page_offers_the_start_page_the_calculator_and_contact(site_url: str, page: Any) -> None:
    page.goto(site_url + "404.html")
    links = page.locator(".not-found a")
    assert [link.text_content() for link in links.all()] == ["Till startsidan", "Räkna på ditt scenario",
                                                            "Kontakta oss"]
    targets = [link.get_attribute("href") or "" for link in links.all()]
    assert targets == [SITE_URL, f"{SITE_URL}#kalk1", f"{SITE_URL}#kontakt"]
    for target in targets[1:]:  # the anchors exist on the page the links open
        page.goto(target.replace(SITE_URL, site_url))
        anchor = page.locator(f"#{urlsplit(target).fragment}")
        anchor.wait_for(state="visible")


def test_the_live_mail_link_stays_short_for_a_long_scenario(site_url: str, page: Any) -> None:
    open_calculator(page, site_url)
    values = {"users": "999999999", "stack": "python", "migration_kr": "999 999 999,99", "years": "17",
              "server_kr": "999999,99", "redis_kr": "999999,99", "lb_kr": "999999,99", "cap_now": "3",
              "cap_elixir": "7", "min_servers": "99", "realtime": "true", "websockets": "true",
              "elixir_lb": "false"}
    fill(page, values)
    expected = calculator.compute(values)
    wait_for_result(page, expected)
    href = page.locator(CALCULATOR_CTA).first.get_attribute("href") or ""
    assert href.startswith("mailto:") and len(href) <= MAX_HREF_CHARS, len(href)
    body = unquote(href.split("&body=", 1)[1]).replace("\r\n", "\n")
    link = page.locator("[data-calc-link]").input_value()
    assert body.endswith(f"{expected['summary']}\n{link}")
    assert urlsplit(link).query == expected["query"]
