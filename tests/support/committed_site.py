"""The committed site's settings as the build reads them from `mkdocs.yml`, for
tests that check a built page against what its configuration says."""

from __future__ import annotations

from mkdocs.config import load_config

from sitebuild import contact
from sitebuild.contact import ContactSettings
from tests.support.paths import REPO


def contact_settings() -> ContactSettings:
    """`extra.contact` of `mkdocs.yml`, checked as the build checks it."""
    return contact.read(load_config(str(REPO / "mkdocs.yml")).extra)


def canonical_site_url() -> str:
    """`site_url` of `mkdocs.yml`: the address the build writes into share links."""
    return str(load_config(str(REPO / "mkdocs.yml")).site_url)
