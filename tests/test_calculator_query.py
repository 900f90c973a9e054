"""Share links: short, versioned, and safe to decode whatever they contain."""

from __future__ import annotations

import time

import pytest

from calculator import compute, decode_query, encode_query


def test_the_default_scenario_is_just_the_version() -> None:
    assert encode_query({}) == "v=1"
    assert compute({})["query"] == "v=1"


def test_only_non_default_fields_are_written_in_display_order_and_canonical_form() -> None:
    fields = {"stack": "Java", "users": "50 000", "elixir_lb": False, "server_kr": "199,5"}
    assert encode_query(fields) == "v=1&stack=java&users=50000&server_kr=199,50&elixir_lb=false"
    assert compute(fields)["query"] == encode_query(fields)


def test_a_share_link_restores_its_scenario() -> None:
    query = compute({"users": "50000", "stack": "java"})["query"]
    assert decode_query(query) == {"stack": "java", "users": "50000"}
    assert decode_query("https://www.example.com/kalkyl/?" + query + "#resultat") == decode_query(query)
    assert compute(decode_query(query))["current"]["label"] == "Java"


def test_an_invalid_value_travels_as_typed_so_the_recipient_sees_the_same_error() -> None:
    query = encode_query({"users": "-5"})
    assert compute(decode_query(query))["errors"] == compute({"users": "-5"})["errors"]


@pytest.mark.parametrize(
    ("query", "decoded"),
    [
        ("users=<script>alert(1)</script>", {"users": "<script>alert(1)</script>"}),
        ("users=NaN", {"users": "NaN"}),
        ("users=1e309", {"users": "1e309"}),
        ("users=10+000", {"users": "10 000"}),
        ("users=10%C2%A0000", {"users": "10\u00a0000"}),
        ("users=1&users=2", {"users": "1"}),  # first wins, as URLSearchParams.get
        ("v=2&users=5", {"v": "2"}),  # unknown version: nothing else is trusted
        ("v=1&v=2", {}),
        ("evil=1", {"evil": "1"}),  # passed through so compute reports it
        ("&&=&users", {"": "", "users": ""}),
        ("%ZZ=%E0%A4%A", {"%ZZ": "\ufffd%A"}),  # broken escapes: replaced, not raised
        ("", {}),
    ],
)
def test_hostile_queries_decode_without_raising(query: str, decoded: dict) -> None:
    assert decode_query(query) == decoded
    assert isinstance(compute(decoded)["ok"], bool)


def test_compute_reports_what_a_hostile_link_carries() -> None:
    errors = compute(decode_query("v=1&users=<script>&evil=1"))["errors"]
    assert set(errors) == {"users", "evil"} and "<" not in errors["users"]
    assert "version" in compute(decode_query("v=99"))["errors"]["v"]


def test_decoding_is_bounded_on_huge_input() -> None:
    huge = "users=" + "9" * 5_000_000 + "&" + "&".join(f"k{i}=1" for i in range(100_000))
    start = time.perf_counter()
    fields = decode_query(huge)
    assert time.perf_counter() - start < 0.1
    assert len(fields) <= 40 and all(len(value) <= 65 for value in fields.values())
    assert "för långt" in compute(fields)["errors"]["users"]


def test_decode_query_accepts_only_strings() -> None:
    assert decode_query(None) == {}
    assert decode_query(b"users=5") == {}
