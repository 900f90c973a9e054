"""The call to action's `mailto:` link (`sitebuild.mail_link`), as the build
writes it; `test_contact_form.py` checks that the browser writes the same."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from sitebuild.mail_link import MAIL_INTRO, MAIL_SUBJECT, mailto_href


def test_mailto_is_percent_encoded_per_rfc_6068() -> None:
    href = mailto_href(
        "kontakt@example.com",
        "Nuvarande stack: Node.js\nBesparing: 1 700 kr/mån (77 %)!\nhttps://www.example.com/?a=1&b=2#kalkylator",
    )
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == "kontakt@example.com"
    # No raw space, newline, ampersand, hash or RFC 3986 sub-delimiter may survive inside a value.
    assert not set(" \n#()!'*+") & set(href) and href.count("&") == 1
    assert "%0D%0A" in href and "%28" in href and "%21" in href
    fields = {key: unquote(value) for key, value in (pair.split("=", 1) for pair in parts.query.split("&"))}
    assert fields["subject"] == MAIL_SUBJECT
    body = fields["body"].replace("\r\n", "\n")
    assert body.startswith(MAIL_INTRO)
    assert body.endswith("Besparing: 1 700 kr/mån (77 %)!\nhttps://www.example.com/?a=1&b=2#kalkylator")


def test_mailto_without_scenario_is_the_intro_only() -> None:
    query = parse_qs(urlsplit(mailto_href("a@example.com")).query)
    assert query["body"] == [MAIL_INTRO]
