"""The calculator's inputs: one declaration per field, in display order.

This table is the single source for the form (the UI renders it at build
time), for the method page's table of defaults, for the parser's ranges and
error messages, and for the share links (the keys). Every default says where
it comes from, because the visitor should see which numbers are the article's
own assumptions and which are public facts.

There are two ways to describe today's system (`mode`): by concurrent users
and users per server, as the article does, or by the servers run today, which
is what most technical buyers know from their bill. Every field says in which
of the two it is asked (`modes`); fields of the other mode keep their defaults
and do not change the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from calculator.formatting import (
    KR_PER_MONTH,
    canonical_number,
    format_decimal,
    format_with_unit,
    join_sv,
    read_canonical,
)
from calculator.model import STACKS
from calculator.result_types import FieldSpecJson, Group, Kind, Mode

USERS_MODE: tuple[Mode, ...] = ("users",)
SERVERS_MODE: tuple[Mode, ...] = ("servers",)
BOTH_MODES: tuple[Mode, ...] = ("users", "servers")

MAX_USERS = 1_000_000_000  # a billion concurrent users: beyond any real system
MAX_USERS_PER_SERVER = 10_000_000  # far above the ~2 M connections WhatsApp ran on one box
MAX_PRICE_KR = 1_000_000  # a million kronor a month for one server
MAX_MIN_SERVERS = 100
MAX_SERVERS = 100_000  # servers of one kind run today
MIN_FACTOR, MAX_FACTOR = Decimal("0.1"), Decimal(100)  # Elixir capacity relative to today
MAX_MIGRATION_KR = 1_000_000_000
MAX_YEARS = 20
MAX_PERCENT = 100
# A unit's singular, for a value of exactly 1 (`1 server`, `1 gång`); other units read the same.
SINGULAR_UNITS = {"servrar": "server", "gånger": "gång", "månader": "månad"}


@dataclass(frozen=True)
class FieldSpec:
    key: str  # short: also the share-link parameter
    label: str
    unit: str
    kind: Kind
    default: str  # canonical string ("" for an optional field left empty)
    help: str
    source: str
    min: Decimal | None = None
    max: Decimal | None = None
    choices: tuple[tuple[str, str], ...] = field(default=())
    group: Group = "system"
    modes: tuple[Mode, ...] = BOTH_MODES
    optional: bool = False  # may be left empty: then it is not part of the result

    @property
    def default_text(self) -> str:
        """The default as a visitor reads it: `10 000 användare`, `Node.js / Express`, `ja`, `inte ifylld`."""
        return self.display(self.default)

    @property
    def allowed_text(self) -> str:
        """The allowed values in words: `ett heltal från 1 till 100 servrar`,
        `ja eller nej`; the parser's messages and the method page both say it."""
        if self.kind == "choice":
            return join_sv([label for _, label in self.choices], "eller")
        if self.kind == "boolean":
            return "ja eller nej"
        assert self.min is not None and self.max is not None, "a number field has a range"
        what = "ett heltal" if self.kind == "integer" else "ett tal med högst två decimaler"
        empty = ", eller tomt" if self.optional else ""
        return f"{what} från {format_decimal(self.min)} till {format_with_unit(self.max, self.unit)}{empty}"

    def display(self, canonical: str) -> str:
        """Any canonical value as a visitor reads it (e-mail summary, method page)."""
        if self.kind == "choice":
            return dict(self.choices)[canonical]
        if self.kind == "boolean":
            return "ja" if canonical == "true" else "nej"
        if not canonical:
            return "inte ifylld"
        value = read_canonical(canonical)
        return format_with_unit(value, SINGULAR_UNITS.get(self.unit, self.unit) if value == 1 else self.unit)

    def as_dict(self) -> FieldSpecJson:
        """The JSON form of the contract (min/max as canonical strings)."""
        return {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "kind": self.kind,
            "default": self.default,
            "default_text": self.default_text,
            "allowed_text": self.allowed_text,
            "group": self.group,
            "modes": list(self.modes),
            "optional": self.optional,
            "min": None if self.min is None else canonical_number(self.min),
            "max": None if self.max is None else canonical_number(self.max),
            "choices": [{"value": value, "label": label} for value, label in self.choices],
            "help": self.help,
            "source": self.source,
        }


def _toggle(key: str, label: str, default: str, help: str, source: str, group: Group = "system",
            modes: tuple[Mode, ...] = USERS_MODE) -> FieldSpec:
    return FieldSpec(key, label, "", "boolean", default, help, source, group=group, modes=modes)


def _count(key: str, label: str, default: str, minimum: int, help: str, source: str,
           unit: str = "servrar") -> FieldSpec:
    """A number of servers (or balancers) run today: the servers way in."""
    return FieldSpec(key, label, unit, "integer", default, help, source, Decimal(minimum),
                     Decimal(MAX_SERVERS), modes=SERVERS_MODE)


def _price(key: str, label: str, default: str, minimum: int, help: str, source: str) -> FieldSpec:
    return FieldSpec(key, label, KR_PER_MONTH, "decimal", default, help, source, Decimal(minimum),
                     Decimal(MAX_PRICE_KR), group="assumption")


def _users(key: str, label: str, default: str, help: str, source: str, maximum: int,
           group: Group = "system") -> FieldSpec:
    return FieldSpec(key, label, "användare", "integer", default, help, source, Decimal(1), Decimal(maximum),
                     group=group, modes=USERS_MODE)


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "mode", "Beskriv ditt system med", "", "choice", "users",
        "Antal användare, som i artikeln, eller de servrar du kör i dag.",
        "Artikeln räknar med användare. Vet du hellre vad du kör och betalar i dag, välj servrar.",
        choices=(("users", "Användare"), ("servers", "Servrar i dag")),
    ),
    FieldSpec(
        "stack", "Nuvarande stack", "", "choice", "node",
        "Den stack systemet körs på i dag. Valet ändrar bara namnen i kalkylen, inte siffrorna: "
        "det finns inga jämförbara offentliga siffror per stack.",
        "Artikelns räkneexempel utgår från Node.js. Vi har inte hittat jämförbara offentliga "
        "mätningar av användare per server för Node.js, Python, Ruby och Java, så alla stackar "
        "räknas med samma antaganden. Vet du vad din server klarar, skriv in det.",
        choices=tuple((stack.key, stack.long_label) for stack in STACKS.values()),
    ),
    _users(
        "users", "Samtidiga användare", "10000",
        "Samtidiga användare är de som är aktiva i systemet samma stund vid en vanlig topp, inte alla "
        "registrerade. Uppskatta det med toppen av aktiva sessioner i din analys eller övervakning, eller "
        "med antalet öppna anslutningar (HTTP, WebSockets) på lastbalanseraren när det är som mest last.",
        "Artikelns räkneexempel: en e-handelsplattform med 10\u00a0000 samtidiga användare.",
        MAX_USERS,
    ),
    _count(
        "app_servers", "App-servrar i dag", "8", 1,
        "Servrarna som kör själva applikationen.",
        "Artikelns exempel: 8 app-servrar.",
    ),
    _count(
        "job_servers", "Bakgrundsjobbservrar i dag", "2", 0,
        "Servrar som bara kör bakgrundsjobb (t.ex. Sidekiq, Celery, BullMQ). 0 om du inte har några.",
        "Artikelns exempel: 2 bakgrundsjobbservrar.",
    ),
    _count(
        "redis_servers", "Redis-servrar i dag", "1", 0,
        "Servrar för kö, PubSub eller cache. 0 om du inte har några.",
        "Artikelns exempel: 1 Redis-server.",
    ),
    _count(
        "lb_servers", "Lastbalanserare i dag", "1", 0,
        "Lastbalanserare (load balancers) framför app-servrarna.",
        "Artikelns exempel: 1 lastbalanserare (load balancer).",
        unit="st.",
    ),
    _toggle(
        "jobs", "Bakgrundsjobb", "true",
        "Rapporter, utskick, import/export (t.ex. Sidekiq, Celery, BullMQ).",
        "Artikelns exempel har 2 bakgrundsjobbservrar bredvid 8 app-servrar.",
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
        "migration_kr", "Kostnad för att flytta", "kr", "decimal", "",
        "Engångskostnaden för att skriva om eller flytta systemet. Lämna tomt om du inte vet.",
        "Artikeln anger ingen flyttkostnad, så fältet är tomt från början.",
        Decimal(0), Decimal(MAX_MIGRATION_KR), optional=True,
    ),
    FieldSpec(
        "years", "Hur många år du räknar på", "år", "integer", "3",
        "Tidshorisonten för flyttkostnaden: vad som blir kvar netto efter så här många år.",
        "Vårt förval: 3\u00a0år, en vanlig avskrivningstid för ett system.",
        Decimal(1), Decimal(MAX_YEARS),
    ),
    _users(
        "cap_now", "Användare per app-server i dag", "1250",
        "Hur många samtidiga användare en app-server på nuvarande stack klarar.",
        "Artikelns eget antagande: 10\u00a0000\u00a0användare på 8 app-servrar, alltså "
        "10\u00a0000 / 8 = 1\u00a0250. Ingen oberoende källa; mät gärna ditt eget system.",
        MAX_USERS_PER_SERVER, group="assumption",
    ),
    _users(
        "cap_elixir", "Användare per app-server med Elixir", "5000",
        "Hur många samtidiga användare en Elixir-server antas klara.",
        "Artikelns eget antagande: 10\u00a0000\u00a0användare på 2 app-servrar, alltså "
        "10\u00a0000 / 2 = 5\u00a0000, fyra gånger så många som i dag. Som jämförelse gick "
        "Pinterests notifieringstjänst från 30 Java-servrar till 15 Elixir-servrar "
        "(2015), alltså dubbelt så många användare per server.",
        MAX_USERS_PER_SERVER, group="assumption",
    ),
    FieldSpec(
        "factor", "Elixir-serverns kapacitet jämfört med i dag", "gånger", "decimal", "4",
        "Hur många gånger så mycket en Elixir-server antas klara som en app-server i dag: "
        "1 är lika mycket, 4 är artikelns antagande.",
        "Artikelns eget antagande: fyra gånger så många användare per server (5\u00a0000 mot "
        "1\u00a0250). Pinterests notifieringstjänst visade två gånger (30 Java-servrar blev 15 "
        "Elixir-servrar, 2015).",
        MIN_FACTOR, MAX_FACTOR, group="assumption", modes=SERVERS_MODE,
    ),
    FieldSpec(
        "jobs_capacity", "Bakgrundsjobbens behov av serverkraft med Elixir", "%", "integer", "0",
        "Hur stor del av dagens bakgrundsjobbservrars kapacitet jobben fortfarande behöver när de körs i "
        "Elixir-app-servrarna: 0\u00a0% är artikelns antagande (jobben ryms utan extra serverkraft), 100\u00a0% att "
        "de behöver lika mycket som i dag. Är dina jobb tunga (rapporter, bildbehandling, import), välj "
        "ett högre värde.",
        "Artikelns eget antagande: de 2 bakgrundsjobbservrarna försvinner och jobben ryms i de 2 "
        "Elixir-servrarna, alltså 0\u00a0%. Det försiktiga fallet räknar med 100\u00a0%.",
        Decimal(0), Decimal(MAX_PERCENT), group="assumption",
    ),
    _price(
        "server_kr", "Pris per server", "200", 1,
        "Månadskostnad för en app-server; samma pris används för bakgrundsjobbservrar.",
        "Artikelns pris: 200\u00a0kr/\u2060mån per app-server.",
    ),
    _price(
        "redis_kr", "Pris per Redis-server", "100", 0,
        "Månadskostnad för en Redis-server (kö, PubSub, cache).",
        "Härlett ur artikeln, som inte anger priset: dess summa för Node.js-stacken "
        "går bara ihop om Redis-servern kostar 100\u00a0kr/\u2060mån.",
    ),
    _price(
        "lb_kr", "Pris per lastbalanserare", "100", 0,
        "Månadskostnad för en lastbalanserare.",
        "Härlett ur artikeln, som inte anger priset: dess summa för Elixir-stacken "
        "(2\u00a0servrar à 200\u00a0kr plus lastbalanserare) går bara ihop vid 100\u00a0kr/\u2060mån.",
    ),
    FieldSpec(
        "min_servers", "Minsta antal app-servrar", "servrar", "integer", "2",
        "Med minst 2 kan en server gå ner utan avbrott (redundans); 1 ger ingen redundans.",
        "Vanlig praxis för redundans; artikelns Elixir-exempel har också 2 app-servrar.",
        Decimal(1), Decimal(MAX_MIN_SERVERS), group="assumption",
    ),
    _toggle(
        "elixir_lb", "Lastbalanserare på Elixir-sidan", "true",
        "Ja: Elixir-sidan behåller lika många lastbalanserare som i dag (med användare: en). "
        "Elixir-noder som är ihopkopplade delar inte själva på inkommande HTTP-trafik, så med flera "
        "app-servrar behövs något som fördelar den: en lastbalanserare, eller en tjänst du redan har "
        "(till exempel molnleverantörens eller DNS). Välj nej bara om du har det.",
        "Artikeln kallar den valfri men räknar med den i sin summa.",
        group="assumption", modes=BOTH_MODES,
    ),
)

FIELDS_BY_KEY: dict[str, FieldSpec] = {spec.key: spec for spec in FIELDS}


def field_specs() -> list[FieldSpecJson]:
    """Every input field as JSON-ready dicts, in display order (a fresh copy)."""
    return [spec.as_dict() for spec in FIELDS]
