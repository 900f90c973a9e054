"""Raw field values (strings as a visitor typed them) to typed values.

One documented reading of a typed number, the same for every number field,
so that nothing is silently misread (the method page states it too):

- Digits, optionally grouped in thousands by a space, a no-break space
  (U+00A0) or a narrow no-break space (U+202F): `10 000`, `1 000 000`.
- A point or a comma followed by exactly three digits, used as the only kind
  of separator, groups thousands: `10.000`, `10,000`, `1,250` and
  `1.000.000` are whole numbers (ten thousand, ..., a million).
- Otherwise the last point or comma is the decimal mark: `1,5`, `1.5`,
  `199,50`, `1 500,50`, `1.234,50`, `1,234.50`, `0,500` (a leading 0 is
  never a thousands group).
- Thousands groups have exactly three digits, and one kind of separator;
  a decimal mark after thousands groups is not followed by three digits:
  `1 0000`, `1.000.5`, `1 000.000` and `1,234.500` are refused as unclear.
- `1e3`, `10k`, `+5` and anything else are refused; a minus sign (`-` or
  U+2212) is refused as negative.

A refusal is a Swedish message that names the field, its allowed range and,
for a badly written number, how to write it; the raw value is never echoed,
so a message can never carry markup.

Each parser returns `Parsed(value, canonical)` or raises `FieldError`; the
canonical string is what share links and `compute()["fields"]` carry.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from calculator.fields import FieldSpec
from calculator.formatting import NBSP, canonical_number, read_canonical

MAX_RAW_LENGTH = 64  # longer than any sensible input; bounds the regex work

_SPACES = " \u00a0\u202f"
_DIGITS_AND_SEPARATORS = re.compile(r"\d(?:[\d .,\u00a0\u202f]*\d)?", re.ASCII)
_SEPARATOR = re.compile(r"([ .,\u00a0\u202f])")
_SHORTHAND = re.compile(r"\d+(?:[.,]\d+)?\s*(?:[eE][+-]?\d+|[kKmM])", re.ASCII)
_TRUE, _FALSE = "true", "false"
_BOOLEANS = {"true": True, "ja": True, "false": False, "nej": False}


class FieldError(ValueError):
    """A field's value was refused; `str(error)` is the Swedish message, `problem` its problem alone."""

    def __init__(self, message: str, problem: str) -> None:
        super().__init__(message)
        self.problem = problem


class Parsed(NamedTuple):
    value: object  # str (choice), int, Decimal, bool, or None (optional field left empty)
    canonical: str


class _Unclear(ValueError):
    """The digits could be read more than one way (or not at all)."""


def parse_field(spec: FieldSpec, raw: object) -> Parsed:
    """Parse one raw value for `spec`; raise FieldError with the message."""
    return _parse_text(spec, _as_text(spec, raw))


@lru_cache(maxsize=1024)
def _parse_text(spec: FieldSpec, text: str) -> Parsed:
    """Kept once parsed (a refusal is not kept: it raises again): `compute()`
    reads every field at every edit, and an edit changes one."""
    if spec.kind == "choice":
        return _parse_choice(spec, text)
    if spec.kind == "boolean":
        return _parse_boolean(spec, text)
    return _parse_number(spec, text)


def _as_text(spec: FieldSpec, raw: object) -> str:
    if isinstance(raw, bool):  # before int: bool is a subclass of int
        if spec.kind != "boolean":
            raise _error(spec, "har fel typ")
        return _TRUE if raw else _FALSE
    if isinstance(raw, int):
        return str(raw)
    if not isinstance(raw, str):
        raise _error(spec, "har fel typ")
    if len(raw) > MAX_RAW_LENGTH:
        raise _error(spec, "är för långt")
    return raw.strip()


def _parse_choice(spec: FieldSpec, text: str) -> Parsed:
    key = text.lower()
    if key not in {value for value, _ in spec.choices}:
        raise _error(spec, "okänt val" if text else "saknar värde")
    return Parsed(key, key)


def _parse_boolean(spec: FieldSpec, text: str) -> Parsed:
    value = _BOOLEANS.get(text.lower())
    if value is None:
        raise _error(spec, "okänt värde" if text else "saknar värde")
    return Parsed(value, _TRUE if value else _FALSE)


def read_number(text: str) -> Decimal:
    """The one reading of a typed, unsigned number (module docstring); `_Unclear` if none."""
    if not _DIGITS_AND_SEPARATORS.fullmatch(text):
        raise _Unclear
    parts = _SEPARATOR.split(text)
    groups = parts[0::2]
    kinds = [" " if mark in _SPACES else mark for mark in parts[1::2]]
    if "" in groups:  # two separators in a row
        raise _Unclear
    if not kinds:
        return Decimal(text)
    last, earlier = kinds[-1], kinds[:-1]
    if last != " " and (last not in earlier) and (earlier or not _is_thousands_group(groups)):
        whole, fraction = groups[:-1], groups[-1]  # the last point or comma is the decimal mark
        if earlier and len(fraction) == 3:  # `1 000.000`, `1,234.500`: a million or a thousand?
            raise _Unclear
        _check_thousands(whole, earlier)
        return Decimal("".join(whole) + "." + fraction)
    _check_thousands(groups, kinds)
    return Decimal("".join(groups))


def _is_thousands_group(groups: list[str]) -> bool:
    """`10.000`, `1,250`: one separator, three digits after it, no leading 0."""
    return len(groups[1]) == 3 and not groups[0].startswith("0")


def _check_thousands(groups: list[str], kinds: list[str]) -> None:
    if not kinds:
        return
    if len(set(kinds)) > 1 or groups[0].startswith("0") or len(groups[0]) > 3:
        raise _Unclear
    if any(len(group) != 3 for group in groups[1:]):
        raise _Unclear


def _parse_number(spec: FieldSpec, text: str) -> Parsed:
    if not text:
        if spec.optional:
            return Parsed(None, "")
        raise _error(spec, "saknar värde")
    negative = text[0] in "-\u2212"
    body = text[1:].lstrip() if negative else text
    try:
        value = read_number(body)
    except _Unclear:
        problem = "är inte skrivet med siffror" if _SHORTHAND.fullmatch(body) else (
            "går inte att läsa entydigt" if _DIGITS_AND_SEPARATORS.fullmatch(body) else "är inte ett tal")
        raise _error(spec, problem, how=True) from None
    if negative and value:
        raise _error(spec, "får inte vara negativt")
    fraction = f"{value:f}".partition(".")[2].rstrip("0")
    if fraction and spec.kind == "integer":
        raise _error(spec, "måste vara ett heltal")
    if len(fraction) > 2:
        raise _error(spec, "får ha högst två decimaler")
    assert spec.min is not None and spec.max is not None
    if value > spec.max:
        raise _error(spec, "är för stort")
    if value < spec.min:
        raise _error(spec, "får inte vara 0" if value == 0 else "är för litet")
    canonical = canonical_number(value)
    if spec.kind == "integer":
        return Parsed(int(value), canonical)
    return Parsed(read_canonical(canonical), canonical)


def allowed(spec: FieldSpec) -> str:
    """The allowed values, in words: shown in every message for this field."""
    return f"Tillåtet: {spec.allowed_text}."


def how_to_write(spec: FieldSpec) -> str:
    """The one way of writing a number that is always read right."""
    if spec.kind == "integer":
        return f"Skriv siffror, gärna med mellanslag mellan tusental: 10{NBSP}000."
    return f"Skriv siffror med decimalkomma, gärna med mellanslag mellan tusental: 1{NBSP}500,50."


def _error(spec: FieldSpec, problem: str, how: bool = False) -> FieldError:
    hint = f" {how_to_write(spec)}" if how else ""
    return FieldError(f"{spec.label}: {problem}. {allowed(spec)}{hint}", problem)
