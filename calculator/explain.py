"""The Swedish sentences around the numbers: the range, what drives it, the
steps whole servers make, break-even, the sensitivity caption and payback.

How sure the number is: the chosen result rests mostly on one assumption, that
an Elixir server carries more than a server today. The cautious case drops it
and lets nothing vanish for free (see `model`), so what is left is what the
components Elixir makes unnecessary are worth. The gap between the two is what
the capacity assumption adds; whichever of the two parts is larger is named as
the one that moves the result most. Every difference is worded by its sign
through `wording`.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from calculator.analysis import ARTICLE_FACTOR, PINTEREST_FACTOR, BreakEven, Payback
from calculator.fields import MAX_FACTOR, MAX_USERS_PER_SERVER, MIN_FACTOR
from calculator.formatting import (
    NBSP,
    format_count,
    format_decimal,
    format_kr,
    format_kr_per_month,
    join_sv,
)
from calculator.model import EXACT, MONTHS_PER_YEAR, Difference, Estimate, Scenario, UsersLoad
from calculator.wording import outcome_of, phrase


def factor_decimal(factor: Fraction) -> Decimal:
    """A factor rounded *up* to two decimals: at the stated factor, the statement holds."""
    hundredths = -(-factor.numerator * 100 // factor.denominator)
    return Decimal(hundredths).scaleb(-2, EXACT)


def capacity_text(s: Scenario) -> str:
    """The visitor's assumption in their own terms: `5 000 användare per Elixir-server`."""
    if isinstance(s.today, UsersLoad):
        return f"{_users(s.today.users_per_server_elixir)} per Elixir-server"
    return f"{_times(s.factor)} dagens kapacitet per Elixir-server"


def _cautious_rule(e: Estimate) -> str:
    jobs = " och bakgrundsjobben behöver lika mycket serverkraft som i dag" \
        if e.chosen.current.count_of("jobs") else ""
    return f"där en Elixir-server inte klarar mer än en server i dag{jobs}"


def range_summary(e: Estimate) -> str:
    """One sentence giving the range from the cautious case to the chosen one."""
    low, high = phrase(e.cautious), phrase(e.chosen)
    if low == high:
        return (f"Det blir {high} både med antagandet om {capacity_text(e.scenario)} och i det "
                f"försiktiga fallet, {_cautious_rule(e)}.")
    return (f"Resultatet ligger mellan {low} i det försiktiga fallet, {_cautious_rule(e)}, och {high} "
            f"med antagandet om {capacity_text(e.scenario)}.")


_SHORT_NAMES = {"redis": "Redis", "lb": "load balancern"}


def _what_goes(e: Estimate) -> str:
    """What the cautious case still saves, named by the components it drops."""
    kept = {line.id for line in e.cautious.elixir.lines}
    gone = [_SHORT_NAMES[line.id] for line in e.chosen.current.lines
            if line.id in _SHORT_NAMES and line.id not in kept]
    return f"komponenterna som Elixir gör onödiga ({join_sv(gone)})" if gone \
        else "att arbetet samlas på färre hela servrar"


def _claim(s: Scenario) -> str:
    """The capacity assumption as a claim about one Elixir server."""
    if isinstance(s.today, UsersLoad):
        more = "fler" if s.factor >= 1 else "färre"
        return (f"en Elixir-server klarar {more} användare än en server i dag "
                f"({format_count(s.today.users_per_server_elixir)} mot "
                f"{format_count(s.today.users_per_server_now)})")
    return (f"en Elixir-server klarar {_times(s.factor)} så mycket "
            "som en server i dag")


def driver(e: Estimate) -> str:
    """One sentence: which assumption moves the result most."""
    s = e.scenario
    if s.factor < 1:
        return (f"Mest avgör antagandet att {_claim(s)}: då behöver Elixir fler app-servrar "
                "än du har i dag.")
    base = e.cautious.saving_kr_per_month
    from_capacity = e.chosen.saving_kr_per_month - base
    if from_capacity == 0:
        return (f"Antagandet att {_claim(s)} ändrar inget här: hela servrar ger samma "
                "resultat som i det försiktiga fallet.")
    capacity_part = format_kr_per_month(from_capacity)
    if from_capacity > abs(base):
        head = f"Mest avgör antagandet att {_claim(s)}: det står för {capacity_part} av skillnaden"
        if base > 0:
            return f"{head}, {_what_goes(e)} för {format_kr_per_month(base)}."
        if base == 0:
            return f"{head}; utan det antagandet blir det ingen skillnad."
        return f"{head}; utan det antagandet blir Elixir {format_kr_per_month(-base)} dyrare."
    if base > 0:
        return (f"Mest avgör {_what_goes(e)}: det står för {format_kr_per_month(base)}, antagandet "
                f"att {_claim(s)} för {capacity_part}.")
    return ("Mest avgör att bakgrundsjobben behöver serverkraft även med Elixir: i det försiktiga "
            f"fallet blir Elixir {format_kr_per_month(-base)} dyrare, och antagandet att "
            f"{_claim(s)} tar bara tillbaka {capacity_part}.")


def steps(e: Estimate) -> str:
    """Why the result moves in steps: whole servers, and the redundancy minimum."""
    s = e.scenario
    today_apps, elixir_apps = e.chosen.current.count_of("app"), e.chosen.elixir.count_of("app")
    minimum = f" (minst {s.min_app_servers} för redundans)"
    if isinstance(s.today, UsersLoad):
        now, elixir = s.today.users_per_server_now, s.today.users_per_server_elixir
        today_min = minimum if today_apps == s.min_app_servers else ""
        elixir_min = minimum if elixir_apps == s.min_app_servers else ""
        return ("Kalkylen räknar hela servrar, så resultatet ändras i steg: i dag räcker "
                f"{_servers(today_apps)}{today_min} till {_users(today_apps * now)}, med Elixir räcker "
                f"{format_count(elixir_apps)}{elixir_min} till {_users(elixir_apps * elixir)}.")
    return (f"Kalkylen räknar hela servrar: {_servers(today_apps)} i dag delat med "
            f"{format_decimal(factor_decimal(s.factor))} blir {format_count(elixir_apps)} med Elixir, "
            f"avrundat uppåt och aldrig färre än {s.min_app_servers} för redundans.")


def _servers(count: int) -> str:
    return f"{format_count(count)} app-{'server' if count == 1 else 'servrar'}"


def _users(count: int) -> str:
    return f"{format_count(count)}{NBSP}användare"


def _times(factor: Fraction) -> str:
    """`0,8 gånger` (rounded up to two decimals, see `factor_decimal`)."""
    return f"{format_decimal(factor_decimal(factor))}{NBSP}gånger"


def break_even_text(e: Estimate, point: BreakEven) -> str:
    """The break-even point as a sentence, or plainly that it never or always pays."""
    s = e.scenario
    users_mode = isinstance(s.today, UsersLoad)
    if point.status == "always":
        least = _users(1) if users_mode else f"{_times(Fraction(MIN_FACTOR))} så mycket som en server i dag"
        return f"Elixir kostar inte mer än i dag ens om en Elixir-server bara klarar {least}."
    if point.status == "never":
        return _never_text(e)
    assert point.factor is not None and point.comparison is not None
    where = (f"{_users(point.users_per_server or 0)}, {_times(point.factor)} dagens" if users_mode
             else f"{_times(point.factor)} så mycket som en server i dag")
    if outcome_of(point.comparison.saving_kr_per_month) == "even":
        return f"Elixir kostar lika mycket som i dag om en server klarar {where}."
    when = "redan" if point.factor <= s.factor else "först"
    return f"Elixir lönar sig {when} om en server klarar {where}."


def _never_text(e: Estimate) -> str:
    s = e.scenario
    balancer = s.load_balancer_kr_per_month if s.elixir_load_balancer else Decimal(0)
    floor_kr = EXACT.add(EXACT.multiply(s.server_kr_per_month, Decimal(s.min_app_servers)), balancer)
    if floor_kr > e.chosen.current.kr_per_month:
        with_lb = " och load balancern" if s.elixir_load_balancer else ""
        return ("Elixir blir inte billigare än i dag hur mycket en server än klarar: redan det minsta "
                f"antalet app-servrar ({s.min_app_servers}){with_lb} kostar {format_kr_per_month(floor_kr)}, "
                f"mot {format_kr_per_month(e.chosen.current.kr_per_month)} i dag.")
    most = (_users(MAX_USERS_PER_SERVER) if isinstance(s.today, UsersLoad)
            else f"{_times(Fraction(MAX_FACTOR))} så mycket som en server i dag")
    return f"Elixir lönar sig inte ens om en server klarar {most}, kalkylatorns största värde."


def sensitivity_caption(e: Estimate) -> str:
    """What the sensitivity chart and table show, and what the marks mean."""
    what = "så många användare" if isinstance(e.scenario.today, UsersLoad) else "så mycket"
    return (f"Elixir jämfört med i dag om en Elixir-server klarar 1 till 6\u00a0gånger {what} som en server "
            f"i dag, och med ditt eget värde ({format_decimal(factor_decimal(e.scenario.factor))}×). "
            f"Artikeln antar {format_decimal(factor_decimal(ARTICLE_FACTOR))}×; Pinterests "
            f"notifieringstjänst visade {format_decimal(factor_decimal(PINTEREST_FACTOR))}× (30 Java-servrar "
            "blev 15 Elixir-servrar, 2015).")


def months_text(months: int) -> str:
    """`1 månad`, `8 månader`."""
    return f"{format_count(months)}{NBSP}{'månad' if months == 1 else 'månader'}"


def years_text(years: int) -> str:
    """`3 år`."""
    return f"{format_count(years)}{NBSP}år"


def payback_text(chosen: Difference, p: Payback) -> str:
    """When the move pays for itself, and the net after the horizon; or an invitation to add its cost."""
    horizon = years_text(p.years)
    if p.migration_kr is None or p.net_kr is None:
        over = _over_horizon(chosen, p.years)
        return (f"{over}Kostnaden för själva flytten ingår inte. Fyll i den, så räknar kalkylen ut när "
                f"flytten betalar sig och vad som blir kvar efter {horizon}.")
    net = _net(p.net_kr, horizon)
    if p.months is None:
        return f"Flytten betalar sig aldrig med de här siffrorna: Elixir sparar inget per månad. {net}"
    if p.months == 0:
        return f"Det finns ingen flyttkostnad att tjäna in. {net}"
    if p.months <= p.years * MONTHS_PER_YEAR:
        return f"Flytten betalar sig på {months_text(p.months)}. {net}"
    return f"Flytten betalar sig inte inom {horizon}: det tar {months_text(p.months)}. {net}"


def _over_horizon(chosen: Difference, years: int) -> str:
    total = EXACT.multiply(chosen.saving_kr_per_month, Decimal(MONTHS_PER_YEAR * years))
    outcome = outcome_of(total)
    if outcome == "even":
        return ""
    verb = "sparar du" if outcome == "saving" else "kostar Elixir"
    more = "" if outcome == "saving" else " mer"
    return f"Över {years_text(years)} {verb} {format_kr(abs(total))}{more} på servrarna. "


def _net(net_kr: Decimal, horizon: str) -> str:
    outcome = outcome_of(net_kr)
    if outcome == "saving":
        return f"Efter {horizon} har du sparat {format_kr(net_kr)} netto, flyttkostnaden inräknad."
    if outcome == "even":
        return f"Efter {horizon} går det jämnt ut, flyttkostnaden inräknad."
    return f"Efter {horizon} har flytten kostat {format_kr(-net_kr)} mer än den sparat."
