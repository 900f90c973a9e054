"""Who is behind the site: the company's identity, configured once.

The owner writes, in `mkdocs.yml`::

    extra:
      company:
        name: Exempelbolaget AB          # required
        org_nr: "559123-4561"            # required: NNNNNN-NNNN, check digit verified
        seat: Stockholm                  # säte, required
        address: Box 123, 111 22 Stockholm   # optional

Bolagsverket's rules for an aktiebolag's website and e-handelslagen (8 §)
expect the name, organisationsnummer, säte and a way to reach the company;
the footer of every page shows them (`partials/copyright.html`), every page
names the company as its author (`page_author`) and the landing page describes the company to search engines as JSON-LD
(`organization_jsonld`). An organisationsnummer is ten digits whose last one
is a Luhn check digit over the first nine, as in a personnummer: a typo stops
the build here, naming the setting, instead of publishing a number that
belongs to nobody (or to somebody else).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from typing import Any

from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from sitebuild import owner_config
from sitebuild.contact import ContactSettings

ORG_NR_SHAPE = re.compile(r"^[0-9]{6}-[0-9]{4}$")


def luhn_check_digit(digits: str) -> int:
    """The check digit that completes `digits` (weights 2, 1, 2, … from the left, as Skatteverket's)."""
    total = 0
    for position, digit in enumerate(digits):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


class _OrgNr(BaseConfigOption[str]):
    """Required: the organisationsnummer, NNNNNN-NNNN with a valid check digit."""

    def run_validation(self, value: object, /) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValidationError('missing: give the organisationsnummer, in quotes, for example "559123-4561"')
        text = value.strip() if isinstance(value, str) else value
        if not isinstance(text, str) or not ORG_NR_SHAPE.match(text):
            raise ValidationError(
                f'{value!r} is not shaped NNNNNN-NNNN (write it in quotes, for example "559123-4561")'
            )
        digits = text.replace("-", "")
        if luhn_check_digit(digits[:9]) != int(digits[9]):
            raise ValidationError(f"{value!r} has a wrong check digit: check the number against Bolagsverket's records")
        return text


class CompanySettings(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves Config.__init_subclass__ unannotated
    """The checked `extra.company` settings."""

    name = owner_config.Text("the company's registered name, for example Exempelbolaget AB", required=True)
    org_nr = _OrgNr()
    seat = owner_config.Text(
        "the company's säte (the municipality where the board sits), for example Stockholm", required=True
    )
    address = owner_config.Text("a postal address on one line", required=False)


def read(extra: Mapping[str, Any]) -> CompanySettings:
    """The owner's `extra.company`, checked; raises `ConfigurationError` naming the first wrong setting."""
    return owner_config.load(CompanySettings, extra, "company")


def page_author(company: CompanySettings) -> str:
    """The pages' `<meta name="author">` (MkDocs' `site_author`): the company is behind the site.

    Escaped here, because Material writes `site_author` into the attribute as it is."""
    return escape(str(company.name))


def organization_jsonld(company: CompanySettings, contact: ContactSettings, site_url: str) -> dict[str, Any]:
    """schema.org `Organization` for the landing page: who publishes the site and how to reach them.

    The organisationsnummer is a `PropertyValue` identifier (schema.org has no
    Swedish-specific property)."""
    organization: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": company.name,
        "url": site_url,
        "email": contact.email,
        "identifier": {"@type": "PropertyValue", "propertyID": "Organisationsnummer", "value": company.org_nr},
        "address": {"@type": "PostalAddress", "addressCountry": "SE", **_address_lines(company)},
    }
    if contact.phone:
        organization["telephone"] = contact.phone
    return organization


def _address_lines(company: CompanySettings) -> dict[str, str]:
    """The postal address as the owner wrote it (one line, not split into parts
    a parser could get wrong), or else the säte as the locality."""
    return {"streetAddress": company.address} if company.address else {"addressLocality": str(company.seat)}
