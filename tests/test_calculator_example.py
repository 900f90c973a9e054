"""The article's worked example, exactly, and how the counts scale from it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from calculator import SCHEMA_VERSION, compute, field_specs

NBSP = "\u00a0"


def lines(side: dict) -> dict[str, tuple[int, str]]:
    return {line["id"]: (line["count"], line["monthly_kr"]) for line in side["lines"]}


def test_compute_with_no_fields_is_the_articles_example() -> None:
    result = compute({})
    assert result["ok"] is True and result["schema"] == SCHEMA_VERSION == 1
    current, elixir = result["current"], result["elixir"]
    assert current["label"] == "Node.js"
    assert lines(current) == {"app": (8, "1600"), "jobs": (2, "400"), "redis": (1, "100"), "lb": (1, "100")}
    assert (current["servers"], current["monthly_kr"], current["yearly_kr"]) == (12, "2200", "26400")
    assert lines(elixir) == {"app": (2, "400"), "lb": (1, "100")}
    assert (elixir["servers"], elixir["monthly_kr"]) == (3, "500")
    assert (current["servers_text"], elixir["servers_text"]) == ("12\u00a0servrar", "3\u00a0servrar")
    assert result["saving"]["monthly_kr"] == "1700"
    assert result["saving"]["yearly_kr"] == "20400"
    assert result["saving"]["percent"] == "77"


def test_the_example_reads_as_a_swede_expects() -> None:
    result = compute({})
    assert result["current"]["monthly_text"] == f"2{NBSP}200{NBSP}kr/\u2060mån"
    assert result["current"]["yearly_text"] == f"26{NBSP}400{NBSP}kr/\u2060år"
    assert result["current"]["lines"][0]["name"] == "App-servrar (Node.js/Express)"
    assert result["current"]["lines"][0]["unit_text"] == f"200{NBSP}kr"
    assert result["current"]["lines"][0]["monthly_text"] == f"1{NBSP}600{NBSP}kr"
    assert result["saving"]["monthly_text"] == f"1{NBSP}700{NBSP}kr/\u2060mån"
    assert result["saving"]["yearly_text"] == f"20{NBSP}400{NBSP}kr/\u2060år"
    assert result["saving"]["percent_text"] == f"77{NBSP}%"


def test_without_the_optional_load_balancer_elixir_costs_400_and_saves_82_percent() -> None:
    result = compute({"elixir_lb": "false"})
    assert result["elixir"]["monthly_kr"] == "400"
    assert result["saving"]["percent"] == "82"  # 1 800 / 2 200 = 81,8 %


def test_python_bools_are_accepted_like_the_strings() -> None:
    assert compute({"elixir_lb": False})["fields"] == compute({"elixir_lb": "false"})["fields"]


def test_the_cautious_case_takes_nothing_for_free() -> None:
    # By hand: an Elixir server carries no more than one today (1 250 users), and the
    # 2 background-job servers' work still needs servers: (10 000 + 2 × 1 250) / 1 250
    # = 8 + 2 = 10 app servers × 200 kr = 2 000 kr, + load balancer 100 kr = 2 100 kr.
    # Redis's roles run inside the BEAM (ETS, Phoenix PubSub), so no Redis server is added.
    # Saving 2 200 − 2 100 = 100 kr/mån; 100 / 2 200 = 4,5 % -> 5 %.
    result = compute({})
    assert result["range"]["low_percent"] == "5"
    assert result["range"]["high_percent"] == "77"
    assert result["range"]["low_monthly_text"] == f"100{NBSP}kr/\u2060mån billigare"
    assert result["range"]["low_text"] == f"5{NBSP}% billigare"
    assert result["range"]["summary"].startswith(f"Resultatet ligger mellan en besparing på 5{NBSP}% "
                                                 f"(100{NBSP}kr/\u2060mån) i det försiktiga fallet")
    # the capacity assumption accounts for 1 200 kr of the 1 700 (issue 15: it used to claim 1 600)
    assert result["range"]["driver"].startswith("Mest avgör antagandet att en Elixir-server klarar fler användare "
                                                f"än en server i dag (5{NBSP}000 mot 1{NBSP}250): det sparar "
                                                f"1{NBSP}200{NBSP}kr/\u2060mån.")


@pytest.mark.parametrize(
    ("users", "current", "elixir"),
    [
        # 100 000 users: 80 app servers, jobs and Redis keep the article's 2:8 and 1:8
        ("100000", {"app": 80, "jobs": 20, "redis": 10, "lb": 1}, {"app": 20, "lb": 1}),
        # 500 users: the redundancy minimum, never a fraction of a server
        ("500", {"app": 2, "jobs": 1, "redis": 1, "lb": 1}, {"app": 2, "lb": 1}),
        # 10 001 users: one more than 8 servers carry, so 9 (rounded up, never down)
        ("10 001", {"app": 9, "jobs": 3, "redis": 2, "lb": 1}, {"app": 3, "lb": 1}),
    ],
)
def test_counts_scale_with_load(users: str, current: dict, elixir: dict) -> None:
    result = compute({"users": users})
    assert {line["id"]: line["count"] for line in result["current"]["lines"]} == current
    assert {line["id"]: line["count"] for line in result["elixir"]["lines"]} == elixir


@pytest.mark.parametrize(
    ("stack", "label", "app", "jobs"),
    [
        ("node", "Node.js", "App-servrar (Node.js/Express)", "Bakgrundsjobbservrar (BullMQ)"),
        ("python", "Python", "App-servrar (Python/Django/FastAPI)", "Bakgrundsjobbservrar (Celery)"),
        ("ruby", "Ruby", "App-servrar (Ruby on Rails)", "Bakgrundsjobbservrar (Sidekiq)"),
        ("java", "Java", "App-servrar (Java/Spring Boot)", "Bakgrundsjobbservrar (Quartz)"),
    ],
)
def test_each_stack_names_components_its_users_recognise(stack: str, label: str, app: str, jobs: str) -> None:
    current = compute({"stack": stack})["current"]
    assert current["label"] == label
    assert [line["name"] for line in current["lines"][:2]] == [app, jobs]


def test_workloads_decide_the_extra_components() -> None:
    none = compute({"jobs": "false", "caching": "false"})
    assert [line["id"] for line in none["current"]["lines"]] == ["app", "lb"]
    realtime = compute({"jobs": "false", "caching": "false", "realtime": "true", "websockets": "true"})
    assert [line["name"] for line in realtime["current"]["lines"]][1] == "Redis (PubSub, WebSockets)"
    assert "inkl. PubSub och WebSockets" in realtime["elixir"]["lines"][0]["name"]


def test_ore_prices_are_exact() -> None:
    result = compute({"server_kr": "199,99"})
    assert result["current"]["lines"][0]["monthly_kr"] == "1599.92"
    assert result["current"]["lines"][0]["monthly_text"] == f"1{NBSP}599,92{NBSP}kr"
    assert result["fields"]["server_kr"] == "199,99"


def test_a_more_expensive_elixir_side_is_worded_as_an_extra_cost() -> None:
    # 10 Elixir servers (2 000 kr) + balancer against 8 servers (1 600 kr) + balancer
    result = compute({"cap_elixir": "1000", "jobs": "false", "caching": "false"})
    assert result["outcome"] == "cost"
    assert result["saving"]["monthly_kr"] == "-400"
    assert result["saving"]["monthly_text"] == f"400{NBSP}kr/\u2060mån"
    assert result["saving"]["headline"] == (f"Elixir blir 400{NBSP}kr/\u2060mån dyrare (24{NBSP}%) – "
                                            f"4{NBSP}800{NBSP}kr/\u2060år.")
    assert "färre användare än en server i dag" in result["range"]["driver"]


def test_result_is_json_and_every_text_keeps_numbers_on_one_line() -> None:
    result = compute({"users": "123456", "server_kr": "1234,5"})
    assert json.loads(json.dumps(result)) == result
    assert "1 234" not in json.dumps(result, ensure_ascii=False)  # only no-break spaces inside numbers


def test_counts_read_as_swedish_numbers() -> None:
    result = compute({"users": "12500000"})
    app = result["current"]["lines"][0]
    assert (app["count"], app["count_text"]) == (10000, f"10{NBSP}000")
    assert compute({"users": "500", "jobs": "false", "caching": "false", "elixir_lb": "false",
                    "min_servers": "1"})["elixir"]["servers_text"] == f"1{NBSP}server"


def test_field_specs_follow_the_contract() -> None:
    specs = field_specs()
    assert [spec["key"] for spec in specs] == [
        "mode", "stack", "users", "app_servers", "job_servers", "redis_servers", "lb_servers",
        "jobs", "realtime", "caching", "websockets", "migration_kr", "years",
        "cap_now", "cap_elixir", "factor", "jobs_capacity", "server_kr", "redis_kr", "lb_kr", "min_servers",
        "elixir_lb",
    ]
    for spec in specs:
        assert set(spec) == {
            "key", "label", "unit", "kind", "default", "default_text", "allowed_text", "group", "modes",
            "optional", "min", "max", "choices", "help", "source",
        }
        assert spec["kind"] in {"choice", "integer", "decimal", "boolean"}
        assert spec["label"] and spec["help"] and spec["source"]
        assert spec["modes"] and set(spec["modes"]) <= {"users", "servers"}
        numeric = spec["kind"] in {"integer", "decimal"}
        assert (spec["min"] is not None) == numeric == (spec["max"] is not None)
        assert bool(spec["choices"]) == (spec["kind"] == "choice")
    assert json.loads(json.dumps(specs)) == specs
    assert compute({})["fields"] == {spec["key"]: spec["default"] for spec in specs}
    texts = {spec["key"]: spec["default_text"] for spec in specs}
    assert texts["users"] == f"10{NBSP}000{NBSP}användare"
    assert texts["stack"] == "Node.js / Express"
    assert texts["elixir_lb"] == "ja"
    assert texts["server_kr"] == f"200{NBSP}kr/\u2060mån"
    assert texts["migration_kr"] == "inte ifylld"
    groups = {spec["key"]: spec["group"] for spec in specs}
    assert groups["users"] == "system" and groups["cap_elixir"] == "assumption"
    modes = {spec["key"]: spec["modes"] for spec in specs}
    assert modes["users"] == ["users"] and modes["app_servers"] == ["servers"]
    assert modes["server_kr"] == ["users", "servers"] and modes["migration_kr"] == ["users", "servers"]
    limits = {spec["key"]: (spec["min"], spec["max"]) for spec in specs}
    assert limits["factor"] == ("0,10", "100") and limits["job_servers"][0] == "0"


def test_importing_the_package_pulls_in_only_the_standard_library() -> None:
    code = (
        "import sys; before = set(sys.modules); import calculator; "
        "new = {m.split('.')[0] for m in set(sys.modules) - before}; "
        "third = sorted(m for m in new if m != 'calculator' and m not in sys.stdlib_module_names); "
        "print(','.join(third))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
