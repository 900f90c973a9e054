"""How far the result holds: break-even, sensitivity and payback.

The chosen result rests on one number the article does not source: how much
more an Elixir server carries than a server today (its capacity *factor*, 4×
in the article's example). A sceptical buyer asks how wrong that may be before
the move stops paying, and when a one-off migration cost is earned back. This
module answers both with the same model the result uses, in numbers only; the
sentences are in `explain`.

Break-even is solved, not searched: the Elixir bill is app servers × price plus
its balancers, so the most app servers Elixir may have and still cost no more
than today is floor((today − balancers) / price); the smallest factor that
keeps the app servers at that count follows from the model's own rule. It is
solved twice: for the chosen case (the job work at the visitor's jobs share)
and for the cautious one (the job work needs today's job servers' capacity).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from calculator.fields import MAX_FACTOR, MAX_USERS_PER_SERVER, MIN_FACTOR
from calculator.model import (
    EXACT,
    MONTHS_PER_YEAR,
    Difference,
    Estimate,
    Scenario,
    Totals,
    UsersLoad,
    elixir_kr_per_month,
)
from calculator.result_types import BreakEvenStatus, Mark

ARTICLE_FACTOR = Fraction(4)  # the article: 5 000 against 1 250 users per server
PINTEREST_FACTOR = Fraction(2)  # Pinterest's notifications, 2015: 30 Java servers became 15 Elixir servers
_REFERENCE_MARKS: dict[Fraction, tuple[Mark, ...]] = {ARTICLE_FACTOR: ("article",), PINTEREST_FACTOR: ("pinterest",)}
SENSITIVITY_GRID: tuple[tuple[Fraction, tuple[Mark, ...]], ...] = tuple(
    (Fraction(f), _REFERENCE_MARKS.get(Fraction(f), ())) for f in ("1", "1.5", "2", "3", "4", "5", "6")
)


@dataclass(frozen=True)
class BreakEven:
    """The smallest capacity at which Elixir costs no more than today, all else as entered."""

    status: BreakEvenStatus
    factor: Fraction | None = None  # relative to one of today's servers
    users_per_server: int | None = None  # users mode only: the same point in users per Elixir server
    comparison: Difference | None = None  # the two totals at that point


@dataclass(frozen=True)
class Point:
    """One capacity factor and the comparison it gives."""

    factor: Fraction  # exact factor used (users mode: users per server / today's)
    users_per_server: int | None  # users mode only
    comparison: Difference
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Payback:
    """A one-off migration cost against the monthly difference, over a horizon."""

    migration_kr: Decimal | None  # None: not given, so no payback is computed
    years: int
    months: int | None  # None: never earned back (Elixir saves nothing per month)
    net_kr: Decimal | None  # monthly saving × months in the horizon − migration cost


def break_even(s: Scenario, jobs_share: Fraction) -> BreakEven:
    """Where the factor stops paying with the job work at `jobs_share` (see the module docstring)."""
    current = s.current.kr_per_month
    most_servers = math.floor(Fraction(EXACT.subtract(current, s.elixir_load_balancers_kr))
                              / Fraction(s.server_kr_per_month))
    if most_servers < s.min_app_servers:
        return BreakEven("never")
    work = s.load + s.job_work(jobs_share)
    if isinstance(s.today, UsersLoad):
        now = s.today.users_per_server_now
        capacity = math.ceil(work * now / most_servers)
        if capacity > MAX_USERS_PER_SERVER:
            return BreakEven("never")
        if capacity <= 1:
            return BreakEven("always")
        factor = Fraction(capacity, now)
        return BreakEven("pays", factor, capacity, Totals(current, elixir_kr_per_month(s, factor, jobs_share)))
    factor = work / most_servers
    if factor > Fraction(MAX_FACTOR):
        return BreakEven("never")
    if factor <= Fraction(MIN_FACTOR):
        return BreakEven("always")
    return BreakEven("pays", factor, None, Totals(current, elixir_kr_per_month(s, factor, jobs_share)))


def sensitivity(e: Estimate) -> list[Point]:
    """The comparison at 1×–6× today's capacity and at the visitor's own factor, ascending,
    with the job work at the visitor's jobs share (so 1× is the cautious case only at 100 %).

    Grid points need only the two totals, so they skip building the bills.
    """
    s = e.scenario
    today = e.chosen.today_kr_per_month
    own_capacity = s.today.users_per_server_elixir if isinstance(s.today, UsersLoad) else None
    own = Point(s.factor, own_capacity, e.chosen, ("visitor",))
    points: list[Point] = []
    for grid, marks in SENSITIVITY_GRID:
        factor, capacity = _grid_point(s, grid)
        if factor == own.factor:
            own = Point(own.factor, own.users_per_server, own.comparison, own.marks + marks)
        elif points and points[-1].factor == factor:  # tiny capacities: two grid factors, one whole number
            points[-1] = Point(factor, capacity, points[-1].comparison, points[-1].marks + marks)
        else:
            totals = Totals(today, elixir_kr_per_month(s, factor, s.jobs_share))
            points.append(Point(factor, capacity, totals, marks))
    points.append(own)
    points.sort(key=lambda point: point.factor)
    return points


def _grid_point(s: Scenario, grid: Fraction) -> tuple[Fraction, int | None]:
    """A grid factor as the model can use it: whole users per server in users mode."""
    if not isinstance(s.today, UsersLoad):
        return grid, None
    now = s.today.users_per_server_now
    capacity = min(MAX_USERS_PER_SERVER, max(1, now * grid.numerator // grid.denominator))
    return Fraction(capacity, now), capacity


def payback(comparison: Difference, migration_kr: Decimal | None, years: int) -> Payback:
    """Months until the saving has paid for the move, and the net over `years`."""
    if migration_kr is None:
        return Payback(None, years, None, None)
    monthly = comparison.saving_kr_per_month
    net = EXACT.subtract(EXACT.multiply(monthly, Decimal(MONTHS_PER_YEAR * years)), migration_kr)
    if migration_kr == 0:
        months: int | None = 0
    elif monthly > 0:
        months = math.ceil(Fraction(migration_kr) / Fraction(monthly))
    else:
        months = None
    return Payback(migration_kr, years, months, net)
