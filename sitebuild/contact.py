"""The call to action: the site owner's contact settings and the mail link.

The owner writes, in `mkdocs.yml`::

    extra:
      contact:
        email: kontakt@example.com          # required
        phone: "+46 8 123 456 78"           # optional
        form_endpoint: https://…            # optional: an https URL that accepts a POST
        honeypot_field: website             # optional: the form's trap field (Formspree: _gotcha)
        response_time: inom en arbetsdag    # optional: when the visitor hears back
        person:                             # optional: who answers
          name: Ada Lind
          role: grundare
        booking_url: https://…              # optional: an https page where a call is booked

`ContactSettings` declares them with MkDocs' config option classes;
`on_config` (in `hooks.py`) checks them with `read(config.extra)` and keeps
the result, which it hands to the contact section, the calculator and the
templates (`contact` in their context). A wrong setting stops the build with
a `ConfigurationError` naming it, because a landing page whose only purpose is
to be contacted must never ship with a broken address.

Contract with the rest of the site (the calculator renders its own links):

- `config.extra["contact"]` stays the owner's mapping; the checked settings
  are the `ContactSettings` that `read()` returns.
- `sitebuild.mail_link` is the one place the mail subject, the wording of the
  mail body, its encoding and its length come from; `sitebuild.contact_routes`
  decides where each page's contact buttons lead before any script runs (a
  form on that page or another, or that mail link).
- Any `<a data-contact-cta>` on a page is kept up to date by
  `docs/assets/javascripts/contact.js`: a mail link (or, without a form
  endpoint, a `#kontakt` link) becomes the `mailto:` link with the latest
  scenario, and a link to another page's form carries its share query. The
  script reads the same link prefix and wording from
  `ContactSettings.script_config`, rendered into every page.
- A page script that wants its scenario in the message dispatches
  `document.dispatchEvent(new CustomEvent("kontakt:scenario",
  {detail: {summary: "<plain Swedish text>", link: "<absolute URL>"}}))`;
  `mail_link.message_text()` shows how the scenario is put into the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from sitebuild import owner_config
from sitebuild.mail_link import mailto_href, script_fields

# Deliberately simple: one @, no spaces, a dot in the domain. Owners type
# their own address here; the check catches typos, not exotic RFC 5322 forms.
EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()-]{4,}[0-9]$")
# The form's fields as the form service receives them; the honeypot's default
# name is one that form-filling bots like to fill.
FORM_FIELDS = ("name", "company", "email", "message")
DEFAULT_HONEYPOT_FIELD = "website"
FIELD_NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
# Plain HTTP is only for a form endpoint on this machine, which the tests run.
LOCAL_HTTP_HOSTS = ("127.0.0.1",)


class _Email(BaseConfigOption[str]):
    """Required: the address that receives enquiries."""

    def run_validation(self, value: object, /) -> str:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValidationError("missing: give the e-mail address that receives enquiries")
        if not isinstance(value, str) or not EMAIL_PATTERN.match(value.strip()):
            raise ValidationError(f"{value!r} is not a valid e-mail address")
        return value.strip()


class _Phone(BaseConfigOption[str | None]):
    """Optional: a phone number as people read it."""

    def run_validation(self, value: object, /) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not PHONE_PATTERN.match(value.strip()):
            raise ValidationError(
                f"{value!r} is not a phone number (write it in quotes, for example \"+46 8 123 456 78\")"
            )
        return value.strip()


class _FormEndpoint(BaseConfigOption[str | None]):
    """Optional: an https:// address that accepts the contact form's POST."""

    def run_validation(self, value: object, /) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValidationError(f"{value!r} is not a URL")
        parts = urlsplit(value.strip())
        local_http = parts.scheme == "http" and parts.hostname in LOCAL_HTTP_HOSTS
        if not parts.hostname or not (parts.scheme == "https" or local_http):
            raise ValidationError(f"{value!r} must be an https:// address that accepts a POST")
        return value.strip()


class _BookingUrl(BaseConfigOption[str | None]):
    """Optional: an https:// page where the visitor books a call (a plain link, nothing embedded)."""

    def run_validation(self, value: object, /) -> str | None:
        if value is None or value == "":
            return None
        parts = urlsplit(value.strip()) if isinstance(value, str) else None
        if not isinstance(value, str) or parts is None or parts.scheme != "https" or not parts.hostname:
            raise ValidationError(f"{value!r} must be an https:// address of a page where a call is booked")
        return value.strip()


class _FieldName(BaseConfigOption[str]):
    """The name of the form's honeypot field, which a form service may know by its own name."""

    def run_validation(self, value: object, /) -> str:
        if value is None or value == "":
            return DEFAULT_HONEYPOT_FIELD
        if not isinstance(value, str) or not FIELD_NAME_PATTERN.match(value):
            raise ValidationError(f"{value!r} is not a form field name (letters, digits, _ and -)")
        if value in FORM_FIELDS:
            raise ValidationError(f"{value!r} is one of the form's own fields ({', '.join(FORM_FIELDS)})")
        return value


class Person(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves Config.__init_subclass__ unannotated
    """Who answers enquiries: a name and a role, both required when the person is given."""

    name = owner_config.Text("the name of the person who answers, for example Ada Lind", required=True)
    role = owner_config.Text("their role, for example grundare", required=True)


class ContactSettings(Config):  # type: ignore[no-untyped-call]  # MkDocs leaves Config.__init_subclass__ unannotated
    """The checked `extra.contact` settings and the links derived from them."""

    email = _Email()
    phone = _Phone()
    form_endpoint = _FormEndpoint()
    honeypot_field = _FieldName()
    response_time = owner_config.Text("when the visitor hears back, for example inom en arbetsdag", required=False)
    person = owner_config.Group(Person, "extra.contact.person")
    booking_url = _BookingUrl()

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

    @property
    def reply_text(self) -> str:
        """Who answers and when, in Swedish, promising nothing the owner did not set."""
        who = f"{self.person.name}, {self.person.role}," if self.person else "oss"
        when = self.response_time or "så snart vi kan"
        return f"Du får svar av {who} {when}."

    @property
    def script_config(self) -> dict[str, str | int | None]:
        """What `contact.js` needs to build the same links as `mailto_href` in the browser."""
        return {
            "email": self.email,
            "formEndpoint": self.form_endpoint,
            "honeypotField": self.honeypot_field,
            "reply": self.reply_text,
            **script_fields(self.email),
        }


def read(extra: Mapping[str, Any]) -> ContactSettings:
    """The owner's `extra.contact`, checked; raises `ConfigurationError` naming the first wrong setting."""
    return owner_config.load(ContactSettings, extra, "contact")
