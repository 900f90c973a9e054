"""The privacy notice at /integritetspolicy/: written from the settings, linked from three places.

Unit tests check what `sitebuild.privacy` accepts and what
`sitebuild.privacy_notice` derives (the form service from the endpoint's host,
the retention, the transfers); the build tests read each part of the built
page, with and without a form, and the links to it from the footer of every
page, the contact section and the form's send button.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import ConfigurationError

from sitebuild.company import read as read_company
from sitebuild.contact import ContactSettings
from sitebuild.contact import read as read_contact
from sitebuild.privacy import read as read_privacy
from sitebuild.privacy_notice import (
    FORM_SERVICE_PURPOSE,
    HOST_PURPOSE,
    HOST_PURPOSE_WITH_LOGS,
    PALETTE_STORAGE_KEY,
    Recipient,
    notice,
)
from tests.support.config_variant import config_variant
from tests.support.site_builds import build_site

COMPANY = read_company({"company": {"name": "Lind & Berg AB", "org_nr": "556036-0793", "seat": "Göteborg"}})
MAIL_ONLY = read_contact({"contact": {"email": "hej@lindberg.se"}})
WITH_FORM = read_contact({"contact": {"email": "hej@lindberg.se", "form_endpoint": "https://formspree.io/f/abc"}})
PROCESSORS = [{"name": "Exempelmejl AB", "purpose": "tar emot och lagrar vår e-post"}]
TRANSFERS = "Formspree finns i USA; överföringen sker enligt EU-kommissionens standardavtalsklausuler."
HREF = "/integritetspolicy/"
HOSTING: dict[str, object] = {"name": "Bahnhof AB", "log_days": 14}

FORM_SITE = f"""
extra:
  contact:
    form_endpoint: https://forms.example.net/f/kontakt
  privacy:
    retention_months: 6
    processors:
      - name: Exempelmejl AB
        purpose: tar emot och lagrar vår e-post
    transfers: "{TRANSFERS}"
"""


def part(html: str, name: str) -> str:
    """The text of the notice's element marked `data-privacy-part="name"`, tags dropped."""
    match = re.search(rf'<(\w+) data-privacy-part="{name}">(.*?)</\1>', html, re.DOTALL)
    assert match, f"the notice has no {name} part"
    return " ".join(re.sub(r"<[^>]+>", " ", match[2]).split())


def test_the_form_service_is_named_from_its_host_then_the_owners_processors() -> None:
    privacy = read_privacy({"privacy": {"retention_months": 12, "processors": PROCESSORS}}, WITH_FORM)
    written = notice(COMPANY, WITH_FORM, privacy, "https://www.lindberg.se/")
    assert written.recipients == (
        Recipient("Formulärtjänsten på formspree.io", FORM_SERVICE_PURPOSE),
        Recipient("Exempelmejl AB", "tar emot och lagrar vår e-post"),
    )
    assert notice(COMPANY, MAIL_ONLY, read_privacy({}, MAIL_ONLY), "https://www.lindberg.se/").recipients == ()


def test_the_host_comes_first_with_what_its_server_logs_hold_and_how_long() -> None:
    privacy = read_privacy({"privacy": {"retention_months": 12, "hosting": HOSTING}}, WITH_FORM)
    written = notice(COMPANY, WITH_FORM, privacy, "https://www.lindberg.se/")
    assert written.recipients[0] == Recipient("Bahnhof AB", HOST_PURPOSE_WITH_LOGS)
    assert written.recipients[1].name == "Formulärtjänsten på formspree.io"
    assert "din IP-adress, tidpunkten, vilken sida eller fil som hämtades" in written.visit
    assert written.logs_kept
    assert written.log_retention == "Serverloggarna sparas i högst 14 dagar och raderas sedan."
    one_day = read_privacy({"privacy": {"hosting": {"name": "Bahnhof AB", "log_days": 1}}}, MAIL_ONLY)
    assert "i högst 1 dag och" in notice(COMPANY, MAIL_ONLY, one_day, "https://www.lindberg.se/").log_retention


def test_a_host_that_keeps_no_logs_is_said_to_keep_none() -> None:
    privacy = read_privacy({"privacy": {"hosting": {"name": "Eget nginx", "log_days": 0}}}, MAIL_ONLY)
    written = notice(COMPANY, MAIL_ONLY, privacy, "https://www.lindberg.se/")
    assert written.recipients == (Recipient("Eget nginx", HOST_PURPOSE),)
    assert "sparar inga loggar över besöken" in written.visit
    assert not written.logs_kept and written.log_retention == ""


def test_a_preview_without_the_host_says_the_server_logs_and_who_decides_how_long() -> None:
    written = notice(COMPANY, MAIL_ONLY, read_privacy({}, MAIL_ONLY), "https://www.lindberg.se/")
    assert "(serverloggar)" in written.visit and written.logs_kept
    assert written.log_retention == "Hur länge serverloggarna sparas bestämmer webbplatsens värd."


@pytest.mark.parametrize(
    ("months", "says"),
    [
        (1, "i högst 1 månad efter vår senaste kontakt"),
        (12, "i högst 12 månader efter vår senaste kontakt"),
        (None, "så länge det behövs för att besvara den"),
    ],
)
def test_retention_follows_the_setting(months: int | None, says: str) -> None:
    privacy = read_privacy({"privacy": {"retention_months": months}}, MAIL_ONLY)
    assert says in notice(COMPANY, MAIL_ONLY, privacy, "https://www.lindberg.se/").retention


def test_transfers_and_the_address_follow_the_settings() -> None:
    privacy = read_privacy({"privacy": {"retention_months": 6, "transfers": TRANSFERS}}, WITH_FORM)
    written = notice(COMPANY, WITH_FORM, privacy, "https://www.lindberg.se/sv/")
    assert written.transfers == TRANSFERS
    assert written.href == "/sv/integritetspolicy/"
    default = notice(COMPANY, MAIL_ONLY, read_privacy({}, MAIL_ONLY), "https://www.lindberg.se/")
    assert default.transfers == "Vi för inte över dina personuppgifter till länder utanför EU/EES."


@pytest.mark.parametrize(
    ("raw", "contact", "named"),
    [
        ({}, WITH_FORM, "extra.privacy.retention_months"),
        ({"privacy": {"processors": PROCESSORS}}, WITH_FORM, "extra.privacy.retention_months"),
        ({"privacy": {"retention_months": 0}}, MAIL_ONLY, "extra.privacy.retention_months"),
        ({"privacy": {"retention_months": 121}}, MAIL_ONLY, "extra.privacy.retention_months"),
        ({"privacy": {"retention_months": "12"}}, MAIL_ONLY, "extra.privacy.retention_months"),
        ({"privacy": {"retention_months": True}}, MAIL_ONLY, "extra.privacy.retention_months"),
        ({"privacy": {"processors": "Exempelmejl AB"}}, MAIL_ONLY, "extra.privacy.processors"),
        ({"privacy": {"processors": [{"name": "Exempelmejl AB"}]}}, MAIL_ONLY, "extra.privacy.processors[0].purpose"),
        ({"privacy": {"retention": 12}}, MAIL_ONLY, "extra.privacy.retention"),
        ({"privacy": {"hosting": "Bahnhof AB"}}, MAIL_ONLY, "extra.privacy.hosting"),
        ({"privacy": {"hosting": {"log_days": 14}}}, MAIL_ONLY, "extra.privacy.hosting.name"),
        ({"privacy": {"hosting": {"name": "Bahnhof AB"}}}, MAIL_ONLY, "extra.privacy.hosting.log_days"),
        ({"privacy": {"hosting": HOSTING | {"log_days": -1}}}, MAIL_ONLY, "extra.privacy.hosting.log_days"),
        ({"privacy": {"hosting": HOSTING | {"log_days": 366}}}, MAIL_ONLY, "extra.privacy.hosting.log_days"),
        ({"privacy": {"hosting": HOSTING | {"log_days": "14"}}}, MAIL_ONLY, "extra.privacy.hosting.log_days"),
        ({"privacy": {"hosting": HOSTING | {"log_days": True}}}, MAIL_ONLY, "extra.privacy.hosting.log_days"),
        ({"privacy": {"hosting": HOSTING | {"logs": 1}}}, MAIL_ONLY, "extra.privacy.hosting.logs"),
    ],
)
def test_a_wrong_or_missing_setting_is_refused(raw: dict[str, object], contact: ContactSettings, named: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        read_privacy(raw, contact)
    assert str(error.value).startswith((f"{named}: ", f"{named} is "))


def test_the_committed_notice_for_a_site_without_a_form(built_site: Path) -> None:
    html = (built_site / "integritetspolicy" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in html and "Integritetspolicy" in html
    controller = part(html, "controller")
    assert "Exempelbolaget AB (organisationsnummer 559123-4561, säte Stockholm)" in controller
    for detail in ("kontakt@example.com", "+46 8 123 456 78", "Box 123, 111 22 Stockholm"):
        assert detail in html
    assert "kontaktformuläret" not in part(html, "collected")
    assert "Mejlar du oss" in part(html, "collected")
    assert part(html, "recipients") == f"Exempelhost AB, som {HOST_PURPOSE_WITH_LOGS}."
    assert "registrerar servern som skickar ut sidorna" in part(html, "visit")
    assert "aldrig för att följa enskilda besökare" in part(html, "logs") and "artikel 6.1 f" in part(html, "logs")
    assert part(html, "transfers") == "Vi för inte över dina personuppgifter till länder utanför EU/EES."
    assert "i högst 12 månader" in part(html, "retention")
    assert "Serverloggarna sparas i högst 30 dagar och raderas sedan." in part(html, "retention")
    assert "berättigade intresse" in part(html, "purpose") and "artikel 6.1 b" in part(html, "purpose")
    assert PALETTE_STORAGE_KEY in part(html, "device") and "inga kakor" in part(html, "device")
    rights = part(html, "rights")
    for article in ("15", "16", "17", "18", "20", "21"):
        assert f"artikel {article}" in rights
    assert "kontakt@example.com" in part(html, "how")
    assert "Integritetsskyddsmyndigheten (IMY)" in part(html, "complaint")


@pytest.mark.complete_build
def test_the_notice_and_its_three_links_with_a_form(tmp_path: Path) -> None:
    with config_variant(FORM_SITE) as config_file:
        result = build_site(tmp_path / "site", config_file)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    html = (site / "integritetspolicy" / "index.html").read_text(encoding="utf-8")
    assert "Skickar du kontaktformuläret får vi ditt namn" in part(html, "collected")
    recipients = part(html, "recipients")
    assert f"Formulärtjänsten på forms.example.net, som {FORM_SERVICE_PURPOSE}." in recipients
    assert "Exempelmejl AB, som tar emot och lagrar vår e-post." in recipients
    assert part(html, "transfers") == TRANSFERS
    assert "i högst 6 månader efter vår senaste kontakt" in part(html, "retention")

    for page in sorted(site.rglob("*.html")):  # the footer of every page
        footer = page.read_text(encoding="utf-8").split('class="md-copyright', 1)[1]
        assert f'<a href="{HREF}" data-privacy-link>Integritetspolicy</a>' in footer, page
    contact = (site / "index.html").read_text(encoding="utf-8").split('id="kontakt"', 1)[1].split("</section>", 1)[0]
    intro, form = contact.split("<form", 1)
    assert f'<a href="{HREF}" data-privacy-link>integritetspolicy</a>' in intro  # the contact section
    after_button = form.split("Skicka förfrågan</button>", 1)[1]
    assert f'<a href="{HREF}" data-privacy-link>integritetspolicy</a>' in after_button  # next to the send button
