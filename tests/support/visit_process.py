"""Run an engine's visit script as a child process and read its JSON report.

The drivers start further processes (the browser, WebKitWebDriver, Xvfb) that
inherit the output pipes; killing only the direct child on a timeout would
leave the pipes open and the test waiting for them. So the script runs in a
session of its own, and a timeout ends the whole process group.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path
from typing import Any


def run_visit(command: list[str], cwd: Path, timeout_s: float, name: str) -> dict[str, Any]:
    """The report `command` prints on stdout; fails the test if it fails or overruns."""
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        raise AssertionError(f"the {name} visit did not end within {timeout_s} s:\n{stderr}") from None
    if process.returncode != 0:
        raise AssertionError(f"the {name} visit failed (exit code {process.returncode}):\n{stderr}")
    return dict(json.loads(stdout))
