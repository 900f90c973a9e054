"""The Swedish sentences about how sure the result is: the range, what each
cause contributes and which one drives the result, the steps whole servers
make, and the sensitivity caption.

The chosen result rests on assumptions the cautious case drops (see `model`).
`attribution` takes the saving apart by cause, in the order components → jobs
→ capacity, and the driver names the largest part, or the parts that tie.
Every difference is worded by its sign through `wording`; every assumption is
named through `claims`. Break-even and payback are in `paying_off`.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal

from calculator.analysis import ARTICLE_FACTOR, PINTEREST_FACTOR
from calculator.attribution import Attribution, Part
from calculator.claims import (
    app_servers_text,
    assumptions_text,
    capacity_claim,
    cautious_rule,
    factor_decimal,
    factor_for,
    factor_words,
    has_job_servers,
    job_servers_text,
    jobs_need,
    jobs_percent,
    users_text,
)
from calculator.formatting import NBSP, format_count, format_decimal, format_digits, format_kr_per_month, join_sv
from calculator.model import EXACT, Estimate, Scenario, UsersLoad
from calculator.result_types import PartName
from calculator.wording import phrase

_DROPPED_NAMES = {"redis": "Redis", "lb": "lastbalanseraren"}


def range_summary(e: Estimate) -> str:
    """One sentence giving the range from the cautious case to the chosen one."""
    s = e.scenario
    low, high = phrase(e.cautious), phrase(e.chosen)
    if low == high:
        return (f"Det blir {high} både med {assumptions_text(s)} och i det försiktiga fallet, "
                f"{cautious_rule(s)}.")
    return (f"Resultatet ligger mellan {low} i det försiktiga fallet, {cautious_rule(s)}, och {high} "
            f"med {assumptions_text(s)}.")


def effect(kr: Decimal) -> str:
    """`sparar 400 kr/mån`, `kostar 200 kr/mån mer`, `ändrar inget`."""
    if kr > 0:
        return f"sparar {format_kr_per_month(kr)}"
    if kr < 0:
        return f"kostar {format_kr_per_month(-kr)} mer"
    return "ändrar inget"


def _components_cause(a: Attribution, s: Scenario) -> str:
    names = [_DROPPED_NAMES[line_id] for line_id in a.dropped]
    if "lb" in a.dropped and s.current.count_of("lb") > 1:
        names[-1] = "lastbalanserarna"
    plural = len(names) > 1 or names[-1] == "lastbalanserarna"
    return f"att Elixir gör {join_sv(names)} {'onödiga' if plural else 'onödig'}"


def _jobs_cause(a: Attribution, s: Scenario) -> str:
    return (f"att dagens {job_servers_text(a.job_servers)} försvinner och jobben med Elixir behöver "
            f"{jobs_need(jobs_percent(s))}")


def _capacity_cause(a: Attribution, s: Scenario) -> str:
    """The capacity claim; where the Elixir side's minimum decides instead, the minimum first."""
    claim = f"antagandet att {capacity_claim(s)}"
    if not a.minimum_binds or not a.capacity.kr_per_month:
        return claim
    minimum = f"att Elixir-sidan har minst {s.min_app_servers} app-servrar"
    if s.factor == 1:
        return minimum
    if a.capacity.kr_per_month < 0:
        return f"{minimum}, trots {claim}"
    return f"{claim}, med minst {s.min_app_servers} app-servrar på Elixir-sidan"


_CAUSES: dict[PartName, Callable[[Attribution, Scenario], str]] = {
    "components": _components_cause,
    "jobs": _jobs_cause,
    "capacity": _capacity_cause,
}


def part_text(a: Attribution, s: Scenario, part: Part) -> str:
    """One part as a sentence: `Att Elixir gör Redis onödig sparar 100 kr/mån.`"""
    if part.name == "components" and not a.dropped:
        return "Inga komponenter försvinner med Elixir."
    if part.name == "jobs" and not a.job_servers:
        return "Du har inga bakgrundsjobbservrar i dag, så bakgrundsjobben ändrar inget."
    cause = _CAUSES[part.name](a, s)
    sentence = f"{cause[0].upper()}{cause[1:]} {effect(part.kr_per_month)}"
    if part.name == "capacity" and a.minimum_binds and not part.kr_per_month:
        return f"{sentence} här: Elixir-sidan har ändå minst {s.min_app_servers} app-servrar."
    return f"{sentence}."


def driver(e: Estimate, a: Attribution) -> str:
    """Which cause moves the result most (or which causes tie), then the others."""
    s = e.scenario
    moving = sorted((part for part in a.parts if part.kr_per_month), key=lambda part: -abs(part.kr_per_month))
    if not moving:
        return "Varken komponenterna, bakgrundsjobben eller kapaciteten ändrar något här."
    largest = abs(moving[0].kr_per_month)
    top = [part for part in moving if abs(part.kr_per_month) == largest]
    rest = moving[len(top):]

    def listed(parts: list[Part]) -> str:
        return join_sv([f"{_CAUSES[part.name](a, s)} ({effect(part.kr_per_month)})" for part in parts])

    if len(top) == 1:
        head = f"Mest avgör {_CAUSES[top[0].name](a, s)}: det {effect(top[0].kr_per_month)}."
    else:
        head = f"Lika mycket avgör {listed(top)}."
    return f"{head} Därefter {listed(rest)}." if rest else head


def steps(e: Estimate) -> str:
    """Why the result moves in steps: whole servers, and the minimum (redundancy only from 2)."""
    s = e.scenario
    today_apps, elixir_apps = e.chosen.current.count_of("app"), e.chosen.elixir.count_of("app")
    work = s.job_work(s.jobs_share)
    minimum = _minimum_note(s.min_app_servers)
    if isinstance(s.today, UsersLoad):
        now, elixir = s.today.users_per_server_now, s.today.users_per_server_elixir
        today_min = minimum if today_apps == s.min_app_servers else ""
        elixir_min = minimum if elixir_apps == s.min_app_servers else ""
        users_left = max(0, elixir_apps * elixir - math.ceil(work * now))
        jobs = " och bakgrundsjobben" if work else ""
        return ("Kalkylen räknar hela servrar, så resultatet ändras i steg: i dag räcker "
                f"{app_servers_text(today_apps)}{today_min} till {users_text(today_apps * now)}, med Elixir räcker "
                f"{format_count(elixir_apps)}{elixir_min} till {users_text(users_left)}{jobs}.")
    servers = EXACT.divide(Decimal(work.numerator), Decimal(work.denominator))
    jobs = f" plus bakgrundsjobben ({format_digits(servers)}{NBSP}{'server' if work == 1 else 'servrar'})" \
        if work else ""
    at_least = f" och aldrig färre än {s.min_app_servers} för redundans" if s.min_app_servers > 1 else ""
    return (f"Kalkylen räknar hela servrar: {app_servers_text(today_apps)} i dag{jobs} delat med "
            f"{format_decimal(factor_decimal(s.factor))} blir {format_count(elixir_apps)} med Elixir, "
            f"avrundat uppåt{at_least}.")


def _minimum_note(minimum: int) -> str:
    """` (minst 2 för redundans)`; with a minimum of 1 there is nothing to say."""
    return f" (minst {minimum} för redundans)" if minimum > 1 else ""


def sensitivity_caption(e: Estimate) -> str:
    """What the sensitivity chart and table show, the job-work assumption they keep, and the marks."""
    s = e.scenario
    users_mode = isinstance(s.today, UsersLoad)
    what = "så många användare" if users_mode else "så mycket"
    own_users = s.today.users_per_server_elixir if isinstance(s.today, UsersLoad) else None
    own = factor_words(factor_for(s, s.factor, own_users))
    jobs = (f" Bakgrundsjobben behöver här {jobs_need(jobs_percent(s))}, som du har valt; det försiktiga "
            "fallet räknar med lika mycket serverkraft som i dag." if has_job_servers(s) else "")
    return (f"Elixir jämfört med i dag om en Elixir-server klarar 1 till 6\u00a0gånger {what} som en server "
            f"i dag, och med ditt eget värde ({own}×).{jobs} "
            f"Artikeln antar {format_decimal(factor_decimal(ARTICLE_FACTOR))}×; Pinterests "
            f"notifieringstjänst visade {format_decimal(factor_decimal(PINTEREST_FACTOR))}× (30 Java-servrar "
            "blev 15 Elixir-servrar, 2015).")
