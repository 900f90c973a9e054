"""The Swedish sentences around the numbers: the range, what drives it, and a
plain-text summary for the contact e-mail.

How sure the number is: the chosen result rests mostly on one assumption, that
an Elixir server carries more users than a server on the current stack. The
cautious case drops it (see `model.Estimate`), so what is left is the saving
from components Elixir makes unnecessary. The gap between the two is what the
capacity assumption adds; whichever of the two parts is larger is named as the
assumption that moves the result most.
"""

from __future__ import annotations

from decimal import Decimal

from calculator.fields import FIELDS, FieldSpec
from calculator.formatting import (
    NBSP,
    format_count,
    format_kr,
    format_kr_per_month,
    format_kr_per_year,
    format_number,
    format_percent,
    join_sv,
)
from calculator.model import Comparison, Estimate, Side


def range_summary(e: Estimate) -> str:
    """One sentence giving the range from the cautious case to the chosen one."""
    low, high = e.cautious, e.chosen
    if low.saving_percent == high.saving_percent:
        return (f"Besparingen blir {format_percent(high.saving_percent)} även i det försiktiga "
                "fallet, där en Elixir-server inte bär fler användare än en server i dag.")
    return (f"Besparingen ligger mellan {format_percent(low.saving_percent)} "
            f"({format_kr_per_month(low.saving_kr_per_month)}) i det försiktiga fallet, där en "
            "Elixir-server inte bär fler användare än en server i dag, och "
            f"{format_percent(high.saving_percent)} ({format_kr_per_month(high.saving_kr_per_month)}) "
            f"med antagandet om {format_count(e.scenario.users_per_server_elixir)} användare "
            "per Elixir-server.")


def driver(e: Estimate) -> str:
    """One sentence: which assumption moves the result most."""
    s = e.scenario
    now, elixir = format_count(s.users_per_server_now), format_count(s.users_per_server_elixir)
    if s.users_per_server_elixir < s.users_per_server_now:
        return ("Mest avgör antagandet om användare per Elixir-server: du har satt det lägre "
                f"än i dag ({elixir} mot {now}), så kalkylen är redan det försiktiga fallet.")
    total = e.chosen.saving_percent
    from_components = e.cautious.saving_percent
    from_capacity = total - from_components
    removed = _removed_components(e.chosen)
    if from_capacity > from_components:
        return ("Mest avgör antagandet att en Elixir-server bär fler användare än i dag "
                f"({elixir} mot {now}): det står för {from_capacity} av {total} procentenheter, "
                f"komponenterna som Elixir gör onödiga för {from_components}.")
    if from_components > 0:
        return (f"Mest avgör komponenterna som Elixir gör onödiga ({join_sv(removed)}): de står "
                f"för {from_components} av {total} procentenheter, antagandet om användare "
                f"per server för {from_capacity}.")
    return ("Med de här valen blir det ingen besparing: Elixir gör inga komponenter onödiga "
            "och bär inte fler användare per server än i dag.")


def _removed_components(c: Comparison) -> list[str]:
    kept = {line.id for line in c.elixir.lines}
    return [line.name for line in c.current.lines if line.id not in kept]


def email_summary(e: Estimate, canonical: dict[str, str]) -> str:
    """Plain text: the inputs, both bills, the saving and its range.

    No share link: the page adds the absolute link itself (it knows the URL).
    """
    c = e.chosen
    lines = ["Kalkyl från besparingskalkylatorn", ""]
    lines += [f"{spec.label}: {_display(spec, canonical[spec.key])}" for spec in FIELDS]
    lines += ["", *_side_text(c.current), "", *_side_text(c.elixir), ""]
    lines.append(f"Besparing: {format_kr_per_month(c.saving_kr_per_month)}, "
                 f"{format_kr_per_year(c.saving_kr_per_year)} "
                 f"({format_percent(c.saving_percent)})")
    lines += [range_summary(e), driver(e)]
    return "\n".join(lines)


def _side_text(side: Side) -> list[str]:
    head = (f"{side.label}: {format_count(side.servers)} servrar, "
            f"{format_kr_per_month(side.kr_per_month)} ({format_kr_per_year(side.kr_per_year)})")
    return [head] + [
        f"- {line.name}: {line.count} × {format_kr(line.unit_kr_per_month)} = "
        f"{format_kr(line.kr_per_month)}"
        for line in side.lines
    ]


def _display(spec: FieldSpec, canonical: str) -> str:
    """A canonical value as a reader expects it: `10 000 användare`, `ja`."""
    if spec.kind == "choice":
        return dict(spec.choices)[canonical]
    if spec.kind == "boolean":
        return "ja" if canonical == "true" else "nej"
    number = format_number(Decimal(canonical.replace(",", ".")))
    return f"{number}{NBSP}{spec.unit}" if spec.unit else number
