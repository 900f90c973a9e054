"""The contact section, rendered where a page asks for it with `<!-- sajt:kontakt -->`.

A marker rather than a fixed template block, so the author decides where the
call to action sits in the text; the section itself is the theme partial
`partials/contact.html`, so its markup lives with the rest of the theme.
"""

from __future__ import annotations

from jinja2 import Environment

from sitebuild.contact import ContactSettings

TEMPLATE = "partials/contact.html"


def render(env: Environment, contact: ContactSettings) -> str:
    """The section (raw HTML, with `id="kontakt"`) for the owner's settings."""
    return env.get_template(TEMPLATE).render(contact=contact).strip()
