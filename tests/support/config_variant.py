"""A temporary copy of the site configuration with a few settings changed.

The variant sits next to `mkdocs.yml` (MkDocs resolves `docs_dir`, the theme's
`custom_dir` and the hooks relative to the configuration file) and inherits
from it with MkDocs' `INHERIT`, so it states only what differs. It is removed
when the context closes, whatever the test did.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent

# One site with a contact form (and no phone), for every test that needs one
# at a fixed address: the same text is one shared build (tests/support/site_builds.py).
FORM_ENDPOINT = "https://forms.example.net/f/kontakt?source=site"
WITH_FORM = f"extra:\n  contact:\n    form_endpoint: {FORM_ENDPOINT}\n    phone: null\n"


@contextmanager
def config_variant(changes_yaml: str) -> Iterator[Path]:
    """Yield the path of `mkdocs.yml` overridden by `changes_yaml` (deep-merged)."""
    path = REPO / f".test-mkdocs-{uuid.uuid4().hex}.yml"
    path.write_text(f"INHERIT: mkdocs.yml\n{changes_yaml}", encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)
