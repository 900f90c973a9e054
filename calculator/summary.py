"""The scenario's few lines for the contact e-mail.

Some mail programs cut or refuse a long `mailto:` link, so the mail carries
only what a reader takes in first: the headline, the cautious case and, when
a migration cost is given, the payback. The share link, which the page (or
the build) puts under these lines, opens the whole calculation: the inputs,
both bills, the range and the break-even.
"""

from __future__ import annotations

from calculator.model import Estimate
from calculator.wording import phrase


def email_summary(e: Estimate, headline: str, payback: str | None) -> str:
    """Plain text, a line each: the headline, the cautious case, the payback (if a migration cost is given).

    The sentences come in already made (`compute` makes them once for the page too).
    """
    lines = [headline, f"I det försiktiga fallet: {phrase(e.cautious)}."]
    if payback is not None:
        lines.append(payback)
    return "\n".join(lines)
