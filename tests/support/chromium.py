"""Debian's Chromium as the tests and the benchmarks launch it (Playwright cannot
download its own browser here): one place for the path and the flags that keep
it from contacting Google in the background."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
