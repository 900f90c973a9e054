"""The privacy notice at `/integritetspolicy/`, written from the owner's settings.

GDPR article 13 asks a site that collects personal data (here: the contact
form and e-mail) to say who the controller is and how to reach them, what is
collected, why and on what legal basis, who receives it, whether it leaves the
EU/EEA, how long it is kept, the visitor's rights and the right to complain to
Integritetsskyddsmyndigheten (IMY). The Swedish rules on storing data on the
visitor's device (LEK 9 kap. 28 §) ask for a true account of that too.

Every fact that differs between sites comes from the settings (`company`,
`contact`, `privacy`), so the notice cannot drift from what the site does:
the form service is named from `form_endpoint`'s host, the retention from
`extra.privacy.retention_months`. The hooks add the page itself (`page_file`),
so it exists on every build; its body is the `<!-- sajt:integritetspolicy -->`
marker, rendered by the theme partial `partials/privacy-notice.html`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from sitebuild.company import CompanySettings
from sitebuild.contact import ContactSettings
from sitebuild.privacy import PrivacySettings

PAGE_SOURCE = "integritetspolicy.md"
PAGE_PATH = "integritetspolicy/"
MARKER = "integritetspolicy"
TEMPLATE = "partials/privacy-notice.html"
# Material keeps the visitor's colour scheme under this key of localStorage
# (`extra.scope: /` makes the prefix "/"); `palette-storage.js` lets it be
# written only when the visitor switches.
PALETTE_STORAGE_KEY = "/.__palette"

FORM_SERVICE_PURPOSE = "tar emot det du skickar via formuläret och vidarebefordrar det till oss"
PAGE_MARKDOWN = f"""---
title: Integritetspolicy
description: >-
  Hur vi behandlar dina personuppgifter när du kontaktar oss, vad webbplatsen
  sparar i din webbläsare och vilka rättigheter du har.
---

# Integritetspolicy

<!-- sajt:{MARKER} -->
"""


@dataclass(frozen=True)
class Recipient:
    """Someone who receives enquiries for the company, and why."""

    name: str
    purpose: str


@dataclass(frozen=True)
class PrivacyNotice:
    """Everything the notice says, as plain data for its template."""

    company: CompanySettings
    contact: ContactSettings
    href: str
    recipients: tuple[Recipient, ...]
    retention: str
    transfers: str
    storage_key: str = PALETTE_STORAGE_KEY


def notice(
    company: CompanySettings, contact: ContactSettings, privacy: PrivacySettings, site_url: str
) -> PrivacyNotice:
    """The notice for these settings; `site_url` (ending in "/") gives the page's address."""
    return PrivacyNotice(
        company=company,
        contact=contact,
        href=urlsplit(site_url).path + PAGE_PATH,
        recipients=_recipients(contact, privacy),
        retention=_retention(privacy.retention_months),
        transfers=privacy.transfers or "Vi för inte över dina personuppgifter till länder utanför EU/EES.",
    )


def _recipients(contact: ContactSettings, privacy: PrivacySettings) -> tuple[Recipient, ...]:
    """The form service first (named by its host, the one fact the site knows of it), then the owner's list."""
    form: tuple[Recipient, ...] = ()
    if contact.form_endpoint:
        host = urlsplit(contact.form_endpoint).hostname
        form = (Recipient(f"Formulärtjänsten på {host}", FORM_SERVICE_PURPOSE),)
    return form + tuple(Recipient(str(item.name), str(item.purpose)) for item in privacy.processors)


def _retention(months: int | None) -> str:
    """How long enquiries are kept, as a Swedish sentence."""
    kept = "Vi sparar din förfrågan och vår e-post om den"
    if months is None:
        return f"{kept} så länge det behövs för att besvara den, och raderar den sedan."
    unit = "månad" if months == 1 else "månader"
    return f"{kept} i högst {months} {unit} efter vår senaste kontakt, och raderar den sedan."


def page_file(config: MkDocsConfig) -> File:
    """The page itself, added to the build's files so that it exists whatever `docs/` holds."""
    return File.generated(config, PAGE_SOURCE, content=PAGE_MARKDOWN)


def render(env: Environment, privacy_notice: PrivacyNotice) -> str:
    """The notice's sections (raw HTML) for the marker."""
    return env.get_template(TEMPLATE).render(notice=privacy_notice).strip()
