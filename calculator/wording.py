"""One difference between two bills, worded as what it is.

A saving, no difference and an extra cost each get their own words: a loss is
never shown as a negative saving ("−86 %"), and a difference that is not zero
is never shown as "0 %" ("under 1 %"), nor a saving short of everything as
"100 %" ("över 99 %"). Every text the calculator writes about a difference
(headline, range, sensitivity table, payback, e-mail) goes through here.
"""

from __future__ import annotations

from decimal import Decimal

from calculator.formatting import NBSP, format_kr_per_month, format_kr_per_year, format_percent
from calculator.model import Difference
from calculator.result_types import Outcome


def outcome_of(kr: Decimal) -> Outcome:
    """Elixir cheaper, the same, or dearer (by the sign of today − Elixir)."""
    return "saving" if kr > 0 else "cost" if kr < 0 else "even"


def percent_magnitude(c: Difference) -> str:
    """`77 %`, `under 1 %`, `över 99 %`: the size of the difference in percent of today's bill."""
    saving, today = abs(c.saving_kr_per_month), c.today_kr_per_month
    rounded = abs(c.saving_percent)
    if rounded == 0 and saving:
        return f"under 1{NBSP}%"
    if rounded == 100 and saving < today:
        return f"över 99{NBSP}%"
    return format_percent(rounded)


def monthly_magnitude(c: Difference) -> str:
    """`1 700 kr/mån`: the size of the monthly difference."""
    return format_kr_per_month(abs(c.saving_kr_per_month))


def yearly_magnitude(c: Difference) -> str:
    """`20 400 kr/år`: the size of the yearly difference."""
    return format_kr_per_year(abs(c.saving_kr_per_year))


def headline(c: Difference) -> str:
    """The whole headline sentence for one comparison."""
    outcome = outcome_of(c.saving_kr_per_month)
    if outcome == "even":
        return f"Ingen skillnad: båda kostar {format_kr_per_month(c.today_kr_per_month)}."
    amounts = f"({percent_magnitude(c)}) – {yearly_magnitude(c)}"
    if outcome == "saving":
        return f"Du kan spara {monthly_magnitude(c)} {amounts}."
    return f"Elixir blir {monthly_magnitude(c)} dyrare {amounts}."


def phrase(c: Difference) -> str:
    """A noun phrase for inside a sentence: `en besparing på 77 % (1 700 kr/mån)`."""
    outcome = outcome_of(c.saving_kr_per_month)
    if outcome == "even":
        return "ingen skillnad"
    noun = "en besparing" if outcome == "saving" else "en merkostnad"
    return f"{noun} på {percent_magnitude(c)} ({monthly_magnitude(c)})"


def percent_relative(c: Difference) -> str:
    """`77 % billigare`, `86 % dyrare`, `lika dyrt`: Elixir against today, in percent."""
    outcome = outcome_of(c.saving_kr_per_month)
    if outcome == "even":
        return "lika dyrt"
    return f"{percent_magnitude(c)} {'billigare' if outcome == 'saving' else 'dyrare'}"


def monthly_relative(c: Difference) -> str:
    """`1 700 kr/mån billigare`, `400 kr/mån dyrare`, `ingen skillnad`."""
    outcome = outcome_of(c.saving_kr_per_month)
    if outcome == "even":
        return "ingen skillnad"
    return f"{monthly_magnitude(c)} {'billigare' if outcome == 'saving' else 'dyrare'}"
