"""The calculator across Material's instant navigation.

Material swaps the page's content in place and the page scripts stay: each
page change unmounts the previous page's calculators (calculator.js) and
mounts the new page's. A visitor who goes back and forth between the
calculator and the method page must leave nothing behind: one engine
subscription for the one calculator on screen, no old calculator kept in
memory, and no computation of a page already left writing into the new page
or its address.

Material matches links against sitemap.xml by protocol and host but not port,
so on a test server's port a click would load the page in full. The tests do
what Material's click handler does: push the new address, then feed
Material's `location$`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

import calculator
from tests.support.calculator_page import READY_TIMEOUT_MS, fill, wait_for_address_query, wait_for_result

pytestmark = pytest.mark.browser

METHOD_PAGE = "sa-raknar-vi/"
ROUND_TRIPS = 5

# Counts the engine's live subscriptions and can hold back its answers: the
# engine client (calculator-engine.js) is wrapped as the page defines it,
# before any calculator subscribes.
ENGINE_SPY = """
window.__subscriptions = 0;
window.__answerDelayMs = 0;
Object.defineProperty(window, "CalculatorEngine", {
  configurable: true,
  set(api) {
    const spied = new WeakSet();
    const shared = (urls) => {
      const engine = api.shared(urls);
      if (spied.has(engine)) return engine;
      spied.add(engine);
      const subscribe = engine.subscribe.bind(engine);
      engine.subscribe = (listener) => {
        window.__subscriptions += 1;
        const unsubscribe = subscribe(listener);
        let done = false;
        return () => {
          if (!done) window.__subscriptions -= 1;
          done = true;
          return unsubscribe();
        };
      };
      const call = engine.call.bind(engine);
      engine.call = (name, argument) => call(name, argument).then(
        (value) => new Promise((resolve) => setTimeout(() => resolve(value), window.__answerDelayMs)));
      return engine;
    };
    Object.defineProperty(window, "CalculatorEngine", { value: { ...api, shared }, configurable: true });
  },
});
"""

GO = """(url) => {
  history.pushState(null, "", url);
  location$.next(new URL(url));
}"""


@pytest.fixture()
def page(new_context: Any) -> Any:
    context = new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(ENGINE_SPY)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    return page


def go(page: Any, url: str) -> None:
    """Material's instant navigation to `url`; waits for the new page's content."""
    page.evaluate(GO, url)
    page.wait_for_function("(path) => location.pathname === path", arg=urlsplit(url).path)
    if url.endswith(METHOD_PAGE):
        page.locator("h1", has_text="Så räknar vi").wait_for()
    else:
        page.locator("#kalkylator").wait_for()


def open_live(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_function("() => typeof location$ !== 'undefined' && typeof document$ !== 'undefined'")
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.locator("[data-calculator][data-live]").wait_for(state="attached", timeout=READY_TIMEOUT_MS)


def test_back_and_forth_leaves_one_subscription_no_old_calculator_and_the_current_address(
    site_url: str, page: Any
) -> None:
    open_live(page, site_url)
    page.evaluate("window.__sameDocument = true")
    for _ in range(ROUND_TRIPS):
        # A weak reference only: the old calculator may be collected once the page is left.
        page.evaluate("(window.__oldRoots ??= []).push(new WeakRef(document.querySelector('[data-calculator]')))")
        go(page, site_url + METHOD_PAGE)
        assert page.evaluate("window.__subscriptions") == 0, "the method page has no calculator"
        assert urlsplit(page.url).query == ""
        go(page, site_url)
        page.locator("#kalkylator").scroll_into_view_if_needed()
        page.locator("[data-calculator][data-live]").wait_for(state="attached", timeout=READY_TIMEOUT_MS)
    assert page.evaluate("window.__sameDocument") is True, "every page change was made in place"

    values = {"users": "30000", "stack": "ruby"}
    fill(page, values)
    expected = calculator.compute(values)
    wait_for_result(page, expected)
    assert page.evaluate("window.__subscriptions") == 1, "one engine subscription: the calculator on screen"
    wait_for_address_query(page, expected["query"])
    assert urlsplit(page.url).query == expected["query"], "the address carries this page's scenario only"

    cdp = page.context.new_cdp_session(page)
    cdp.send("HeapProfiler.enable")
    cdp.send("HeapProfiler.collectGarbage")
    kept = page.evaluate("window.__oldRoots.filter(ref => ref.deref() !== undefined).length")
    assert kept == 0, f"{kept} of {ROUND_TRIPS} old calculators are still in memory"
    assert page.errors == []


def test_an_answer_that_arrives_after_the_page_changed_writes_nothing(site_url: str, page: Any) -> None:
    open_live(page, site_url)
    page.evaluate("window.__answerDelayMs = 1500")  # the engine's answer comes after the page change
    page.get_by_label("Samtidiga användare", exact=True).fill("30000")
    go(page, site_url + METHOD_PAGE)
    page.wait_for_timeout(2500)  # the answer has arrived by now
    assert urlsplit(page.url).path.endswith("/" + METHOD_PAGE)
    assert urlsplit(page.url).query == "" and urlsplit(page.url).fragment == "", page.url
    assert page.locator("[data-calculator]").count() == 0
    assert page.evaluate("window.__subscriptions") == 0
    assert page.errors == []

    # Back on the calculator page, it works as before.
    page.evaluate("window.__answerDelayMs = 0")
    go(page, site_url)
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.locator("[data-calculator][data-live]").wait_for(state="attached", timeout=READY_TIMEOUT_MS)
    fill(page, {"users": "20000"})
    wait_for_result(page, calculator.compute({"users": "20000"}))


# Every scenario the page writes into the address bar, in order.
ADDRESS_SPY = """
window.__recorded = [];
const replaceState = history.replaceState.bind(history);
history.replaceState = (state, unused, url) => {
  if (url !== undefined && url !== null) window.__recorded.push(String(url));
  return replaceState(state, unused, url);
};
"""

QUICK_EDITS = """async (values) => {
  const input = document.querySelector("[data-calculator] input[name=users]");
  for (const value of values) {
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
}"""


def recorded_scenarios(page: Any) -> list[str]:
    """The calculator's writes into the address bar (Material writes none with a `users` key)."""
    return [query for url in page.evaluate("window.__recorded") if "users=" in (query := urlsplit(url).query)]


def test_quick_edits_write_the_address_once_typing_pauses(site_url: str, page: Any) -> None:
    page.context.add_init_script(ADDRESS_SPY)
    open_live(page, site_url)
    typed = ["1", "12", "120", "1200", "12000", "120000"]
    page.evaluate(QUICK_EDITS, typed)
    expected = calculator.compute({"users": typed[-1]})
    wait_for_result(page, expected)
    link = page.locator("[data-calc-link]").input_value()
    assert urlsplit(link).query == expected["query"], "the share link follows every result at once"
    wait_for_address_query(page, expected["query"])
    page.wait_for_timeout(1000)  # no later write comes
    assert recorded_scenarios(page) == [expected["query"]], "one write, with the latest scenario"
    assert page.errors == []


# One edit, shown; then the visitor types on at once while the engine takes
# longer than the pause to answer (a slow phone, a busy tab).
TYPE_ON_WHILE_SLOW = """async ([first, more, delayMs]) => {
  const root = document.querySelector("[data-calculator]");
  const input = root.querySelector("input[name=users]");
  const link = root.querySelector("[data-calc-link]");
  const type = (value) => {
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  };
  type(first);
  while (new URL(link.value).searchParams.get("users") !== first) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  window.__answerDelayMs = delayMs;
  for (const value of more) {
    type(value);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }
}"""


def test_typing_on_while_the_engine_is_slow_writes_only_the_scenario_typing_paused_on(
    site_url: str, page: Any
) -> None:
    page.context.add_init_script(ADDRESS_SPY)
    open_live(page, site_url)
    page.evaluate(TYPE_ON_WHILE_SLOW, ["12", ["1200", "120000"], 900])
    expected = calculator.compute({"users": "120000"})
    wait_for_result(page, expected)
    wait_for_address_query(page, expected["query"])
    page.wait_for_timeout(1000)  # no later write comes
    assert recorded_scenarios(page) == [expected["query"]], "the scenario shown before typing went on is not written"
    assert page.errors == []


# One edit, and the method page's link clicked as soon as its result shows;
# the address's query at that moment is kept in sessionStorage (the click
# may load the next page in full).
EDIT_THEN_CLICK = """(value) => {
  const root = document.querySelector("[data-calculator]");
  const input = root.querySelector("input[name=users]");
  const observer = new MutationObserver(() => {
    observer.disconnect();
    sessionStorage.setItem("queryBeforeClick", location.search);
    root.querySelector("a.calc__method").click();
  });
  observer.observe(root.querySelector(".calc__saving"), {childList: true, characterData: true, subtree: true});
  input.value = value;
  input.dispatchEvent(new Event("input", {bubbles: true}));
}"""


def test_a_link_clicked_right_after_an_edit_leaves_the_scenario_in_the_page_left(site_url: str, page: Any) -> None:
    open_live(page, site_url)
    expected = calculator.compute({"users": "70000"})
    page.evaluate(EDIT_THEN_CLICK, "70000")
    page.wait_for_url(lambda url: urlsplit(url).path.endswith("/" + METHOD_PAGE))
    page.locator("h1", has_text="Så räknar vi").wait_for()
    before_click = page.evaluate("sessionStorage.getItem('queryBeforeClick')")
    assert before_click == "", "typing had not paused: the scenario was still waiting for the address bar"
    page.wait_for_timeout(1000)  # a timer of the page left would have fired by now
    assert urlsplit(page.url).query == "", "the new page's address carries none of the scenario"
    page.go_back()
    page.wait_for_url(lambda url: urlsplit(url).path == urlsplit(site_url).path)
    assert urlsplit(page.url).query == expected["query"], "the page left keeps the scenario in its entry"
    assert page.errors == []
