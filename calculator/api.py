"""The JSON boundary: `compute(fields)` takes raw field values (strings as
typed) and returns a plain, JSON-serialisable dict. The browser worker and the
build both call this one function, so the page and the pre-rendered example
cannot disagree.

It never raises: bad input comes back as `{"ok": false, "errors": {...}}` with
every failing field at once, and a last-resort guard turns an unexpected bug
into an error dict too, because the browser must always get an answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from calculator import explain
from calculator.fields import DEFAULTS, FIELDS, FIELDS_BY_KEY
from calculator.formatting import (
    format_count,
    format_kr,
    format_kr_per_month,
    format_kr_per_year,
    format_percent,
    format_servers,
    plain_kr,
)
from calculator.model import STACKS, Estimate, Scenario, Side, Workloads, estimate
from calculator.parsing import FieldError, parse_field
from calculator.query import MAX_KEY_LENGTH, QUERY_VERSION, VERSION_KEY, encode_query

SCHEMA_VERSION = 1
MAX_REPORTED_UNKNOWN = 20  # a hostile dict with a million keys gets a bounded answer


def compute(fields: Mapping[str, object]) -> dict[str, object]:
    """Raw field values in, the whole result (or the errors) out. Never raises."""
    try:
        values, canonical, errors = _parse(fields)
        if errors:
            return {"schema": SCHEMA_VERSION, "ok": False, "errors": errors}
        return _result(estimate(_scenario(values)), canonical)
    except Exception:  # noqa: BLE001 - the contract is "never raises"
        return _failure("_", "Kalkylen kunde inte räknas ut. Försök igen eller kontakta oss.")


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
    known = ", ".join(DEFAULTS)
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
            errors[name] = f"Okänt fält. Kända fält: {known}."
    if unknown > MAX_REPORTED_UNKNOWN:
        errors["_"] = f"Ytterligare {unknown - MAX_REPORTED_UNKNOWN} okända fält."
    return errors


def _scenario(v: dict[str, object]) -> Scenario:
    """Typed values (already checked) into the domain model's terms."""
    return Scenario(
        stack=STACKS[str(v["stack"])],
        concurrent_users=_int(v["users"]),
        users_per_server_now=_int(v["cap_now"]),
        users_per_server_elixir=_int(v["cap_elixir"]),
        server_kr_per_month=_dec(v["server_kr"]),
        redis_kr_per_month=_dec(v["redis_kr"]),
        load_balancer_kr_per_month=_dec(v["lb_kr"]),
        workloads=Workloads(
            background_jobs=v["jobs"] is True,
            realtime=v["realtime"] is True,
            caching=v["caching"] is True,
            websockets=v["websockets"] is True,
        ),
        min_app_servers=_int(v["min_servers"]),
        elixir_load_balancer=v["elixir_lb"] is True,
    )


def _int(value: object) -> int:
    assert isinstance(value, int)
    return value


def _dec(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _result(e: Estimate, canonical: dict[str, str]) -> dict[str, object]:
    chosen, cautious = e.chosen, e.cautious
    query = encode_query(canonical)
    return {
        "schema": SCHEMA_VERSION,
        "ok": True,
        "fields": canonical,
        "query": query,
        "current": _side(chosen.current),
        "elixir": _side(chosen.elixir),
        "saving": {
            "monthly_kr": plain_kr(chosen.saving_kr_per_month),
            "yearly_kr": plain_kr(chosen.saving_kr_per_year),
            "percent": str(chosen.saving_percent),
            "monthly_text": format_kr_per_month(chosen.saving_kr_per_month),
            "yearly_text": format_kr_per_year(chosen.saving_kr_per_year),
            "percent_text": format_percent(chosen.saving_percent),
        },
        "range": {
            "low_percent": str(cautious.saving_percent),
            "high_percent": str(chosen.saving_percent),
            "low_text": format_percent(cautious.saving_percent),
            "high_text": format_percent(chosen.saving_percent),
            "low_monthly_text": format_kr_per_month(cautious.saving_kr_per_month),
            "high_monthly_text": format_kr_per_month(chosen.saving_kr_per_month),
            "summary": explain.range_summary(e),
            "driver": explain.driver(e),
        },
        "summary": explain.email_summary(e, canonical),
    }


def _side(side: Side) -> dict[str, object]:
    return {
        "label": side.label,
        "lines": [
            {
                "id": line.id,
                "name": line.name,
                "count": line.count,
                "count_text": format_count(line.count),
                "unit_kr": plain_kr(line.unit_kr_per_month),
                "monthly_kr": plain_kr(line.kr_per_month),
                "unit_text": format_kr(line.unit_kr_per_month),
                "monthly_text": format_kr(line.kr_per_month),
            }
            for line in side.lines
            if line.count > 0
        ],
        "servers": side.servers,
        "servers_text": format_servers(side.servers),
        "monthly_kr": plain_kr(side.kr_per_month),
        "yearly_kr": plain_kr(side.kr_per_year),
        "monthly_text": format_kr_per_month(side.kr_per_month),
        "yearly_text": format_kr_per_year(side.kr_per_year),
    }
