"""No placeholder is ever published: a publishing build stops on example values, a preview shows them with a notice.

The committed `mkdocs.yml` is the owner's template and keeps example values,
so `mkdocs build` on it fails by design, naming each one; the tests (and
`make serve`) build previews (`SITE_PREVIEW=1`, see
tests/support/site_builds.py), whose pages say the site is not ready.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sitebuild.company import read as read_company
from sitebuild.contact import read as read_contact
from sitebuild.privacy import read as read_privacy
from sitebuild.publishing import is_preview, placeholders, reserved_host
from tests.support.config_variant import config_variant, merged
from tests.support.site_builds import run_mkdocs

# Settings of a site that may be published (none of them reserved or a sample).
OWN = """
site_url: https://www.mermedmindre.se/
extra:
  contact:
    email: hej@mermedmindre.se
    phone: "+46 31 10 20 30"
  company:
    name: Mer med mindre AB
    org_nr: "556036-0793"
    seat: Göteborg
    address: Storgatan 1, 411 01 Göteborg
  privacy:
    hosting:
      name: Bahnhof AB
      log_days: 14
"""
EXAMPLE_SETTINGS = (
    "site_url",
    "extra.contact.email",
    "extra.contact.phone",
    "extra.company.name",
    "extra.company.org_nr",
    "extra.company.address",
    "extra.privacy.hosting.name",
)
NOTICE = "data-preview-notice"


@pytest.mark.parametrize(
    ("host", "reserved"),
    [
        ("www.example.com", "example.com"),
        ("example.org", "example.org"),
        ("forms.example.net", "example.net"),
        ("EXAMPLE.COM.", "example.com"),
        ("bolaget.test", ".test"),
        ("bolaget.example", ".example"),
        ("x.invalid", ".invalid"),
        ("app.localhost", ".localhost"),
        ("localhost", ".localhost"),
        ("127.0.0.1", "127.0.0.1"),
        ("www.mermedmindre.se", None),
        ("example.se", None),
        ("notexample.com", None),
        ("example.com.bolaget.se", None),
    ],
)
def test_reserved_names_are_recognised(host: str, reserved: str | None) -> None:
    assert reserved_host(host) == reserved


def test_every_example_value_is_named_at_once() -> None:
    contact = read_contact({"contact": {"email": "kontakt@example.com", "phone": "+46 8 123 456 78",
                                        "form_endpoint": "https://forms.example.net/f", "booking_url": "https://boka.test/"}})
    company = read_company({"company": {"name": "Exempelbolaget AB", "org_nr": "559123-4561", "seat": "Stockholm"}})
    sample_host = {"name": "Exempelhost AB", "log_days": 30}
    privacy = read_privacy({"privacy": {"retention_months": 12, "hosting": sample_host}}, contact)
    found = placeholders("https://www.example.com/", contact, company, privacy)
    assert [example.setting for example in found] == [
        "site_url",
        "extra.contact.email",
        "extra.contact.form_endpoint",
        "extra.contact.booking_url",
        "extra.contact.phone",
        "extra.company.name",
        "extra.company.org_nr",
        "extra.privacy.hosting.name",
    ]
    assert str(found[0]) == (
        "site_url: 'https://www.example.com/' uses example.com, which is reserved for examples and reaches nobody"
    )


def test_a_published_notice_needs_the_host() -> None:
    contact = read_contact({"contact": {"email": "hej@bolaget.se"}})
    company = read_company({"company": {"name": "Bolaget AB", "org_nr": "556036-0793", "seat": "Göteborg"}})
    (missing,) = placeholders("https://www.bolaget.se/", contact, company, read_privacy({}, contact))
    assert str(missing).startswith("extra.privacy.hosting: missing: the privacy notice must name who hosts the site")


def test_a_preview_is_serve_or_site_preview_1() -> None:
    assert is_preview("serve", {})
    assert is_preview("build", {"SITE_PREVIEW": "1"})
    assert not is_preview("build", {})
    assert not is_preview("gh-deploy", {"SITE_PREVIEW": "0"})


def test_publishing_the_committed_template_stops_naming_each_example(tmp_path: Path) -> None:
    result = run_mkdocs(tmp_path / "site", None, preview=False)
    assert result.returncode != 0
    for setting in EXAMPLE_SETTINGS:
        assert f"  - {setting}: " in result.stderr, setting
    assert "SITE_PREVIEW=1" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("site_url: https://www.example.com/\n", "site_url"),
        ("site_url: https://bolaget.test/\n", "site_url"),
        ("extra:\n  contact:\n    email: kontakt@example.org\n", "extra.contact.email"),
        ("extra:\n  contact:\n    email: hej@bolaget.invalid\n", "extra.contact.email"),
        ("extra:\n  contact:\n    phone: '08-123 456 78'\n", "extra.contact.phone"),
        ("extra:\n  contact:\n    form_endpoint: https://forms.example.net/f\n", "extra.contact.form_endpoint"),
        ("extra:\n  company:\n    org_nr: '559123-4561'\n", "extra.company.org_nr"),
        ("extra:\n  company:\n    name: Exempelbolaget AB\n", "extra.company.name"),
        ("extra:\n  company: null\n", "extra.company"),
        ("extra:\n  privacy:\n    hosting: null\n", "extra.privacy.hosting"),
        ("extra:\n  privacy:\n    hosting:\n      name: Exempelhost AB\n", "extra.privacy.hosting.name"),
    ],
)
def test_publishing_stops_on_each_example_value_naming_it(tmp_path: Path, change: str, named: str) -> None:
    changes = yaml.safe_dump(merged(yaml.safe_load(OWN), yaml.safe_load(change)), allow_unicode=True)
    with config_variant(changes) as config_file:
        result = run_mkdocs(tmp_path / "site", config_file, preview=False)
    assert result.returncode != 0
    assert f"{named}: " in result.stderr or f"{named} is missing" in result.stderr
    others = [setting for setting in EXAMPLE_SETTINGS if setting != named]
    assert not any(f"  - {setting}: " in result.stderr for setting in others), result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.complete_build
def test_own_settings_publish_without_a_notice(tmp_path: Path) -> None:
    with config_variant(OWN) as config_file:
        result = run_mkdocs(tmp_path / "site", config_file, preview=False)
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert pages
    for page in pages:
        assert NOTICE not in page.read_text(encoding="utf-8"), page


def test_preview_builds_the_template_with_a_notice_on_every_page(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 4
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.count(NOTICE) == 1, page
        notice = html.split(NOTICE, 1)[1].split("</p>", 1)[0]
        assert "kontaktuppgifterna är exempel" in notice and "inte klar att publicera" in notice
        for setting in EXAMPLE_SETTINGS:
            assert setting in notice, (page, setting)
