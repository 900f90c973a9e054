"""The shortcuts that make `compute()` cheaper give the numbers of their exact definitions.

One edit must stay under a frame, and `compute()` runs in Pyodide, several
times slower than CPython; where a hot function trades fractions for
integers, the definition it replaced is kept here and the two are compared
over generated inputs (and the parity set compares whole results).
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.claims import agreeing_factor
from calculator.model import EXACT

USERS = st.integers(min_value=1, max_value=10**9)


def _round_half_up(value: Fraction, places: int) -> Decimal:
    scaled = value * 10**places
    return Decimal(int(scaled + Fraction(1, 2))).scaleb(-places, EXACT)


def agreeing_factor_by_definition(users_per_server: int, users_now: int) -> Decimal | None:
    """The fewest decimals of the exact ratio that multiply back to the users, in fractions."""
    exact = Fraction(users_per_server, users_now)
    if exact < Fraction(1, 100):
        return None
    for places in itertools.count():
        shown = _round_half_up(exact, places)
        if _round_half_up(Fraction(shown) * users_now, 0) == users_per_server:
            return shown
    raise AssertionError("unreachable")


@settings(max_examples=2000)
@given(USERS, USERS)
def test_the_agreeing_factor_is_its_definition(users_per_server: int, users_now: int) -> None:
    expected = agreeing_factor_by_definition(users_per_server, users_now)
    actual = agreeing_factor(users_per_server, users_now)
    assert (actual is None) == (expected is None)
    assert str(actual) == str(expected)  # the same value with the same decimals


def test_the_agreeing_factor_at_the_edges() -> None:
    for users_per_server, users_now in [(1, 100), (1, 101), (99, 10000), (5000, 1250), (1, 3), (2, 3), (10**9, 1)]:
        assert str(agreeing_factor(users_per_server, users_now)) == str(
            agreeing_factor_by_definition(users_per_server, users_now))
