"""The savings model: what one load costs on the current stack and on Elixir.

Typed, unit-explicit and free of any parsing or formatting, so a reviewer can
redo the article's worked example by hand from this file alone:

    Node.js                                       count   × kr/mån  = kr/mån
    app servers     ceil(10 000 / 1 250)        =   8     ×   200   = 1 600
    job servers     ceil(8 × 2 / 8)             =   2     ×   200   =   400
    Redis           ceil(8 × 1 / 8)             =   1     ×   100   =   100
    load balancer                               =   1     ×   100   =   100
                                                                      2 200
    Elixir
    app servers     ceil(10 000 / 5 000)        =   2     ×   200   =   400
    load balancer   (optional)                  =   1     ×   100   =   100
                                                                        500
    saving          (2 200 − 500) / 2 200 = 77,27 %  ->  77 %
                    without the Elixir load balancer: 1 800 / 2 200 -> 82 %

Redis and the load balancer at 100 kr are not printed in the article; they are
the only prices at which both of its totals add up (2 200 and 500).

Scaling rule: app servers = ceil(users / users per server), never below the
redundancy minimum; the article's side components keep its ratios to the app
servers (2 job servers and 1 Redis per 8 app servers), rounded up to whole
servers; one load balancer per side, since one balancer instance is what the
article prices. The Elixir side folds jobs, PubSub, caching and WebSockets into
its app servers (Oban/Task, Phoenix PubSub, ETS, Phoenix Channels).

Money is `Decimal` kronor with at most two decimals. All arithmetic runs in
`_EXACT`, a context that raises on any rounding, so no caller's global decimal
settings can change a result and CPython and Pyodide agree to the öre.
Percentages are exact fractions rounded half up to whole percent.
"""

from __future__ import annotations

import decimal
import math
from dataclasses import dataclass
from functools import cached_property
from decimal import Decimal
from fractions import Fraction

from calculator.formatting import join_sv

MONTHS_PER_YEAR = 12

# The article's side components, per 8 app servers (its own example: 8, 2, 1).
JOB_SERVERS_PER_APP_SERVERS = (2, 8)
REDIS_SERVERS_PER_APP_SERVERS = (1, 8)

_EXACT = decimal.Context(prec=40, traps=[decimal.Inexact, decimal.InvalidOperation])
_ZERO = Decimal(0)


@dataclass(frozen=True)
class Stack:
    """A current stack, named the way its users know it."""

    key: str
    label: str  # side heading: "Node.js"
    long_label: str  # in the form: "Node.js / Express"
    app_name: str  # in the app-server line: "Node.js/Express"
    jobs_tool: str  # the background-job processor people run on it


STACKS: dict[str, Stack] = {
    stack.key: stack
    for stack in (
        Stack("node", "Node.js", "Node.js / Express", "Node.js/Express", "BullMQ"),
        Stack("python", "Python", "Python / Django / FastAPI", "Python/Django/FastAPI", "Celery"),
        Stack("ruby", "Ruby", "Ruby on Rails", "Ruby on Rails", "Sidekiq"),
        Stack("java", "Java", "Java / Spring Boot", "Java/Spring Boot", "Quartz"),
    )
}


@dataclass(frozen=True)
class Workloads:
    """The article's four workloads ("När lönar det sig mest?")."""

    background_jobs: bool
    realtime: bool  # PubSub: chat, notifications, live updates
    caching: bool
    websockets: bool

    def redis_uses(self) -> list[str]:
        """What a Redis server does for the current stack (empty: no Redis)."""
        uses = [("jobbkö", self.background_jobs), ("PubSub", self.realtime),
                ("cache", self.caching), ("WebSockets", self.websockets)]
        return [name for name, needed in uses if needed]

    def folded_into_elixir(self) -> list[str]:
        """What the Elixir app servers take over from separate components."""
        folded = [("bakgrundsjobb", self.background_jobs), ("PubSub", self.realtime),
                  ("cache", self.caching), ("WebSockets", self.websockets)]
        return [name for name, needed in folded if needed]


@dataclass(frozen=True)
class Scenario:
    """Everything the visitor can set; units are in the names."""

    stack: Stack
    concurrent_users: int
    users_per_server_now: int
    users_per_server_elixir: int
    server_kr_per_month: Decimal
    redis_kr_per_month: Decimal
    load_balancer_kr_per_month: Decimal
    workloads: Workloads
    min_app_servers: int
    elixir_load_balancer: bool


@dataclass(frozen=True)
class Line:
    """One component on one side: `count` servers at `unit_kr_per_month` each."""

    id: str  # "app", "jobs", "redis", "lb"
    name: str
    count: int
    unit_kr_per_month: Decimal

    @property
    def kr_per_month(self) -> Decimal:
        return _EXACT.multiply(self.unit_kr_per_month, Decimal(self.count))


@dataclass(frozen=True)
class Side:
    """One stack's bill: its component lines (count 0 lines never appear).

    Totals are derived once and cached: the result is read many times over.
    """

    label: str
    lines: tuple[Line, ...]

    @cached_property
    def servers(self) -> int:
        return sum(line.count for line in self.lines)

    @cached_property
    def kr_per_month(self) -> Decimal:
        total = _ZERO
        for line in self.lines:
            total = _EXACT.add(total, line.kr_per_month)
        return total

    @cached_property
    def kr_per_year(self) -> Decimal:
        return _EXACT.multiply(self.kr_per_month, Decimal(MONTHS_PER_YEAR))


@dataclass(frozen=True)
class Comparison:
    """The current side against one Elixir side."""

    current: Side
    elixir: Side

    @cached_property
    def saving_kr_per_month(self) -> Decimal:
        return _EXACT.subtract(self.current.kr_per_month, self.elixir.kr_per_month)

    @cached_property
    def saving_kr_per_year(self) -> Decimal:
        return _EXACT.multiply(self.saving_kr_per_month, Decimal(MONTHS_PER_YEAR))

    @cached_property
    def saving_percent(self) -> int:
        return percent_of(self.saving_kr_per_month, self.current.kr_per_month)


@dataclass(frozen=True)
class Estimate:
    """The chosen result and the cautious case that bounds it from below.

    The cautious case lets an Elixir server carry no more users than a server
    on the current stack, so only the components Elixir makes unnecessary are
    saved. It never saves more than the chosen case, so the range is
    [cautious, chosen].
    """

    scenario: Scenario
    chosen: Comparison
    cautious: Comparison


def ceil_div(numerator: int, denominator: int) -> int:
    """Whole servers: round a positive quotient up."""
    return -(-numerator // denominator)


def percent_of(part: Decimal, whole: Decimal) -> int:
    """`part / whole` in whole percent, halves rounded up (77,27 -> 77, 81,8 -> 82)."""
    exact = Fraction(part) * 100 / Fraction(whole)
    return math.floor(exact + Fraction(1, 2))


def app_servers(users: int, users_per_server: int, minimum: int) -> int:
    """Enough servers for the load, never fewer than the redundancy minimum."""
    return max(minimum, ceil_div(users, users_per_server))


def scaled(app_server_count: int, ratio: tuple[int, int]) -> int:
    """A side component kept in the article's ratio to the app servers."""
    per, app = ratio
    return ceil_div(app_server_count * per, app)


def current_side(s: Scenario) -> Side:
    """The current stack: app servers plus the extra components its workloads need."""
    apps = app_servers(s.concurrent_users, s.users_per_server_now, s.min_app_servers)
    lines = [Line("app", f"App-servrar ({s.stack.app_name})", apps, s.server_kr_per_month)]
    if s.workloads.background_jobs:
        lines.append(Line("jobs", f"Bakgrundsjobb-servrar ({s.stack.jobs_tool})",
                          scaled(apps, JOB_SERVERS_PER_APP_SERVERS), s.server_kr_per_month))
    redis_uses = s.workloads.redis_uses()
    if redis_uses:
        lines.append(Line("redis", f"Redis ({', '.join(redis_uses)})",
                          scaled(apps, REDIS_SERVERS_PER_APP_SERVERS), s.redis_kr_per_month))
    lines.append(Line("lb", "Load balancer", 1, s.load_balancer_kr_per_month))
    return Side(s.stack.label, tuple(lines))


def elixir_side(s: Scenario, users_per_server: int) -> Side:
    """Elixir: app servers that also run the folded-in workloads, maybe a balancer."""
    apps = app_servers(s.concurrent_users, users_per_server, s.min_app_servers)
    folded = s.workloads.folded_into_elixir()
    detail = f", inkl. {join_sv(folded)}" if folded else ""
    lines = [Line("app", f"App-servrar (Elixir/Phoenix{detail})", apps, s.server_kr_per_month)]
    if s.elixir_load_balancer:
        lines.append(Line("lb", "Load balancer", 1, s.load_balancer_kr_per_month))
    return Side("Elixir", tuple(lines))


def estimate(s: Scenario) -> Estimate:
    """The chosen comparison and its cautious lower bound."""
    current = current_side(s)
    chosen = Comparison(current, elixir_side(s, s.users_per_server_elixir))
    cautious_capacity = min(s.users_per_server_elixir, s.users_per_server_now)
    cautious = Comparison(current, elixir_side(s, cautious_capacity))
    return Estimate(s, chosen, cautious)
