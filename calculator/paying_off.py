"""When the move pays, in words: break-even and payback, in the chosen case and
in the cautious one.

Both rest on assumptions, and each sentence says which: the chosen case on the
visitor's capacity factor and jobs share, the cautious case on the job work
needing today's job servers' capacity (break-even) or on the cautious case as a
whole (payback). Where the two cases give the same answer it is said once, for
both. Numbers come from `analysis`; differences are worded through `wording`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from calculator.analysis import BreakEven, Payback
from calculator.claims import (
    as_much_as_today,
    factor_for,
    factor_words,
    has_job_servers,
    jobs_need,
    jobs_percent,
    users_text,
)
from calculator.fields import MAX_FACTOR, MAX_USERS_PER_SERVER, MIN_FACTOR
from calculator.formatting import NBSP, format_count, format_kr, format_kr_per_month
from calculator.model import CAUTIOUS_JOBS_SHARE, EXACT, MONTHS_PER_YEAR, Difference, Scenario, UsersLoad
from calculator.wording import outcome_of

MONTHS_WRITTEN_AS_MONTHS = 24  # beyond two years a payback time reads in years
NEARLY_A_YEAR_MORE = 8  # from 8 months past whole years: "nästan" the next year


@dataclass(frozen=True)
class Texts:
    """One answer in both cases: the account of both, and each case alone."""

    both: str
    chosen: str
    cautious: str


def months_text(months: int) -> str:
    """`1 månad`, `18 månader`; beyond 24 months in years: `3 år`, `drygt 24 år`, `nästan 15 år`."""
    if months <= MONTHS_WRITTEN_AS_MONTHS:
        return f"{format_count(months)}{NBSP}{'månad' if months == 1 else 'månader'}"
    years, rest = divmod(months, MONTHS_PER_YEAR)
    if rest == 0:
        return years_text(years)
    if rest >= NEARLY_A_YEAR_MORE:
        return f"nästan {years_text(years + 1)}"
    return f"drygt {years_text(years)}"


def years_text(years: int) -> str:
    """`3 år`."""
    return f"{format_count(years)}{NBSP}år"


# --- break-even -------------------------------------------------------------

def break_even_texts(s: Scenario, chosen: BreakEven, cautious: BreakEven) -> Texts:
    """Break-even with the chosen jobs share and with the job work at today's capacity."""
    if not has_job_servers(s):
        alone = _break_even_sentence(s, chosen, None)
        return Texts(alone, alone, alone)
    if s.jobs_share == CAUTIOUS_JOBS_SHARE:
        alone = _break_even_sentence(
            s, chosen, "Behöver bakgrundsjobben lika mycket serverkraft som i dag, som du räknar med och som i "
                       "det försiktiga fallet")
        return Texts(alone, alone, alone)
    percent = jobs_percent(s)
    lead = ("Ryms bakgrundsjobben utan extra serverkraft, som artikeln antar" if percent == 0
            else f"Behöver bakgrundsjobben {jobs_need(percent)}, som du räknar med")
    chosen_text = _break_even_sentence(s, chosen, lead)
    cautious_text = _break_even_sentence(
        s, cautious, "Behöver bakgrundsjobben lika mycket serverkraft som i dag, som i det försiktiga fallet")
    return Texts(f"{chosen_text} {cautious_text}", chosen_text, cautious_text)


def _break_even_sentence(s: Scenario, point: BreakEven, lead: str | None) -> str:
    """`Elixir blir billigare per månad redan om …`, or after a conditional lead `…, blir Elixir …`.

    Break-even is about the monthly bill only; whether the move pays for itself is payback's answer.
    """
    verb, rest = _break_even_verdict(s, point)
    return f"{lead}, {verb} Elixir {rest}." if lead else f"Elixir {verb} {rest}."


def _break_even_verdict(s: Scenario, point: BreakEven) -> tuple[str, str]:
    users_mode = isinstance(s.today, UsersLoad)
    if point.status == "always":
        least = users_text(1) if users_mode else as_much_as_today(Decimal(MIN_FACTOR))
        return "kostar", f"inte mer än i dag ens om en Elixir-server bara klarar {least}"
    if point.status == "never":
        return _never(s)
    assert point.factor is not None and point.comparison is not None
    factor = factor_for(s, point.factor, point.users_per_server)
    if users_mode:
        times = "lika mycket som en server i dag" if factor == 1 else f"{factor_words(factor)}{NBSP}gånger dagens"
        where = f"{users_text(point.users_per_server or 0)}, {times}"
    else:
        where = as_much_as_today(factor)
    if outcome_of(point.comparison.saving_kr_per_month) == "even":
        return "kostar", f"lika mycket som i dag om en server klarar {where}"
    when = "redan" if point.factor <= s.factor else "först"
    return "blir", f"billigare per månad {when} om en server klarar {where}"


def _never(s: Scenario) -> tuple[str, str]:
    today = s.current.kr_per_month
    floor_kr = EXACT.add(EXACT.multiply(s.server_kr_per_month, Decimal(s.min_app_servers)),
                         s.elixir_load_balancers_kr)
    if floor_kr > today:
        balancers = s.elixir_load_balancers
        with_lb = "" if not balancers else " och lastbalanseraren" if balancers == 1 \
            else f" och de {format_count(balancers)} lastbalanserarna"
        return "blir", ("inte billigare än i dag hur mycket en server än klarar: redan det minsta antalet "
                        f"app-servrar ({s.min_app_servers}){with_lb} kostar {format_kr_per_month(floor_kr)}, "
                        f"mot {format_kr_per_month(today)} i dag")
    most = users_text(MAX_USERS_PER_SERVER) if isinstance(s.today, UsersLoad) \
        else as_much_as_today(Decimal(MAX_FACTOR))
    return "blir", f"inte billigare per månad ens om en server klarar {most}, kalkylatorns största värde"


# --- payback ----------------------------------------------------------------

CHOSEN_LEAD, CAUTIOUS_LEAD, BOTH_LEAD = "Med dina antaganden", "I det försiktiga fallet", \
    "Både med dina antaganden och i det försiktiga fallet"


def payback_texts(chosen: Difference, cautious: Difference, plan: Payback, cautious_plan: Payback) -> Texts:
    """Payback in both cases; without a migration cost, what each saves over the horizon
    and (only where the chosen case saves) an invitation to enter the cost."""
    same = chosen.saving_kr_per_month == cautious.saving_kr_per_month
    if plan.migration_kr is None:
        chosen_text = _over_horizon(BOTH_LEAD if same else CHOSEN_LEAD, chosen, plan.years)
        cautious_text = _over_horizon(CAUTIOUS_LEAD, cautious, plan.years)
        both = chosen_text if same else f"{chosen_text} {cautious_text}"
        return Texts(f"{both} {_invitation(chosen, plan.years)}", chosen_text, cautious_text)
    chosen_text = _payback_sentence(BOTH_LEAD if same else CHOSEN_LEAD, plan)
    cautious_text = _payback_sentence(CAUTIOUS_LEAD, cautious_plan)
    return Texts(chosen_text if same else f"{chosen_text} {cautious_text}", chosen_text, cautious_text)


def _over_horizon(lead: str, c: Difference, years: int) -> str:
    total = EXACT.multiply(c.saving_kr_per_month, Decimal(MONTHS_PER_YEAR * years))
    outcome = outcome_of(total)
    if outcome == "even":
        return f"{lead} kostar servrarna lika mycket som i dag."
    if outcome == "saving":
        return f"{lead} sparar du {format_kr(total)} på servrarna under {years_text(years)}."
    return f"{lead} kostar Elixir {format_kr(-total)} mer på servrarna under {years_text(years)}."


def _invitation(chosen: Difference, years: int) -> str:
    if chosen.saving_kr_per_month > 0:
        return ("Kostnaden för själva flytten ingår inte. Fyll i den, så räknar kalkylen ut när flytten "
                f"betalar sig och vad som blir kvar efter {years_text(years)}.")
    return "Elixir sparar inget per månad med dina antaganden, så det finns ingen besparing som betalar en flytt."


def _payback_sentence(lead: str, p: Payback) -> str:
    assert p.net_kr is not None
    horizon = years_text(p.years)
    if p.months is None:
        verdict = "betalar sig flytten aldrig: Elixir sparar inget per månad"
    elif p.months == 0:
        verdict = "finns det ingen flyttkostnad att tjäna in"
    elif p.months <= p.years * MONTHS_PER_YEAR:
        verdict = f"betalar sig flytten på {months_text(p.months)}"
    else:
        verdict = f"betalar sig flytten inte inom {horizon}: det tar {months_text(p.months)}"
    return f"{lead} {verdict}. {_net(p.net_kr, horizon)}"


def _net(net_kr: Decimal, horizon: str) -> str:
    outcome = outcome_of(net_kr)
    if outcome == "saving":
        return f"Efter {horizon} har du sparat {format_kr(net_kr)} netto, flyttkostnaden inräknad."
    if outcome == "even":
        return f"Efter {horizon} går det jämnt ut, flyttkostnaden inräknad."
    return f"Efter {horizon} har flytten kostat {format_kr(-net_kr)} mer än den sparat."
