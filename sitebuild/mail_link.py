"""The call to action's `mailto:` link: its wording, its one encoding and its length.

The link is made in two places: at build time, for pages read without
JavaScript (with the page's default scenario), and by `contact.js` in the
browser once the visitor's own scenario is known. So that both write the same
link, everything that does not depend on the visitor is made here once: the
address and the encoded subject (`prefix`), the intro and the heading before a
scenario (`scenario_prefix`) and the longest link allowed, handed to the script
in `script_fields`. The script only appends the encoded body, with the same
rule as `encode` (RFC 6068: every character but RFC 3986's unreserved ones
percent-encoded, line breaks as CRLF); `tests/test_contact_form.py` checks that
the browser's link is `mailto_href`'s, character for character.

Some mail programs cut or refuse a `mailto:` longer than about 2 000
characters, so a link is at most `MAX_HREF_CHARS`: the scenario is a few lines
(`calculator/summary.py`) and its share link, which carries the rest. The
build checks that the calculator's page address leaves room for every
scenario's lines and link (`room_for_page_address`); should a page be served
from a longer address than the site's, the link drops the lines, then the
share link, rather than grow past the limit.
"""

from __future__ import annotations

from urllib.parse import quote

MAIL_SUBJECT = "Kostnadsfri analys av vår arkitektur"
MAIL_INTRO = "Hej! Vi vill gärna ha en kostnadsfri analys av vår nuvarande arkitektur."
MAIL_SCENARIO_HEADING = "Vårt scenario från er kalkylator:"
SCENARIO_PREFIX = f"{MAIL_INTRO}\n\n{MAIL_SCENARIO_HEADING}\n"

MAX_HREF_CHARS = 1800
# The longest a scenario's lines (`compute()`'s `summary`) and its share query
# get once encoded, over every scenario the form accepts (tests/test_mail_link.py
# checks both): what is left of `MAX_HREF_CHARS` is the page address's.
MAX_SUMMARY_CHARS = 700
MAX_QUERY_CHARS = 520


def scenario_text(summary: str, link: str) -> str:
    """The scenario as the mail carries it: its lines, then the share link on a line of its own."""
    return "\n".join(part for part in (summary.strip(), link.strip()) if part)


def message_text(scenario: str = "") -> str:
    """The mail body, and the form's prefilled message: intro, then the scenario if any."""
    text = scenario.strip()
    return SCENARIO_PREFIX + text if text else MAIL_INTRO


def encode(text: str) -> str:
    """RFC 6068: percent-encoded UTF-8, `%0D%0A` for each line break."""
    return quote(text.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")


def prefix(email: str) -> str:
    """The link up to its body: `mailto:<address>?subject=<encoded>&body=`."""
    return f"mailto:{email}?subject={encode(MAIL_SUBJECT)}&body="


def mailto_href(email: str, summary: str = "", link: str = "") -> str:
    """The whole link, carrying the scenario's lines and share link, or as much of them as fits."""
    for scenario in (scenario_text(summary, link), scenario_text("", link)):
        href = prefix(email) + encode(message_text(scenario))
        if len(href) <= MAX_HREF_CHARS:
            return href
    return prefix(email) + encode(MAIL_INTRO)


def room_for_page_address(email: str, calculator_id: str) -> int:
    """How long the calculator page's address may be, encoded, for every scenario's lines and link
    to fit (the encoding works character by character, so the parts' lengths add up)."""
    fixed = prefix(email) + encode(f"{SCENARIO_PREFIX}\n?#{calculator_id}")
    return MAX_HREF_CHARS - len(fixed) - MAX_SUMMARY_CHARS - MAX_QUERY_CHARS


def script_fields(email: str) -> dict[str, str | int]:
    """What `contact.js` needs to make `mailto_href`'s link for any scenario."""
    return {"mailtoPrefix": prefix(email), "intro": MAIL_INTRO, "scenarioPrefix": SCENARIO_PREFIX,
            "maxHrefChars": MAX_HREF_CHARS}
