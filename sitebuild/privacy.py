"""The owner's privacy settings: what the privacy notice says beyond the contact settings.

The owner writes, in `mkdocs.yml`::

    extra:
      privacy:
        retention_months: 12        # how long enquiries are kept; required with a form
        hosting:                    # required to publish: who stores and serves the site
          name: Exempelhost AB
          log_days: 30              # how many days its server logs keep a visit (0: none)
        processors:                 # optional: services that handle enquiries for the company
          - name: Exempelmejl AB
            purpose: e-post
        transfers: …                # optional: transfers outside the EU/EEA and their basis

The notice (`sitebuild/privacy_notice.py`) is written from these and the
company and contact settings, so it never drifts from what the site does. A
form sends enquiries to a service the owner chose, which keeps them, so the
owner must say how long enquiries are kept: `retention_months` is required
when `extra.contact.form_endpoint` is set. Every visit reaches the host's web
server, which logs the visitor's IP address: the notice names the host and how
long it keeps those logs, so a publishing build requires `hosting`
(`sitebuild/publishing.py`); a preview works without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.exceptions import ConfigurationError

from sitebuild import owner_config
from sitebuild.contact import ContactSettings

MAX_RETENTION_MONTHS = 120
MAX_LOG_DAYS = 365


def _whole_number(value: object, unit: str, low: int, high: int) -> int:
    """`value`, when it is a whole number of `unit` from `low` to `high`."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(f"{value!r} is not a whole number of {unit} from {low} to {high}")
    return value


class _Months(BaseConfigOption[int | None]):
    """Optional here (required with a form, see `read`): whole months, 1 to 120."""

    def run_validation(self, value: object, /) -> int | None:
        return None if value is None else _whole_number(value, "months", 1, MAX_RETENTION_MONTHS)


class _LogDays(BaseConfigOption[int]):
    """Required: whole days, 0 (the host keeps no logs) to 365."""

    def run_validation(self, value: object, /) -> int:
        if value is None:
            raise ValidationError("missing: give how many days the host's server logs keep a visit (0 if none)")
        return _whole_number(value, "days", 0, MAX_LOG_DAYS)


class Hosting(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves Config.__init_subclass__ unannotated
    """Who stores and serves the site: its web servers see, and usually log, every visit."""

    name = owner_config.Text("the host's name, for example Exempelhost AB", required=True)
    log_days = _LogDays()


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
    hosting = owner_config.Group(Hosting, "extra.privacy.hosting")
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
