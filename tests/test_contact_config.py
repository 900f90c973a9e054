"""The site owner's contact settings: a wrong one stops the build and names itself.

Unit tests check `sitebuild.contact` directly; the build tests prove the
check is wired into the real build (`on_config` in hooks.py), that the
rendered contact section follows the settings and that `config.extra` keeps
the owner's plain mapping.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import ConfigurationError

from sitebuild.contact import read
from tests.support.config_variant import FORM_ENDPOINT, WITH_FORM, config_variant
from tests.support.site_builds import assert_build_stops_naming, build_site

VALID = {"email": "kontakt@example.com", "phone": "+46 8 123 456 78"}


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (None, "extra.contact"),
        ("kontakt@example.com", "extra.contact"),
        ({}, "extra.contact.email"),
        ({"email": ""}, "extra.contact.email"),
        ({"email": "x@"}, "extra.contact.email"),
        ({"email": "kontakt example.com"}, "extra.contact.email"),
        ({"email": "a@b"}, "extra.contact.email"),
        ({**VALID, "phone": "ring oss"}, "extra.contact.phone"),
        ({**VALID, "phone": 4681234567}, "extra.contact.phone"),
        ({**VALID, "form_endpoint": "http://forms.example.com/f"}, "extra.contact.form_endpoint"),
        ({**VALID, "form_endpoint": "http://localhost:8000/f"}, "extra.contact.form_endpoint"),
        ({**VALID, "form_endpoint": "ftp://forms.example.com/f"}, "extra.contact.form_endpoint"),
        ({**VALID, "form_endpoint": "forms.example.com/f"}, "extra.contact.form_endpoint"),
        ({**VALID, "form_endpoint": "https://"}, "extra.contact.form_endpoint"),
        ({**VALID, "form_endpiont": "https://forms.example.com/f"}, "extra.contact.form_endpiont"),
        ({**VALID, "booking_url": "http://boka.bolaget.se/"}, "extra.contact.booking_url"),
        ({**VALID, "booking_url": "boka.bolaget.se"}, "extra.contact.booking_url"),
        ({**VALID, "booking_url": "javascript:alert(1)"}, "extra.contact.booking_url"),
        ({**VALID, "person": {"name": "Ada Lind"}}, "extra.contact.person.role"),
        ({**VALID, "person": "Ada Lind"}, "extra.contact.person"),
        ({**VALID, "person": {"name": "Ada", "role": "VD", "titel": "x"}}, "extra.contact.person.titel"),
        ({**VALID, "response_time": "inom\nen dag"}, "extra.contact.response_time"),
        ({**VALID, "honeypot_field": "email"}, "extra.contact.honeypot_field"),
        ({**VALID, "honeypot_field": "två ord"}, "extra.contact.honeypot_field"),
    ],
)
def test_wrong_setting_is_refused_by_name(raw: object, named: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        read({"contact": raw})
    assert str(error.value).startswith(f"{named}: ") or str(error.value).startswith(f"{named} is missing")


def test_the_message_says_what_is_wrong_in_english() -> None:
    with pytest.raises(ConfigurationError) as error:
        read({"contact": {"email": "x@"}})
    assert str(error.value) == "extra.contact.email: 'x@' is not a valid e-mail address"


@pytest.mark.parametrize(
    "raw",
    [
        {"email": "kontakt@example.com"},
        VALID,
        {**VALID, "form_endpoint": "https://forms.example.com/f/abc"},
        {**VALID, "form_endpoint": "http://127.0.0.1:8123/ok"},
        {"email": " kontakt@example.se ", "phone": None, "form_endpoint": ""},
    ],
)
def test_good_settings_are_accepted(raw: dict[str, object]) -> None:
    extra = {"contact": raw}
    settings = read(extra)
    assert settings.email == str(raw["email"]).strip()
    assert extra == {"contact": raw}, "the owner's settings are read, never replaced"


def test_phone_link_drops_the_spaces_people_read() -> None:
    assert read({"contact": VALID}).tel_href == "tel:+46812345678"
    assert read({"contact": {"email": "a@example.com"}}).tel_href is None


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ("extra:\n  contact:\n    email: 'x@'\n", "extra.contact.email"),
        ("extra:\n  contact:\n    email: null\n", "extra.contact.email"),
        ("extra:\n  contact:\n    form_endpoint: http://forms.example.com/f\n", "extra.contact.form_endpoint"),
        ("extra:\n  contact:\n    phone: 'ring oss'\n", "extra.contact.phone"),
    ],
)
def test_build_stops_naming_the_wrong_setting(tmp_path: Path, changes: str, named: str) -> None:
    with config_variant(changes) as config_file:
        assert_build_stops_naming(tmp_path / "site", config_file, named)


def test_built_section_follows_the_settings(built_site: Path) -> None:
    """Default settings: no endpoint, so a mail button and no form; phone shown."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'id="kontakt"' in html
    assert 'href="mailto:kontakt@example.com?subject=' in html
    assert 'href="tel:+46812345678"' in html
    assert "data-contact-form" not in html


@pytest.mark.complete_build
def test_build_with_endpoint_renders_the_form(tmp_path: Path) -> None:
    with config_variant(WITH_FORM) as config_file:
        result = build_site(tmp_path / "site", config_file)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'action="{FORM_ENDPOINT}"' in html
    for field in ("name", "company", "email", "message"):
        assert f'name="{field}"' in html
    assert 'aria-live="polite"' in html
    assert "tel:" not in html


def test_who_answers_and_when_promises_only_what_the_owner_set() -> None:
    assert read({"contact": VALID}).reply_text == "Du får svar av oss så snart vi kan."
    timed = read({"contact": {**VALID, "response_time": "inom en arbetsdag"}})
    assert timed.reply_text == "Du får svar av oss inom en arbetsdag."
    person = {"name": "Ada Lind", "role": "grundare"}
    answered_by = read({"contact": {**VALID, "person": person}})
    assert answered_by.reply_text == "Du får svar av Ada Lind, grundare, så snart vi kan."
    both = read({"contact": {**VALID, "person": person, "response_time": "inom en arbetsdag"}})
    assert both.reply_text == "Du får svar av Ada Lind, grundare, inom en arbetsdag."
    assert both.script_config["reply"] == both.reply_text


def contact_section(html: str) -> str:
    return html.split('id="kontakt"', 1)[1].split("</section>", 1)[0]


def test_section_without_the_optional_settings(built_site: Path) -> None:
    section = contact_section((built_site / "index.html").read_text(encoding="utf-8"))
    assert '<p class="contact__reply" data-contact-reply>Du får svar av oss så snart vi kan.</p>' in section
    assert "data-contact-booking" not in section and "Boka ett samtal" not in section
    assert "visar var besparingen finns" not in section


@pytest.mark.complete_build
def test_section_with_the_optional_settings(tmp_path: Path) -> None:
    changes = (
        "extra:\n  contact:\n    response_time: inom en arbetsdag\n"
        "    person:\n      name: Ada Lind & co\n      role: grundare\n"
        "    booking_url: https://boka.bolaget.se/ada?typ=samtal&längd=30\n"
    )
    with config_variant(changes) as config_file:
        result = build_site(tmp_path / "site", config_file)
    assert result.returncode == 0, result.stderr
    section = contact_section((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert "Du får svar av Ada Lind &amp; co, grundare, inom en arbetsdag." in section
    booking = '<a href="https://boka.bolaget.se/ada?typ=samtal&amp;längd=30" data-contact-booking>Boka ett samtal</a>'
    assert booking in section
    assert "<script" not in section  # a plain link: nothing of the booking service is loaded
