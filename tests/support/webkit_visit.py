"""One visit of the site in WebKitGTK's MiniBrowser, driven by Selenium through
Debian's WebKitWebDriver; the counterpart of `firefox_visit.mjs`, with the same
plan in (JSON, argv[1]) and the same observations out (JSON, stdout).

It runs as its own process under `xvfb-run -a` (tests/test_webkit.py starts
it): the MiniBrowser needs a display, and with `--headless` its first
navigation hangs.

WebKitWebDriver offers no console log and no WebDriver BiDi, and the
MiniBrowser's `--enable-write-console-messages-to-stdout` is ignored in
automation mode. So as soon as a page has loaded, the visit wraps
`console.error` and listens for uncaught errors, rejections and CSP
violations; what a page reports before its load event is not seen here (the
calculator starts after first paint, and a failed start never reaches the
live state the visit waits for). WebKitWebDriver cannot print either.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WEBDRIVER = "/usr/bin/WebKitWebDriver"
STEP_TIMEOUT_S = 60
# Without a GPU, accelerated compositing runs OpenGL in software (Mesa's
# llvmpipe): a visit then costs about 45 s of CPU instead of 27 s, and runs
# 40 % longer, for pixels no check reads (the checks read the DOM, and Safari
# composites on its GPU). The page, its scripts and WebAssembly run the same.
BROWSER_ENV = {**os.environ, "WEBKIT_DISABLE_COMPOSITING_MODE": "1"}

OBSERVE = "return (" + Path(__file__).with_name("calculator_observe.js").read_text(encoding="utf-8") + ")(arguments[0])"
# The form's fields as the page holds them, and the engine's status line.
FORM_STATE = """
const root = document.querySelector("[data-calculator]");
const fields = [...root.querySelectorAll("[data-calc-form] [name]")]
  .map((field) => [field.name, field.type === "checkbox" ? field.checked : field.value]);
return {fields: Object.fromEntries(fields), status: root.querySelector("[data-calc-status]")?.textContent ?? null};
"""
WATCH_ERRORS = """
window.__errors = [];
const report = (text) => window.__errors.push(text);
const original = console.error.bind(console);
console.error = (...args) => { report(args.map(String).join(" ")); original(...args); };
addEventListener("error", (event) => report(`uncaught: ${event.message}`));
addEventListener("unhandledrejection", (event) => report(`unhandled rejection: ${event.reason}`));
addEventListener("securitypolicyviolation", (event) =>
  report(`Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI}`));
"""
MESSAGE_SHOWN = """return [...document.querySelectorAll("[data-error-for], [data-calc-notice]")]
  .some((el) => !el.hidden && el.textContent.trim());"""


class Visit:
    """The browser, and the console errors it logged so far."""

    def __init__(self, plan: dict[str, Any]) -> None:
        self.plan = plan
        self._errors: list[str] = []  # of the pages left so far
        options = webdriver.WebKitGTKOptions()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = webdriver.WebKitGTKService(executable_path=WEBDRIVER, env=BROWSER_ENV)
        self.driver = webdriver.WebKitGTK(options=options, service=service)
        self.driver.set_window_size(1280, 900)

    def console_errors(self) -> list[str]:
        """Errors of the pages visited so far, the current one included."""
        current = self.driver.execute_script("return window.__errors ?? []")
        return self._errors + [f"{self.driver.current_url}: {text}" for text in current]

    def open_live(self, url: str) -> None:
        self._errors = self.console_errors()
        self.driver.get(url)
        self.driver.execute_script(WATCH_ERRORS)
        self.driver.execute_script("document.querySelector('#kalkylator')?.scrollIntoView()")
        WebDriverWait(self.driver, STEP_TIMEOUT_S).until(
            lambda driver: driver.find_elements(By.CSS_SELECTOR, self.plan["ready"])
        )

    def observe(self) -> dict[str, Any]:
        return dict(self.driver.execute_script(OBSERVE, self.plan["saving"]))

    def type(self, key: str, kind: str, value: str) -> None:
        field = self.driver.find_element(By.CSS_SELECTOR, f'[data-calc-form] [name="{key}"]')
        self.driver.execute_script("arguments[0].closest('details')?.setAttribute('open', '')", field)
        if kind == "choice":
            Select(field).select_by_value(value)
        elif kind == "boolean":
            if field.is_selected() != (value == "true"):
                self.driver.find_element(By.CSS_SELECTOR, f'label[for="{field.get_attribute("id")}"]').click()
        else:
            field.clear()
            field.send_keys(value)

    def wait_for_result(self, scenario: dict[str, Any]) -> None:
        """Until the saving and every component line show `scenario`'s numbers (read as
        textContent: WebDriver's element text turns no-break spaces into spaces)."""

        def shows_it(driver: Any) -> bool:
            shown = self.observe()
            return bool(shown["saving"] == scenario["saving"] and shown["lines"] == scenario["lines"])

        try:
            WebDriverWait(self.driver, STEP_TIMEOUT_S).until(shows_it)
        except TimeoutException as timeout:  # say what the page showed instead, for whoever reads the failure
            shown, form = self.observe(), self.driver.execute_script(FORM_STATE)
            raise AssertionError(
                f"after {STEP_TIMEOUT_S} s the page shows {shown['saving']!r} and lines {shown['lines']!r}, "
                f"not {scenario['saving']!r} and {scenario['lines']!r}; the form holds {form!r}"
            ) from timeout


def step(results: dict[str, Any], name: str, action: Callable[[], Any]) -> None:
    """Record what `action` returns, or its error, under `name`; the visit goes on."""
    try:
        results[name] = action()
    except Exception:  # noqa: BLE001 - reported to the test as this step's error
        results[name] = {"error": traceback.format_exc()}


def run(plan: dict[str, Any]) -> dict[str, Any]:
    visit = Visit(plan)
    results: dict[str, Any] = {}
    try:

        def load() -> dict[str, Any]:
            visit.open_live(plan["url"] + plan["campaign"])
            return {**visit.observe(), "consoleErrors": visit.console_errors()}

        step(results, "load", load)
        results["scenarios"] = []
        for scenario in plan["scenarios"]:

            def shown(scenario: dict[str, Any] = scenario) -> dict[str, Any]:
                for field in scenario["fields"]:
                    visit.type(field["key"], field["kind"], field["value"])
                visit.wait_for_result(scenario)
                return visit.observe()

            entry: dict[str, Any] = {}
            step(entry, "shown", shown)
            results["scenarios"].append(entry["shown"])

        def share() -> dict[str, Any]:
            link = visit.observe()["link"]
            visit.open_live(link)
            visit.wait_for_result(plan["scenarios"][-1])
            return {"link": link, **visit.observe()}

        step(results, "share", share)

        def hostile() -> dict[str, Any]:
            before = len(visit.console_errors())
            visit.open_live(plan["url"] + plan["hostile"])
            WebDriverWait(visit.driver, STEP_TIMEOUT_S).until(lambda driver: driver.execute_script(MESSAGE_SHOWN))
            return {**visit.observe(), "consoleErrors": visit.console_errors()[before:], "dialogs": []}

        step(results, "hostile", hostile)
        results["consoleErrors"] = visit.console_errors()
    finally:
        visit.driver.quit()
    return results


if __name__ == "__main__":
    print(json.dumps(run(json.loads(sys.argv[1]))))
