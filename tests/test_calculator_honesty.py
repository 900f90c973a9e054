"""The answers a sceptical CTO and CFO get: every outcome worded as what it is,
break-even, sensitivity, payback and the servers way in (issue 8)."""

from __future__ import annotations

import re

import pytest

from calculator import compute, field_specs

NBSP = "\u00a0"


def _texts(result: dict) -> str:
    """Every sentence the model writes about the difference, in one string."""
    labels = tuple(f"{spec['label']}: " for spec in field_specs())  # the summary's inputs are not differences
    summary = "\n".join(line for line in result["summary"].splitlines() if not line.startswith(labels))
    parts = [result["saving"]["headline"], result["saving"]["percent_text"], summary,
             result["break_even"]["text"], result["payback"]["text"], result["sensitivity_caption"]]
    parts += [str(value) for key, value in result["range"].items() if key.endswith(("text", "summary", "driver"))]
    parts += [point["monthly_text"] + point["percent_text"] for point in result["sensitivity"]]
    return "\n".join(parts)


# gain, zero, small loss, large loss
OUTCOMES = [
    ({}, "saving", f"Du kan spara 1{NBSP}700{NBSP}kr/\u2060mån (77{NBSP}%) – 20{NBSP}400{NBSP}kr/\u2060år."),
    # 8 app servers + balancer both sides: 1 250 per Elixir server, no jobs or cache
    ({"cap_elixir": "1250", "jobs": "false", "caching": "false"}, "even",
     f"Ingen skillnad: båda kostar 1{NBSP}700{NBSP}kr/\u2060mån."),
    ({"users": "1000000", "cap_elixir": "1249", "jobs": "false", "caching": "false"}, "cost",
     f"Elixir blir 200{NBSP}kr/\u2060mån dyrare (under 1{NBSP}%) – 2{NBSP}400{NBSP}kr/\u2060år."),
    ({"cap_elixir": "500"}, "cost",
     f"Elixir blir 1{NBSP}900{NBSP}kr/\u2060mån dyrare (86{NBSP}%) – 22{NBSP}800{NBSP}kr/\u2060år."),
]


@pytest.mark.parametrize(("fields", "outcome", "headline"), OUTCOMES)
def test_every_outcome_is_worded_as_what_it_is(fields: dict, outcome: str, headline: str) -> None:
    result = compute(fields)
    assert result["outcome"] == outcome
    assert result["saving"]["headline"] == headline
    texts = _texts(result)
    assert "\u2212" not in texts and not re.search(r"-\d", texts), "a loss is never a negative saving"
    if outcome != "even":
        assert not re.search(rf"(?<!\d)0{NBSP}%", texts), "a difference is never 0 %"
    if outcome == "cost":
        assert "spara" not in result["saving"]["headline"] and "besparing på" not in result["range"]["summary"]
    if outcome == "even":
        assert result["saving"]["percent_text"] == f"0{NBSP}%"


def test_a_small_loss_is_never_zero_percent() -> None:
    result = compute({"users": "1000000", "cap_elixir": "1249", "jobs": "false", "caching": "false"})
    assert result["saving"]["monthly_kr"] == "-200" and result["saving"]["percent"] == "0"
    assert result["saving"]["percent_text"] == f"under 1{NBSP}%"
    assert result["range"]["high_text"] == f"under 1{NBSP}% dyrare"


def test_the_range_of_a_loss_says_extra_cost() -> None:
    spread = compute({"cap_elixir": "500"})["range"]
    assert spread["low_outcome"] == "cost"
    assert spread["summary"].startswith(f"Resultatet ligger mellan en merkostnad på 132{NBSP}%")
    assert spread["high_monthly_text"] == f"1{NBSP}900{NBSP}kr/\u2060mån dyrare"


def test_break_even_for_the_articles_example() -> None:
    # 2 200 kr today; Elixir may have at most (2 200 − 100) / 200 = 10 app servers,
    # so an Elixir server must carry ceil(10 000 / 10) = 1 000 users = 0,8 × 1 250
    # (the job work needs no capacity, the article's claim). The cautious break-even,
    # the 2 job servers' work at today's capacity: ceil((10 000 + 2 × 1 250) / 10) = 1 250 = 1 × 1 250.
    point = compute({})["break_even"]
    chosen = (f"Ryms bakgrundsjobben utan extra serverkraft, som artikeln antar, blir Elixir billigare per månad "
              f"redan om en server klarar 1{NBSP}000{NBSP}användare, 0,8{NBSP}gånger dagens.")
    cautious = (f"Behöver bakgrundsjobben lika mycket serverkraft som i dag, som i det försiktiga fallet, blir "
                f"Elixir billigare per månad redan om en server klarar 1{NBSP}250{NBSP}användare, lika mycket "
                "som en server i dag.")
    assert point == {
        "status": "pays", "cap_elixir": "1000", "factor": "0.8", "factor_text": "0,8",
        "text": f"{chosen} {cautious}", "chosen_text": chosen,
        "cautious": {"status": "pays", "cap_elixir": "1250", "factor": "1", "factor_text": "1", "text": cautious},
    }
    # one user fewer per server and Elixir costs more: 11 × 200 + 100 = 2 300 kr
    assert compute({"cap_elixir": "999"})["outcome"] == "cost"
    assert compute({"cap_elixir": "1000"})["outcome"] == "saving"


def test_break_even_says_plainly_when_it_never_or_always_pays() -> None:
    # 2 app servers and a balancer today (500 kr); Elixir's floor is 3 servers + the balancer (700 kr)
    never = compute({"mode": "servers", "app_servers": "2", "job_servers": "0", "redis_servers": "0",
                     "min_servers": "3"})["break_even"]
    assert never["status"] == "never" and never["factor"] is None
    assert never["text"] == ("Elixir blir inte billigare än i dag hur mycket en server än klarar: redan det "
                             f"minsta antalet app-servrar (3) och lastbalanseraren kostar 700{NBSP}kr/\u2060mån, "
                             f"mot 500{NBSP}kr/\u2060mån i dag.")
    assert never["cautious"] == {**never["cautious"], "status": "never", "text": never["text"]}
    always = compute({"users": "1", "jobs": "false"})["break_even"]
    assert always["status"] == "always"
    assert always["text"] == f"Elixir kostar inte mer än i dag ens om en Elixir-server bara klarar 1{NBSP}användare."


def test_sensitivity_marks_the_visitor_the_article_and_pinterest() -> None:
    points = compute({})["sensitivity"]
    assert [p["factor"] for p in points] == ["1", "1.5", "2", "3", "4", "5", "6"]
    assert [p["cap_elixir"] for p in points] == ["1250", "1875", "2500", "3750", "5000", "6250", "7500"]
    assert [p["monthly_kr"] for p in points] == ["500", "900", "1300", "1500", "1700", "1700", "1700"]
    assert [p["percent"] for p in points] == ["23", "41", "59", "68", "77", "77", "77"]
    assert {p["factor"]: p["marks"] for p in points if p["marks"]} == {
        "2": ["pinterest"], "4": ["visitor", "article"]}
    own = compute({"cap_elixir": "500"})["sensitivity"]
    assert own[0]["factor"] == "0.4" and own[0]["marks"] == ["visitor"] and own[0]["outcome"] == "cost"
    assert own[0]["monthly_text"] == f"1{NBSP}900{NBSP}kr/\u2060mån dyrare"


def test_payback_is_invited_when_no_migration_cost_is_given() -> None:
    payback = compute({})["payback"]
    assert payback["included"] is False and payback["months"] is None and payback["years"] == "3"
    assert "Kostnaden för själva flytten ingår inte. Fyll i den" in payback["text"]
    # 36 × 1 700 = 61 200 kr with the article's assumptions, 36 × 100 = 3 600 kr in the cautious case
    assert payback["text"].startswith(f"Med dina antaganden sparar du 61{NBSP}200{NBSP}kr på servrarna under "
                                      f"3{NBSP}år. I det försiktiga fallet sparar du 3{NBSP}600{NBSP}kr")
    assert payback["cautious"] == {"months": None, "months_text": None, "net_kr": None, "net_text": None,
                                   "outcome": None, "text": f"I det försiktiga fallet sparar du 3{NBSP}600{NBSP}kr "
                                                            f"på servrarna under 3{NBSP}år."}


@pytest.mark.parametrize(
    ("migration", "months", "net", "outcome", "text"),
    [
        # 30 000 / 1 700 = 17,6 -> 18 months; 3 × 20 400 − 30 000 = 31 200
        ("30000", "18", "31200", "saving", f"Med dina antaganden betalar sig flytten på 18{NBSP}månader."),
        ("61200", "36", "0", "even", "går det jämnt ut"),
        # 100 000 / 1 700 = 58,8 -> 59 months (4 years 11 months); 61 200 − 100 000 = −38 800
        ("100 000", "59", "-38800", "cost",
         f"Med dina antaganden betalar sig flytten inte inom 3{NBSP}år: det tar nästan 5{NBSP}år."),
    ],
)
def test_payback_is_worded_by_sign(migration: str, months: str, net: str, outcome: str, text: str) -> None:
    result = compute({"migration_kr": migration})
    payback = result["payback"]
    assert (payback["included"], payback["months"], payback["net_kr"], payback["outcome"]) == (
        True, months, net, outcome)
    assert text in payback["text"]
    assert f"Flytten betalar sig på {payback['months_text']} med dina antaganden" in result["summary"]
    assert "migration_kr=" in result["query"]


def test_payback_when_elixir_saves_nothing() -> None:
    payback = compute({"cap_elixir": "500", "migration_kr": "10000", "years": "2"})["payback"]
    assert payback["months"] is None and payback["outcome"] == "cost"
    assert payback["text"].startswith("Med dina antaganden betalar sig flytten aldrig: Elixir sparar inget per månad.")
    assert payback["net_kr"] == "-55600"  # 24 × −1 900 − 10 000
    # cautious (factor 0,4, the job work at today's capacity): ⌈(10 000 + 2 × 1 250) / 500⌉ = 25 app servers
    # + balancer = 5 100 kr against 2 200 kr, −2 900 kr/mån; 24 × −2 900 − 10 000 = −79 600
    assert payback["cautious"]["months"] is None and payback["cautious"]["net_kr"] == "-79600"


def test_the_servers_way_in_gives_the_articles_example_from_its_server_counts() -> None:
    by_servers = compute({"mode": "servers"})
    by_users = compute({})
    for side in ("current", "elixir"):
        assert [(line["id"], line["count"]) for line in by_servers[side]["lines"]] == \
            [(line["id"], line["count"]) for line in by_users[side]["lines"]]
        assert by_servers[side]["monthly_kr"] == by_users[side]["monthly_kr"]
    assert by_servers["saving"] == by_users["saving"]
    assert by_servers["range"]["low_percent"] == "5"
    assert by_servers["break_even"]["factor"] == "0.8" and by_servers["break_even"]["cap_elixir"] is None
    assert by_servers["query"] == "v=1&mode=servers"
    assert by_servers["summary"] == by_users["summary"], "the mail's lines; its share link says mode=servers"


def test_the_servers_way_in_takes_todays_counts_as_they_are() -> None:
    result = compute({"mode": "servers", "app_servers": "30", "job_servers": "0", "redis_servers": "0",
                      "lb_servers": "2", "factor": "2", "server_kr": "1000"})
    assert {line["id"]: line["count"] for line in result["current"]["lines"]} == {"app": 30, "lb": 2}
    # the Elixir side keeps as many load balancers as today (issue 15: it used to drop one)
    assert {line["id"]: line["count"] for line in result["elixir"]["lines"]} == {"app": 15, "lb": 2}


def test_whole_server_steps_are_explained() -> None:
    assert "(minst 2 för redundans) till 2" in compute({"users": "1"})["range"]["steps"]
    at_5000, at_5001 = compute({"users": "5000"}), compute({"users": "5001"})
    assert (at_5000["saving"]["percent"], at_5001["saving"]["percent"]) == ("58", "69")
    assert f"i dag räcker 4 app-servrar till 5{NBSP}000{NBSP}användare" in at_5000["range"]["steps"]
    assert f"i dag räcker 5 app-servrar till 6{NBSP}250{NBSP}användare" in at_5001["range"]["steps"]


def test_the_stack_changes_only_names_and_says_so() -> None:
    java, node = compute({"stack": "java"}), compute({})
    assert java["saving"] == node["saving"] and java["current"]["label"] == "Java"
    from calculator import field_specs
    stack = next(spec for spec in field_specs() if spec["key"] == "stack")
    assert "ändrar bara namnen" in stack["help"]
