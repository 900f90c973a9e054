"""The JSON boundary: `compute(fields)` takes raw field values (strings as
typed) and returns a plain, JSON-serialisable dict. The browser worker and the
build both call this one function, so the page and the pre-rendered example
cannot disagree.

It never raises: bad input comes back as `{"ok": false, "errors": {...}}` with
every failing field at once, and a last-resort guard turns an unexpected bug
into an error dict too, because the browser must always get an answer.

A successful result (machine numbers are strings; every text is Swedish with
no-break spaces inside number + unit):

- `schema`, `ok`, `fields` (canonical strings), `fields_text` (each number
  field's value as the page writes numbers: `10 000`, `199,50`; empty when
  left empty), `query` (share link);
- `current`, `elixir`: the two bills, line by line, for the chosen case;
  `cautious_elixir`: the Elixir bill of the cautious case (`range`'s low end);
  each line's `start_kr` is the kr of the lines before it, and `scale_kr` the
  larger monthly bill (at least 1): the geometry of the two bills drawn as
  stacked bars on one scale, which the build's HTML and the page script both
  take from here;
- `outcome`: `saving` | `even` | `cost` (Elixir cheaper / the same / dearer);
- `saving`: `monthly_kr`, `yearly_kr`, `percent` (signed: negative when Elixir
  costs more), `monthly_text`, `yearly_text`, `percent_text` (magnitudes,
  never signed; "under 1 %" for a non-zero difference that rounds to 0) and
  `headline`, the whole sentence ("Du kan spara …", "Elixir blir … dyrare …",
  "Ingen skillnad: …");
- `range`: the cautious case to the chosen one: `low_percent`, `high_percent`
  (signed), `low_text`/`high_text` ("5 % billigare", "86 % dyrare", "lika
  dyrt"), `low_monthly_text`/`high_monthly_text` ("100 kr/mån billigare"),
  `low_outcome`, `summary`, `driver` and `steps` (why the result moves in steps);
- `break_even`: `status` (`pays` | `never` | `always`), `cap_elixir` (users mode),
  `factor`, `factor_text`, `text`;
- `sensitivity`: points in ascending `factor`, each with `factor`,
  `factor_text` ("1,5×"), `cap_elixir` (users mode, else null), `monthly_kr`,
  `percent` (signed), `monthly_text`, `percent_text` (worded by sign),
  `outcome` and `marks` (`visitor`, `article` at 4×, `pinterest` at 2×);
  `sensitivity_caption` says what they show;
- `payback`: `included`, `text`, `migration_kr`, `months`, `months_text`,
  `years`, `net_kr`, `net_text`, `outcome` (of the net; null when not included);
- `summary`: the few plain-text lines the contact e-mail carries above the share link.

`counting_rules()` gives the model's fixed ratios the same way, for the method
page to state them without reaching into the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate

from calculator import explain
from calculator.analysis import BreakEven, Payback, Point, break_even, payback, sensitivity
from calculator.fields import FIELDS, FIELDS_BY_KEY, FieldSpec
from calculator.formatting import (
    format_count,
    format_decimal,
    format_kr,
    format_kr_per_month,
    format_kr_per_year,
    format_number,
    format_servers,
    plain_kr,
    read_canonical,
)
from calculator.model import (
    JOB_SERVERS_PER_APP_SERVERS,
    MONTHS_PER_YEAR,
    REDIS_SERVERS_PER_APP_SERVERS,
    STACKS,
    Comparison,
    Estimate,
    Scenario,
    ServerCounts,
    Side,
    UsersLoad,
    Workloads,
    estimate,
)
from calculator.names import current_names, elixir_names
from calculator.parsing import FieldError, parse_field
from calculator.query import MAX_KEY_LENGTH, QUERY_VERSION, VERSION_KEY, canonical_query
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
MAX_REPORTED_UNKNOWN = 20  # a hostile dict with a million keys gets a bounded answer


def compute(fields: Mapping[str, object]) -> dict[str, object]:
    """Raw field values in, the whole result (or the errors) out. Never raises."""
    try:
        values, canonical, errors = _parse(fields)
        if errors:
            return {"schema": SCHEMA_VERSION, "ok": False, "errors": errors}
        return _result(estimate(_scenario(values)), values, canonical)
    except Exception:  # noqa: BLE001 - the contract is "never raises"
        return _failure("_", "Kalkylen kunde inte räknas ut. Försök igen eller kontakta oss.")


def counting_rules() -> dict[str, object]:
    """The model's fixed ratios: side components per app servers (the article's 2 and 1 per 8), months a year."""
    return {
        "job_servers_per_app_servers": list(JOB_SERVERS_PER_APP_SERVERS),
        "redis_servers_per_app_servers": list(REDIS_SERVERS_PER_APP_SERVERS),
        "months_per_year": MONTHS_PER_YEAR,
    }


def _failure(key: str, message: str) -> dict[str, object]:
    return {"schema": SCHEMA_VERSION, "ok": False, "errors": {key: message}}


def _parse(fields: object) -> tuple[dict[str, object], dict[str, str], dict[str, str]]:
    """Typed values and canonical strings for every field, or the errors."""
    if not isinstance(fields, Mapping):
        return {}, {}, {"_": "Kalkylen fick inga fält att räkna på."}
    values: dict[str, object] = {}
    canonical: dict[str, str] = {}
    errors: dict[str, str] = {}
    for spec in FIELDS:
        try:
            parsed = parse_field(spec, fields.get(spec.key, spec.default))
        except FieldError as error:
            errors[spec.key] = str(error)
        else:
            values[spec.key], canonical[spec.key] = parsed
    errors.update(_unknown_keys(fields))
    return values, canonical, errors


def _unknown_keys(fields: Mapping[object, object]) -> dict[str, str]:
    """Keys no field has: reported (a link or preset must not be half read), never listed."""
    errors: dict[str, str] = {}
    unknown = 0
    for key in fields:
        name = str(key)[:MAX_KEY_LENGTH]
        if name in FIELDS_BY_KEY and name == key:
            continue
        if key == VERSION_KEY:
            if str(fields[key]) != QUERY_VERSION:
                errors[VERSION_KEY] = ("Delningslänken har en version som den här sidan inte "
                                       f"känner till. Sidan förstår version {QUERY_VERSION}.")
            continue
        unknown += 1
        if unknown <= MAX_REPORTED_UNKNOWN:
            errors[name] = ("Länken innehåller ett fält som kalkylatorn inte känner till. "
                            "Öppna kalkylatorn utan länken och fyll i dina värden.")
    if unknown > MAX_REPORTED_UNKNOWN:
        errors["_"] = f"Ytterligare {unknown - MAX_REPORTED_UNKNOWN} okända fält."
    return errors


def _scenario(v: dict[str, object]) -> Scenario:
    """Typed values (already checked) into the domain model's terms."""
    today: UsersLoad | ServerCounts
    if v["mode"] == "servers":
        today = ServerCounts(
            app=_int(v["app_servers"]),
            jobs=_int(v["job_servers"]),
            redis=_int(v["redis_servers"]),
            load_balancers=_int(v["lb_servers"]),
            factor=Fraction(_dec(v["factor"])),
        )
    else:
        today = UsersLoad(
            concurrent_users=_int(v["users"]),
            users_per_server_now=_int(v["cap_now"]),
            users_per_server_elixir=_int(v["cap_elixir"]),
            workloads=Workloads(
                background_jobs=v["jobs"] is True,
                realtime=v["realtime"] is True,
                caching=v["caching"] is True,
                websockets=v["websockets"] is True,
            ),
        )
    return Scenario(
        stack=STACKS[str(v["stack"])],
        today=today,
        server_kr_per_month=_dec(v["server_kr"]),
        redis_kr_per_month=_dec(v["redis_kr"]),
        load_balancer_kr_per_month=_dec(v["lb_kr"]),
        min_app_servers=_int(v["min_servers"]),
        elixir_load_balancer=v["elixir_lb"] is True,
    )


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


def _dec(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _result(e: Estimate, values: dict[str, object], canonical: dict[str, str]) -> dict[str, object]:
    chosen, cautious = e.chosen, e.cautious
    migration = values["migration_kr"]
    point = break_even(e)
    plan = payback(chosen, migration if isinstance(migration, Decimal) else None, _int(values["years"]))
    spread = {
        "summary": explain.range_summary(e),
        "driver": explain.driver(e),
        "steps": explain.steps(e),
    }
    point_json, plan_json = _break_even(e, point), _payback(chosen, plan)
    result_text = headline(chosen)
    return {
        "schema": SCHEMA_VERSION,
        "ok": True,
        "fields": canonical,
        "fields_text": _numbers_as_written(canonical),
        "query": canonical_query(canonical),
        "current": _side(chosen.current, current_names(e.scenario)),
        "elixir": _side(chosen.elixir, elixir_names(e.scenario)),
        "cautious_elixir": _side(cautious.elixir, elixir_names(e.scenario)),
        "scale_kr": plain_kr(max(chosen.current.kr_per_month, chosen.elixir.kr_per_month, Decimal(1))),
        "outcome": outcome_of(chosen.saving_kr_per_month),
        "saving": {
            "monthly_kr": plain_kr(chosen.saving_kr_per_month),
            "yearly_kr": plain_kr(chosen.saving_kr_per_year),
            "percent": str(chosen.saving_percent),
            "monthly_text": monthly_magnitude(chosen),
            "yearly_text": yearly_magnitude(chosen),
            "percent_text": percent_magnitude(chosen),
            "headline": result_text,
        },
        "range": {
            "low_percent": str(cautious.saving_percent),
            "high_percent": str(chosen.saving_percent),
            "low_outcome": outcome_of(cautious.saving_kr_per_month),
            "low_text": percent_relative(cautious),
            "high_text": percent_relative(chosen),
            "low_monthly_text": monthly_relative(cautious),
            "high_monthly_text": monthly_relative(chosen),
            **spread,
        },
        "break_even": point_json,
        "sensitivity": [_point(p) for p in sensitivity(e)],
        "sensitivity_caption": explain.sensitivity_caption(e),
        "payback": plan_json,
        "summary": email_summary(e, result_text, str(plan_json["text"]) if plan_json["included"] else None),
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


def _break_even(e: Estimate, point: BreakEven) -> dict[str, object]:
    factor = None if point.factor is None else explain.factor_decimal(point.factor)
    return {
        "status": point.status,
        "cap_elixir": None if point.users_per_server is None else str(point.users_per_server),
        "factor": None if factor is None else _machine(factor),
        "factor_text": None if factor is None else format_decimal(factor),
        "text": explain.break_even_text(e, point),
    }


def _point(p: Point) -> dict[str, object]:
    c = p.comparison
    factor = explain.factor_decimal(p.factor)
    return {
        "factor": _machine(factor),
        "factor_text": f"{format_decimal(factor)}×",
        "cap_elixir": None if p.users_per_server is None else str(p.users_per_server),
        "monthly_kr": plain_kr(c.saving_kr_per_month),
        "percent": str(c.saving_percent),
        "monthly_text": monthly_relative(c),
        "percent_text": percent_relative(c),
        "outcome": outcome_of(c.saving_kr_per_month),
        "marks": list(p.marks),
    }


def _machine(value: Decimal) -> str:
    """`0.8`, `4`: a machine number without trailing zeros."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _payback(chosen: Comparison, p: Payback) -> dict[str, object]:
    return {
        "included": p.migration_kr is not None,
        "text": explain.payback_text(chosen, p),
        "migration_kr": None if p.migration_kr is None else plain_kr(p.migration_kr),
        "months": None if p.months is None else str(p.months),
        "months_text": None if p.months is None else explain.months_text(p.months),
        "years": str(p.years),
        "net_kr": None if p.net_kr is None else plain_kr(p.net_kr),
        "net_text": None if p.net_kr is None else format_kr(abs(p.net_kr)),
        "outcome": None if p.net_kr is None else outcome_of(p.net_kr),
    }


def _side(side: Side, names: dict[str, str]) -> dict[str, object]:
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
