"""axe-core in Playwright's Chromium (axe-playwright-python bundles it), and its
findings as lines a failing test can show."""

from __future__ import annotations

from typing import Any

from axe_playwright_python.sync_playwright import Axe

AXE = Axe()


def describe(violations: list[dict[str, Any]]) -> str:
    """One line per failing node: rule id, CSS target, what axe says to fix."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"{violation['id']}: {', '.join(map(str, node['target']))} – {violation['help']}")
    return "\n".join(lines)
