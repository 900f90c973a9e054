"""The visitor's assumptions in words, and the figures that state them.

Every sentence about the result names the assumptions it rests on the same
way: how much an Elixir server carries (the capacity factor, "lika mycket som
en server i dag" at 1, never "1 gånger"), and how much serverkraft the
background jobs still need (the jobs share). Counts agree with their nouns
(`1 app-server`, `8 app-servrar`).

Two numbers that describe one capacity in one sentence agree: a factor stated
beside a number of users is rounded so that it multiplies back to those users
(`agreeing_factor`), with as many decimals as that takes, or "under 0,01". A
factor stated alone is rounded *up* to two decimals (`factor_decimal`), so a
claim such as "pays if a server carries 0,8 times as much" holds at 0,8.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from fractions import Fraction

from calculator.formatting import NBSP, format_count, format_decimal, format_digits
from calculator.model import EXACT, Scenario, UsersLoad

SMALLEST_FACTOR_SHOWN = Fraction(1, 100)
UNDER_SMALLEST = "under 0,01"


def factor_decimal(factor: Fraction) -> Decimal:
    """A factor rounded *up* to two decimals: at the stated factor, the statement holds."""
    hundredths = -(-factor.numerator * 100 // factor.denominator)
    return Decimal(hundredths).scaleb(-2, EXACT)


def agreeing_factor(users_per_server: int, users_now: int) -> Decimal | None:
    """`users_per_server / users_now` with the fewest decimals that multiply back to
    `users_per_server` (rounded to whole users, halves up); None below 0,01.

    In integers (both counts are positive): x rounded half up is floor(x + 1/2),
    so `shown` = round(users_per_server × 10^places / users_now) and the check
    rounds shown × users_now / 10^places. A sentence states up to a dozen such
    factors per result, and integers are several times faster than fractions."""
    if users_per_server * SMALLEST_FACTOR_SHOWN.denominator < users_now * SMALLEST_FACTOR_SHOWN.numerator:
        return None
    for places in itertools.count():
        scale = 10**places
        shown = (2 * users_per_server * scale + users_now) // (2 * users_now)
        if (2 * shown * users_now + scale) // (2 * scale) == users_per_server:
            return Decimal(shown).scaleb(-places, EXACT)
    raise AssertionError("unreachable: enough decimals always multiply back")  # pragma: no cover


def factor_for(s: Scenario, factor: Fraction, users_per_server: int | None) -> Decimal | None:
    """The factor as a sentence states it: agreeing with the users figure (users way in), else rounded up."""
    if isinstance(s.today, UsersLoad) and users_per_server is not None:
        return agreeing_factor(users_per_server, s.today.users_per_server_now)
    return factor_decimal(factor)


def factor_words(factor: Decimal | None) -> str:
    """`0,8`, `0,801`, `under 0,01`: a factor from `factor_for` in a sentence."""
    return UNDER_SMALLEST if factor is None else format_digits(factor)


def as_much_as_today(factor: Decimal | None) -> str:
    """`lika mycket som en server i dag`, `0,8 gånger så mycket som en server i dag`."""
    if factor == 1:
        return "lika mycket som en server i dag"
    return f"{factor_words(factor)}{NBSP}gånger så mycket som en server i dag"


def users_text(count: int) -> str:
    """`1 000 användare`."""
    return f"{format_count(count)}{NBSP}användare"


def app_servers_text(count: int) -> str:
    """`1 app-server`, `8 app-servrar`."""
    return f"{format_count(count)} app-{'server' if count == 1 else 'servrar'}"


def job_servers_text(count: int) -> str:
    """`1 bakgrundsjobbserver`, `2 bakgrundsjobbservrar`."""
    return f"{format_count(count)} bakgrundsjobb{'server' if count == 1 else 'servrar'}"


def capacity_text(s: Scenario) -> str:
    """The capacity assumption as a noun phrase: `5 000 användare per Elixir-server`."""
    if isinstance(s.today, UsersLoad):
        return f"{users_text(s.today.users_per_server_elixir)} per Elixir-server"
    if s.factor == 1:
        return "samma kapacitet per Elixir-server som i dag"
    return f"{format_decimal(factor_decimal(s.factor))}{NBSP}gånger dagens kapacitet per Elixir-server"


def capacity_claim(s: Scenario) -> str:
    """The capacity assumption as a claim: `en Elixir-server klarar fler användare än en server i dag (…)`."""
    if s.factor == 1:
        return "en Elixir-server klarar lika mycket som en server i dag"
    if isinstance(s.today, UsersLoad):
        more = "fler" if s.factor > 1 else "färre"
        return (f"en Elixir-server klarar {more} användare än en server i dag "
                f"({format_count(s.today.users_per_server_elixir)} mot {format_count(s.today.users_per_server_now)})")
    return f"en Elixir-server klarar {as_much_as_today(factor_decimal(s.factor))}"


def jobs_percent(s: Scenario) -> int:
    """The jobs share as the whole percent the visitor typed."""
    return int(s.jobs_share * 100)


def has_job_servers(s: Scenario) -> bool:
    return s.current.count_of("jobs") > 0


def jobs_need(percent: int) -> str:
    """What the job work needs with Elixir: `ingen extra serverkraft`, `30 % av dagens serverkraft`."""
    if percent == 0:
        return "ingen extra serverkraft"
    if percent == 100:
        return "lika mycket serverkraft som i dag"
    return f"{percent}{NBSP}% av dagens serverkraft"


def jobs_assumption(s: Scenario) -> str:
    """The jobs assumption as a noun phrase: `bakgrundsjobb som behöver ingen extra serverkraft`."""
    percent = jobs_percent(s)
    if percent == 0:
        return "bakgrundsjobb utan extra serverkraft"
    return f"bakgrundsjobb som behöver {jobs_need(percent)}"


def assumptions_text(s: Scenario) -> str:
    """Every assumption the chosen result rests on: `antagandena om … och …`."""
    if not has_job_servers(s):
        return f"antagandet om {capacity_text(s)}"
    return f"antagandena om {capacity_text(s)} och {jobs_assumption(s)}"


def cautious_rule(s: Scenario) -> str:
    """What the cautious case assumes: `där en Elixir-server inte klarar mer än en server i dag …`."""
    jobs = " och bakgrundsjobben behöver lika mycket serverkraft som i dag" if has_job_servers(s) else ""
    return f"där en Elixir-server inte klarar mer än en server i dag{jobs}"
