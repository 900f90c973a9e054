"""The engine's files where the build says it put them (`sitebuild.asset_manifest`),
so tests check the built paths rather than paths written again here."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from sitebuild import asset_manifest


def engine_path(site: Path, which: str) -> str:
    """The URL path of one engine file of the build in `site`: `worker`, `stdlib`,
    `archive`, or a runtime file by its name (`pyodide.asm.wasm`)."""
    assets = asset_manifest.read(site)
    named = {
        "worker": assets.worker,
        "stdlib": assets.stdlib,
        "archive": assets.archive,
        **{PurePosixPath(asset.path).name: asset for asset in assets.runtime},
    }
    return "/" + named[which].path
