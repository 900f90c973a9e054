"""The chosen saving taken apart by cause, in numbers (the sentences are in `explain`).

A buyer who is told "you save 1 700 kr a month" asks what that rests on. The
chosen case makes separate assumptions, so the saving is split into three
parts, taken in this order, each the change in the monthly bill from one
state to the next:

1. `components`: today's bill without what Elixir makes unnecessary: the
   Redis servers, and the load balancers the Elixir side does not keep;
2. `jobs`: the background-job servers go, and their work, at the chosen jobs
   share, moves onto today's app servers at today's capacity; they need more
   only if the work does not fit: max(today's app servers, ⌈load + job work⌉);
3. `capacity`: the Elixir app servers at the chosen factor, never fewer than
   the minimum: max(minimum, ⌈(load + job work) / factor⌉).

The parts telescope, so they sum exactly to today's bill minus Elixir's. At a
factor of 1 the capacity part is 0 unless the minimum adds servers (the
servers way in takes today's app servers as they are, even below it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from calculator.model import EXACT, Estimate
from calculator.result_types import PartName


@dataclass(frozen=True)
class Part:
    """One cause and what it changes in the monthly bill (positive: Elixir saves)."""

    name: PartName
    kr_per_month: Decimal


@dataclass(frozen=True)
class Attribution:
    """The three parts, and the counts the sentences about them need."""

    components: Part
    jobs: Part
    capacity: Part
    dropped: tuple[str, ...]  # line ids Elixir makes unnecessary: "redis", "lb"
    job_servers: int  # today's background-job servers
    minimum_binds: bool  # the Elixir side has the minimum, more app servers than its work needs

    @property
    def parts(self) -> tuple[Part, Part, Part]:
        return (self.components, self.jobs, self.capacity)


def attribute(e: Estimate) -> Attribution:
    """The chosen saving in its three parts (see the module docstring)."""
    s, current, elixir = e.scenario, e.chosen.current, e.chosen.elixir
    price = s.server_kr_per_month
    balancers_kept = elixir.count_of("lb")
    dropped_balancers = current.count_of("lb") - balancers_kept
    components = EXACT.add(
        EXACT.multiply(s.redis_kr_per_month, Decimal(current.count_of("redis"))),
        EXACT.multiply(s.load_balancer_kr_per_month, Decimal(dropped_balancers)),
    )
    today_apps, job_servers = current.count_of("app"), current.count_of("jobs")
    work = s.load + s.job_work(s.jobs_share)
    apps_at_today_capacity = max(today_apps, math.ceil(work))
    elixir_apps = elixir.count_of("app")
    jobs = EXACT.multiply(price, Decimal(job_servers - (apps_at_today_capacity - today_apps)))
    capacity = EXACT.multiply(price, Decimal(apps_at_today_capacity - elixir_apps))
    dropped = tuple(line_id for line_id, gone in (("redis", current.count_of("redis") > 0),
                                                  ("lb", dropped_balancers > 0)) if gone)
    return Attribution(
        Part("components", components),
        Part("jobs", jobs),
        Part("capacity", capacity),
        dropped,
        job_servers,
        elixir_apps == s.min_app_servers and math.ceil(work / s.factor) < s.min_app_servers,
    )
