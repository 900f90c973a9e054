"""Bad input comes back as Swedish messages naming the field and its range.

Good Swedish input is accepted: `10 000` with a space, a no-break space
(U+00A0) or a narrow no-break space (U+202F), and a decimal comma for prices.
"""

from __future__ import annotations

import pytest

from calculator import compute, field_specs

NBSP = "\u00a0"
USERS_RANGE = f"Tillåtet: ett heltal från 1 till 1{NBSP}000{NBSP}000{NBSP}000{NBSP}användare."
PRICE_RANGE = f"Tillåtet: ett tal med högst två decimaler från 1 till 1{NBSP}000{NBSP}000{NBSP}kr/\u2060mån."
CAP_RANGE = f"Tillåtet: ett heltal från 1 till 10{NBSP}000{NBSP}000{NBSP}användare."
HOW_INTEGER = f"Skriv siffror, gärna med mellanslag mellan tusental: 10{NBSP}000."
HOW_DECIMAL = f"Skriv siffror med decimalkomma, gärna med mellanslag mellan tusental: 1{NBSP}500,50."
STACKS = "Tillåtet: Node.js / Express, Python / Django / FastAPI, Ruby on Rails eller Java / Spring Boot."
UNKNOWN = ("Länken innehåller ett fält som kalkylatorn inte känner till. "
           "Öppna kalkylatorn utan länken och fyll i dina värden.")

BAD_INPUTS = [
    ({"users": ""}, "users", f"Samtidiga användare: saknar värde. {USERS_RANGE}"),
    ({"users": "   "}, "users", f"Samtidiga användare: saknar värde. {USERS_RANGE}"),
    ({"users": "-5"}, "users", f"Samtidiga användare: får inte vara negativt. {USERS_RANGE}"),
    ({"users": "\u22125"}, "users", f"Samtidiga användare: får inte vara negativt. {USERS_RANGE}"),
    ({"users": "0"}, "users", f"Samtidiga användare: får inte vara 0. {USERS_RANGE}"),
    ({"users": "tiotusen"}, "users", f"Samtidiga användare: är inte ett tal. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "NaN"}, "users", f"Samtidiga användare: är inte ett tal. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "Infinity"}, "users", f"Samtidiga användare: är inte ett tal. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "1e309"}, "users", f"Samtidiga användare: är inte skrivet med siffror. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "1e3"}, "users", f"Samtidiga användare: är inte skrivet med siffror. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "10k"}, "users", f"Samtidiga användare: är inte skrivet med siffror. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "+5"}, "users", f"Samtidiga användare: är inte ett tal. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "0x10"}, "users", f"Samtidiga användare: är inte ett tal. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "١٠"}, "users", f"Samtidiga användare: är inte ett tal. {USERS_RANGE} {HOW_INTEGER}"),  # noqa: RUF001 - Arabic-Indic digits on purpose
    ({"users": "1 0000"}, "users", f"Samtidiga användare: går inte att läsa entydigt. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "1.000.5"}, "users", f"Samtidiga användare: går inte att läsa entydigt. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "1 000.000"}, "users", f"Samtidiga användare: går inte att läsa entydigt. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "10..000"}, "users", f"Samtidiga användare: går inte att läsa entydigt. {USERS_RANGE} {HOW_INTEGER}"),
    ({"users": "1,5"}, "users", f"Samtidiga användare: måste vara ett heltal. {USERS_RANGE}"),
    ({"users": "1000000001"}, "users", f"Samtidiga användare: är för stort. {USERS_RANGE}"),
    ({"users": "9" * 65}, "users", f"Samtidiga användare: är för långt. {USERS_RANGE}"),
    ({"users": None}, "users", f"Samtidiga användare: har fel typ. {USERS_RANGE}"),
    ({"users": 1.5}, "users", f"Samtidiga användare: har fel typ. {USERS_RANGE}"),
    ({"users": True}, "users", f"Samtidiga användare: har fel typ. {USERS_RANGE}"),
    ({"cap_elixir": "0"}, "cap_elixir", f"Användare per app-server med Elixir: får inte vara 0. {CAP_RANGE}"),
    ({"server_kr": "0"}, "server_kr", f"Pris per server: får inte vara 0. {PRICE_RANGE}"),
    ({"server_kr": "0,50"}, "server_kr", f"Pris per server: är för litet. {PRICE_RANGE}"),
    ({"server_kr": "1,5055"}, "server_kr", f"Pris per server: får ha högst två decimaler. {PRICE_RANGE}"),
    ({"server_kr": "1 234,500"}, "server_kr",
     f"Pris per server: går inte att läsa entydigt. {PRICE_RANGE} {HOW_DECIMAL}"),
    ({"server_kr": "1,2.5"}, "server_kr", f"Pris per server: går inte att läsa entydigt. {PRICE_RANGE} {HOW_DECIMAL}"),
    ({"server_kr": "1000000,01"}, "server_kr", f"Pris per server: är för stort. {PRICE_RANGE}"),
    ({"min_servers": "101"}, "min_servers",
     "Minsta antal app-servrar: är för stort. Tillåtet: ett heltal från 1 till 100\u00a0servrar."),
    ({"stack": "cobol"}, "stack", f"Nuvarande stack: okänt val. {STACKS}"),
    ({"stack": ""}, "stack", f"Nuvarande stack: saknar värde. {STACKS}"),
    ({"jobs": "kanske"}, "jobs", "Bakgrundsjobb: okänt värde. Tillåtet: ja eller nej."),
    ({"bogus": "1"}, "bogus", UNKNOWN),
    ({"factor": "0"}, "factor", f"Elixir-serverns kapacitet jämfört med i dag: får inte vara 0. Tillåtet: ett tal "
     f"med högst två decimaler från 0,1 till 100{NBSP}gånger."),
    ({"migration_kr": "-1"}, "migration_kr", f"Kostnad för att flytta: får inte vara negativt. Tillåtet: ett tal med "
     f"högst två decimaler från 0 till 1{NBSP}000{NBSP}000{NBSP}000{NBSP}kr, eller tomt."),
    ({"v": "2"}, "v", "Delningslänken har en version som den här sidan inte känner till. Sidan förstår version 1."),
]


@pytest.mark.parametrize(("fields", "key", "message"), BAD_INPUTS)
def test_bad_input_is_refused_with_a_swedish_message(fields: dict, key: str, message: str) -> None:
    result = compute(fields)
    assert {k: result[k] for k in ("schema", "ok", "errors")} == {"schema": 1, "ok": False, "errors": {key: message}}
    # each message's problem alone, as structured data (the method page shows it without parsing the message)
    assert set(result["problems"]) == {key} and result["problems"][key]
    if key in field_keys():
        assert message.startswith(f"{label_of(key)}: {result['problems'][key]}. Tillåtet: ")


def field_keys() -> set[str]:
    return {spec["key"] for spec in field_specs()}


def label_of(key: str) -> str:
    return next(spec["label"] for spec in field_specs() if spec["key"] == key)


def test_every_failing_field_is_reported_at_once() -> None:
    errors = compute({"users": "", "stack": "php", "jobs": "kanske", "x": "1"})["errors"]
    assert set(errors) == {"users", "stack", "jobs", "x"}


def test_a_non_dict_is_reported_under_underscore() -> None:
    for value in (None, [], "users=5", 42):
        assert compute(value) == {"schema": 1, "ok": False,
                                  "errors": {"_": "Kalkylen fick inga fält att räkna på."},
                                  "problems": {"_": "inga fält"}}


def test_a_flood_of_unknown_keys_gets_a_bounded_answer() -> None:
    errors = compute({f"k{i}": "1" for i in range(10_000)})["errors"]
    assert len(errors) == 21 and errors["_"] == "Ytterligare 9980 okända fält."


def test_messages_never_echo_the_input_so_never_carry_markup() -> None:
    errors = compute({"users": "<script>alert(1)</script>", "stack": "<b>"})["errors"]
    assert all("<" not in message for message in errors.values())


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("10 000", "10000"),
        ("10\u00a0000", "10000"),
        ("10\u202f000", "10000"),
        ("1 000 000", "1000000"),
        (" 10000 ", "10000"),
        ("10000,00", "10000"),
        (10000, "10000"),
    ],
)
def test_swedish_integers_are_accepted(typed: object, canonical: str) -> None:
    assert compute({"users": typed})["fields"]["users"] == canonical


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("1,5", "1,50"), ("1.5", "1,50"), ("199,99", "199,99"), ("1 200,5", "1200,50"), ("200,00", "200")],
)
def test_prices_take_a_decimal_comma(typed: str, canonical: str) -> None:
    assert compute({"server_kr": typed})["fields"]["server_kr"] == canonical


def test_zero_is_a_valid_price_for_redis_and_the_load_balancer() -> None:
    result = compute({"redis_kr": "0", "lb_kr": "0"})
    assert result["ok"] and result["current"]["monthly_kr"] == "2000"


def test_choices_and_booleans_ignore_case_and_surrounding_space() -> None:
    result = compute({"stack": " Ruby ", "jobs": "FALSE"})
    assert (result["fields"]["stack"], result["fields"]["jobs"]) == ("ruby", "false")
