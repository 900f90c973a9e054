"""One consistent account (issue 15): each case a CTO probed, with the corrected answer.

The saving is attributed to its causes (components, jobs, capacity) and the
parts add up; the background jobs' need for capacity is an input
(`jobs_capacity`); break-even and payback are given in both cases; figures in
one sentence agree; and the words fit the numbers (singular, ties, no
difference, years). Hand calculations are written out beside each assertion.
"""

from __future__ import annotations

import re

import pytest

from calculator import compute, field_specs
from calculator.fields import FIELDS

NBSP = "\u00a0"


def parts(result: dict) -> dict[str, str]:
    return {part["part"]: part["monthly_kr"] for part in result["attribution"]}


def test_the_articles_example_is_unchanged_with_jobs_capacity_at_its_default() -> None:
    result = compute({})
    assert result["fields"]["jobs_capacity"] == "0"
    assert (result["current"]["monthly_kr"], result["elixir"]["monthly_kr"], result["saving"]["percent"]) == (
        "2200", "500", "77")
    assert compute({"jobs_capacity": "0"}) == result
    assert "jobs_capacity" not in result["query"]


def test_the_articles_example_attributed() -> None:
    # Today 2 200 kr. Components: Redis 100 kr goes, the load balancer stays: 100 kr.
    # Jobs: the 2 job servers (400 kr) go; at 0 % their work needs no capacity, so today's
    #   8 app servers suffice: max(8, ⌈8 + 0⌉) = 8: 400 kr.
    # Capacity: 8 app servers at today's capacity -> max(2, ⌈8 / 4⌉) = 2 Elixir servers: 6 × 200 = 1 200 kr.
    # 100 + 400 + 1 200 = 1 700 = 2 200 − 500.
    result = compute({})
    assert [part["part"] for part in result["attribution"]] == ["components", "jobs", "capacity"]
    assert parts(result) == {"components": "100", "jobs": "400", "capacity": "1200"}
    assert [part["monthly_text"] for part in result["attribution"]] == [
        f"100{NBSP}kr/\u2060mån", f"400{NBSP}kr/\u2060mån", f"1{NBSP}200{NBSP}kr/\u2060mån"]
    assert result["attribution"][0]["text"] == f"Att Elixir gör Redis onödig sparar 100{NBSP}kr/\u2060mån."
    assert result["range"]["driver"].startswith(
        f"Mest avgör antagandet att en Elixir-server klarar fler användare än en server i dag (5{NBSP}000 mot "
        f"1{NBSP}250): det sparar 1{NBSP}200{NBSP}kr/\u2060mån. Därefter ")


def test_at_factor_1_nothing_is_credited_to_capacity() -> None:
    # cap_elixir = 1 250: 8 Elixir servers, as today. The 400 kr are the two job servers going.
    result = compute({"cap_elixir": "1250"})
    assert parts(result) == {"components": "100", "jobs": "400", "capacity": "0"}
    driver = result["range"]["driver"]
    assert driver.startswith("Mest avgör att dagens 2 bakgrundsjobbservrar försvinner")
    assert f"det sparar 400{NBSP}kr/\u2060mån" in driver
    assert "fler" not in driver and "gånger" not in driver
    capacity = result["attribution"][2]["text"]
    assert "lika mycket som en server i dag" in capacity and "ändrar inget" in capacity


def test_at_factor_1_by_servers_the_job_servers_make_the_saving() -> None:
    # 3 app + 10 job servers + Redis + balancer = 2 800 kr; Elixir: 3 app servers + balancer = 700 kr.
    # Saving 2 100 kr (75 %): Redis 100 kr, the 10 job servers 2 000 kr, capacity 0.
    result = compute({"mode": "servers", "app_servers": "3", "job_servers": "10", "factor": "1"})
    assert result["saving"]["headline"].startswith(f"Du kan spara 2{NBSP}100{NBSP}kr/\u2060mån (75{NBSP}%)")
    assert parts(result) == {"components": "100", "jobs": "2000", "capacity": "0"}
    assert f"det sparar 2{NBSP}000{NBSP}kr/\u2060mån" in result["range"]["driver"]
    assert not re.search(r"\b1\s?gånger", str(result))


def test_jobs_capacity_moves_the_chosen_case_toward_the_cautious_one() -> None:
    # 100 %: the 2 job servers' work, in today's servers, joins the load: ⌈(8 + 2) / 4⌉ = 3 Elixir servers
    # + balancer = 700 kr; saving 1 500 kr. Components 100, jobs: max(8, ⌈8 + 2⌉) = 10 app servers,
    # 2 more than today for the 2 job servers gone: 0; capacity (10 − 3) × 200 = 1 400.
    full = compute({"jobs_capacity": "100"})
    assert full["elixir"]["monthly_kr"] == "700" and full["saving"]["monthly_kr"] == "1500"
    assert parts(full) == {"components": "100", "jobs": "0", "capacity": "1400"}
    # 50 %: 1 job server's work: ⌈9 / 4⌉ = 3 Elixir servers; jobs: max(8, ⌈9⌉) = 9 -> 2 − 1 = 200 kr
    half = compute({"jobs_capacity": "50"})
    assert parts(half) == {"components": "100", "jobs": "200", "capacity": "1200"}
    # at factor 1 and 100 % the chosen case is the cautious one
    cautious = compute({"jobs_capacity": "100", "cap_elixir": "1250"})
    assert cautious["saving"]["percent"] == cautious["range"]["low_percent"] == "5"
    assert cautious["elixir"] == cautious["cautious_elixir"]


def test_the_sensitivity_follows_jobs_capacity_and_says_so() -> None:
    # default: 1× is 8 Elixir servers (job work free): 500 kr, 23 %; the caption says the jobs need nothing
    default = compute({})
    assert default["sensitivity"][0]["percent"] == "23"
    assert "Bakgrundsjobben behöver här ingen extra serverkraft" in default["sensitivity_caption"]
    # 100 %: 1× is the cautious case, 10 app servers + balancer = 2 100 kr: 5 %
    full = compute({"jobs_capacity": "100"})
    assert full["sensitivity"][0]["factor"] == "1" and full["sensitivity"][0]["percent"] == "5"
    assert "Bakgrundsjobben behöver här lika mycket serverkraft som i dag" in full["sensitivity_caption"]


def test_both_break_evens_by_hand() -> None:
    # Elixir may have at most ⌊(2 200 − 100) / 200⌋ = 10 app servers.
    # Chosen (jobs 0 %): ⌈10 000 / 10⌉ = 1 000 users per server, 1 000 / 1 250 = 0,8.
    # Cautious (jobs 100 %): ⌈(10 000 + 2 × 1 250) / 10⌉ = 1 250 users, 1×.
    point = compute({})["break_even"]
    assert (point["cap_elixir"], point["factor"], point["factor_text"]) == ("1000", "0.8", "0,8")
    assert (point["cautious"]["cap_elixir"], point["cautious"]["factor"]) == ("1250", "1")
    assert "lika mycket som en server i dag" in point["cautious"]["text"]
    assert point["text"] == f"{point['chosen_text']} {point['cautious']['text']}"
    # 0,8× with the job work at today's capacity costs more than today: ⌈(8 + 2) / 0,8⌉ = 13 servers
    assert compute({"cap_elixir": "1000", "jobs_capacity": "100"})["outcome"] == "cost"
    # by servers, 30 %: work 8 + 0,6 = 8,6; ⌈8,6 / 10 · 100⌉ / 100 = 0,86
    servers = compute({"mode": "servers", "jobs_capacity": "30"})["break_even"]
    assert (servers["factor"], servers["cautious"]["factor"]) == ("0.86", "1")
    assert servers["cap_elixir"] is None


def test_both_paybacks_by_hand() -> None:
    # 10 000 kr over 1 year: chosen 10 000 / 1 700 = 5,9 -> 6 months, net 12 × 1 700 − 10 000 = 10 400;
    # cautious 10 000 / 100 = 100 months = 8 years 4 months, net 12 × 100 − 10 000 = −8 800.
    small = compute({"migration_kr": "10000", "years": "1"})["payback"]
    assert (small["months"], small["net_kr"], small["outcome"]) == ("6", "10400", "saving")
    cautious = small["cautious"]
    assert (cautious["months"], cautious["months_text"], cautious["net_kr"], cautious["outcome"]) == (
        "100", f"drygt 8{NBSP}år", "-8800", "cost")
    assert small["text"] == f"{small['chosen_text']} {cautious['text']}"
    assert small["chosen_text"].startswith(f"Med dina antaganden betalar sig flytten på 6{NBSP}månader.")
    assert cautious["text"].startswith(f"I det försiktiga fallet betalar sig flytten inte inom 1{NBSP}år: det tar "
                                       f"drygt 8{NBSP}år.")
    # 500 000 kr over 3 years: 500 000 / 1 700 = 294,1 -> 295 months = 24 years 7 months;
    # cautious 500 000 / 100 = 5 000 months = 416 years 8 months -> nästan 417 år.
    large = compute({"migration_kr": "500000"})["payback"]
    assert (large["months"], large["months_text"]) == ("295", f"drygt 24{NBSP}år")
    assert (large["cautious"]["months"], large["cautious"]["months_text"]) == ("5000", f"nästan 417{NBSP}år")
    assert "295" not in large["text"] and "månader" not in large["text"]
    # 300 000 kr over 3 years: 300 000 / 1 700 = 176,5 -> 177 months (14 years 9 months), net 61 200 − 300 000;
    # cautious 300 000 / 100 = 3 000 months = 250 years, net 3 600 − 300 000.
    closing = compute({"migration_kr": "300000"})["payback"]
    assert (closing["months"], closing["months_text"], closing["net_kr"]) == ("177", f"nästan 15{NBSP}år", "-238800")
    assert (closing["cautious"]["months"], closing["cautious"]["months_text"], closing["cautious"]["net_kr"]) == (
        "3000", f"250{NBSP}år", "-296400")


def test_break_even_speaks_of_the_monthly_bill_not_of_paying_back() -> None:
    """A large migration cost: break-even says Elixir is cheaper per month, payback that the move takes years."""
    result = compute({"migration_kr": "500000"})
    assert "lönar sig" not in result["break_even"]["text"]
    assert "billigare per månad" in result["break_even"]["text"]


@pytest.mark.parametrize("fields", [
    {"cap_elixir": "1250", "jobs": "false", "caching": "false"},  # even: 8 + balancer on both sides
    {"cap_elixir": "500"},  # Elixir costs more
])
def test_without_a_saving_no_migration_cost_is_invited(fields: dict) -> None:
    text = compute(fields)["payback"]["text"]
    assert "Fyll i den" not in text and "ingen besparing som betalar en flytt" in text


def test_no_difference_says_varken_eller() -> None:
    result = compute({"cap_elixir": "1250", "jobs": "false", "caching": "false"})
    assert result["outcome"] == "even"
    assert result["range"]["driver"] == "Varken komponenterna, bakgrundsjobben eller kapaciteten ändrar något här."


def test_a_tie_is_worded_as_a_tie() -> None:
    # cap_elixir 1 700: ⌈10 000 / 1 700⌉ = 6 Elixir servers, capacity (8 − 6) × 200 = 400 = the job servers' 400
    result = compute({"cap_elixir": "1700"})
    assert parts(result) == {"components": "100", "jobs": "400", "capacity": "400"}
    driver = result["range"]["driver"]
    assert driver.startswith("Lika mycket avgör ") and "Mest avgör" not in driver


def test_figures_in_one_sentence_agree() -> None:
    # 10 users: today 2 app servers (the minimum) + 1 job server + Redis + balancer = 800 kr, so Elixir may
    # have ⌊(800 − 100) / 200⌋ = 3 app servers: ⌈10 / 3⌉ = 4 users per server, 4 / 1 250 = 0,0032 (under 0,01).
    # Cautious: ⌈(10 + 1 × 1 250) / 3⌉ = 420 users, 420 / 1 250 = 0,336 (0,34 × 1 250 would be 425).
    point = compute({"users": "10"})["break_even"]
    users = int(point["cap_elixir"])
    assert point["factor_text"] == "under 0,01" and users / 1250 < 0.01
    assert f"{users}{NBSP}användare, under 0,01{NBSP}gånger dagens" in point["text"]
    # 420 users per server at 1 250 today: 0,336 × 1 250 = 420 exactly
    assert point["cautious"]["factor_text"] == "0,336" and point["cautious"]["cap_elixir"] == "420"


def test_the_elixir_side_keeps_todays_load_balancers() -> None:
    result = compute({"mode": "servers", "lb_servers": "2"})
    assert {line["id"]: line["count"] for line in result["elixir"]["lines"]}["lb"] == 2
    assert parts(result)["components"] == "100"  # only Redis goes
    none = compute({"mode": "servers", "lb_servers": "2", "elixir_lb": "false"})
    assert "lb" not in {line["id"] for line in none["elixir"]["lines"]}
    assert parts(none)["components"] == "300"  # Redis and both balancers
    assert "lastbalanserarna" in none["attribution"][0]["text"]


def test_a_minimum_of_one_is_never_called_redundancy() -> None:
    for fields in ({"min_servers": "1", "users": "500"},
                   {"min_servers": "1", "mode": "servers", "app_servers": "1", "job_servers": "0"}):
        assert "redundans" not in compute(fields)["range"]["steps"], fields
    assert "minst 2 för redundans" in compute({"users": "500"})["range"]["steps"]


def test_singular_and_plural() -> None:
    specs = {spec["key"]: spec for spec in field_specs()}
    assert specs["lb_servers"]["default_text"] == f"1{NBSP}st."
    assert specs["min_servers"]["default_text"] == f"2{NBSP}servrar"
    assert specs["redis_servers"]["default_text"] == f"1{NBSP}server"  # the form's "Förval: 1 server."
    fields = {spec.key: spec for spec in FIELDS}  # a value as the method page writes it
    assert fields["redis_servers"].display("1") == f"1{NBSP}server"
    assert fields["job_servers"].display("2") == f"2{NBSP}servrar"
    assert fields["min_servers"].display("1") == f"1{NBSP}server"
    one_server = compute({"mode": "servers", "app_servers": "1", "job_servers": "0"})
    assert "1 app-server i dag" in one_server["range"]["steps"]
    text = str(compute({"users": "1000", "migration_kr": "10000"}))
    assert not re.search(rf"\b1{NBSP}(?:servrar|månader|gånger)\b", text)


def test_one_term_per_concept() -> None:
    texts = str(field_specs()) + str(compute({})) + str(compute({"mode": "servers", "elixir_lb": "false"}))
    assert "load balancer" not in texts.lower().replace("(load balancers)", "").replace("(load balancer)", "")
    assert "Jobbservrar" not in texts and "bakgrundsjobb-server" not in texts.lower()


def test_the_field_help_defines_concurrent_users_and_load_balancing() -> None:
    specs = {spec["key"]: spec for spec in field_specs()}
    users = specs["users"]["help"]
    assert "inte alla registrerade" in users and "sessioner" in users and "anslutningar" in users
    balancer = specs["elixir_lb"]["help"]
    assert "delar inte själva på inkommande HTTP-trafik" in balancer
    assert "kan dela last själva" not in balancer
    jobs = specs["jobs_capacity"]
    assert (jobs["default"], jobs["min"], jobs["max"], jobs["unit"]) == ("0", "0", "100", "%")
