"""The record of where the build put the engine's files (`sitebuild.asset_manifest`):
it names the files as built, the pages point at them, and the year-long
caching of `_headers` and the nginx include follows the runtime folder when
it moves."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from sitebuild import asset_manifest, headers_file, nginx_conf, pyodide_runtime
from tests.support.paths import REPO

CACHED = ("Cache-Control", "public, max-age=31536000, immutable")


def test_the_record_names_each_built_file_with_its_size_and_hash(built_site: Path) -> None:
    assets = asset_manifest.read(built_site)
    for asset in (*assets.downloads, assets.worker):
        content = (built_site / asset.path).read_bytes()
        assert (asset.size, asset.sha256) == (len(content), hashlib.sha256(content).hexdigest()), asset.path
    assert all(asset.path.startswith(assets.runtime_folder) for asset in (*assets.runtime, assets.stdlib))


def test_the_calculator_page_loads_the_recorded_files(built_site: Path) -> None:
    assets = asset_manifest.read(built_site)
    page = (built_site / "index.html").read_text(encoding="utf-8")
    attributes = dict(re.findall(r'data-(worker|pyodide|stdlib|archive)="([^"]*)"', page))
    assert attributes == {
        "worker": assets.worker.path,
        "pyodide": assets.runtime_folder,
        "stdlib": assets.stdlib.path,
        "archive": assets.archive.path,
    }


@pytest.mark.complete_build
def test_renaming_the_runtime_folder_moves_the_year_long_caching(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build in this process (so the folder name can be changed) into a temporary folder."""
    monkeypatch.setattr(pyodide_runtime, "SITE_FOLDER", "python-runtime")
    monkeypatch.setenv("SITE_PREVIEW", "1")  # the committed settings are the template's examples
    site = tmp_path / "site"
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)

    assets = asset_manifest.read(site)
    wasm = next(asset.path for asset in assets.runtime if asset.path.endswith(".wasm"))
    assert wasm.startswith("python-runtime/") and (site / wasm).is_file()
    assert not (site / "pyodide").exists()
    rules = headers_file.read(site)
    assert CACHED in headers_file.headers_for(rules, "/" + wasm)
    assert not any(rule.pattern.startswith("/pyodide") for rule in rules)
    include = nginx_conf.path_for(site).read_text(encoding="utf-8")
    moved = [block for block in include.split("\n\n") if re.search(r"# .*\(for example /python-runtime/", block)]
    assert moved and all(f'add_header {CACHED[0]} "{CACHED[1]}" always;' in block for block in moved)
