"""The savings model: what one load costs on the current stack and on Elixir.

Typed, unit-explicit and free of any parsing, formatting or wording (lines
carry ids, `names` says what they are called; the stacks' proper names are the
only text here), so a reviewer can redo the article's worked example by hand
from this file alone:

    Node.js                                       count   × kr/mån  = kr/mån
    app servers     ceil(10 000 / 1 250)        =   8     ×   200   = 1 600
    job servers     ceil(8 × 2 / 8)             =   2     ×   200   =   400
    Redis           ceil(8 × 1 / 8)             =   1     ×   100   =   100
    load balancer                               =   1     ×   100   =   100
                                                                      2 200
    Elixir (the article's claim: 4 × the users per server)
    app servers     ceil(10 000 / 5 000)        =   2     ×   200   =   400
    load balancer   (optional)                  =   1     ×   100   =   100
                                                                        500
    saving          (2 200 − 500) / 2 200 = 77,27 %  ->  77 %
                    without the Elixir load balancer: 1 800 / 2 200 -> 82 %

    Elixir, cautious case (no more work per server than today, and the
    background jobs' work still needs today's job servers' capacity)
    app servers     ceil((10 000 + 2 × 1 250) / 1 250) = 10 × 200 = 2 000
    load balancer                                       =  1 × 100 =   100
                                                                     2 100
    saving          100 / 2 200 = 4,5 %  ->  5 %

Redis and the load balancer at 100 kr are not printed in the article; they are
the only prices at which both of its totals add up (2 200 and 500).

Two ways to describe today's system. By users (`UsersLoad`): app servers =
ceil(users / users per server), never below the redundancy minimum; the
article's side components keep its ratios to the app servers (2 job servers
and 1 Redis per 8 app servers), rounded up to whole servers; one load
balancer. By servers (`ServerCounts`): the counts the visitor runs today, as
they are. Either way the model works on today's app-server *load* in units of
one of today's app servers (users / users per server, or the server count)
and on the capacity *factor* of an Elixir server relative to one of today's
(users per Elixir server / users per server today, or the factor typed):

    job work           = today's background-job servers × jobs share
    Elixir app servers = max(minimum, ceil((load + job work) / factor))

The Elixir side folds jobs, PubSub, caching and WebSockets into its app
servers (Oban/Task, Phoenix PubSub, ETS, Phoenix Channels). The *jobs share*
(`jobs_capacity` in percent) says how much of today's background-job servers'
capacity that work still needs: 0, the article's claim, folds it in for free;
1 moves all of it onto the app servers, which carry it at the factor like any
other work. With the load-balancer option, the Elixir side keeps as many load
balancers as today (none without it).

The cautious case (`Estimate.cautious`) takes nothing for free: the factor is
at most 1 and the jobs share is 1, so the background-job servers' work moves
onto the Elixir app servers at today's capacity. Redis's roles
(queue, PubSub, cache) are in-memory work that the BEAM does inside the app
servers' own memory (ETS, Phoenix PubSub; a database-backed queue such as Oban
loads the database, which the model leaves out on both sides), so no Redis
capacity is added. That is a judgement, stated on the method page.

Money is `Decimal` kronor with at most two decimals. All arithmetic runs in
`EXACT`, a context that raises on any rounding, so no caller's global decimal
settings can change a result and CPython and Pyodide agree to the öre.
Capacity ratios are exact `Fraction`s. Percentages are exact, rounded half away
from zero to whole percent.
"""

from __future__ import annotations

import decimal
import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cached_property

MONTHS_PER_YEAR = 12

# The article's side components, per 8 app servers (its own example: 8, 2, 1).
JOB_SERVERS_PER_APP_SERVERS = (2, 8)
REDIS_SERVERS_PER_APP_SERVERS = (1, 8)

EXACT = decimal.Context(prec=40, traps=[decimal.Inexact, decimal.InvalidOperation])
_ZERO = Decimal(0)


@dataclass(frozen=True)
class Stack:
    """A current stack, named the way its users know it.

    Only names: no public per-stack capacity figures exist that compare like
    with like, so every stack is computed with the same assumptions.
    """

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

    @property
    def need_redis(self) -> bool:
        """Redis serves all four today: job queue, PubSub, cache and WebSocket fan-out."""
        return self.background_jobs or self.realtime or self.caching or self.websockets


@dataclass(frozen=True)
class UsersLoad:
    """Today's system described the article's way: by users and users per server."""

    concurrent_users: int
    users_per_server_now: int
    users_per_server_elixir: int
    workloads: Workloads


@dataclass(frozen=True)
class ServerCounts:
    """Today's system described by the servers run today, and the Elixir factor."""

    app: int
    jobs: int
    redis: int
    load_balancers: int
    factor: Fraction  # work one Elixir server carries / work one server carries today


@dataclass(frozen=True)
class Scenario:
    """Everything the visitor can set; units are in the names.

    Derived values are cached: the sensitivity and break-even read them many times.
    """

    stack: Stack
    today: UsersLoad | ServerCounts
    server_kr_per_month: Decimal
    redis_kr_per_month: Decimal
    load_balancer_kr_per_month: Decimal
    min_app_servers: int
    elixir_load_balancer: bool
    jobs_share: Fraction = Fraction(0)  # of today's job servers' capacity the job work still needs (0 to 1)

    @cached_property
    def factor(self) -> Fraction:
        """How much more one Elixir server carries than one server today."""
        if isinstance(self.today, UsersLoad):
            return Fraction(self.today.users_per_server_elixir, self.today.users_per_server_now)
        return self.today.factor

    @cached_property
    def load(self) -> Fraction:
        """Today's app-server work, in units of one of today's app servers (not rounded)."""
        if isinstance(self.today, UsersLoad):
            return Fraction(self.today.concurrent_users, self.today.users_per_server_now)
        return Fraction(self.today.app)

    @cached_property
    def current(self) -> Side:
        """Today's bill (see `current_side`)."""
        return current_side(self)

    def job_work(self, jobs_share: Fraction) -> Fraction:
        """The background-job servers' work that still needs capacity, in today's servers."""
        return self.current.count_of("jobs") * jobs_share

    @cached_property
    def elixir_load_balancers(self) -> int:
        """As many as today with the option on, none without it."""
        return self.current.count_of("lb") if self.elixir_load_balancer else 0

    @cached_property
    def elixir_load_balancers_kr(self) -> Decimal:
        return EXACT.multiply(self.load_balancer_kr_per_month, Decimal(self.elixir_load_balancers))


@dataclass(frozen=True)
class Line:
    """One component on one side: `count` servers at `unit_kr_per_month` each."""

    id: str  # "app", "jobs", "redis", "lb" (`names` says what each is called)
    count: int
    unit_kr_per_month: Decimal

    @property
    def kr_per_month(self) -> Decimal:
        return EXACT.multiply(self.unit_kr_per_month, Decimal(self.count))


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
            total = EXACT.add(total, line.kr_per_month)
        return total

    @cached_property
    def kr_per_year(self) -> Decimal:
        return EXACT.multiply(self.kr_per_month, Decimal(MONTHS_PER_YEAR))

    def count_of(self, line_id: str) -> int:
        return sum(line.count for line in self.lines if line.id == line_id)


class Difference:
    """Today's monthly bill against Elixir's. Positive saving: Elixir is cheaper.

    Subclasses provide the two totals; the derived values are cached.
    """

    today_kr_per_month: Decimal
    elixir_kr_per_month: Decimal

    @cached_property
    def saving_kr_per_month(self) -> Decimal:
        return EXACT.subtract(self.today_kr_per_month, self.elixir_kr_per_month)

    @cached_property
    def saving_kr_per_year(self) -> Decimal:
        return EXACT.multiply(self.saving_kr_per_month, Decimal(MONTHS_PER_YEAR))

    @cached_property
    def saving_percent(self) -> int:
        """Signed whole percent of today's bill, halves away from zero (77,27 -> 77)."""
        return percent_of(self.saving_kr_per_month, self.today_kr_per_month)


@dataclass(frozen=True)
class Totals(Difference):
    """Only the two totals: enough for a sensitivity point, without building the bills."""

    today_kr_per_month: Decimal
    elixir_kr_per_month: Decimal


@dataclass(frozen=True)
class Comparison(Difference):
    """The current side against one Elixir side, line by line."""

    current: Side
    elixir: Side

    @property
    def today_kr_per_month(self) -> Decimal:  # type: ignore[override]  # derived, not a field
        return self.current.kr_per_month

    @property
    def elixir_kr_per_month(self) -> Decimal:  # type: ignore[override]  # derived, not a field
        return self.elixir.kr_per_month


@dataclass(frozen=True)
class Estimate:
    """The chosen result and the cautious case that bounds it from below.

    The cautious case never saves more than the chosen one (its factor is no
    higher and its load no lower), so the range is [cautious, chosen].
    """

    scenario: Scenario
    chosen: Comparison
    cautious: Comparison


def ceil_div(numerator: int, denominator: int) -> int:
    """Whole servers: round a positive quotient up."""
    return -(-numerator // denominator)


def percent_of(part: Decimal, whole: Decimal) -> int:
    """`part / whole` in whole percent, halves away from zero, so a loss rounds like the
    same saving (in integer öre: exact, and much faster than fractions)."""
    numerator, denominator = _ore(part), _ore(whole)
    magnitude = (200 * abs(numerator) + denominator) // (2 * denominator)
    return -magnitude if numerator < 0 else magnitude


def _ore(kr: Decimal) -> int:
    return int(EXACT.multiply(kr, Decimal(100)))


def app_servers(load: Fraction, factor: Fraction, minimum: int) -> int:
    """Enough servers for the load, never fewer than the redundancy minimum."""
    return max(minimum, math.ceil(load / factor))


def scaled(app_server_count: int, ratio: tuple[int, int]) -> int:
    """A side component kept in the article's ratio to the app servers."""
    per, app = ratio
    return ceil_div(app_server_count * per, app)


def current_side(s: Scenario) -> Side:
    """The current stack: app servers plus the extra components its workloads need."""
    if isinstance(s.today, ServerCounts):
        counts = s.today
        return _current_lines(s, counts.app, counts.jobs, counts.redis, counts.load_balancers)
    apps = app_servers(s.load, Fraction(1), s.min_app_servers)
    workloads = s.today.workloads
    jobs = scaled(apps, JOB_SERVERS_PER_APP_SERVERS) if workloads.background_jobs else 0
    redis = scaled(apps, REDIS_SERVERS_PER_APP_SERVERS) if workloads.need_redis else 0
    return _current_lines(s, apps, jobs, redis, 1)


def _current_lines(s: Scenario, apps: int, jobs: int, redis: int, balancers: int) -> Side:
    lines = (
        Line("app", apps, s.server_kr_per_month),
        Line("jobs", jobs, s.server_kr_per_month),
        Line("redis", redis, s.redis_kr_per_month),
        Line("lb", balancers, s.load_balancer_kr_per_month),
    )
    return Side(s.stack.label, tuple(line for line in lines if line.count > 0))


CAUTIOUS_JOBS_SHARE = Fraction(1)  # the cautious case: the job work needs all of today's job servers' capacity


def elixir_app_servers(s: Scenario, factor: Fraction, jobs_share: Fraction) -> int:
    """App servers for today's app work plus the job work, at `factor` per server."""
    return app_servers(s.load + s.job_work(jobs_share), factor, s.min_app_servers)


def elixir_kr_per_month(s: Scenario, factor: Fraction, jobs_share: Fraction) -> Decimal:
    """The Elixir bill's total alone (what `elixir_side(s, factor, jobs_share).kr_per_month` sums to)."""
    apps = elixir_app_servers(s, factor, jobs_share)
    return EXACT.add(EXACT.multiply(s.server_kr_per_month, Decimal(apps)), s.elixir_load_balancers_kr)


def elixir_side(s: Scenario, factor: Fraction, jobs_share: Fraction) -> Side:
    """Elixir: app servers that also run the folded-in workloads, and today's balancers if kept."""
    lines = (
        Line("app", elixir_app_servers(s, factor, jobs_share), s.server_kr_per_month),
        Line("lb", s.elixir_load_balancers, s.load_balancer_kr_per_month),
    )
    return Side("Elixir", tuple(line for line in lines if line.count > 0))


def cautious_factor(s: Scenario) -> Fraction:
    """No more work per Elixir server than per server today."""
    return min(s.factor, Fraction(1))


def estimate(s: Scenario) -> Estimate:
    """The chosen comparison and its cautious lower bound."""
    chosen = Comparison(s.current, elixir_side(s, s.factor, s.jobs_share))
    cautious = Comparison(s.current, elixir_side(s, cautious_factor(s), CAUTIOUS_JOBS_SHARE))
    return Estimate(s, chosen, cautious)
