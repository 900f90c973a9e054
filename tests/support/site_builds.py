"""`mkdocs build --strict`, at most once per configuration in a test session.

A build takes seconds, and several tests build the same configuration (the
committed one above all, which every test process needs). With pytest-xdist
the processes share one cache folder: the first process to ask for a
configuration builds it under a file lock while the others wait, and each
caller gets its own copy of the result in the folder it asked for, so a test
may still change its copy. The key is the configuration file's text, which
names everything a variant changes (a variant's `docs_dir` is a temporary
folder of its own, so it is never shared by mistake).

Outside a test session (`bench/`), `set_cache_root` is never called and every
call builds directly.

Every build here is a preview (`SITE_PREVIEW=1`): the committed `mkdocs.yml`
keeps the template's example contact details, on which a publishing build
stops by design (`sitebuild/publishing.py`). Tests of that stop call
`run_mkdocs(..., preview=False)`.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from sitebuild import asset_manifest, nginx_conf
from tests.support.paths import REPO

_cache_root: Path | None = None


def set_cache_root(folder: Path) -> None:
    """Share builds through `folder` (one folder for all processes of a session)."""
    global _cache_root
    folder.mkdir(parents=True, exist_ok=True)
    _cache_root = folder


# Builds running now, so that a session that ends before its background build
# (a run of a few tests that need no site) does not leave it running.
_running: set[subprocess.Popen[str]] = set()
_background: list[threading.Thread] = []


def run_mkdocs(
    destination: Path, config_file: Path | None, *, preview: bool = True
) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` into `destination`, a preview unless `preview`
    is false; the caller checks the result."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(destination)]
    if config_file is not None:
        command += ["--config-file", str(config_file)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PREVIEW": "1" if preview else "0"}
    pipe = subprocess.PIPE
    with subprocess.Popen(command, cwd=REPO, env=env, stdout=pipe, stderr=pipe, text=True) as process:
        _running.add(process)
        try:
            stdout, stderr = process.communicate()
        finally:
            _running.discard(process)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def assert_build_stops_naming(destination: Path, config_file: Path, setting: str) -> None:
    """The build of `config_file` fails, names `setting` and writes no page."""
    result = build_site(destination, config_file)
    assert result.returncode != 0
    assert setting in result.stderr
    assert not (destination / "index.html").exists()


def stop_builds() -> None:
    """End the builds still running, and wait for the background build to record
    that it ended: the session is over and nobody waits for them."""
    for process in list(_running):
        process.kill()
    for thread in _background:
        thread.join()


def build_site(destination: Path, config_file: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The site built into `destination` (and the nginx include and asset record beside it), from the
    session's cache when this configuration was built before."""
    if _cache_root is None:
        return run_mkdocs(destination, config_file)
    entry = _entry(_cache_root, config_file)
    result = _locked_result(entry, config_file)
    if (entry / "site").is_dir():
        shutil.copytree(entry / "site", destination, dirs_exist_ok=True)
        for beside in (nginx_conf.path_for, asset_manifest.path_for):
            if beside(entry / "site").is_file():
                shutil.copyfile(beside(entry / "site"), beside(destination))
    return result


def build_in_background() -> None:
    """Start building the committed configuration into the session's cache, so that
    tests needing no site run meanwhile; whoever needs the site waits on its lock
    (also in another process: the lock is a file lock)."""
    assert _cache_root is not None, "set_cache_root first"
    entry = _entry(_cache_root, None)
    thread = threading.Thread(target=_locked_result, args=(entry, None), name="site-build", daemon=True)
    _background.append(thread)
    thread.start()


def _entry(cache_root: Path, config_file: Path | None) -> Path:
    """The cache folder of a configuration, named by its text."""
    text = config_file.read_text(encoding="utf-8") if config_file is not None else "default"
    return cache_root / hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _locked_result(entry: Path, config_file: Path | None) -> subprocess.CompletedProcess[str]:
    """The build's outcome, built first by whoever takes the configuration's lock first."""
    with open(entry.with_suffix(".lock"), "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        return _cached_result(entry, config_file)


def _cached_result(entry: Path, config_file: Path | None) -> subprocess.CompletedProcess[str]:
    """The build's outcome, recorded in `entry/result.json` the first time."""
    record = entry / "result.json"
    if not record.is_file():
        entry.mkdir(exist_ok=True)
        done = run_mkdocs(entry / "site", config_file)
        outcome = {"args": done.args, "returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
        record.write_text(json.dumps(outcome), encoding="utf-8")
    saved = json.loads(record.read_text(encoding="utf-8"))
    return subprocess.CompletedProcess(saved["args"], saved["returncode"], saved["stdout"], saved["stderr"])
