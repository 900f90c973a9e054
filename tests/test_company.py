"""Who is behind the site: `extra.company` in every footer and, as JSON-LD, on the landing page.

Unit tests check `sitebuild.company` (the organisationsnummer's shape and
check digit); the build tests read the footer of every built page and the
landing page's JSON-LD against the settings.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import ConfigurationError

from sitebuild.company import luhn_check_digit, organization_jsonld, read
from sitebuild.contact import read as read_contact
from sitebuild.csp import inline_hash
from tests.support.config_variant import config_variant
from tests.support.site_builds import assert_build_stops_naming, build_site

COMPANY = {"name": "Exempelbolaget AB", "org_nr": "559123-4561", "seat": "Stockholm"}
AUTHOR = re.compile(r'<meta name="author" content="([^"]*)">')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def footer(html: str) -> str:
    """The footer's text, tags dropped and spaces collapsed."""
    match = re.search(r'<div class="md-copyright site-footer">(.*?)</div>', html, re.DOTALL)
    assert match, "no footer"
    return " ".join(re.sub(r"<[^>]+>", " ", match[1]).split())


@pytest.mark.parametrize(
    ("digits", "check"),
    [("559123456", 1), ("556036079", 3), ("202100548", 9), ("802479349", 2), ("556016068", 0)],
)
def test_check_digit_is_luhn_from_the_left(digits: str, check: int) -> None:
    assert luhn_check_digit(digits) == check


@pytest.mark.parametrize("org_nr", ["559123-4561", "556036-0793", " 202100-5489 "])
def test_a_right_org_nr_is_accepted(org_nr: str) -> None:
    assert read({"company": {**COMPANY, "org_nr": org_nr}}).org_nr == org_nr.strip()


@pytest.mark.parametrize(
    ("org_nr", "says"),
    [
        ("559123-4562", "wrong check digit"),
        ("556036-0794", "wrong check digit"),
        ("5591234561", "NNNNNN-NNNN"),
        ("559123 4561", "NNNNNN-NNNN"),
        ("55912-34561", "NNNNNN-NNNN"),
        (5591234561, "NNNNNN-NNNN"),
        ("", "missing"),
        (None, "missing"),
    ],
)
def test_a_wrong_org_nr_is_refused_by_name(org_nr: object, says: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        read({"company": {**COMPANY, "org_nr": org_nr}})
    assert str(error.value).startswith("extra.company.org_nr: ")
    assert says in str(error.value)


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (None, "extra.company"),
        ({"org_nr": "559123-4561", "seat": "Stockholm"}, "extra.company.name"),
        ({**COMPANY, "seat": ""}, "extra.company.seat"),
        ({**COMPANY, "address": ["Box 1"]}, "extra.company.address"),
        ({**COMPANY, "adress": "Box 1"}, "extra.company.adress"),
    ],
)
def test_other_wrong_company_settings_are_refused_by_name(raw: object, named: str) -> None:
    with pytest.raises(ConfigurationError) as error:
        read({"company": raw})
    assert str(error.value).startswith((f"{named}: ", f"{named} is missing"))


def test_json_ld_names_the_company_and_how_to_reach_it() -> None:
    company = read({"company": {**COMPANY, "address": "Box 123, 111 22 Stockholm"}})
    contact = read_contact({"contact": {"email": "hej@bolaget.se", "phone": "+46 31 10 20 30"}})
    assert organization_jsonld(company, contact, "https://www.bolaget.se/") == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Exempelbolaget AB",
        "url": "https://www.bolaget.se/",
        "email": "hej@bolaget.se",
        "telephone": "+46 31 10 20 30",
        "identifier": {"@type": "PropertyValue", "propertyID": "Organisationsnummer", "value": "559123-4561"},
        "address": {"@type": "PostalAddress", "addressCountry": "SE", "streetAddress": "Box 123, 111 22 Stockholm"},
    }
    without = organization_jsonld(read({"company": COMPANY}), read_contact({"contact": {"email": "a@b.se"}}), "https://b.se/")
    assert "telephone" not in without
    assert without["address"] == {"@type": "PostalAddress", "addressCountry": "SE", "addressLocality": "Stockholm"}


def test_every_page_has_the_company_in_its_footer(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 4  # the article, the method page, the privacy notice, 404
    for page in pages:
        text = footer(page.read_text(encoding="utf-8"))
        assert "Exempelbolaget AB · Org.nr 559123-4561 · Säte: Stockholm · Box 123, 111 22 Stockholm" in text, page
        assert "kontakt@example.com" in text


def test_every_page_names_the_company_as_its_author(built_site: Path) -> None:
    for page in sorted(built_site.rglob("*.html")):
        assert AUTHOR.findall(page.read_text(encoding="utf-8")) == ["Exempelbolaget AB"], page


def test_landing_page_alone_describes_the_company_as_json_ld(built_site: Path) -> None:
    (block,) = JSON_LD.findall((built_site / "index.html").read_text(encoding="utf-8"))
    organization = json.loads(block)
    assert organization["@type"] == "Organization"
    assert organization["name"] == "Exempelbolaget AB"
    assert organization["url"] == "https://www.example.com/"
    assert organization["email"] == "kontakt@example.com"
    assert organization["telephone"] == "+46 8 123 456 78"
    assert organization["identifier"]["value"] == "559123-4561"
    assert organization["address"]["streetAddress"] == "Box 123, 111 22 Stockholm"
    for page in ("sa-raknar-vi/index.html", "integritetspolicy/index.html", "404.html"):
        assert not JSON_LD.search((built_site / page).read_text(encoding="utf-8")), page


def test_json_ld_is_inert_data_the_policy_allows_nothing_for(built_site: Path) -> None:
    """Browsers never run a `application/ld+json` block: the policy needs no hash for it and gets none."""
    (block,) = JSON_LD.findall((built_site / "index.html").read_text(encoding="utf-8"))
    headers = (built_site / "_headers").read_text(encoding="utf-8")
    assert "script-src" in headers
    assert inline_hash(block) not in headers
    assert "'unsafe-inline'" not in headers


@pytest.mark.complete_build
def test_footer_and_json_ld_follow_changed_settings(tmp_path: Path) -> None:
    changes = (
        "extra:\n  company:\n    name: Lind & Berg AB\n    org_nr: '556036-0793'\n"
        "    seat: Göteborg\n    address: null\n  contact:\n    phone: null\n"
    )
    with config_variant(changes) as config_file:
        result = build_site(tmp_path / "site", config_file)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Lind &amp; Berg AB · Org.nr 556036-0793 · Säte: Göteborg · kontakt@example.com" in footer(html)
    assert AUTHOR.findall(html) == ["Lind &amp; Berg AB"]
    organization = json.loads(JSON_LD.findall(html)[0])
    assert organization["name"] == "Lind & Berg AB"  # in the page as \u0026, never as markup
    assert organization["address"] == {"@type": "PostalAddress", "addressCountry": "SE", "addressLocality": "Göteborg"}
    assert "telephone" not in organization


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ("extra:\n  company:\n    org_nr: '559123-4562'\n", "extra.company.org_nr"),
        ("extra:\n  company:\n    org_nr: '5591234561'\n", "extra.company.org_nr"),
        ("extra:\n  company: null\n", "extra.company"),
    ],
)
def test_build_stops_naming_a_wrong_company_setting(tmp_path: Path, changes: str, named: str) -> None:
    with config_variant(changes) as config_file:
        assert_build_stops_naming(tmp_path / "site", config_file, named)
