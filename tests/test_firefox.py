"""The site in Firefox ESR, served by real nginx: one visit through
`tests/support/firefox_visit.mjs` (puppeteer-core over WebDriver BiDi), checked
by the engine-independent tests of `tests/support/engine_checks.py`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.support.engine_checks import (  # noqa: F401 - collected here, with this module's `visit`
    plan,
    test_a_campaign_link_shows_no_notice,
    test_a_hostile_link_shows_a_message_and_injects_nothing,
    test_no_console_error_during_the_whole_visit,
    test_the_page_goes_live_without_console_errors,
    test_the_print_button_prints_the_typed_result,
    test_the_share_link_restores_the_scenario,
    test_typed_scenarios_show_what_cpython_computes,
)
from tests.support.paths import REPO
from tests.support.visit_process import run_visit

FIREFOX = "/usr/bin/firefox-esr"
SCRIPT = REPO / "tests" / "support" / "firefox_visit.mjs"
# A bound for a hung browser, far above a visit's minute on a quiet machine:
# on a machine shared with other work the visit has taken five.
VISIT_TIMEOUT_S = 480

pytestmark = [pytest.mark.browser, pytest.mark.timeout(VISIT_TIMEOUT_S + 60), pytest.mark.xdist_group("firefox")]


@pytest.fixture(scope="module")
def visit(nginx_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not Path(FIREFOX).exists():
        pytest.skip(f"Firefox tests need Debian's firefox-esr at {FIREFOX}: apt-get install -y firefox-esr")
    node = shutil.which("node")
    assert node is not None, "Node.js runs the Firefox driver (puppeteer-core)"
    pdf = tmp_path_factory.mktemp("firefox") / "printed.pdf"
    the_plan = {**plan(nginx_url, pdf), "executable": FIREFOX}
    return run_visit([node, str(SCRIPT), json.dumps(the_plan)], REPO, VISIT_TIMEOUT_S, "Firefox")
