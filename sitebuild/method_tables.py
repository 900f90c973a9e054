"""The method page's tables, generated from the model at build time.

"Så räknar vi" states the formula, the defaults with their sources and the
article's example. Typed by hand those would drift from the code; instead the
page carries three markers that this module replaces with HTML built from
`calculator` itself:

- `<!-- formel -->`         the counting rules, with the model's own ratios;
- `<!-- räkneexempel -->`   `compute({})`: the article's example, line by line;
- `<!-- standardvärden -->` `field_specs()`: every input, default, range, source.

Every text that comes from the model goes through `html.escape`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from decimal import Decimal
from html import escape

import calculator
from calculator import model
from calculator.formatting import format_with_unit

Row = Iterable[str]


def embed(markdown: str) -> str:
    """Replace every method-page marker in a page's Markdown with its table."""
    for name, render in RENDERERS.items():
        marker = re.compile(rf"<!--\s*{name}\s*-->")
        if marker.search(markdown):
            html = render()
            markdown = marker.sub(lambda _: html, markdown)
    return markdown


def defaults_table(specs: list[dict] | None = None) -> str:
    """Every input: label, share-link key, default, allowed values, source."""
    rows = [
        (spec["label"], f"<code>{escape(spec['key'])}</code>", spec["default_text"], _allowed(spec), spec["source"])
        for spec in (calculator.field_specs() if specs is None else specs)
    ]
    head = ("Fält", "Nyckel i länken", "Standardvärde", "Tillåtet", "Varifrån värdet kommer")
    return _table(head, rows, raw_columns={1})


def formula_list() -> str:
    """The counting rules, with the ratios the model actually uses."""
    jobs, per_jobs = model.JOB_SERVERS_PER_APP_SERVERS
    redis, per_redis = model.REDIS_SERVERS_PER_APP_SERVERS
    rules = [
        "App-servrar = max(minsta antal app-servrar, ⌈samtidiga användare / användare per "
        "app-server⌉), på vardera sidan med sitt eget antal användare per server.",
        f"Bakgrundsjobb-servrar = ⌈app-servrar × {jobs} / {per_jobs}⌉, om systemet har "
        "bakgrundsjobb (artikelns förhållande).",
        f"Redis-servrar = ⌈app-servrar × {redis} / {per_redis}⌉, om systemet har bakgrundsjobb, "
        "realtidsfunktioner, cache eller WebSockets (artikelns förhållande).",
        "Load balancer: 1 på nuvarande stack; 1 på Elixir-sidan om du väljer den.",
        "Elixir-sidan har inga bakgrundsjobb- eller Redis-servrar: jobben, PubSub, cachen och "
        "WebSockets körs i app-servrarna.",
        "Kostnad per rad = antal × pris per månad. Summa per månad = summan av raderna. "
        f"Per år = {model.MONTHS_PER_YEAR} × summa per månad.",
        "Besparing = nuvarande summa − Elixir-summan; i procent av nuvarande summa, avrundat "
        "till hela procent med halvor uppåt (77,27 blir 77 och 81,82 blir 82).",
        "Försiktigt fall: samma beräkning, men en Elixir-server bär inte fler användare än en "
        "server på nuvarande stack.",
    ]
    return "<ul>\n" + "".join(f"<li>{escape(rule)}</li>\n" for rule in rules) + "</ul>"


def example_tables(compute: Callable[[dict], dict] = calculator.compute) -> str:
    """The article's example as the model computes it, both sides line by line."""
    result = compute({})
    variant = compute({"elixir_lb": "false"})
    saving, spread = result["saving"], result["range"]
    parts = [_side_table(result["current"]), _side_table(result["elixir"])]
    parts.append(
        "<p>"
        + escape(f"Besparing: {saving['monthly_text']} ({saving['yearly_text']}), "
                 f"{saving['percent_text']}. Utan den valfria load balancern på Elixir-sidan: "
                 f"{variant['elixir']['monthly_text']} och {variant['saving']['percent_text']}.")
        + "</p>"
    )
    parts.append(f"<p>{escape(spread['summary'])} {escape(spread['driver'])}</p>")
    return "\n\n".join(parts)


def _side_table(side: dict) -> str:
    rows = [(line["name"], line["count_text"], line["unit_text"], line["monthly_text"]) for line in side["lines"]]
    rows.append((f"Summa {side['label']}", side["servers_text"], "", side["monthly_text"]))
    head = (side["label"], "Antal", "Pris per st. och månad", "Kostnad per månad")
    return _table(head, rows)


def _allowed(spec: dict) -> str:
    if spec["kind"] == "choice":
        return ", ".join(c["label"] for c in spec["choices"])
    if spec["kind"] == "boolean":
        return "ja eller nej"
    kind = "heltal" if spec["kind"] == "integer" else "högst två decimaler"
    return f"{_with_unit(spec['min'], '')}–{_with_unit(spec['max'], spec['unit'])} ({kind})"


def _with_unit(canonical: str, unit: str) -> str:
    return format_with_unit(Decimal(canonical.replace(",", ".")), unit)


def _table(head: Row, rows: Iterable[Row], raw_columns: Collection[int] = ()) -> str:
    """An HTML table; every cell escaped except columns built here from escaped parts."""

    def cells(tag: str, row: Row) -> str:
        return "".join(
            f"<{tag}>{cell if i in raw_columns else escape(cell)}</{tag}>" for i, cell in enumerate(row)
        )

    body = "\n".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table>\n<thead><tr>{cells('th', head)}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


RENDERERS: dict[str, Callable[[], str]] = {
    "formel": formula_list,
    "räkneexempel": example_tables,
    "standardvärden": defaults_table,
}
