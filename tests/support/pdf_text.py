"""A printed page's text, as Debian's `pdftotext -layout` (poppler-utils) reads
it back from the PDF, and the two ways of comparing it with the model's texts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def read_pdf(pdf: Path) -> str:
    """The PDF's text layer, laid out as on paper."""
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


# The word joiner that keeps "kr/mån" on one line (calculator/formatting.py) is
# invisible: Chromium's PDF text layer keeps it, Firefox's drops it.
WORD_JOINER = "\u2060"


def squash(text: str) -> str:
    """Text without any white space: pdftotext breaks long lines where the paper does."""
    return re.sub(r"\s+", "", text).replace(WORD_JOINER, "")


def plain(text: str) -> str:
    """No-break spaces as plain ones, no word joiners: the PDF's text layer may carry either or not."""
    return text.replace("\u00a0", " ").replace(WORD_JOINER, "")
