"""Self-hosted Pyodide: the runtime files the calculator needs, taken from the
exactly pinned npm package and published in a versioned folder of the site.

Copying them ourselves (rather than loading Pyodide from a CDN) keeps the
promise that the site contacts no other host; the version in the folder name
lets a host cache these large files for a long time without serving a stale
runtime after an upgrade.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

# What `loadPyodide` fetches for pure-Python code: the loader, the Emscripten
# module, the WebAssembly binary and the package lock. The standard library is
# published trimmed, by `sitebuild.pyodide_stdlib`, from the stock archive.
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
)
LOCK_FILE = "pyodide-lock.json"
# The site folder holding one folder per runtime version; its one spelling
# (the build records where it put the files, `sitebuild.asset_manifest`).
SITE_FOLDER = "pyodide"
STDLIB_ARCHIVE = "python_stdlib.zip"


@dataclass(frozen=True)
class PyodideRuntime:
    """The installed npm package and where its files go in the built site."""

    package_dir: Path
    version: str

    @property
    def site_folder(self) -> str:
        """Folder of the site (relative, ending in '/') that holds the runtime."""
        return f"{SITE_FOLDER}/{self.version}/"


def locate(project_root: Path) -> PyodideRuntime:
    """Find the npm-installed runtime, or stop the build saying how to get it."""
    package_dir = project_root / "node_modules" / "pyodide"
    manifest = package_dir / "package.json"
    if not manifest.is_file():
        raise PluginError(
            f"Pyodide is not installed ({manifest} is missing): run `npm ci` "
            "(or `make serve` / `make build`, which run it for you)."
        )
    missing = [name for name in (*RUNTIME_FILES, LOCK_FILE, STDLIB_ARCHIVE) if not (package_dir / name).is_file()]
    if missing:
        raise PluginError(f"The pyodide npm package lacks {', '.join(missing)}: reinstall it with `npm ci`.")
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return PyodideRuntime(package_dir=package_dir, version=version)


def package_lock(runtime: PyodideRuntime) -> bytes:
    """The package lock without its packages: the calculator installs none.

    Pyodide reads the lock at start even then, and checks only its `info`
    (the ABI version); the 357 package entries are 0.12 MB (21 kB with
    brotli) that every visitor would download for nothing. A page that
    needs a Pyodide package (numpy, …) needs the stock lock back."""
    stock = json.loads((runtime.package_dir / LOCK_FILE).read_text(encoding="utf-8"))
    return json.dumps({"info": stock["info"], "packages": {}}, sort_keys=True).encode()


def site_files(runtime: PyodideRuntime, config: MkDocsConfig) -> list[File]:
    """The runtime files as MkDocs files, so `build` and `serve` both publish them."""
    return [
        *(
            File.generated(config, runtime.site_folder + name, abs_src_path=str(runtime.package_dir / name))
            for name in RUNTIME_FILES
        ),
        File.generated(config, runtime.site_folder + LOCK_FILE, content=package_lock(runtime)),
    ]
