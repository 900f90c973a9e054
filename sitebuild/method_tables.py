"""The method page's tables, generated from the model at build time.

"Så räknar vi" states the formula, the defaults with their sources, the
article's example and how far it holds. Typed by hand those would drift from
the code; instead the page carries markers (`sitebuild/markers.py`) that
this module's renderers replace with HTML built from `calculator` itself:

- `<!-- sajt:formel -->`          the counting rules, with the model's own ratios;
- `<!-- sajt:räkneexempel -->`    `compute({})`: the article's example, line by line;
- `<!-- sajt:försiktigt -->`      the cautious case of the example, worked out;
- `<!-- sajt:orsaker -->`         the example's saving taken apart by cause;
- `<!-- sajt:brytpunkt -->`       the example's break-even, in both cases;
- `<!-- sajt:känslighet -->`      the example's sensitivity, as a table;
- `<!-- sajt:återbetalning -->`   payback, with a migration cost worked out from a stated effort;
- `<!-- sajt:servrar -->`         the same example entered by its server counts;
- `<!-- sajt:talläsning -->`      how typed numbers are read, by the parser itself;
- `<!-- sajt:standardvärden -->`  `field_specs()`: every input, default, range, source.

It reads the model only through its public JSON (`compute`, typed as
`calculator.ComputeAnswer`; `field_specs`; `counting_rules`) and its number
formatting, never through its internals. A field's refusal comes from the
error's structured `problems`, not from taking its message apart. Every text
that comes from the model goes through `html.escape`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from html import escape

import calculator
from calculator import ComputeAnswer, ComputeResult
from calculator.formatting import NBSP, format_count, format_number, read_canonical
from calculator.result_types import FieldSpecJson, SideJson

Row = Iterable[str]
Compute = Callable[[dict[str, str]], ComputeAnswer]
# The payback example's migration cost, from a stated effort: developer-months × a month's cost.
EXAMPLE_DEVELOPER_MONTHS = 3
EXAMPLE_DEVELOPER_MONTH_KR = 100_000
EXAMPLE_MIGRATION_KR = str(EXAMPLE_DEVELOPER_MONTHS * EXAMPLE_DEVELOPER_MONTH_KR)
READING_EXAMPLES = ("10 000", f"10{NBSP}000", "10000", "10.000", "10,000", "1,250", "1,5", "1.5",
                    "1 500,50", "1.234,50", "1e3", "10k", "\u22125", "1 000.000")
# which way in asks for a field, after its label (a column more would make the table scroll)
MODE_NOTES = {("users",): " (med användare)", ("servers",): " (med servrar)", ("users", "servers"): ""}


def defaults_table(specs: list[FieldSpecJson] | None = None) -> str:
    """Every input: label (and its way in), share-link key, default, allowed values, source."""
    every = calculator.field_specs() if specs is None else specs
    rows = [
        (spec["label"] + MODE_NOTES[tuple(spec["modes"])], f"<code>{escape(spec['key'])}</code>",
         spec["default_text"], spec["allowed_text"], spec["source"])
        for spec in every
    ]
    head = ("Fält", "Nyckel i länken", "Förval", "Tillåtet", "Varifrån värdet kommer")
    return _table(head, rows, raw_columns={1})


def formula_list() -> str:
    """The counting rules, with the ratios the model actually uses."""
    ratios = calculator.counting_rules()
    jobs, per_jobs = ratios["job_servers_per_app_servers"]
    redis, per_redis = ratios["redis_servers_per_app_servers"]
    rules = [
        "Med användare: app-servrar i dag = max(minsta antal app-servrar, ⌈samtidiga användare / "
        "användare per app-server i dag⌉).",
        f"Med användare: bakgrundsjobbservrar = ⌈app-servrar × {jobs} / {per_jobs}⌉, om systemet har "
        "bakgrundsjobb (artikelns förhållande).",
        f"Med användare: Redis-servrar = ⌈app-servrar × {redis} / {per_redis}⌉, om systemet har "
        "bakgrundsjobb, realtidsfunktioner, cache eller WebSockets (artikelns förhållande). "
        "Lastbalanserare: 1.",
        "Med servrar: dagens app-, bakgrundsjobb- och Redis-servrar och lastbalanserare är de du anger.",
        "Kapacitetsfaktor = hur mycket en Elixir-server klarar jämfört med en app-server i dag: "
        "användare per Elixir-server / användare per app-server i dag, eller faktorn du anger.",
        "Bakgrundsjobbens arbete = dagens bakgrundsjobbservrar × bakgrundsjobbens behov av serverkraft med "
        f"Elixir (i procent; förval 0{NBSP}%, artikelns antagande), räknat i dagens servrar.",
        "Elixir-app-servrar = max(minsta antal app-servrar, ⌈(dagens app-serverlast + bakgrundsjobbens "
        "arbete) / kapacitetsfaktor⌉), där lasten är användare / användare per server, eller antalet "
        "app-servrar i dag.",
        "Lastbalanserare på Elixir-sidan: lika många som i dag om du väljer dem (med användare: 1), annars inga.",
        "Elixir-sidan har inga bakgrundsjobb- eller Redis-servrar: jobben, PubSub, cachen och "
        "WebSockets körs i app-servrarna.",
        "Kostnad per rad = antal × pris per månad. Summa per månad = summan av raderna. "
        f"Per år = {ratios['months_per_year']} × summa per månad.",
        "Skillnad = nuvarande summa − Elixir-summan; i procent av nuvarande summa, avrundat "
        "till hela procent med halvor bort från noll (77,27 blir 77 och 81,82 blir 82). En "
        f"skillnad som inte är noll visas aldrig som 0{NBSP}% utan som under 1{NBSP}%.",
    ]
    return _list(rules)


def ok(answer: ComputeAnswer) -> ComputeResult:
    """A result the method page can show; a refused example is the build's bug, named."""
    if not answer["ok"]:
        raise ValueError(f"the method page's example was refused: {answer['errors']}")
    return answer


def example_tables(compute: Compute = calculator.compute) -> str:
    """The article's example as the model computes it, both sides line by line."""
    result = ok(compute({}))
    variant = ok(compute({"elixir_lb": "false"}))
    parts = [_side_table(result["current"]), _side_table(result["elixir"])]
    parts.append(_paragraph(f"{result['saving']['headline']} Utan den valfria lastbalanseraren på "
                            f"Elixir-sidan: {variant['elixir']['monthly_text']} och "
                            f"{variant['saving']['percent_text']}."))
    parts.append(_paragraph(f"{result['range']['summary']} {result['range']['driver']}"))
    return "\n\n".join(parts)


def attribution_table(compute: Compute = calculator.compute) -> str:
    """The example's saving by cause, in the model's order; the parts add up to the saving."""
    result = ok(compute({}))
    names = {"components": "Komponenter som Elixir gör onödiga", "jobs": "Bakgrundsjobben",
             "capacity": "Kapaciteten per Elixir-server"}
    rows = [(names[part["part"]], _signed_month(part["monthly_kr"], part["monthly_text"]), part["text"])
            for part in result["attribution"]]
    rows.append(("Summa", _signed_month(result["saving"]["monthly_kr"], result["saving"]["monthly_text"]),
                 result["saving"]["headline"]))
    return _table(("Orsak", "Skillnad per månad", "Vad kalkylatorn säger"), rows)


def _signed_month(machine: str, magnitude: str) -> str:
    """`1 200 kr/mån billigare`, `200 kr/mån dyrare`, `ingen skillnad`: a signed part in words."""
    kr = read_canonical(machine)
    return "ingen skillnad" if kr == 0 else f"{magnitude} {'billigare' if kr > 0 else 'dyrare'}"


def cautious_example(compute: Compute = calculator.compute) -> str:
    """The example's cautious case: the hand calculation, then the model's table."""
    result = ok(compute({}))
    fields, current = result["fields"], result["current"]
    jobs = next(line["count"] for line in current["lines"] if line["id"] == "jobs")
    apps = next(line["count"] for line in result["cautious_elixir"]["lines"] if line["id"] == "app")
    users, cap_now = _count(fields["users"]), _count(fields["cap_now"])
    sum_text = (f"App-servrar i det försiktiga fallet: ⌈({users} + {jobs} × {cap_now}) / {cap_now}⌉ = "
                f"{apps}. Det är dagens app-servrar plus de {jobs} bakgrundsjobbservrarnas arbete, "
                "på servrar som inte klarar mer än i dag.")
    return "\n\n".join([
        _paragraph(sum_text),
        _side_table(result["cautious_elixir"], "Elixir, försiktigt fall"),
        _paragraph(f"Jämfört med {current['monthly_text']} i dag blir Elixir "
                   f"{result['range']['low_monthly_text']} ({result['range']['low_text']})."),
    ])


def break_even_text(compute: Compute = calculator.compute) -> str:
    """The example's break-even in both cases, as the calculator says it, and the two points side by side."""
    result = ok(compute({}))
    point = result["break_even"]
    rows = [
        ("Med dina antaganden (bakgrundsjobben som du valt)", _where(point["cap_elixir"], point["factor_text"])),
        ("Bakgrundsjobben behöver lika mycket serverkraft som i dag",
         _where(point["cautious"]["cap_elixir"], point["cautious"]["factor_text"])),
    ]
    return _paragraph(point["text"]) + "\n\n" + _table(("Fall", "Brytpunkt per Elixir-server"), rows)


def _where(users: str | None, factor: str | None) -> str:
    if factor is None:
        return "ingen"
    times = f"{factor}{NBSP}× dagens"
    return f"{_count(users)}{NBSP}användare ({times})" if users else times


def sensitivity_table(compute: Compute = calculator.compute) -> str:
    """The example's sensitivity points as a table (the page's chart shows the same numbers)."""
    result = ok(compute({}))
    names = {"visitor": "förvalt värde", "article": "artikeln", "pinterest": "Pinterest 2015"}
    rows = [
        (point["factor_text"], _count(point["cap_elixir"]) if point["cap_elixir"] else "–",
         point["monthly_text"], point["percent_text"], ", ".join(names[mark] for mark in point["marks"]))
        for point in result["sensitivity"]
    ]
    head = ("Faktor", "Användare per Elixir-server", "Elixir per månad", "I procent", "Markering")
    return _paragraph(result["sensitivity_caption"]) + "\n\n" + _table(head, rows)


def payback_example(compute: Compute = calculator.compute) -> str:
    """Payback for the example: without a migration cost, and with one worked out from a stated effort."""
    without = ok(compute({}))["payback"]["text"]
    given = ok(compute({"migration_kr": EXAMPLE_MIGRATION_KR}))
    effort = (f"{EXAMPLE_DEVELOPER_MONTHS} utvecklarmånader × {format_count(EXAMPLE_DEVELOPER_MONTH_KR)}{NBSP}kr "
              f"= {_count(EXAMPLE_MIGRATION_KR)}{NBSP}kr")
    return _list([
        f"Utan flyttkostnad: {without}",
        f"Med en flyttkostnad på {effort}: {given['payback']['text']}",
    ])


def servers_example(compute: Compute = calculator.compute) -> str:
    """The article's example entered by its server counts: the same bill."""
    result = ok(compute({"mode": "servers"}))
    f = result["fields"]
    nouns = (("app_servers", "app-server", "app-servrar"),
             ("job_servers", "bakgrundsjobbserver", "bakgrundsjobbservrar"),
             ("redis_servers", "Redis-server", "Redis-servrar"),
             ("lb_servers", "lastbalanserare", "lastbalanserare"))
    counts = [f"{_count(f[key])} {one if f[key] == '1' else many}" for key, one, many in nouns]
    return _paragraph(f"Med artikelns servrar i dag ({', '.join(counts[:-1])} och {counts[-1]}) och faktorn "
                      f"{f['factor']}: {result['saving']['headline']} {result['range']['steps']}")


def reading_table(compute: Compute = calculator.compute) -> str:
    """How the parser reads typed numbers, shown by the parser itself (price field)."""
    rows = []
    for typed in READING_EXAMPLES:
        answer = compute({"server_kr": typed})
        read = (f"{_count(answer['fields']['server_kr'])}{NBSP}kr" if answer["ok"]
                else f"Nej: {answer['problems']['server_kr']}")
        rows.append((typed.replace(NBSP, "␣"), read))
    return _table(("Du skriver", "Kalkylen läser (som pris per server)"), rows)


def _count(canonical: str) -> str:
    """A number from the JSON (`10000`, `1500,50`) as a Swede reads it."""
    return format_number(read_canonical(canonical))


def _side_table(side: SideJson, label: str | None = None) -> str:
    rows = [(line["name"], line["count_text"], line["unit_text"], line["monthly_text"]) for line in side["lines"]]
    rows.append((f"Summa {label or side['label']}", side["servers_text"], "", side["monthly_text"]))
    head = (label or side["label"], "Antal", "Pris per st. och månad", "Kostnad per månad")
    return _table(head, rows)


def _paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _list(items: Iterable[str]) -> str:
    return "<ul>\n" + "".join(f"<li>{escape(item)}</li>\n" for item in items) + "</ul>"


def _table(head: Row, rows: Iterable[Row], raw_columns: Collection[int] = ()) -> str:
    """An HTML table; every cell escaped except columns built here from escaped parts.

    Each data cell carries its column's heading (`data-label`), so that a
    narrow screen can show every row as a stack of "heading: value" lines
    (site.css) instead of a table wider than the screen.
    """
    heads = list(head)

    def cells(tag: str, row: Row) -> str:
        return "".join(
            f"<{tag}{_label(tag, heads[i])}>{cell if i in raw_columns else escape(cell)}</{tag}>"
            for i, cell in enumerate(row)
        )

    body = "\n".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table>\n<thead><tr>{cells('th', heads)}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _label(tag: str, heading: str) -> str:
    return f' data-label="{escape(heading)}"' if tag == "td" else ""


RENDERERS: dict[str, Callable[[], str]] = {
    "formel": formula_list,
    "räkneexempel": example_tables,
    "försiktigt": cautious_example,
    "orsaker": attribution_table,
    "brytpunkt": break_even_text,
    "känslighet": sensitivity_table,
    "återbetalning": payback_example,
    "servrar": servers_example,
    "talläsning": reading_table,
    "standardvärden": defaults_table,
}
