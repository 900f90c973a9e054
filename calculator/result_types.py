"""The shapes of the calculator's JSON, declared once: `compute()`'s answer, and
`field_specs()` and `counting_rules()` for the form and the method page.

`compute()` returns `ComputeAnswer`: a `ComputeResult` (`ok` true) or a
`ComputeError` (`ok` false). The build (`sitebuild/`) reads it through these
types under mypy strict, and `tools/compute_result_dts.py` writes the page
script's TypeScript declarations (`types/compute-result.d.ts`) from them, so
the page, the build and the model share one contract.

Conventions: machine numbers are strings (`"2200"`, `"-500"`, `"0.8"`: exact,
no float), texts are Swedish with no-break spaces between a number and its
unit, `*_text` keys are magnitudes worded for a reader, and a key that does
not apply is null rather than missing. Field order here is the order in the
JSON. Standard library only: this runs in Pyodide too.
"""

from __future__ import annotations

from typing import Literal, TypedDict

Outcome = Literal["saving", "even", "cost"]
BreakEvenStatus = Literal["pays", "never", "always"]
Mark = Literal["visitor", "article", "pinterest"]
PartName = Literal["components", "jobs", "capacity"]
Kind = Literal["choice", "integer", "decimal", "boolean"]
# "system": facts about the visitor's system (and project); "assumption": the
# model's assumptions and prices, which most visitors keep (the form folds them away).
Group = Literal["system", "assumption"]
Mode = Literal["users", "servers"]


class LineJson(TypedDict):
    """One line of a bill: `count` servers at `unit_kr` each; `start_kr` is the kr of the lines before it."""

    id: str
    start_kr: str
    name: str
    count: int
    count_text: str
    unit_kr: str
    monthly_kr: str
    unit_text: str
    monthly_text: str


class SideJson(TypedDict):
    """One stack's monthly bill, line by line (lines with a count of 0 never appear)."""

    label: str
    lines: list[LineJson]
    servers: int
    servers_text: str
    monthly_kr: str
    yearly_kr: str
    monthly_text: str
    yearly_text: str


class SavingJson(TypedDict):
    """Today's bill minus Elixir's: signed numbers, magnitudes in the texts, and the headline."""

    monthly_kr: str
    yearly_kr: str
    percent: str
    monthly_text: str
    yearly_text: str
    percent_text: str
    headline: str


class RangeJson(TypedDict):
    """From the cautious case (low) to the chosen one (high), and why."""

    low_percent: str
    high_percent: str
    low_outcome: Outcome
    low_text: str
    high_text: str
    low_monthly_text: str
    high_monthly_text: str
    summary: str
    driver: str
    steps: str


class AttributionPartJson(TypedDict):
    """One cause of the chosen saving; the parts' `monthly_kr` sum to `saving.monthly_kr`."""

    part: PartName
    monthly_kr: str
    monthly_text: str
    text: str


class BreakEvenCaseJson(TypedDict):
    """The smallest capacity at which Elixir costs no more than today, for one case."""

    status: BreakEvenStatus
    cap_elixir: str | None
    factor: str | None
    factor_text: str | None
    text: str


class BreakEvenJson(BreakEvenCaseJson):
    """The chosen case (its `text` tells both cases; `chosen_text` the chosen one alone) and the cautious one."""

    chosen_text: str
    cautious: BreakEvenCaseJson


class PointJson(TypedDict):
    """One capacity factor of the sensitivity table, and the result there."""

    factor: str
    factor_text: str
    cap_elixir: str | None
    monthly_kr: str
    percent: str
    monthly_text: str
    percent_text: str
    outcome: Outcome
    marks: list[Mark]


class PaybackCaseJson(TypedDict):
    """A migration cost earned back in one case (nulls without a migration cost)."""

    months: str | None
    months_text: str | None
    net_kr: str | None
    net_text: str | None
    outcome: Outcome | None
    text: str


class PaybackJson(TypedDict):
    """The chosen case (its `text` tells both cases; `chosen_text` the chosen one alone) and the cautious one."""

    included: bool
    text: str
    chosen_text: str
    migration_kr: str | None
    months: str | None
    months_text: str | None
    years: str
    net_kr: str | None
    net_text: str | None
    outcome: Outcome | None
    cautious: PaybackCaseJson


class ComputeResult(TypedDict):
    """A successful answer: the bills, the saving, how sure it is, and when the move pays."""

    schema: int
    ok: Literal[True]
    fields: dict[str, str]
    fields_text: dict[str, str]
    query: str
    current: SideJson
    elixir: SideJson
    cautious_elixir: SideJson
    scale_kr: str
    outcome: Outcome
    saving: SavingJson
    attribution: list[AttributionPartJson]
    range: RangeJson
    break_even: BreakEvenJson
    sensitivity: list[PointJson]
    sensitivity_caption: str
    payback: PaybackJson
    summary: str


class ComputeError(TypedDict):
    """Refused input: a Swedish message per failing field (`_`: the input as a whole), and each
    message's problem alone (`problems`, e.g. `är inte skrivet med siffror`), for the method page."""

    schema: int
    ok: Literal[False]
    errors: dict[str, str]
    problems: dict[str, str]


ComputeAnswer = ComputeResult | ComputeError


class ChoiceJson(TypedDict):
    """One option of a choice field: its value in links, its label in the form."""

    value: str
    label: str


class FieldSpecJson(TypedDict):
    """One input field, as the form and the method page read it (min/max as canonical strings)."""

    key: str
    label: str
    unit: str
    kind: Kind
    default: str
    default_text: str
    allowed_text: str
    group: Group
    modes: list[Mode]
    optional: bool
    min: str | None
    max: str | None
    choices: list[ChoiceJson]
    help: str
    source: str


class CountingRulesJson(TypedDict):
    """The model's fixed ratios: side components per app servers, and months a year."""

    job_servers_per_app_servers: list[int]
    redis_servers_per_app_servers: list[int]
    months_per_year: int
