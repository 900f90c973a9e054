"""The site in WebKit (WebKitGTK's MiniBrowser, Safari's engine), served by
real nginx: one visit through `tests/support/webkit_visit.py` (Selenium and
WebKitWebDriver, under `xvfb-run`), checked by the engine-independent tests of
`tests/support/engine_checks.py`.

WebKitWebDriver cannot print a page, so the print check runs in Chromium
(`tests/test_print.py`) and Firefox only."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.engine_checks import (  # noqa: F401 - collected here, with this module's `visit`
    plan,
    test_a_campaign_link_shows_no_notice,
    test_a_hostile_link_shows_a_message_and_injects_nothing,
    test_no_console_error_during_the_whole_visit,
    test_the_page_goes_live_without_console_errors,
    test_the_share_link_restores_the_scenario,
    test_typed_scenarios_show_what_cpython_computes,
)
from tests.support.paths import REPO
from tests.support.visit_process import run_visit
from tests.support.webkit_visit import MINIBROWSER, WEBDRIVER

# A bound for a hung browser, far above a visit's minute on a quiet machine:
# on a machine shared with other work the visit has taken five.
VISIT_TIMEOUT_S = 480

pytestmark = [pytest.mark.browser, pytest.mark.timeout(VISIT_TIMEOUT_S + 60), pytest.mark.xdist_group("webkit")]


@pytest.fixture(scope="module")
def visit(nginx_url: str) -> dict[str, Any]:
    for path, package in ((WEBDRIVER, "webkit2gtk-driver"), (MINIBROWSER, "webkit2gtk-driver")):
        if not Path(path).exists():
            pytest.skip(f"WebKit tests need {path} from Debian's {package}: apt-get install -y {package}")
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.skip("WebKit tests need a virtual display from Debian's xvfb: apt-get install -y xvfb")
    command = [xvfb_run, "-a", sys.executable, "-m", "tests.support.webkit_visit", json.dumps(plan(nginx_url))]
    return run_visit(command, REPO, VISIT_TIMEOUT_S, "WebKit")
