"""Properties that hold for every valid scenario (and every dict of strings).

Valid input is generated the ways people type it: plain digits, Python ints,
thousands grouped with a space, a no-break or a narrow no-break space, prices
with a decimal comma, choices in upper case, booleans as strings or bools.
"""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from calculator import compute, decode_query, encode_query, field_specs

# No timed assertions: the machine running the suite may be busy, so no deadline per example.
settings.register_profile("calculator", deadline=None)
settings.load_profile("calculator")

SPACES = [" ", "\u00a0", "\u202f"]


def _grouped(value: int, space: str) -> str:
    return f"{value:,}".replace(",", space)


def _integer(spec: dict) -> st.SearchStrategy[object]:
    values = st.integers(int(spec["min"]), int(spec["max"]))
    return st.one_of(
        values.map(str),
        values,
        st.tuples(values, st.sampled_from(SPACES)).map(lambda pair: _grouped(*pair)),
    )


def _limit_ore(canonical: str) -> int:
    return int(Decimal(canonical.replace(",", ".")) * 100)


def _decimal(spec: dict) -> st.SearchStrategy[str]:
    ore = st.integers(_limit_ore(spec["min"]), _limit_ore(spec["max"]))
    typed = ore.map(lambda v: f"{v // 100},{v % 100:02d}" if v % 100 else str(v // 100))
    return st.one_of(typed, st.just("")) if spec["optional"] else typed


def _value(spec: dict) -> st.SearchStrategy[object]:
    if spec["kind"] == "choice":
        return st.sampled_from([c["value"] for c in spec["choices"]] + [c["value"].upper() for c in spec["choices"]])
    if spec["kind"] == "boolean":
        return st.sampled_from(["true", "false", "TRUE", "ja", "Nej", True, False])
    if spec["kind"] == "integer":
        return _integer(spec)
    return _decimal(spec)


def _realistic_integer(spec: dict) -> st.SearchStrategy[str]:
    """Smaller ranges where the arithmetic is interesting (not a billion servers)."""
    top = {"users": 2_000_000, "cap_now": 20_000, "cap_elixir": 20_000, "min_servers": 10, "years": 10,
           "app_servers": 500, "job_servers": 100, "redis_servers": 20, "lb_servers": 3,
           "jobs_capacity": 100}[spec["key"]]
    return st.integers(int(spec["min"]), top).map(str)


SPECS = field_specs()
KEYS = [spec["key"] for spec in SPECS]
MAX_USERS = 1_000_000_000

valid_fields = st.fixed_dictionaries({}, optional={spec["key"]: _value(spec) for spec in SPECS})

realistic_fields = st.fixed_dictionaries(
    {},
    optional={
        spec["key"]: _realistic_integer(spec) if spec["kind"] == "integer" else _value(spec)
        for spec in SPECS
    },
)


def kr(value: str) -> Decimal:
    return Decimal(value)


@given(valid_fields)
def test_every_valid_scenario_computes(fields: dict) -> None:
    assert compute(fields)["ok"] is True


@given(valid_fields)
def test_totals_are_the_sums_of_their_lines(fields: dict) -> None:
    result = compute(fields)
    for side in (result["current"], result["elixir"]):
        assert kr(side["monthly_kr"]) == sum(kr(line["monthly_kr"]) for line in side["lines"])
        assert side["servers"] == sum(line["count"] for line in side["lines"])
        assert kr(side["yearly_kr"]) == 12 * kr(side["monthly_kr"])
        for line in side["lines"]:
            assert kr(line["monthly_kr"]) == line["count"] * kr(line["unit_kr"])
    saving = kr(result["current"]["monthly_kr"]) - kr(result["elixir"]["monthly_kr"])
    assert kr(result["saving"]["monthly_kr"]) == saving
    assert kr(result["saving"]["yearly_kr"]) == 12 * saving


@given(valid_fields)
def test_costs_are_never_negative_and_counts_are_whole(fields: dict) -> None:
    result = compute(fields)
    minimum = int(result["fields"]["min_servers"])
    for side in (result["current"], result["elixir"]):
        assert kr(side["monthly_kr"]) >= 0
        for line in side["lines"]:
            assert isinstance(line["count"], int) and line["count"] >= 1
            assert kr(line["monthly_kr"]) >= 0
    # the redundancy minimum holds where the model counts servers; the servers way in takes today's as they are
    counted = ["current", "elixir"] if result["fields"]["mode"] == "users" else ["elixir"]
    for side in counted:
        app = next(line for line in result[side]["lines"] if line["id"] == "app")
        assert app["count"] >= minimum


@given(realistic_fields, st.integers(1, 1_000_000))
def test_more_users_never_cost_less(fields: dict, extra: int) -> None:
    before = compute(fields)
    users = int(before["fields"]["users"])
    after = compute({**fields, "users": str(min(users + extra, MAX_USERS))})
    for side in ("current", "elixir"):
        assert kr(after[side]["monthly_kr"]) >= kr(before[side]["monthly_kr"])


@given(valid_fields)
def test_the_saving_is_never_above_100_percent(fields: dict) -> None:
    assert int(compute(fields)["saving"]["percent"]) <= 100


@given(valid_fields)
def test_the_chosen_result_lies_inside_the_range(fields: dict) -> None:
    result = compute(fields)
    low, high = int(result["range"]["low_percent"]), int(result["range"]["high_percent"])
    assert low <= int(result["saving"]["percent"]) <= high
    assert result["range"]["summary"] and result["range"]["driver"]


@given(valid_fields)
def test_share_links_round_trip_every_valid_scenario(fields: dict) -> None:
    expected = compute(fields)
    assert compute(decode_query(encode_query(fields)))["fields"] == expected["fields"]
    assert compute(decode_query(expected["query"]))["fields"] == expected["fields"]
    assert decode_query("?" + expected["query"]) == decode_query(expected["query"])


@settings(max_examples=300)
@given(st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=80)), st.text(max_size=80)))
def test_compute_never_raises_for_any_dict_of_strings(fields: dict) -> None:
    result = compute(fields)
    assert result["schema"] == 1 and isinstance(result["ok"], bool)
    # the last-resort guard must never be what answered
    assert "Kalkylen kunde inte räknas ut" not in str(result.get("errors", {}))


@settings(max_examples=300)
@given(st.text(max_size=3000))
def test_decode_query_never_raises_and_its_output_never_breaks_compute(query: str) -> None:
    fields = decode_query(query)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in fields.items())
    assert "Kalkylen kunde inte räknas ut" not in str(compute(fields).get("errors", {}))


@settings(max_examples=60)
@given(realistic_fields)
def test_every_sensitivity_point_is_the_result_at_its_own_capacity(fields: dict) -> None:
    """The points skip building the bills; they must still be exactly what compute() gives there."""
    result = compute(fields)
    for point in result["sensitivity"]:
        if result["fields"]["mode"] == "users":
            at = compute({**fields, "cap_elixir": point["cap_elixir"]})
        elif "visitor" in point["marks"]:
            at = result
        else:
            at = compute({**fields, "factor": point["factor"].replace(".", ",")})
        assert (point["monthly_kr"], point["percent"], point["outcome"]) == (
            at["saving"]["monthly_kr"], at["saving"]["percent"], at["outcome"])


MOST_USERS_PER_SERVER = next(int(spec["max"]) for spec in field_specs() if spec["key"] == "cap_elixir")


@settings(max_examples=60)
@given(realistic_fields)
def test_break_even_is_the_smallest_capacity_that_costs_no_more(fields: dict) -> None:
    """Whatever the status, it is checked against compute() at the capacities it
    speaks of: `pays` at C means C costs no more and C - 1 does; `never`, that
    even the most users per server the field takes costs more; `always`, that
    even one user per server costs no more. So a model that answers any one
    status for every case fails."""
    users = {**fields, "mode": "users"}
    point = compute(users)["break_even"]

    def outcome_at(capacity: int) -> str:
        return str(compute({**users, "cap_elixir": str(capacity)})["outcome"])

    if point["status"] == "pays":
        capacity = int(point["cap_elixir"])
        assert outcome_at(capacity) != "cost"
        assert outcome_at(capacity - 1) == "cost"
    elif point["status"] == "never":
        assert outcome_at(MOST_USERS_PER_SERVER) == "cost"
    else:
        assert point["status"] == "always"
        assert outcome_at(1) != "cost"


UNIT_AFTER_PLAIN_SPACE = re.compile(
    r"\d[ \t\n]+(?:kr|%|användare|servrar|server|år|månader|månad|gånger)\b")
OTHER_ADDRESS = re.compile(r"\b(?:ni|er|era|ert|Ni|Er|Era|Ert)\b")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


@settings(max_examples=80)
@given(valid_fields)
def test_every_text_keeps_numbers_with_units_says_du_and_never_a_negative_amount(fields: dict) -> None:
    result = compute(fields)
    texts = [text for key, value in result.items() if key not in ("fields", "query") for text in _strings(value)]
    for text in texts:
        assert not UNIT_AFTER_PLAIN_SPACE.search(text), text
        assert not OTHER_ADDRESS.search(text), text
        assert "\u2212" not in text, text


@given(valid_fields)
def test_the_attribution_sums_exactly_to_the_saving(fields: dict) -> None:
    result = compute(fields)
    attribution = result["attribution"]
    assert [part["part"] for part in attribution] == ["components", "jobs", "capacity"]
    assert sum(kr(part["monthly_kr"]) for part in attribution) == kr(result["saving"]["monthly_kr"])
    for part in attribution:
        assert part["monthly_text"] and part["text"]
    # factor 1: nothing is credited to capacity (the users way in keeps today's minimum on both sides)
    at_one = compute({**fields, "mode": "users", "cap_elixir": result["fields"]["cap_now"]})["attribution"][2]
    assert at_one["monthly_kr"] == "0", at_one
    assert "lika mycket som en server i dag" in at_one["text"] and "gånger" not in at_one["text"]


def _agrees(users_per_server: str, factor_text: str, users_now: str) -> bool:
    """A factor written beside a number of users multiplies back to it (whole users, halves up)."""
    users, now = Decimal(users_per_server), Decimal(users_now)
    if factor_text == "under 0,01":
        return users / now < Decimal("0.01")
    product = Decimal(factor_text.replace("\u00a0", "").replace(",", ".")) * now
    return int(product + Decimal("0.5")) == users


@settings(max_examples=150)
@given(realistic_fields)
def test_figures_in_one_sentence_agree(fields: dict) -> None:
    result = compute({**fields, "mode": "users"})
    now = result["fields"]["cap_now"]
    for case in (result["break_even"], result["break_even"]["cautious"]):
        if case["status"] == "pays":
            assert _agrees(case["cap_elixir"], case["factor_text"], now), case
            assert f"{case['factor_text']}\u00a0gånger dagens" in case["text"] or (
                case["factor_text"] == "1" and "lika mycket som en server i dag" in case["text"]), case
    for point in result["sensitivity"]:
        assert _agrees(point["cap_elixir"], point["factor_text"].removesuffix("×"), now), point


@settings(max_examples=60)
@given(realistic_fields)
def test_the_cautious_break_even_is_the_smallest_capacity_with_the_job_work_at_todays(fields: dict) -> None:
    """The cautious break-even is the chosen one of the same scenario with jobs_capacity 100, and it is exact."""
    users_mode = {**fields, "mode": "users"}
    cautious = compute(users_mode)["break_even"]["cautious"]
    full = compute({**users_mode, "jobs_capacity": "100"})["break_even"]
    assert {key: full[key] for key in ("status", "cap_elixir", "factor")} == {
        key: cautious[key] for key in ("status", "cap_elixir", "factor")}
    assume(cautious["status"] == "pays")
    capacity = int(cautious["cap_elixir"])
    at = {**users_mode, "jobs_capacity": "100"}
    assert compute({**at, "cap_elixir": str(capacity)})["outcome"] != "cost"
    assert compute({**at, "cap_elixir": str(capacity - 1)})["outcome"] == "cost"
