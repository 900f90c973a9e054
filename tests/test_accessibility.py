"""axe-core finds no violations on any built page, in either palette and in
every state the calculator can show: the build's numbers before the live
calculator starts, the live result, a field error, and a failed load.

axe only checks what is rendered, so each state is reached the way a visitor
reaches it; the folded assumptions are opened so their fields are checked too.
One browser, one context per palette (Material follows `prefers-color-scheme`
on a first visit).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.support.axe_check import AXE, describe

pytestmark = pytest.mark.browser

LIVE_TIMEOUT_MS = 60_000
PALETTES = {"light": "default", "dark": "slate"}
# Resolves when every finite animation or transition on the page has ended.
SETTLED = """() => Promise.all(document.getAnimations()
  .filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
  .map(animation => animation.finished.catch(() => null)))"""


def _prerendered(page: Any, url: str) -> None:
    """The worker's script never arrives, so the page shows only what the build wrote."""
    page.route(re.compile(r".*/calculator-worker\.mjs$"), lambda route: None)
    page.goto(url)
    page.locator("#kalkylator").scroll_into_view_if_needed()


def _live(page: Any, url: str) -> None:
    page.goto(url)
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.wait_for_selector("[data-calculator][data-live]", state="attached", timeout=LIVE_TIMEOUT_MS)
    page.locator(".calc__assumptions > summary").click()


def _field_error(page: Any, url: str) -> None:
    """From the live state (the case before it): the visitor types a bad value."""
    page.get_by_label("Samtidiga användare", exact=True).fill("-5")
    page.locator("[data-error-for='users']").wait_for(state="visible", timeout=10_000)


def _load_failure(page: Any, url: str) -> None:
    page.route(re.compile(r".*\.wasm$"), lambda route: route.abort())
    page.goto(url)
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.get_by_role("button", name="Försök igen").wait_for(state="visible", timeout=LIVE_TIMEOUT_MS)


def _opened(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")


# (page path, the states checked one after another on one page: name, how the
# state is reached from the one before)
CASES: list[tuple[str, list[tuple[str, Callable[[Any, str], None]]]]] = [
    ("", [("pre-rendered", _prerendered)]),
    ("", [("live", _live), ("field-error", _field_error)]),
    ("", [("load-failure", _load_failure)]),
    ("sa-raknar-vi/", [("page", _opened)]),
    ("integritetspolicy/", [("page", _opened)]),
    ("404.html", [("page", _opened)]),
]


@pytest.fixture(scope="module", params=list(PALETTES), ids=list(PALETTES))
def palette_context(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    """A context whose visitor prefers the light or the dark scheme."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    yield request.param, context
    context.close()


@pytest.mark.parametrize(
    ("path", "states"), CASES, ids=[f"{p or 'index'}-{'-then-'.join(name for name, _ in s)}" for p, s in CASES]
)
def test_axe_finds_no_violations(
    palette_context: tuple[str, Any],
    site_url: str,
    path: str,
    states: list[tuple[str, Callable[[Any, str], None]]],
) -> None:
    palette, context = palette_context
    page = context.new_page()
    found: dict[str, str] = {}
    try:
        for state, reach in states:
            reach(page, site_url + path)
            scheme = page.get_attribute("body", "data-md-color-scheme")
            assert scheme == PALETTES[palette], f"expected the {palette} palette, the page shows {scheme!r}"
            # Material's header fades its title in on scroll, after its own scroll
            # debounce: give that a moment to start, then let every transition end,
            # so axe sees the settled page and not a half-faded title.
            # (`evaluate`, not `wait_for_function`: the site's CSP forbids the latter's eval.)
            page.wait_for_timeout(300)
            page.evaluate(SETTLED)
            violations = AXE.run(page).response["violations"]
            if violations:
                found[state] = describe(violations)
    finally:
        page.unroute_all(behavior="ignoreErrors")  # requests a state left hanging
        page.close()
    where = f"{palette}, {path or 'index'}"
    assert not found, "\n".join(f"axe ({where}, {state}):\n{text}" for state, text in found.items())
