"""Where the contact buttons lead (`sitebuild.contact_routes`): a form or the mail link, never a missing anchor."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File

from sitebuild.contact import read
from sitebuild.contact_routes import ContactRoutes
from sitebuild.markers import MarkerError, site_markdown
from tests.support.paths import REPO

WITH_FORM = read({"contact": {"email": "a@example.com", "form_endpoint": "https://forms.example.com/f"}})
WITHOUT_FORM = read({"contact": {"email": "a@example.com"}})
SITE = "https://www.example.com/"


def cta(routes: ContactRoutes, page_url: str) -> str:
    return routes.calculator_cta(page_url, SITE + page_url.removeprefix("./"), "kalk1", "Rad", "v=1&users=50000")


def test_without_a_form_every_calculator_mails_its_scenario() -> None:
    routes = ContactRoutes(WITHOUT_FORM, ("./",), ("./", "fallstudie/"))
    for page in ("./", "fallstudie/"):
        href = cta(routes, page)
        assert href.startswith("mailto:a@example.com?") and "Rad" in href
        assert "%3Fv%3D1%26users%3D50000%23kalk1" in href, "the share link, with the page's own address"


def test_with_a_form_the_button_reaches_it_on_this_page_or_another() -> None:
    routes = ContactRoutes(WITH_FORM, ("./",), ("./", "fallstudie/", "kund/fall/"))
    assert cta(routes, "./") == "#kontakt"
    assert cta(routes, "fallstudie/") == "../?v=1&users=50000#kontakt"
    assert cta(routes, "kund/fall/") == "../../?v=1&users=50000#kontakt"


def test_with_a_form_but_no_contact_section_the_button_mails() -> None:
    routes = ContactRoutes(WITH_FORM, (), ("./",))
    assert cta(routes, "./").startswith("mailto:a@example.com?")


def test_the_404_page_reaches_the_calculator_and_contact_from_any_address() -> None:
    routes = ContactRoutes(WITH_FORM, ("./", "sa-raknar-vi/"), ("./",))
    assert routes.calculator_address(SITE) == "https://www.example.com/#kalk1"
    assert routes.contact_address(SITE) == "https://www.example.com/#kontakt"
    no_sections = ContactRoutes(WITHOUT_FORM, (), ())
    assert no_sections.calculator_address(SITE) is None
    assert no_sections.contact_address(SITE) == WITHOUT_FORM.mailto


def test_a_page_address_too_long_for_the_mail_link_is_refused_naming_site_url() -> None:
    routes = ContactRoutes(WITHOUT_FORM, ("./",), ("./",))
    with pytest.raises(MarkerError, match="site_url"):
        routes.calculator_cta("./", SITE + "a" * 400 + "/", "kalk1", "Rad", "v=1")


SHOWN_IN_CODE = """---
title: Så skriver du en sida
---
# Markörerna

Skriv `<!-- sajt:kontakt -->` på en egen rad, så här:

```markdown
<!-- sajt:kontakt -->
```

eller indraget:

    <!-- sajt:kalkylator -->
"""


def page(src_uri: str, markdown: str) -> File:
    file = File(src_uri, src_dir=None, dest_dir="", use_directory_urls=True)
    file.content_string = markdown
    return file


def test_a_marker_shown_in_code_makes_no_contact_page_and_no_calculator_page() -> None:
    """As when the page renders (`markers.expand`): only what Markdown kept as a comment is a marker."""
    config = load_config(str(REPO / "mkdocs.yml"))
    pages = [
        page("index.md", "# Start\n\n<!-- sajt:kalkylator -->\n"),
        page("skriva.md", SHOWN_IN_CODE),
        page("kontakt.md", "# Kontakt\n\n<!-- sajt:kontakt -->\n"),
    ]
    routes = ContactRoutes.of(WITH_FORM, pages, site_markdown(config))
    assert routes.contact_pages == ("kontakt/",)
    assert routes.calculator_pages == ("./",)
    assert cta(routes, "./") == "kontakt/?v=1&users=50000#kontakt"
