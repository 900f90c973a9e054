"""The owner's privacy settings: what the privacy notice says beyond the contact settings.

The owner writes, in `mkdocs.yml`::

    extra:
      privacy:
        retention_months: 12        # how long enquiries are kept; required with a form
        processors:                 # optional: services that handle enquiries for the company
          - name: Exempelmejl AB
            purpose: e-post
        transfers: …                # optional: transfers outside the EU/EEA and their basis

The notice (`sitebuild/privacy_notice.py`) is written from these and the
company and contact settings, so it never drifts from what the site does. A
form sends enquiries to a service the owner chose, which keeps them, so the
owner must say how long enquiries are kept: `retention_months` is required
when `extra.contact.form_endpoint` is set.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.exceptions import ConfigurationError

from sitebuild import owner_config
from sitebuild.contact import ContactSettings

MAX_RETENTION_MONTHS = 120


class _Months(BaseConfigOption[int | None]):
    """Optional here (required with a form, see `read`): whole months, 1 to 120."""

    def run_validation(self, value: object, /) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_RETENTION_MONTHS:
            raise ValidationError(f"{value!r} is not a whole number of months from 1 to {MAX_RETENTION_MONTHS}")
        return value


class Processor(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves Config.__init_subclass__ unannotated
    """A service that handles enquiries for the company (personuppgiftsbiträde)."""

    name = owner_config.Text("the service's name, for example Exempelmejl AB", required=True)
    purpose = owner_config.Text("what it does with enquiries, in Swedish, for example e-post", required=True)


class _Processors(BaseConfigOption[list[Processor]]):
    """Optional: a list of processors, each checked and named by its place in the list."""

    def run_validation(self, value: object, /) -> list[Processor]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValidationError("must be a list, each item with a name and a purpose")
        return [owner_config.check(Processor, item, f"extra.privacy.processors[{i}]") for i, item in enumerate(value)]


class PrivacySettings(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves Config.__init_subclass__ unannotated
    """The checked `extra.privacy` settings."""

    retention_months = _Months()
    processors = _Processors()
    transfers = owner_config.Text(
        "in Swedish, which recipient is outside the EU/EEA and on what basis, for example "
        "Formulärtjänsten finns i USA; överföringen sker enligt EU-kommissionens standardavtalsklausuler",
        required=False,
    )


def read(extra: Mapping[str, Any], contact: ContactSettings) -> PrivacySettings:
    """The owner's `extra.privacy`, checked (an empty group when absent); raises
    `ConfigurationError` naming the first wrong or missing setting."""
    settings = owner_config.check(PrivacySettings, extra.get("privacy") or {}, "extra.privacy")
    if contact.form_endpoint and settings.retention_months is None:
        raise ConfigurationError(
            "extra.privacy.retention_months: missing: the contact form sends enquiries to a form service, "
            "so the privacy notice must say how many months they are kept (for example 12)"
        )
    return settings
