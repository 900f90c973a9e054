"""The Swedish names of the bills' lines, in the visitor's terms.

The model counts servers by line id (`app`, `jobs`, `redis`, `lb`); what a
line is called depends on the stack, on the workloads (what Redis does, what
the Elixir app servers take over) and on the way in, so naming is done here,
once, for the page, the e-mail summary and the method page alike.
"""

from __future__ import annotations

from calculator.formatting import join_sv
from calculator.model import Scenario, UsersLoad, Workloads

LOAD_BALANCER = "Lastbalanserare"


def current_names(s: Scenario) -> dict[str, str]:
    """Line id -> name on today's bill: `App-servrar (Node.js/Express)`, `Redis (jobbkö, cache)`."""
    redis = f"Redis ({', '.join(_redis_uses(s.today.workloads))})" if isinstance(s.today, UsersLoad) else "Redis"
    return {
        "app": f"App-servrar ({s.stack.app_name})",
        "jobs": f"Bakgrundsjobbservrar ({s.stack.jobs_tool})",
        "redis": redis,
        "lb": LOAD_BALANCER,
    }


def elixir_names(s: Scenario) -> dict[str, str]:
    """Line id -> name on the Elixir bill, naming what its app servers take over."""
    return {"app": _elixir_app_name(s), "lb": LOAD_BALANCER}


def _redis_uses(w: Workloads) -> list[str]:
    uses = [("jobbkö", w.background_jobs), ("PubSub", w.realtime), ("cache", w.caching), ("WebSockets", w.websockets)]
    return [name for name, needed in uses if needed]


def _elixir_app_name(s: Scenario) -> str:
    if isinstance(s.today, UsersLoad):
        w = s.today.workloads
        present = [("bakgrundsjobb", w.background_jobs), ("PubSub", w.realtime),
                   ("cache", w.caching), ("WebSockets", w.websockets)]
    else:
        present = [("bakgrundsjobb", s.today.jobs > 0), ("det Redis gör i dag", s.today.redis > 0)]
    folded = [name for name, there in present if there]
    detail = f", inkl. {join_sv(folded)}" if folded else ""
    return f"App-servrar (Elixir/Phoenix{detail})"
