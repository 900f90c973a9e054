"""Content-Security-Policy violations of a browser context, recorded and turned
into a test failure (`tests/conftest.py`'s contexts and the shared live page)."""

from __future__ import annotations

from typing import Any

import pytest

# Pages report every Content-Security-Policy violation as a console error, so
# that one listener sees them together with Chromium's own CSP messages (which
# also cover the workers, where no init script runs).
CSP_VIOLATION_LISTENER = """
addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content Security Policy violation: ${event.effectiveDirective} blocked `
    + `${event.blockedURI || "inline code"} in ${event.sourceFile || location.href}:${event.lineNumber}`);
});
"""


def watch_csp(context: Any, found: list[str]) -> Any:
    """Make `context` append to `found` every CSP violation of its pages and workers."""

    def record(text: str) -> None:
        if "Content Security Policy" in text:
            found.append(text)

    context.add_init_script(CSP_VIOLATION_LISTENER)
    context.on("console", lambda message: record(message.text))
    context.on("weberror", lambda error: record(str(error.error)))
    return context


def fail_on_csp_violations(violations: list[str]) -> None:
    """Fail the test (or, from a fixture's teardown, the last test using it) naming each violation."""
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations), pytrace=False)
