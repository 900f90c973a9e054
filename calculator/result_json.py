"""An estimate as `compute()`'s JSON: the `ComputeResult` that `result_types` declares.

The numbers come from `model` and `analysis`, the sentences from `explain`,
`paying_off` and `wording`; this module only gives them their keys. Machine
numbers are strings (exact, no float); each sentence is made once, and the
e-mail summary gets the same sentences the page shows. Each bill line's
`start_kr` is the kr of the lines before it and `scale_kr` the larger monthly
bill (at least 1): the geometry of the two bills drawn as stacked bars on one
scale, which the build's HTML and the page script both take from here.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import accumulate

from calculator import explain
from calculator.analysis import BreakEven, Payback, Point, break_even, payback, sensitivity
from calculator.attribution import Attribution, attribute
from calculator.claims import factor_decimal, factor_for, factor_words
from calculator.fields import FIELDS, FieldSpec
from calculator.formatting import (
    format_count,
    format_decimal,
    format_kr,
    format_kr_per_month,
    format_kr_per_year,
    format_number,
    format_servers,
    plain_kr,
    plain_number,
    read_canonical,
)
from calculator.model import CAUTIOUS_JOBS_SHARE, Difference, Estimate, Scenario, Side
from calculator.names import current_names, elixir_names
from calculator.paying_off import Texts, break_even_texts, months_text, payback_texts
from calculator.query import canonical_query
from calculator.result_types import (
    AttributionPartJson,
    BreakEvenCaseJson,
    BreakEvenJson,
    ComputeResult,
    PaybackCaseJson,
    PaybackJson,
    PointJson,
    RangeJson,
    SavingJson,
    SideJson,
)
from calculator.summary import email_summary
from calculator.wording import (
    headline,
    monthly_magnitude,
    monthly_relative,
    outcome_of,
    percent_magnitude,
    percent_relative,
    yearly_magnitude,
)

SCHEMA_VERSION = 1


def result(e: Estimate, values: dict[str, object], canonical: dict[str, str]) -> ComputeResult:
    """The whole answer for one estimate; `values` are the typed fields, `canonical` their strings."""
    s, chosen, cautious = e.scenario, e.chosen, e.cautious
    parts = attribute(e)
    migration = values["migration_kr"]
    years = values["years"]
    assert isinstance(years, int)
    cost = migration if isinstance(migration, Decimal) else None
    plans = payback(chosen, cost, years), payback(cautious, cost, years)
    points = break_even(s, s.jobs_share), break_even(s, CAUTIOUS_JOBS_SHARE)
    break_even_json = _break_even(s, points, break_even_texts(s, *points))
    payback_json = _payback(plans, payback_texts(chosen, cautious, *plans))
    spread = _range(e, parts)
    result_text = headline(chosen)
    return {
        "schema": SCHEMA_VERSION,
        "ok": True,
        "fields": canonical,
        "fields_text": _numbers_as_written(canonical),
        "query": canonical_query(canonical),
        "current": _side(chosen.current, current_names(s)),
        "elixir": _side(chosen.elixir, elixir_names(s)),
        "cautious_elixir": _side(cautious.elixir, elixir_names(s)),
        "scale_kr": plain_kr(max(chosen.current.kr_per_month, chosen.elixir.kr_per_month, Decimal(1))),
        "outcome": outcome_of(chosen.saving_kr_per_month),
        "saving": _saving(chosen, result_text),
        "attribution": _attribution(parts, s),
        "range": spread,
        "break_even": break_even_json,
        "sensitivity": [_point(s, p) for p in sensitivity(e)],
        "sensitivity_caption": explain.sensitivity_caption(e),
        "payback": payback_json,
        "summary": email_summary(e, result_text, payback_json),
    }


def _numbers_as_written(canonical: dict[str, str]) -> dict[str, str]:
    """Number fields as the page writes numbers (`10 000`, money `199,50`, a factor `0,8`),
    for paper: an input shows what was typed."""

    def written(spec: FieldSpec) -> str:
        value = canonical[spec.key]
        if not value:
            return ""
        number = read_canonical(value)
        return format_number(number) if "kr" in spec.unit else format_decimal(number)

    return {spec.key: written(spec) for spec in FIELDS if spec.kind in ("integer", "decimal")}


def _saving(chosen: Difference, result_text: str) -> SavingJson:
    return {
        "monthly_kr": plain_kr(chosen.saving_kr_per_month),
        "yearly_kr": plain_kr(chosen.saving_kr_per_year),
        "percent": str(chosen.saving_percent),
        "monthly_text": monthly_magnitude(chosen),
        "yearly_text": yearly_magnitude(chosen),
        "percent_text": percent_magnitude(chosen),
        "headline": result_text,
    }


def _range(e: Estimate, parts: Attribution) -> RangeJson:
    chosen, cautious = e.chosen, e.cautious
    return {
        "low_percent": str(cautious.saving_percent),
        "high_percent": str(chosen.saving_percent),
        "low_outcome": outcome_of(cautious.saving_kr_per_month),
        "low_text": percent_relative(cautious),
        "high_text": percent_relative(chosen),
        "low_monthly_text": monthly_relative(cautious),
        "high_monthly_text": monthly_relative(chosen),
        "summary": explain.range_summary(e),
        "driver": explain.driver(e, parts),
        "steps": explain.steps(e),
    }


def _attribution(a: Attribution, s: Scenario) -> list[AttributionPartJson]:
    return [
        {
            "part": part.name,
            "monthly_kr": plain_kr(part.kr_per_month),
            "monthly_text": format_kr_per_month(abs(part.kr_per_month)),
            "text": explain.part_text(a, s, part),
        }
        for part in a.parts
    ]


def _break_even_case(s: Scenario, point: BreakEven, text: str) -> BreakEvenCaseJson:
    if point.factor is None:
        machine = words = None
    else:
        factor = factor_for(s, point.factor, point.users_per_server)
        machine, words = plain_number(factor or factor_decimal(point.factor)), factor_words(factor)
    return {
        "status": point.status,
        "cap_elixir": None if point.users_per_server is None else str(point.users_per_server),
        "factor": machine,
        "factor_text": words,
        "text": text,
    }


def _break_even(s: Scenario, points: tuple[BreakEven, BreakEven], texts: Texts) -> BreakEvenJson:
    chosen = _break_even_case(s, points[0], texts.both)
    return {**chosen, "chosen_text": texts.chosen, "cautious": _break_even_case(s, points[1], texts.cautious)}


def _point(s: Scenario, p: Point) -> PointJson:
    c = p.comparison
    factor = factor_for(s, p.factor, p.users_per_server)
    return {
        "factor": plain_number(factor or factor_decimal(p.factor)),
        "factor_text": f"{factor_words(factor)}×",
        "cap_elixir": None if p.users_per_server is None else str(p.users_per_server),
        "monthly_kr": plain_kr(c.saving_kr_per_month),
        "percent": str(c.saving_percent),
        "monthly_text": monthly_relative(c),
        "percent_text": percent_relative(c),
        "outcome": outcome_of(c.saving_kr_per_month),
        "marks": list(p.marks),
    }


def _payback_case(p: Payback, text: str) -> PaybackCaseJson:
    return {
        "months": None if p.months is None else str(p.months),
        "months_text": None if p.months is None else months_text(p.months),
        "net_kr": None if p.net_kr is None else plain_kr(p.net_kr),
        "net_text": None if p.net_kr is None else format_kr(abs(p.net_kr)),
        "outcome": None if p.net_kr is None else outcome_of(p.net_kr),
        "text": text,
    }


def _payback(plans: tuple[Payback, Payback], texts: Texts) -> PaybackJson:
    chosen, cautious = plans
    case = _payback_case(chosen, texts.both)
    return {
        "included": chosen.migration_kr is not None,
        "text": case["text"],
        "chosen_text": texts.chosen,
        "migration_kr": None if chosen.migration_kr is None else plain_kr(chosen.migration_kr),
        "months": case["months"],
        "months_text": case["months_text"],
        "years": str(chosen.years),
        "net_kr": case["net_kr"],
        "net_text": case["net_text"],
        "outcome": case["outcome"],
        "cautious": _payback_case(cautious, texts.cautious),
    }


def _side(side: Side, names: dict[str, str]) -> SideJson:
    lines = [line for line in side.lines if line.count > 0]
    starts = accumulate((line.kr_per_month for line in lines), initial=Decimal(0))
    return {
        "label": side.label,
        "lines": [
            {
                "id": line.id,
                "start_kr": plain_kr(start),
                "name": names[line.id],
                "count": line.count,
                "count_text": format_count(line.count),
                "unit_kr": plain_kr(line.unit_kr_per_month),
                "monthly_kr": plain_kr(line.kr_per_month),
                "unit_text": format_kr(line.unit_kr_per_month),
                "monthly_text": format_kr(line.kr_per_month),
            }
            for line, start in zip(lines, starts, strict=False)
        ],
        "servers": side.servers,
        "servers_text": format_servers(side.servers),
        "monthly_kr": plain_kr(side.kr_per_month),
        "yearly_kr": plain_kr(side.kr_per_year),
        "monthly_text": format_kr_per_month(side.kr_per_month),
        "yearly_text": format_kr_per_year(side.kr_per_year),
    }
