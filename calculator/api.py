"""The JSON boundary: `compute(fields)` takes raw field values (strings as
typed) and returns a plain, JSON-serialisable dict. The browser worker and the
build both call this one function, so the page and the pre-rendered example
cannot disagree.

It never raises: bad input comes back as a `ComputeError`
(`{"ok": false, "errors": {...}, "problems": {...}}`) with every failing field
at once, and a last-resort guard turns an unexpected bug into an error too,
because the browser must always get an answer. A good answer is a
`ComputeResult`, built by `result_json`; `result_types` declares both shapes,
key by key.

`counting_rules()` gives the model's fixed ratios the same way, for the method
page to state them without reaching into the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

from calculator.fields import FIELDS, FIELDS_BY_KEY
from calculator.model import (
    JOB_SERVERS_PER_APP_SERVERS,
    MONTHS_PER_YEAR,
    REDIS_SERVERS_PER_APP_SERVERS,
    STACKS,
    Scenario,
    ServerCounts,
    UsersLoad,
    Workloads,
    estimate,
)
from calculator.parsing import FieldError, parse_field
from calculator.query import MAX_KEY_LENGTH, QUERY_VERSION, VERSION_KEY
from calculator.result_json import SCHEMA_VERSION, result
from calculator.result_types import ComputeAnswer, ComputeError, CountingRulesJson

MAX_REPORTED_UNKNOWN = 20  # a hostile dict with a million keys gets a bounded answer
PERCENT = 100


class _Refusals:
    """Errors as they are found: each key's Swedish message and its problem alone."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}
        self.problems: dict[str, str] = {}

    def add(self, key: str, message: str, problem: str) -> None:
        self.errors[key] = message
        self.problems[key] = problem

    def answer(self) -> ComputeError:
        return {"schema": SCHEMA_VERSION, "ok": False, "errors": self.errors, "problems": self.problems}


def compute(fields: Mapping[str, object]) -> ComputeAnswer:
    """Raw field values in, the whole result (or the errors) out. Never raises."""
    try:
        values, canonical, refusals = _parse(fields)
        if refusals.errors:
            return refusals.answer()
        return result(estimate(_scenario(values)), values, canonical)
    except Exception:  # noqa: BLE001 - the contract is "never raises"
        failure = _Refusals()
        failure.add("_", "Kalkylen kunde inte räknas ut. Försök igen eller kontakta oss.", "kunde inte räknas ut")
        return failure.answer()


def counting_rules() -> CountingRulesJson:
    """The model's fixed ratios: side components per app servers (the article's 2 and 1 per 8), months a year."""
    return {
        "job_servers_per_app_servers": list(JOB_SERVERS_PER_APP_SERVERS),
        "redis_servers_per_app_servers": list(REDIS_SERVERS_PER_APP_SERVERS),
        "months_per_year": MONTHS_PER_YEAR,
    }


def _parse(fields: object) -> tuple[dict[str, object], dict[str, str], _Refusals]:
    """Typed values and canonical strings for every field, or the refusals."""
    refusals = _Refusals()
    if not isinstance(fields, Mapping):
        refusals.add("_", "Kalkylen fick inga fält att räkna på.", "inga fält")
        return {}, {}, refusals
    values: dict[str, object] = {}
    canonical: dict[str, str] = {}
    for spec in FIELDS:
        try:
            parsed = parse_field(spec, fields.get(spec.key, spec.default))
        except FieldError as error:
            refusals.add(spec.key, str(error), error.problem)
        else:
            values[spec.key], canonical[spec.key] = parsed
    _unknown_keys(fields, refusals)
    return values, canonical, refusals


def _unknown_keys(fields: Mapping[object, object], refusals: _Refusals) -> None:
    """Keys no field has: reported (a link or preset must not be half read), never listed."""
    unknown = 0
    for key in fields:
        name = str(key)[:MAX_KEY_LENGTH]
        if name in FIELDS_BY_KEY and name == key:
            continue
        if key == VERSION_KEY:
            if str(fields[key]) != QUERY_VERSION:
                refusals.add(VERSION_KEY, "Delningslänken har en version som den här sidan inte "
                                          f"känner till. Sidan förstår version {QUERY_VERSION}.", "okänd version")
            continue
        unknown += 1
        if unknown <= MAX_REPORTED_UNKNOWN:
            refusals.add(name, "Länken innehåller ett fält som kalkylatorn inte känner till. "
                               "Öppna kalkylatorn utan länken och fyll i dina värden.", "okänt fält")
    if unknown > MAX_REPORTED_UNKNOWN:
        refusals.add("_", f"Ytterligare {unknown - MAX_REPORTED_UNKNOWN} okända fält.", "okända fält")


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
        jobs_share=Fraction(_int(v["jobs_capacity"]), PERCENT),
    )


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


def _dec(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value
