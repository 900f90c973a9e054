"""Raw field values (strings as a visitor typed them) to typed values.

Visitors type Swedish numbers, so `10 000`, `10000`, `10 000` with a no-break
space (U+00A0) or a narrow no-break space (U+202F) all mean ten thousand, and
prices take a decimal comma (`199,50`; a point is accepted too). Anything else
is refused with a Swedish message that names the field and its allowed range;
the raw value is never echoed, so a message can never carry markup.

Each parser returns `Parsed(value, canonical)` or raises `FieldError`; the
canonical string is what share links and `compute()["fields"]` carry.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from calculator.fields import FieldSpec
from calculator.formatting import NBSP, format_count, join_sv

MAX_RAW_LENGTH = 64  # longer than any sensible input; bounds the regex work

_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+"
_NUMBER = re.compile(rf"(?P<int>{_GROUPED}|\d+)(?:[,.](?P<frac>\d+))?", re.ASCII)
_SEPARATORS = str.maketrans("", "", " \u00a0\u202f")
_TRUE, _FALSE = "true", "false"


class FieldError(ValueError):
    """A field's value was refused; `str(error)` is the Swedish message."""


class Parsed(NamedTuple):
    value: object  # str (choice), int, Decimal or bool
    canonical: str


def parse_field(spec: FieldSpec, raw: object) -> Parsed:
    """Parse one raw value for `spec`; raise FieldError with the message."""
    text = _as_text(spec, raw)
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
    key = text.lower()
    if key not in (_TRUE, _FALSE):
        raise _error(spec, "okänt värde" if text else "saknar värde")
    return Parsed(key == _TRUE, key)


def _parse_number(spec: FieldSpec, text: str) -> Parsed:
    if not text:
        raise _error(spec, "saknar värde")
    negative = text[0] in "-\u2212"
    match = _NUMBER.fullmatch(text[1:].lstrip() if negative else text)
    if match is None:
        raise _error(spec, "är inte ett tal")
    if negative and set(match.group(0)) - set("0,. \u00a0\u202f"):
        raise _error(spec, "får inte vara negativt")
    fraction = (match.group("frac") or "").rstrip("0")
    if fraction and spec.kind == "integer":
        raise _error(spec, "måste vara ett heltal")
    if len(fraction) > 2:
        raise _error(spec, "får ha högst två decimaler")
    whole = int(match.group("int").translate(_SEPARATORS))
    assert spec.min is not None and spec.max is not None
    if whole > spec.max or (whole == spec.max and fraction):
        raise _error(spec, "är för stort")
    if whole < spec.min:
        raise _error(spec, "får inte vara 0" if whole == 0 and not fraction else "är för litet")
    if spec.kind == "integer":
        return Parsed(whole, str(whole))
    canonical = f"{whole},{fraction.ljust(2, '0')}" if fraction else str(whole)
    return Parsed(Decimal(f"{whole}.{fraction or '0'}"), canonical)


def allowed(spec: FieldSpec) -> str:
    """The allowed values, in words: shown in every message for this field."""
    if spec.kind == "choice":
        return "Tillåtet: " + join_sv([value for value, _ in spec.choices], "eller") + "."
    if spec.kind == "boolean":
        return "Tillåtet: true (ja) eller false (nej)."
    assert spec.min is not None and spec.max is not None
    unit = f"{NBSP}{spec.unit}" if spec.unit else ""
    what = "ett heltal" if spec.kind == "integer" else "ett tal med högst två decimaler"
    return f"Tillåtet: {what} från {format_count(spec.min)} till {format_count(spec.max)}{unit}."


def _error(spec: FieldSpec, problem: str) -> FieldError:
    return FieldError(f"{spec.label}: {problem}. {allowed(spec)}")
