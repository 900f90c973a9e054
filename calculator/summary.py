"""The scenario's few lines for the contact e-mail.

Some mail programs cut or refuse a long `mailto:` link, so the mail carries
only what a reader takes in first: the headline, the cautious case and, when
a migration cost is given, the payback time in both cases. The share link,
which the page (or the build) puts under these lines, opens the whole
calculation: the inputs, both bills, the range, the break-even and the net.
"""

from __future__ import annotations

from calculator.model import Estimate
from calculator.result_types import PaybackCaseJson, PaybackJson
from calculator.wording import phrase


def email_summary(e: Estimate, headline: str, payback: PaybackJson) -> str:
    """Plain text, a line each: the headline, the cautious case, the payback time (with a migration cost).

    The headline comes in already made (`compute` makes it once for the page too).
    """
    lines = [headline, f"I det försiktiga fallet: {phrase(e.cautious)}."]
    if payback["included"]:
        lines.append(f"Flytten betalar sig {_when(payback)} med dina antaganden, "
                     f"{_when(payback['cautious'])} i det försiktiga fallet.")
    return "\n".join(lines)


def _when(case: PaybackJson | PaybackCaseJson) -> str:
    """`på 18 månader`, `på drygt 7 år`, `aldrig` (no saving), `direkt` (no cost to earn back)."""
    if case["months_text"] is None:
        return "aldrig"
    return "direkt" if case["months"] == "0" else f"på {case['months_text']}"
