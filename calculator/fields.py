"""The calculator's inputs: one declaration per field, in display order.

This table is the single source for the form (the UI renders it at build
time), for the method page's table of defaults, for the parser's ranges and
error messages, and for the share links (the keys). Every default says where
it comes from, because the visitor should see which numbers are the article's
own assumptions and which are public facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from calculator.formatting import format_with_unit
from calculator.model import STACKS

Kind = Literal["choice", "integer", "decimal", "boolean"]
# "system": facts about the visitor's system; "assumption": the model's
# assumptions and prices, which most visitors keep (the form folds them away).
Group = Literal["system", "assumption"]

MAX_USERS = 1_000_000_000  # a billion concurrent users: beyond any real system
MAX_USERS_PER_SERVER = 10_000_000  # far above the ~2 M connections WhatsApp ran on one box
MAX_PRICE_KR = 1_000_000  # a million kronor a month for one server
MAX_MIN_SERVERS = 100


@dataclass(frozen=True)
class FieldSpec:
    key: str  # short: also the share-link parameter
    label: str
    unit: str
    kind: Kind
    default: str  # canonical string
    help: str
    source: str
    min: int | None = None
    max: int | None = None
    choices: tuple[tuple[str, str], ...] = field(default=())
    group: Group = "system"

    @property
    def default_text(self) -> str:
        """The default as a visitor reads it: `10 000 användare`, `Node.js / Express`, `ja`."""
        if self.kind == "choice":
            return dict(self.choices)[self.default]
        if self.kind == "boolean":
            return "ja" if self.default == "true" else "nej"
        return format_with_unit(Decimal(self.default.replace(",", ".")), self.unit)

    def as_dict(self) -> dict[str, object]:
        """The JSON form of the contract (min/max as canonical strings)."""
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "kind": self.kind,
            "default": self.default,
            "default_text": self.default_text,
            "group": self.group,
            "min": None if self.min is None else str(self.min),
            "max": None if self.max is None else str(self.max),
            "choices": [{"value": value, "label": label} for value, label in self.choices],
            "help": self.help,
            "source": self.source,
        }


def _toggle(key: str, label: str, default: str, help: str, source: str, group: Group = "system") -> FieldSpec:
    return FieldSpec(key, label, "", "boolean", default, help, source, group=group)


def _price(key: str, label: str, default: str, minimum: int, help: str, source: str) -> FieldSpec:
    return FieldSpec(key, label, "kr/mån", "decimal", default, help, source, minimum, MAX_PRICE_KR, group="assumption")


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "stack", "Nuvarande stack", "", "choice", "node",
        "Den stack systemet körs på i dag.",
        "Artikelns räkneexempel utgår från Node.js. De andra stackarna får samma "
        "antaganden tills du ändrar dem.",
        choices=tuple((stack.key, stack.long_label) for stack in STACKS.values()),
    ),
    FieldSpec(
        "users", "Samtidiga användare", "användare", "integer", "10000",
        "Hur många som använder systemet samtidigt vid en normal topp.",
        "Artikelns räkneexempel: en e-handelsplattform med 10 000 samtidiga användare.",
        1, MAX_USERS,
    ),
    _toggle(
        "jobs", "Bakgrundsjobb", "true",
        "Rapporter, utskick, import/export (t.ex. Sidekiq, Celery, BullMQ).",
        "Artikelns exempel har 2 bakgrundsjobb-servrar bredvid 8 app-servrar.",
    ),
    _toggle(
        "realtime", "Realtidsfunktioner (PubSub)", "false",
        "Chatt, notifikationer, live-uppdateringar.",
        "Artikelns exempel nämner inga realtidsfunktioner.",
    ),
    _toggle(
        "caching", "Cache", "true",
        "Ett cachelager framför databasen.",
        "Artikelns exempel har en Redis-server; för en e-handel antar vi att den "
        "används som cache och jobbkö.",
    ),
    _toggle(
        "websockets", "WebSockets", "false",
        "Dashboards, spel, samarbetsverktyg.",
        "Artikelns exempel nämner inga WebSockets.",
    ),
    FieldSpec(
        "cap_now", "Användare per app-server i dag", "användare", "integer", "1250",
        "Hur många samtidiga användare en app-server på nuvarande stack klarar.",
        "Artikelns eget antagande: 10 000 användare på 8 app-servrar, alltså "
        "10 000 / 8 = 1 250. Ingen oberoende källa; mät gärna ert eget system.",
        1, MAX_USERS_PER_SERVER, group="assumption",
    ),
    FieldSpec(
        "cap_elixir", "Användare per app-server med Elixir", "användare", "integer", "5000",
        "Hur många samtidiga användare en Elixir-server antas klara.",
        "Artikelns eget antagande: 10 000 användare på 2 app-servrar, alltså "
        "10 000 / 2 = 5 000, fyra gånger så många som i dag. Som jämförelse gick "
        "Pinterests notifieringstjänst från 30 Java-servrar till 15 Elixir-servrar "
        "(2015), alltså dubbelt så många användare per server.",
        1, MAX_USERS_PER_SERVER, group="assumption",
    ),
    _price(
        "server_kr", "Pris per server", "200", 1,
        "Månadskostnad för en app-server; samma pris används för bakgrundsjobb-servrar.",
        "Artikelns pris: 200 kr/mån per app-server.",
    ),
    _price(
        "redis_kr", "Pris per Redis-server", "100", 0,
        "Månadskostnad för en Redis-server (kö, PubSub, cache).",
        "Härlett ur artikeln, som inte anger priset: dess summa för Node.js-stacken "
        "går bara ihop om Redis-servern kostar 100 kr/mån.",
    ),
    _price(
        "lb_kr", "Pris för load balancer", "100", 0,
        "Månadskostnad för en load balancer.",
        "Härlett ur artikeln, som inte anger priset: dess summa för Elixir-stacken "
        "(2 servrar à 200 kr plus load balancer) går bara ihop vid 100 kr/mån.",
    ),
    FieldSpec(
        "min_servers", "Minsta antal app-servrar", "servrar", "integer", "2",
        "För redundans: en server ska kunna gå ner utan avbrott.",
        "Vanlig praxis för redundans; artikelns Elixir-exempel har också 2 app-servrar.",
        1, MAX_MIN_SERVERS, group="assumption",
    ),
    _toggle(
        "elixir_lb", "Load balancer på Elixir-sidan", "true",
        "Elixir-noder kan dela last själva, men en load balancer framför dem är vanlig.",
        "Artikeln kallar den valfri men räknar med den i sin summa.",
        group="assumption",
    ),
)

FIELDS_BY_KEY: dict[str, FieldSpec] = {spec.key: spec for spec in FIELDS}
DEFAULTS: dict[str, str] = {spec.key: spec.default for spec in FIELDS}


def field_specs() -> list[dict[str, object]]:
    """Every input field as JSON-ready dicts, in display order (a fresh copy)."""
    return [spec.as_dict() for spec in FIELDS]
