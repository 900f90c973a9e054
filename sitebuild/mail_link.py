"""The call to action's `mailto:` link: its wording and its one encoding.

The link is made in two places: at build time, for pages read without
JavaScript (with the page's default scenario), and by `contact.js` in the
browser once the visitor's own scenario is known. So that both write the same
link, everything that does not depend on the visitor is made here once: the
address and the encoded subject (`prefix`), the intro and the heading before a
scenario (`scenario_prefix`), handed to the script in `script_fields`. The
script only appends the encoded body, with the same rule as `encode` (RFC 6068:
every character but RFC 3986's unreserved ones percent-encoded, line breaks as
CRLF); `tests/test_contact_form.py` checks that the browser's link is
`mailto_href`'s, character for character.
"""

from __future__ import annotations

from urllib.parse import quote

MAIL_SUBJECT = "Kostnadsfri analys av vår arkitektur"
MAIL_INTRO = "Hej! Vi vill gärna ha en kostnadsfri analys av vår nuvarande arkitektur."
MAIL_SCENARIO_HEADING = "Vårt scenario från er kalkylator:"
SCENARIO_PREFIX = f"{MAIL_INTRO}\n\n{MAIL_SCENARIO_HEADING}\n"


def message_text(scenario_text: str = "") -> str:
    """The mail body, and the form's prefilled message: intro, then the scenario if any."""
    scenario = scenario_text.strip()
    return SCENARIO_PREFIX + scenario if scenario else MAIL_INTRO


def encode(text: str) -> str:
    """RFC 6068: percent-encoded UTF-8, `%0D%0A` for each line break."""
    return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")


def prefix(email: str) -> str:
    """The link up to its body: `mailto:<address>?subject=<encoded>&body=`."""
    return f"mailto:{email}?subject={encode(MAIL_SUBJECT)}&body="


def mailto_href(email: str, scenario_text: str = "") -> str:
    """The whole link, carrying the scenario if there is one."""
    return prefix(email) + encode(message_text(scenario_text))


def script_fields(email: str) -> dict[str, str]:
    """What `contact.js` needs to make `mailto_href`'s link for any scenario."""
    return {"mailtoPrefix": prefix(email), "intro": MAIL_INTRO, "scenarioPrefix": SCENARIO_PREFIX}
