"""One reading of a typed number (calculator/parsing.py's docstring states the rule).

The issue's list, each read one way or refused with a message that shows how
to write it, and properties over generated input: every way a Swede or an
English speaker writes a number reads back as that number, and nothing typed
is ever read as a different number than its digits say.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator import compute
from calculator.fields import FIELDS_BY_KEY
from calculator.formatting import format_number
from calculator.parsing import FieldError, parse_field

# No timed assertions: the machine running the suite may be busy, so no deadline per example.
settings.register_profile("calculator", deadline=None)
settings.load_profile("calculator")

NBSP, NNBSP = "\u00a0", "\u202f"
USERS, PRICE = FIELDS_BY_KEY["users"], FIELDS_BY_KEY["server_kr"]
HOW_INTEGER = f"Skriv siffror, gärna med mellanslag mellan tusental: 10{NBSP}000."


@pytest.mark.parametrize(
    ("typed", "users", "price"),
    [
        ("10 000", "10000", "10000"),
        (f"10{NBSP}000", "10000", "10000"),
        ("10000", "10000", "10000"),
        ("10.000", "10000", "10000"),  # a point before three digits groups thousands
        ("10,000", "10000", "10000"),
        ("1,250", "1250", "1250"),
        ("1.500", "1500", "1500"),
        ("1,5", None, "1,50"),  # a decimal mark: refused where a whole number is asked
        ("1.5", None, "1,50"),
        ("1 500,50", None, "1500,50"),
        ("1.234,50", None, "1234,50"),
        ("1,234.50", None, "1234,50"),
        ("0,500", None, None),  # 0,5: below the price minimum of 1 kr
        ("1e3", None, None),
        ("10k", None, None),
        ("\u22125", None, None),
        ("-5", None, None),
        ("1 000.000", None, None),  # a thousand or a million? refused
        ("1.000.5", None, None),
    ],
)
def test_the_issues_list_reads_one_way(typed: str, users: str | None, price: str | None) -> None:
    for spec, expected in ((USERS, users), (PRICE, price)):
        result = compute({spec.key: typed})
        if expected is None:
            assert not result["ok"] and spec.key in result["errors"]
        else:
            assert result["fields"][spec.key] == expected


@pytest.mark.parametrize("typed", ["1e3", "10k", "1 0000", "10..000", "1.000.5", "tio"])
def test_a_badly_written_number_is_told_how_to_write_it(typed: str) -> None:
    assert compute({"users": typed})["errors"]["users"].endswith(HOW_INTEGER)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


SEPARATORS = [" ", NBSP, NNBSP, ".", ","]
whole = st.integers(0, 10**12)


def _grouped(value: int, separator: str) -> str:
    return f"{value:,}".replace(",", separator)


@given(whole, st.sampled_from(SEPARATORS))
def test_thousands_in_any_one_separator_read_as_the_whole_number(value: int, separator: str) -> None:
    assert _read(_grouped(value, separator)) == value


@given(st.integers(0, 10**9), st.integers(1, 99), st.sampled_from([",", "."]),
       st.sampled_from(["", " ", NBSP, NNBSP, ".", ","]))
def test_decimals_read_with_either_mark(value: int, ore: int, mark: str, group: str) -> None:
    if group == mark:
        group = ""  # one character cannot be both the thousands and the decimal mark
    fraction = f"{ore:02d}" if ore % 10 else str(ore // 10)
    text = _grouped(value, group) + mark + fraction if group else f"{value}{mark}{fraction}"
    assert _read(text) == Decimal(value) + Decimal(ore) / 100


@settings(max_examples=500)
@given(st.text(alphabet="0123456789 .,\u00a0\u202f-\u2212ek", max_size=16))
def test_nothing_is_read_as_a_different_number_than_its_digits_say(text: str) -> None:
    """Refused, or read so that its digits (less leading and trailing zeros) are the value's."""
    try:
        value = _read(text)
    except FieldError:
        return
    assert _digits(text).strip("0") == _digits(f"{value:f}").strip("0"), "no digit dropped or added"
    assert _read(format_number(value)) == value, "the Swedish way of writing it reads back the same"
    assert value == 0 or not set(text) & set("ek-\u2212"), "shorthand and signs are never read"


def _read(text: str) -> Decimal:
    """A wide decimal field, so that only the reading decides (not the range)."""
    from dataclasses import replace

    spec = replace(PRICE, min=Decimal(0), max=Decimal(10**13))
    value = parse_field(spec, text).value
    assert isinstance(value, Decimal)
    return value
