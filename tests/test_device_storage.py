"""What the site stores on the visitor's device matches what it says (footer and privacy notice).

Nothing is written to cookies, localStorage or sessionStorage before the
visitor acts: not on loading a page, not while the calculator boots and
runs, not on moving to another page. Switching between light and dark stores
that choice alone, under the key the privacy notice names, and the next visit
keeps it (`docs/assets/javascripts/palette-storage.js`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitebuild.privacy_notice import PALETTE_STORAGE_KEY
from tests.support.calculator_page import READY, READY_TIMEOUT_MS

pytestmark = pytest.mark.browser

STORES = """() => ({
  cookies: document.cookie,
  local: Object.fromEntries(Object.entries(localStorage)),
  session: Object.fromEntries(Object.entries(sessionStorage)),
})"""


def stores(page: Any) -> dict[str, Any]:
    """The three stores a page can write, plus every cookie of the context (HttpOnly too)."""
    found: dict[str, Any] = page.evaluate(STORES)
    found["all_cookies"] = page.context.cookies()
    return found


EMPTY = {"cookies": "", "local": {}, "session": {}, "all_cookies": []}


@pytest.fixture
def page(new_context: Any) -> Any:
    """A fresh context whose system setting is light."""
    return new_context(color_scheme="light").new_page()


def test_nothing_is_stored_until_the_visitor_acts(site_url: str, page: Any) -> None:
    page.goto(site_url, wait_until="networkidle")
    assert stores(page) == EMPTY
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)  # the calculator is live
    assert stores(page) == EMPTY
    page.get_by_role("link", name="Integritetspolicy").first.click()  # Material's instant navigation
    page.wait_for_url("**/integritetspolicy/")
    page.wait_for_load_state("networkidle")
    assert stores(page) == EMPTY
    page.goto(site_url + "sa-raknar-vi/", wait_until="networkidle")
    assert stores(page) == EMPTY


def test_switching_the_palette_stores_that_choice_alone(site_url: str, page: Any) -> None:
    page.goto(site_url, wait_until="networkidle")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("label[for^=__palette]:visible").click()  # "Byt till mörkt läge"
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    found = stores(page)
    assert list(found["local"]) == [PALETTE_STORAGE_KEY]
    assert '"scheme":"slate"' in found["local"][PALETTE_STORAGE_KEY]
    assert (found["cookies"], found["session"], found["all_cookies"]) == ("", {}, [])

    page.goto(site_url + "sa-raknar-vi/", wait_until="networkidle")  # the choice is kept on the next page
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert list(stores(page)["local"]) == [PALETTE_STORAGE_KEY]


def test_the_words_say_what_is_stored(built_site: Path) -> None:
    """The footer of every page and the privacy notice describe exactly the behaviour tested above."""
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert (
            "Inga kakor och ingen spårning. Sidan sparar bara ditt val av ljust eller mörkt läge i webbläsaren, "
            "och bara när du byter läge." in html
        ), page
    notice = (built_site / "integritetspolicy" / "index.html").read_text(encoding="utf-8")
    assert f"<code>{PALETTE_STORAGE_KEY}</code>" in notice
    assert "Byter du aldrig läge sparas ingenting" in notice


def test_without_a_stored_choice_the_first_paint_follows_the_system(site_url: str, new_context: Any) -> None:
    """Nothing stored, so the inline palette script takes the system's scheme
    itself (overrides/partials/javascripts/palette.html): a dark system gets the
    dark scheme before Material's bundle runs, here never (blocked)."""
    page = new_context(color_scheme="dark").new_page()
    page.route("**/bundle.*.min.js", lambda route: route.abort())
    page.goto(site_url, wait_until="domcontentloaded")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert stores(page) == EMPTY
