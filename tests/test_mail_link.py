"""The call to action's `mailto:` link (`sitebuild.mail_link`), as the build
writes it; `test_contact_form.py` checks that the browser writes the same.

Its length: at most 1 800 characters for every scenario the form accepts,
generated here at the form's limits (the longest numbers, both ways in, a
migration cost, every field away from its default so the share link is as
long as it gets) with the longest page address the build allows.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculator
from sitebuild.mail_link import (
    MAIL_INTRO,
    MAIL_SCENARIO_HEADING,
    MAIL_SUBJECT,
    MAX_HREF_CHARS,
    MAX_QUERY_CHARS,
    MAX_SUMMARY_CHARS,
    encode,
    mailto_href,
    room_for_page_address,
)
from tests.support.one_page_site import build_page

EMAIL = "kontakt@example.com"
CALCULATOR_ID = "kalk1"
SPECS = calculator.field_specs()


def test_mailto_is_percent_encoded_per_rfc_6068() -> None:
    href = mailto_href(EMAIL, "Nuvarande stack: Node.js\nBesparing: 1 700 kr/mån (77 %)!",
                       "https://www.example.com/?a=1&b=2#kalkylator")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and parts.path == EMAIL
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


def body_of(href: str) -> str:
    """The body as the link carries it, percent-encoded."""
    return href.split("&body=", 1)[1]


def text_of(href: str) -> str:
    """The body as the mail program shows it."""
    return unquote(body_of(href)).replace("\r\n", "\n")


def test_the_mail_carries_a_few_lines_and_the_share_link() -> None:
    result = calculator.compute({"migration_kr": "150000"})
    link = f"https://www.example.com/?{result['query']}#{CALCULATOR_ID}"
    body = text_of(mailto_href(EMAIL, result["summary"], link))
    assert body.split("\n") == [
        MAIL_INTRO, "", MAIL_SCENARIO_HEADING,
        result["saving"]["headline"],
        "I det försiktiga fallet: en besparing på 5\u00a0% (100\u00a0kr/\u2060mån).",
        "Flytten betalar sig på drygt 7\u00a0år med dina antaganden, på 125\u00a0år i det försiktiga fallet.",
        link,
    ]
    without_cost = calculator.compute({})["summary"]
    assert len(without_cost.split("\n")) == 2, "no payback line without a migration cost"
    never = calculator.compute({"migration_kr": "1000", "cap_elixir": "500"})["summary"]
    assert never.endswith("Flytten betalar sig aldrig med dina antaganden, aldrig i det försiktiga fallet.")


# ---------- The length, over every scenario the form accepts ----------


def _ore(canonical: str) -> int:
    return int(Decimal(canonical.replace(",", ".")) * 100)


def _longest_leaning(spec: dict) -> st.SearchStrategy[str]:
    """A valid value as the form sends it, leaning to the longest: the limits, and öre on decimals."""
    if spec["kind"] == "choice":
        return st.sampled_from([choice["value"] for choice in spec["choices"]])
    if spec["kind"] == "boolean":
        return st.sampled_from(["true", "false"])
    low, high = (_ore(spec["min"]), _ore(spec["max"])) if spec["kind"] == "decimal" else (
        int(spec["min"]), int(spec["max"]))
    number = st.one_of(st.integers(low, high), st.integers(max(low, high * 9 // 10), high))
    if spec["kind"] == "integer":
        return number.map(str)
    return number.map(lambda ore: f"{ore // 100},{ore % 100:02d}")


scenarios = st.fixed_dictionaries({spec["key"]: _longest_leaning(spec) for spec in SPECS})


def longest_page_address() -> str:
    """The longest address the build allows for a calculator's page (`room_for_page_address`)."""
    base = "https://www.example.com/"
    room = room_for_page_address(EMAIL, CALCULATOR_ID)
    return base + "a" * (room - len(encode(base)) - len(encode("/"))) + "/"


@settings(deadline=None, max_examples=300)
@given(scenarios)
def test_every_scenario_fits_its_mail_link_with_the_longest_page_address(fields: dict[str, str]) -> None:
    result = calculator.compute(fields)
    assert result["ok"], result.get("errors")
    assert len(encode(result["summary"])) <= MAX_SUMMARY_CHARS
    assert len(encode(result["query"])) <= MAX_QUERY_CHARS
    address = longest_page_address()
    assert len(encode(address)) == room_for_page_address(EMAIL, CALCULATOR_ID)
    link = f"{address}?{result['query']}#{CALCULATOR_ID}"
    href = mailto_href(EMAIL, result["summary"], link)
    assert len(href) <= MAX_HREF_CHARS
    assert text_of(href).endswith(f"{result['summary']}\n{link}"), "all the lines fit, not only the link"


def test_the_longest_numbers_in_both_ways_in_fit() -> None:
    """The scenario generation's corner, written out: every field at its longest."""
    longest = {spec["key"]: spec["max"] if spec["kind"] in {"integer", "decimal"} else spec["default"]
               for spec in SPECS}
    for mode in ("users", "servers"):
        fields = {**longest, "mode": mode, "stack": "python", "jobs_capacity": "99", "server_kr": "999999,99",
                  "redis_kr": "999999,99",
                  "lb_kr": "999999,99", "migration_kr": "999999999,99", "factor": "99,99", "cap_now": "1",
                  "cap_elixir": "1", "jobs": "false", "realtime": "true", "caching": "false", "websockets": "true",
                  "elixir_lb": "false"}
        result = calculator.compute(fields)
        link = f"{longest_page_address()}?{result['query']}#{CALCULATOR_ID}"
        href = mailto_href(EMAIL, result["summary"], link)
        assert len(href) <= MAX_HREF_CHARS and body_of(href).endswith(encode(link)), mode


def test_a_longer_address_than_the_build_allows_drops_the_lines_before_the_limit() -> None:
    """A page served from another, longer address than the site's: the mail keeps the share link."""
    result = calculator.compute({"migration_kr": "150000"})
    link = f"https://www.example.com/{'a' * 1200}/?{result['query']}#{CALCULATOR_ID}"
    href = mailto_href(EMAIL, result["summary"], link)
    assert len(href) <= MAX_HREF_CHARS
    assert text_of(href).endswith(f"{MAIL_SCENARIO_HEADING}\n{link}")
    too_long = mailto_href(EMAIL, result["summary"], link + "b" * MAX_HREF_CHARS)
    assert body_of(too_long) == encode(MAIL_INTRO)


@pytest.mark.complete_build
def test_a_site_address_too_long_for_the_mail_link_stops_the_build(tmp_path: Path) -> None:
    code, log, _ = build_page(tmp_path, "<!-- sajt:kalkylator -->", f"site_url: https://www.example.com/{'a' * 300}/\n")
    assert code != 0
    assert "index.md, line" in log and "site_url" in log and str(MAX_HREF_CHARS) in log
    assert "Traceback" not in log
