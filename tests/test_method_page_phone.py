"""The method page ("Så räknar vi") on a 390 px phone: every table readable
without sideways scrolling, keys whole, and its title in the landing page's
heading style."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
HEADING_STYLE = """element => {
  const style = getComputedStyle(element), bar = getComputedStyle(element, "::after");
  return [style.fontWeight, style.color, style.letterSpacing, bar.backgroundColor, bar.width];
}"""


@pytest.fixture()
def phone(new_context: Any) -> Any:
    return new_context(viewport=PHONE).new_page()


# Whether a table's contents are rendered: off screen they wait
# (`content-visibility: auto`, site.css), so each is measured once on screen.
RENDERED = "table => table.querySelector('td').checkVisibility({contentVisibilityAuto: true})"
EDGES = "table => { const box = table.getBoundingClientRect(); return [box.left, box.right]; }"


def test_no_table_of_the_method_page_is_wider_than_a_phone(site_url: str, phone: Any) -> None:
    phone.goto(site_url + "sa-raknar-vi/")
    tables = phone.locator("article table")
    assert tables.count() >= 5
    assert tables.last.evaluate(RENDERED) is False, "a table far off screen is not rendered while the page starts"
    edges = []
    for table in tables.all():
        table.scroll_into_view_if_needed()
        table.element_handle().wait_for_element_state("stable")
        phone.wait_for_function(RENDERED, arg=table.element_handle())
        edges.append(table.evaluate(EDGES))
    assert all(left >= 0 and right <= PHONE["width"] for left, right in edges), edges
    scrolling = phone.eval_on_selector_all(
        "article .md-typeset__scrollwrap, article .md-typeset__table",
        "boxes => boxes.filter(box => box.scrollWidth > box.clientWidth).length")
    assert scrolling == 0, "a table scrolls sideways"
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # "Förval och källor": each row a block of "heading: value" lines, keys never broken.
    key = phone.locator("article td:has(> code)").filter(has_text="migration_kr").first
    assert key.evaluate("cell => getComputedStyle(cell, '::before').content") == '"Nyckel i länken"'
    lines = phone.eval_on_selector_all("article td > code", "codes => codes.map(code => code.getClientRects().length)")
    assert lines and set(lines) == {1}, "a key broke across lines"


def test_the_method_page_title_is_styled_as_the_landing_pages_headings(site_url: str, phone: Any) -> None:
    phone.goto(site_url)
    landing = phone.locator(".band > h2").first.evaluate(HEADING_STYLE)
    phone.goto(site_url + "sa-raknar-vi/")
    title = phone.locator("article h1")
    assert title.text_content() == "Så räknar vi"
    assert title.evaluate(HEADING_STYLE) == landing


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}])
def test_a_link_to_a_section_lands_on_it_although_tables_wait_to_render(
    site_url: str, new_context: Any, viewport: dict[str, int]
) -> None:
    """Off-screen tables are rendered late (site.css); a link to a section after them still lands on it."""
    page = new_context(viewport=viewport).new_page()
    for section in ("kansligheten", "forval-och-kallor", "avrundning"):
        page.goto(site_url + "sa-raknar-vi/#" + section)
        page.wait_for_timeout(800)  # the tables near the screen have rendered by now
        top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", section)
        assert 0 <= top <= 100, (section, top)  # just under Material's header

