"""Publishing build or preview: a site with example settings is never published.

The committed `mkdocs.yml` is a template for the owner and carries example
values (`www.example.com`, `kontakt@example.com`, a sample phone number, a
sample company and a sample host). A publishing build (`mkdocs build`, `make build`,
`mkdocs gh-deploy`) stops when any setting still holds one, naming every such
setting at once, so the owner fixes them in one go. A preview (`mkdocs serve`,
or any build with the environment variable `SITE_PREVIEW=1`, which the tests
use) builds anyway and puts a notice on every page (`data-preview-notice`, in
`overrides/main.html`). The host (`extra.privacy.hosting`) may be left out of
a preview, but a published privacy notice must name it and say how long its
server logs are kept, so a publishing build stops without it.

Reserved names: example.com, example.net and example.org (RFC 2606) and the
top-level names .test, .example, .invalid and .localhost (RFC 6761), which can
never reach anybody; and the loopback address, which reaches only the
visitor's own machine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple
from urllib.parse import urlsplit

from mkdocs.exceptions import ConfigurationError

from sitebuild.company import CompanySettings
from sitebuild.contact import ContactSettings
from sitebuild.privacy import PrivacySettings

PREVIEW_VARIABLE = "SITE_PREVIEW"
RESERVED_DOMAINS = ("example.com", "example.net", "example.org")
RESERVED_TOP_LEVEL = ("test", "example", "invalid", "localhost")
LOOPBACK = ("127.0.0.1", "::1")
# The committed mkdocs.yml's sample values that are not reserved names.
SAMPLE_PHONE_DIGITS = "+46812345678"
SAMPLE_COMPANY = {"name": "Exempelbolaget AB", "org_nr": "559123-4561", "address": "Box 123, 111 22 Stockholm"}
SAMPLE_HOST = "Exempelhost AB"


class Placeholder(NamedTuple):
    """A setting that still holds an example value, and why that cannot be published."""

    setting: str
    problem: str

    def __str__(self) -> str:
        return f"{self.setting}: {self.problem}"


def is_preview(command: str, environ: Mapping[str, str]) -> bool:
    """`mkdocs serve` always previews; a build previews when `SITE_PREVIEW=1`."""
    return command == "serve" or environ.get(PREVIEW_VARIABLE) == "1"


def reserved_host(host: str | None) -> str | None:
    """The reserved name `host` falls under, or None for a host that can be published."""
    name = (host or "").lower().rstrip(".")
    if name in LOOPBACK:
        return name
    for domain in RESERVED_DOMAINS:
        if name == domain or name.endswith("." + domain):
            return domain
    top_level = name.rpartition(".")[2]
    return "." + top_level if top_level in RESERVED_TOP_LEVEL else None


def placeholders(
    site_url: str, contact: ContactSettings, company: CompanySettings, privacy: PrivacySettings
) -> list[Placeholder]:
    """Every setting that still holds an example value or that a published site needs and lacks,
    each with what is wrong (empty: publishable)."""
    addresses = {
        "site_url": (site_url, urlsplit(site_url).hostname),
        "extra.contact.email": (contact.email, contact.email.rpartition("@")[2]),
        "extra.contact.form_endpoint": (contact.form_endpoint, urlsplit(contact.form_endpoint or "").hostname),
        "extra.contact.booking_url": (contact.booking_url, urlsplit(contact.booking_url or "").hostname),
    }
    found = []
    for setting, (value, host) in addresses.items():
        reserved = reserved_host(host) if value else None
        if reserved:
            problem = f"{value!r} uses {reserved}, which is reserved for examples and reaches nobody"
            found.append(Placeholder(setting, problem))
    if contact.tel_href and _international(contact.tel_href.removeprefix("tel:")) == SAMPLE_PHONE_DIGITS:
        found.append(Placeholder("extra.contact.phone", f"{contact.phone!r} is the template's sample number"))
    for key, sample in SAMPLE_COMPANY.items():
        if company[key] == sample:
            found.append(Placeholder(f"extra.company.{key}", f"{sample!r} is the template's sample value"))
    if privacy.hosting is None:
        problem = "missing: the privacy notice must name who hosts the site and how many days its server logs are kept"
        found.append(Placeholder("extra.privacy.hosting", problem))
    elif privacy.hosting.name == SAMPLE_HOST:
        found.append(Placeholder("extra.privacy.hosting.name", f"{SAMPLE_HOST!r} is the template's sample value"))
    return found


def _international(number: str) -> str:
    """A Swedish number in its +46 form, however it was written (08-…, 0046 8 …, +46 8 …)."""
    if number.startswith("00"):
        return "+" + number[2:]
    return "+46" + number[1:] if number.startswith("0") else number


def require_publishable(found: list[Placeholder]) -> None:
    """Stop a publishing build that would publish example values, naming each setting."""
    if found:
        lines = "\n".join(f"  - {problem}" for problem in found)
        raise ConfigurationError(
            f"mkdocs.yml still holds example values; a published site would show them to visitors:\n{lines}\n"
            "Set your own in mkdocs.yml (see the README, 'From the example to a published site'), "
            f"or preview with `make serve` or `{PREVIEW_VARIABLE}=1 mkdocs build`."
        )
