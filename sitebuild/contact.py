"""The call to action: the site owner's contact settings and the mail link.

The owner writes, in `mkdocs.yml`::

    extra:
      contact:
        email: kontakt@example.com          # required
        phone: "+46 8 123 456 78"           # optional
        form_endpoint: https://…            # optional: an https URL that accepts a POST

`on_config` (in `hooks.py`) calls `install()`, which checks these settings and
replaces `config.extra["contact"]` with a `ContactSettings`. A wrong setting
stops the build with a `ConfigurationError` naming it, because a landing page
whose only purpose is to be contacted must never ship with a broken address.

Contract with the rest of the site (the calculator renders its own links):

- After `on_config`, `config.extra["contact"]` is a `ContactSettings`.
- `sitebuild.mail_link` is the one place the mail subject, the wording of the
  mail body and its encoding come from; `contact.cta_href_for(scenario_text)`
  is the href a contact button needs before any script runs (the form, or
  that mail link).
- Any `<a data-contact-cta>` on a page is taken over by
  `docs/assets/javascripts/contact.js`: its href becomes the `mailto:` link
  (no form endpoint) or `#kontakt` (the form). The script reads the same
  link prefix and wording from `ContactSettings.script_config`, rendered into every page.
- A page script that wants its scenario in the message dispatches
  `document.dispatchEvent(new CustomEvent("kontakt:scenario",
  {detail: {summary: "<plain Swedish text>", link: "<absolute URL>"}}))`;
  `mail_link.message_text()` shows how the scenario is put into the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import ConfigurationError

from sitebuild.mail_link import mailto_href, script_fields

SETTINGS = ("email", "phone", "form_endpoint")
# Deliberately simple: one @, no spaces, a dot in the domain. Owners type
# their own address here; the check catches typos, not exotic RFC 5322 forms.
EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()-]{4,}[0-9]$")
# Plain HTTP is only for a form endpoint on this machine, which the tests run.
LOCAL_HTTP_HOSTS = ("127.0.0.1",)


@dataclass(frozen=True)
class ContactSettings:
    """The checked `extra.contact` settings and the links derived from them."""

    email: str
    phone: str | None = None
    form_endpoint: str | None = None

    @property
    def tel_href(self) -> str | None:
        """`tel:` link: the number without the spaces people write for reading."""
        if self.phone is None:
            return None
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone)

    @property
    def mailto(self) -> str:
        """The mail link without a scenario, for pages read without JavaScript."""
        return mailto_href(self.email)

    def cta_href_for(self, scenario_text: str) -> str:
        """Where a contact button goes: the form when there is one, else a mail carrying the scenario."""
        return "#kontakt" if self.form_endpoint else mailto_href(self.email, scenario_text)

    @property
    def script_config(self) -> dict[str, str | None]:
        """What `contact.js` needs to build the same links as `mailto_href` in the browser."""
        return {"email": self.email, "formEndpoint": self.form_endpoint, **script_fields(self.email)}


def parse_settings(raw: Any) -> ContactSettings:
    """Check the owner's `extra.contact` mapping; raise naming the first wrong setting."""
    if not isinstance(raw, Mapping):
        raise ConfigurationError(
            "extra.contact saknas eller är inte en lista med inställningar: ange minst extra.contact.email"
        )
    unknown = sorted(set(raw) - set(SETTINGS))
    if unknown:
        raise ConfigurationError(
            f"extra.contact.{unknown[0]}: okänd inställning (tillåtna: {', '.join(SETTINGS)})"
        )
    return ContactSettings(
        email=_email(raw.get("email")),
        phone=_phone(raw.get("phone")),
        form_endpoint=_form_endpoint(raw.get("form_endpoint")),
    )


def install(extra: dict[str, Any]) -> ContactSettings:
    """Replace `extra["contact"]` by its checked form so templates and hooks share it."""
    current = extra.get("contact")
    settings = current if isinstance(current, ContactSettings) else parse_settings(current)
    extra["contact"] = settings
    return settings


def _email(value: Any) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ConfigurationError("extra.contact.email saknas: ange den e-postadress som ska ta emot förfrågningar")
    if not isinstance(value, str) or not EMAIL_PATTERN.match(value.strip()):
        raise ConfigurationError(f"extra.contact.email: {value!r} är ingen giltig e-postadress")
    return value.strip()


def _phone(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not PHONE_PATTERN.match(value.strip()):
        raise ConfigurationError(
            f"extra.contact.phone: {value!r} är inget telefonnummer (skriv det inom citattecken, t.ex. \"+46 8 123 456 78\")"
        )
    return value.strip()


def _form_endpoint(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ConfigurationError(f"extra.contact.form_endpoint: {value!r} är ingen URL")
    parts = urlsplit(value.strip())
    local_http = parts.scheme == "http" and parts.hostname in LOCAL_HTTP_HOSTS
    if not parts.hostname or not (parts.scheme == "https" or local_http):
        raise ConfigurationError(
            f"extra.contact.form_endpoint: {value!r} måste vara en https://-adress som tar emot POST"
        )
    return value.strip()
