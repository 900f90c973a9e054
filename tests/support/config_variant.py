"""A temporary copy of the site configuration with a few settings changed.

The variant inherits from `mkdocs.yml` with MkDocs' `INHERIT`, so it states
only what differs, and lives in a temporary folder, never in the repository.
MkDocs resolves `docs_dir`, the theme's `custom_dir`, the hooks and the
watched folders relative to the configuration file, so the variant names
them by absolute path (unless the changes set them). The folder is removed
when the context closes, whatever the test did.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from tests.support.paths import REPO

# One site with a contact form (and no phone), for every test that needs one
# at a fixed address: the same text is one shared build (tests/support/site_builds.py).
FORM_ENDPOINT = "https://forms.example.net/f/kontakt?source=site"
WITH_FORM = f"extra:\n  contact:\n    form_endpoint: {FORM_ENDPOINT}\n    phone: null\n"

# The settings of mkdocs.yml that are paths relative to it.
REPO_PATHS: dict[str, Any] = {
    "docs_dir": str(REPO / "docs"),
    "theme": {"custom_dir": str(REPO / "overrides")},
    "hooks": [str(REPO / "hooks.py")],
    "watch": [str(REPO / name) for name in ("calculator", "sitebuild", "overrides")],
}


def merged(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """`base` with `changes` laid over it, mappings merged key by key (as INHERIT does)."""
    result = dict(base)
    for key, value in changes.items():
        inner = result.get(key)
        result[key] = merged(inner, value) if isinstance(inner, dict) and isinstance(value, dict) else value
    return result


@contextmanager
def config_variant(changes_yaml: str) -> Iterator[Path]:
    """Yield the path of `mkdocs.yml` overridden by `changes_yaml` (deep-merged)."""
    settings = merged({"INHERIT": str(REPO / "mkdocs.yml"), **REPO_PATHS}, yaml.safe_load(changes_yaml) or {})
    with tempfile.TemporaryDirectory(prefix="mkdocs-variant-") as folder:
        path = Path(folder, "mkdocs.yml")
        path.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
        yield path
