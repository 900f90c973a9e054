"""Swedish number formatting: `2 200 kr`, `26 400 kr/år`, `77 %`.

Swedish readers expect a space between thousands, a decimal comma and a space
before the unit. Every space we print is a no-break space (U+00A0) so that a
number never wraps across lines, and negative numbers get a real minus sign
(U+2212). Money arrives as `Decimal` kronor with at most two decimals; öre are
shown only when there are any (`199,50 kr`, but `200 kr`).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

NBSP = "\u00a0"
MINUS = "\u2212"
# "kr/mån" and "kr/år" with a word joiner after the slash: Firefox (per Unicode's
# line-breaking rules) would otherwise break "kr/" from "mån" at a line's end.
PER_MONTH = "/\u2060mån"
PER_YEAR = "/\u2060år"
KR_PER_MONTH = f"kr{PER_MONTH}"
_CENTS = Decimal("0.01")


def format_count(value: int) -> str:
    """`10000` -> `10 000` (no-break space between thousands)."""
    sign = MINUS if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", NBSP)


@lru_cache(maxsize=4096)
def format_number(value: Decimal | int) -> str:
    """A count or an amount: `1 600`, `199,50`, `−500`.

    Kept once made: one result writes some sixty amounts, most of them again
    at the next edit. The text depends only on the value (`200`, `200.00` and
    `Decimal(200)` all read `200`), so equal keys share one text."""
    amount = Decimal(value)
    whole = int(amount)  # truncates toward zero, so the sign is handled below
    if amount == whole:
        return format_count(whole)
    cents = abs(amount).quantize(_CENTS)
    integer, fraction = f"{cents:f}".split(".")
    sign = MINUS if amount < 0 else ""
    return sign + format_count(int(integer)) + "," + fraction


def format_with_unit(value: Decimal | int, unit: str) -> str:
    """`10 000 användare`, `200 kr/mån`, or only the number when there is no unit."""
    number = format_number(value)
    return f"{number}{NBSP}{unit}" if unit else number


def format_servers(count: int) -> str:
    """`1 server`, `12 servrar`."""
    return f"{format_count(count)}{NBSP}{'server' if count == 1 else 'servrar'}"


def format_kr(value: Decimal | int) -> str:
    """`2 200 kr`."""
    return f"{format_number(value)}{NBSP}kr"


def format_kr_per_month(value: Decimal | int) -> str:
    """`2 200 kr/mån`."""
    return f"{format_kr(value)}{PER_MONTH}"


def format_kr_per_year(value: Decimal | int) -> str:
    """`26 400 kr/år`."""
    return f"{format_kr(value)}{PER_YEAR}"


def format_percent(value: int) -> str:
    """`77 %` (Swedish puts a space before the percent sign)."""
    return f"{format_count(value)}{NBSP}%"


def format_decimal(value: Decimal) -> str:
    """A factor or a limit as a Swede writes it: `4`, `0,8`, `1,33`, `1 000 000`.

    At most two decimals (rounded half up), trailing zeros dropped: unlike money,
    a factor of 0,8 is not written `0,80`.
    """
    return format_digits(value.quantize(_CENTS, rounding=ROUND_HALF_UP))


def format_digits(value: Decimal) -> str:
    """A non-negative number with every decimal it has, trailing zeros dropped: `0,801`, `4`."""
    whole, _, fraction = f"{value:f}".partition(".")
    fraction = fraction.rstrip("0")
    return format_count(int(whole)) + ("," + fraction if fraction else "")


def plain_number(value: Decimal, places: Decimal | None = None) -> str:
    """A number as a machine reads it: `2200`, `-500`, `0.8`, `199.50`; never an exponent.

    A whole number has no decimals. Any other is rounded to `places` when
    given (`0.01`: always two decimals), else keeps its decimals without
    trailing zeros.
    """
    if value == value.to_integral_value():
        return str(int(value))
    if places is not None:
        return f"{value.quantize(places):f}"
    return f"{value:f}".rstrip("0")


def canonical_number(value: Decimal) -> str:
    """The share-link form of a number: `10000`, `1,50` (decimal comma, two decimals or none)."""
    return plain_number(value, _CENTS).replace(".", ",")


def read_canonical(text: str) -> Decimal:
    """A number in the JSON back to its value: canonical `1500,50` (see `canonical_number`) or machine `1500.50`."""
    return Decimal(text.replace(",", "."))


def plain_kr(value: Decimal) -> str:
    """Machine form for JSON: `2200`, `199.50`, `-500`. Exact, no float."""
    return plain_number(value, _CENTS)


def join_sv(items: list[str], conjunction: str = "och") -> str:
    """A Swedish list: `a`, `a och b`, `a, b och c` (or `eller`)."""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]
