"""All of the site owner's settings under `extra`, checked together, and what the templates get from them.

`on_config` calls `read` once per build: each group is checked by its own
module (`contact`, `company`, `privacy`), the privacy notice and the JSON-LD
are derived from them, and a publishing build stops here when a setting still
holds the template's example value (`sitebuild/publishing.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sitebuild import company, contact, privacy, privacy_notice, publishing


@dataclass(frozen=True)
class OwnerSettings:
    """The checked settings, the notice written from them, and the example values a preview shows."""

    contact: contact.ContactSettings
    company: company.CompanySettings
    notice: privacy_notice.PrivacyNotice
    organization: dict[str, Any]
    examples: tuple[publishing.Placeholder, ...]

    def template_globals(self) -> dict[str, object]:
        """What every template may use: `contact`, `company`, `privacy_notice`,
        `organization` (the landing page's JSON-LD) and `preview_examples` (the
        settings the preview's notice names; empty when publishing)."""
        return {
            "contact": self.contact,
            "company": self.company,
            "privacy_notice": self.notice,
            "organization": self.organization,
            "preview_examples": [example.setting for example in self.examples],
        }


def read(extra: Mapping[str, Any], site_url: str, *, preview: bool) -> OwnerSettings:
    """The owner's settings, checked; raises `ConfigurationError` naming the first
    wrong setting, or, when publishing, every setting that holds an example value."""
    checked_contact = contact.read(extra)
    checked_company = company.read(extra)
    checked_privacy = privacy.read(extra, checked_contact)
    examples = publishing.placeholders(site_url, checked_contact, checked_company, checked_privacy)
    if not preview:
        publishing.require_publishable(examples)
    return OwnerSettings(
        contact=checked_contact,
        company=checked_company,
        notice=privacy_notice.notice(checked_company, checked_contact, checked_privacy, site_url),
        organization=company.organization_jsonld(checked_company, checked_contact, site_url),
        examples=tuple(examples),
    )
