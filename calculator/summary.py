"""The plain-text summary of one scenario for the contact e-mail.

It carries what a reader needs to check the numbers without the page: the
fields of the way in the visitor used, both bills line by line, the outcome
worded by sign, the range, steps, break-even and payback. No share link: the page
adds the absolute link itself (it knows the URL).
"""

from __future__ import annotations

from calculator.fields import FIELDS
from calculator.formatting import format_count, format_kr, format_kr_per_month, format_kr_per_year, format_servers
from calculator.model import Estimate, Side
from calculator.names import current_names, elixir_names


def email_summary(e: Estimate, canonical: dict[str, str], result: str, notes: list[str]) -> str:
    """Plain text: the inputs, both bills, the result sentence and the notes on how far it holds.

    The sentences come in already made (`compute` makes them once for the page too).
    """
    mode = canonical["mode"]
    lines = ["Kalkyl från besparingskalkylatorn", ""]
    lines += [f"{spec.label}: {spec.display(canonical[spec.key])}" for spec in FIELDS if mode in spec.modes]
    lines += ["", *_side_text(e.chosen.current, current_names(e.scenario))]
    lines += ["", *_side_text(e.chosen.elixir, elixir_names(e.scenario)), ""]
    lines += [f"Resultat: {result}", *notes]
    return "\n".join(lines)


def _side_text(side: Side, names: dict[str, str]) -> list[str]:
    head = (f"{side.label}: {format_servers(side.servers)}, "
            f"{format_kr_per_month(side.kr_per_month)} ({format_kr_per_year(side.kr_per_year)})")
    return [head] + [
        f"- {names[line.id]}: {format_count(line.count)} × {format_kr(line.unit_kr_per_month)} = "
        f"{format_kr(line.kr_per_month)}"
        for line in side.lines
    ]
