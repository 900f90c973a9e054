"""Where each page's contact buttons lead: a contact form or the mail link, never a missing anchor.

The contact section (`<!-- sajt:kontakt -->`, with `id="kontakt"`) sits on
the pages whose authors put it there; a calculator may sit on any page. So
before any page is rendered, the build reads every page's Markdown for the
two markers (`ContactRoutes.of`, by the rule of `sitebuild/markers.py`: a
marker shown in code is not one) and decides per page:

- no form endpoint, or no page with the contact section: the mail link,
  carrying the scenario's lines and share link (`sitebuild/mail_link.py`);
- a form, on this page: `#kontakt`;
- a form, on another page (the landing page if it has one): that page's
  `#kontakt` with the scenario's share query, so the form's message starts
  from the visitor's scenario (`contact.js`) and that page's calculator
  shows it.

`contact.js` keeps each button's kind as the build wrote it and only puts
the visitor's latest scenario in. The 404 page takes its links from here too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

from markdown import Markdown
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from sitebuild.calculator_embed import calculator_id
from sitebuild.contact import ContactSettings
from sitebuild.mail_link import MAX_HREF_CHARS, encode, mailto_href, room_for_page_address
from sitebuild.markers import MarkerError, names_asked_for

CONTACT_MARKER = "kontakt"
CALCULATOR_MARKER = "kalkylator"
CONTACT_ANCHOR = "kontakt"
LANDING_PAGE = "index.md"


def _pages_with(marker: str, pages: Sequence[tuple[File, set[str]]]) -> tuple[str, ...]:
    """The URLs (`File.url`: `./`, `fallstudie/`) of the pages that ask for `marker`, the landing page first."""
    found = [page for page, names in pages if marker in names]
    found.sort(key=lambda page: (page.src_uri != LANDING_PAGE, page.src_uri))
    return tuple(page.url for page in found)


@dataclass(frozen=True)
class ContactRoutes:
    """The site's contact settings and which pages carry the contact section and a calculator."""

    contact: ContactSettings
    contact_pages: tuple[str, ...]
    calculator_pages: tuple[str, ...]

    @classmethod
    def of(cls, contact: ContactSettings, pages: Iterable[File], markdown: Markdown) -> ContactRoutes:
        """Read the documentation pages' Markdown for the markers, with `markdown`
        (`markers.site_markdown`: the site's own extensions)."""
        asked = [(page, names_asked_for(page.content_string, markdown)) for page in pages]
        return cls(contact, _pages_with(CONTACT_MARKER, asked), _pages_with(CALCULATOR_MARKER, asked))

    def form_page(self, page_url: str) -> str | None:
        """The page with the form, relative to the page at `page_url` (its `File.url`; `""`: this
        page), or None: use the mail link."""
        if not self.contact.form_endpoint or not self.contact_pages:
            return None
        if page_url in self.contact_pages:
            return ""
        return get_relative_url(self.contact_pages[0], page_url)

    def calculator_cta(self, page_url: str, page_address: str, calculator_id: str, summary: str, query: str) -> str:
        """The href of a calculator's contact button, carrying its scenario before any script runs.

        `page_address` is the page's absolute address (`site_url` and its path); raises
        `MarkerError` when it leaves the mail link too little room for every scenario.
        """
        room = room_for_page_address(self.contact.email, calculator_id)
        if len(encode(page_address)) > room:
            raise MarkerError(
                f"the page's address {page_address} is too long for the contact mail link, which must stay "
                f"under {MAX_HREF_CHARS} characters for every scenario: shorten site_url or the page's path "
                f"(at most {room} characters, percent-encoded, with extra.contact.email {self.contact.email})")
        form_page = self.form_page(page_url)
        if form_page is None:
            return mailto_href(self.contact.email, summary, f"{page_address}?{query}#{calculator_id}")
        return f"{form_page}?{query}#{CONTACT_ANCHOR}" if form_page else f"#{CONTACT_ANCHOR}"

    def contact_address(self, site_url: str) -> str:
        """Contact from a page with no section of its own (the 404 page): the section, else the mail link."""
        if not self.contact_pages:
            return self.contact.mailto
        return f"{urljoin(site_url, self.contact_pages[0])}#{CONTACT_ANCHOR}"

    def calculator_address(self, site_url: str) -> str | None:
        """The first calculator of the site (landing page first), or None when no page has one."""
        return f"{urljoin(site_url, self.calculator_pages[0])}#{calculator_id(1)}" if self.calculator_pages else None
