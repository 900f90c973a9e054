"""The privacy notice at `/integritetspolicy/`, written from the owner's settings.

GDPR article 13 asks a site that collects personal data (here: the contact
form and e-mail) to say who the controller is and how to reach them, what is
collected, why and on what legal basis, who receives it, whether it leaves the
EU/EEA, how long it is kept, the visitor's rights and the right to complain to
Integritetsskyddsmyndigheten (IMY). The Swedish rules on storing data on the
visitor's device (LEK 9 kap. 28 §) ask for a true account of that too. Every
visit also reaches the host's web server, which logs the visitor's IP address:
the notice says so, names the host among the recipients and says how long
its logs are kept (`extra.privacy.hosting`).

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
from sitebuild.privacy import Hosting, PrivacySettings

PAGE_SOURCE = "integritetspolicy.md"
PAGE_PATH = "integritetspolicy/"
MARKER = "integritetspolicy"
TEMPLATE = "partials/privacy-notice.html"
# Material keeps the visitor's colour scheme under this key of localStorage
# (`extra.scope: /` makes the prefix "/"); `palette-storage.js` lets it be
# written only when the visitor switches.
PALETTE_STORAGE_KEY = "/.__palette"

FORM_SERVICE_PURPOSE = "tar emot det du skickar via formuläret och vidarebefordrar det till oss"
HOST_PURPOSE = "lagrar webbplatsen och skickar ut dess sidor"
HOST_PURPOSE_WITH_LOGS = "lagrar webbplatsen, skickar ut dess sidor och för serverloggar över besöken"
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
    visit: str  # what a visit leaves with the host's web server
    log_retention: str  # "" when the host keeps no server logs
    storage_key: str = PALETTE_STORAGE_KEY

    @property
    def logs_kept(self) -> bool:
        """Whether the host keeps server logs (the notice then says what for): they have a retention to say."""
        return bool(self.log_retention)


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
        visit=_visit(privacy.hosting),
        log_retention=_log_retention(privacy.hosting),
    )


def _recipients(contact: ContactSettings, privacy: PrivacySettings) -> tuple[Recipient, ...]:
    """The site's host, the form service (named by its host, the one fact the site knows of it), then the
    owner's list."""
    hosting: tuple[Recipient, ...] = ()
    if privacy.hosting is not None:
        purpose = HOST_PURPOSE_WITH_LOGS if privacy.hosting.log_days else HOST_PURPOSE
        hosting = (Recipient(str(privacy.hosting.name), purpose),)
    form: tuple[Recipient, ...] = ()
    if contact.form_endpoint:
        host = urlsplit(contact.form_endpoint).hostname
        form = (Recipient(f"Formulärtjänsten på {host}", FORM_SERVICE_PURPOSE),)
    return hosting + form + tuple(Recipient(str(item.name), str(item.purpose)) for item in privacy.processors)


def _visit(hosting: Hosting | None) -> str:
    """What a visit leaves with the host's web server, as a Swedish sentence."""
    if hosting is not None and hosting.log_days == 0:
        return (
            "Besöker du webbplatsen tar servern som skickar ut sidorna emot din IP-adress för att kunna svara, "
            "men den sparar inga loggar över besöken."
        )
    return (
        "Besöker du webbplatsen registrerar servern som skickar ut sidorna, som alla webbservrar, din IP-adress, "
        "tidpunkten, vilken sida eller fil som hämtades och vilken webbläsare du använder (serverloggar)."
    )


def _log_retention(hosting: Hosting | None) -> str:
    """How long the server logs are kept, as a Swedish sentence ("" when none are kept). Without the
    setting (a preview only: a publishing build requires it) the notice points to the host."""
    if hosting is None:
        return "Hur länge serverloggarna sparas bestämmer webbplatsens värd."
    days = hosting.log_days
    if days == 0:
        return ""
    unit = "dag" if days == 1 else "dagar"
    return f"Serverloggarna sparas i högst {days} {unit} och raderas sedan."


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
