"""Where the build put what the calculator's engine loads, recorded once.

`on_files` publishes the Pyodide runtime (a versioned folder), the trimmed
standard library, the calculator archive (content-hashed names) and uses the
worker script from `docs/`. It records their site paths, sizes and hashes
here, and everything that needs a path reads it from this record instead of
writing the path again: the calculator template (`urls`, `download_sizes`),
the year-long caching rules of `_headers` (`immutable_patterns`), and through
those rules the nginx include. So renaming the runtime folder or the archive
moves the caching rule with it.

The build also writes the record beside the published folder, as
`<site_dir>.assets.json` (not inside it: nothing there is for visitors), so
that tests and benchmarks check the paths the build actually wrote.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from sitebuild import packed
from sitebuild.beside_site import beside_site

SUFFIX = ".assets.json"


@dataclass(frozen=True)
class Asset:
    """One built file: its path in the site (no leading slash), bytes and SHA-256;
    for a packed archive (`sitebuild.packed`) also the bytes of the archive it holds."""

    path: str
    size: int
    sha256: str
    unpacked_size: int | None = None

    @classmethod
    def of(cls, file: File) -> Asset:
        content = file.content_bytes
        unpacked = packed.unpacked_size(content) if packed.is_packed(file.dest_uri) else None
        return cls(file.dest_uri, len(content), hashlib.sha256(content).hexdigest(), unpacked)

    @property
    def decoded_size(self) -> int:
        """What a response with a Content-Encoding decodes to: the file, or for a
        packed archive the archive it holds (hosts encode only its brotli copy)."""
        return self.size if self.unpacked_size is None else self.unpacked_size


@dataclass(frozen=True)
class AssetManifest:
    """The engine's files as this build wrote them."""

    runtime_folder: str  # "pyodide/314.0.7/": ends in '/'
    runtime: tuple[Asset, ...]  # Pyodide's loader, module, WebAssembly and package lock
    stdlib: Asset
    archive: Asset
    worker: Asset

    @classmethod
    def of(
        cls, runtime_folder: str, runtime: Sequence[File], stdlib: File, archive: File, worker: File
    ) -> AssetManifest:
        runtime_assets = tuple(Asset.of(file) for file in runtime)
        return cls(runtime_folder, runtime_assets, Asset.of(stdlib), Asset.of(archive), Asset.of(worker))

    @property
    def downloads(self) -> tuple[Asset, ...]:
        """What the worker fetches once it runs (not the worker script itself)."""
        return (*self.runtime, self.stdlib, self.archive)

    @property
    def download_sizes(self) -> dict[str, int]:
        """Decoded bytes of each download by site path: the worker scales a compressed
        response's Content-Length by them to show progress in bytes over the network."""
        return {asset.path: asset.decoded_size for asset in self.downloads}

    def urls(self, page_url: str) -> dict[str, str]:
        """The worker, the runtime folder, the stdlib and the archive, relative to the page at `page_url`."""
        paths = {
            "worker": self.worker.path,
            "pyodide_folder": self.runtime_folder,
            "stdlib": self.stdlib.path,
            "archive": self.archive.path,
        }
        return {name: get_relative_url(path, page_url) for name, path in paths.items()}

    def immutable_patterns(self) -> list[str]:
        """`_headers` patterns of the files whose path changes with their content:
        the versioned runtime folder and the content-hashed archive."""
        return [f"/{self.runtime_folder}*", f"/{self.archive.path}"]

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> AssetManifest:
        data = json.loads(text)

        def asset(item: dict[str, object]) -> Asset:
            unpacked = item.get("unpacked_size")
            return Asset(
                str(item["path"]), int(str(item["size"])), str(item["sha256"]),
                None if unpacked is None else int(str(unpacked)),
            )

        return cls(
            data["runtime_folder"], tuple(asset(item) for item in data["runtime"]),
            asset(data["stdlib"]), asset(data["archive"]), asset(data["worker"]),
        )


def path_for(site_dir: str | Path) -> Path:
    """Where the record goes: beside the published folder, named after it."""
    return beside_site(site_dir, SUFFIX)


def write(site_dir: str | Path, manifest: AssetManifest) -> Path:
    target = path_for(site_dir)
    target.write_text(manifest.to_json(), encoding="utf-8")
    return target


def read(site_dir: str | Path) -> AssetManifest:
    """The record of the build that wrote `site_dir`."""
    return AssetManifest.from_json(path_for(site_dir).read_text(encoding="utf-8"))
