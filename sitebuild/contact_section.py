"""Puts the contact section into a page where the author writes `<!-- kontakt -->`.

A marker rather than a fixed template block, so the author decides where the
call to action sits in the text; the section itself is the theme partial
`partials/contact.html`, so its markup lives with the rest of the theme.
"""

from __future__ import annotations

import re

from jinja2 import Environment

from sitebuild.contact import ContactSettings

MARKER = re.compile(r"<!--\s*kontakt\s*-->")
TEMPLATE = "partials/contact.html"


def embed(markdown: str, env: Environment, contact: ContactSettings) -> str:
    """Replace each contact marker in a page's Markdown with the rendered section (raw HTML)."""
    if not MARKER.search(markdown):
        return markdown
    section = env.get_template(TEMPLATE).render(contact=contact).strip()
    return MARKER.sub(lambda _: section, markdown)
