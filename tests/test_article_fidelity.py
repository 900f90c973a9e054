"""The client's article reaches the landing page whole, word for word, in order.

`tests/fixtures/article.md` is a verbatim copy of the article the client
sent. `docs/index.md` lays the same text out as a landing page (wrappers,
cards, buttons), which is fine; dropping or rewording a heading, paragraph,
list item, bolded claim or number is not. The built page is compared
block by block: a heading must be a heading, a list item a list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "article.md"

BLOCK_KINDS = {
    **{f"h{level}": "heading" for level in range(1, 7)},
    "p": "paragraph",
    "li": "item",
    "strong": "bold",
    "b": "bold",
}
SKIPPED = {"script", "style", "svg", "template"}
NUMBER = re.compile(r"\d+(?:\s\d{3})*")
BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Block:
    kind: str
    text: str


def normalise(text: str) -> str:
    """One plain space between words, whatever the source used (NBSP, line breaks)."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def plain(markdown_inline: str) -> str:
    return normalise(BOLD.sub(r"\1", markdown_inline))


def numbers(text: str) -> list[str]:
    """Numbers as digits only, so that "2 200" and "2\u00a0200" are the same number."""
    return [re.sub(r"\s", "", match) for match in NUMBER.findall(normalise(text))]


def article_blocks(markdown: str) -> list[Block]:
    """Headings, paragraphs, list items and bold phrases of the article, in order.

    Only the Markdown the article uses: ATX headings, `- ` items, paragraphs,
    `---` rules and `**bold**`.
    """
    blocks: list[Block] = []
    paragraph: list[str] = []

    def add(kind: str, source: str) -> None:
        blocks.append(Block(kind, plain(source)))
        blocks.extend(Block("bold", normalise(phrase)) for phrase in BOLD.findall(source))

    def end_paragraph() -> None:
        if paragraph:
            add("paragraph", " ".join(paragraph))
            paragraph.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        heading = re.match(r"#{1,6}\s+(.*)", stripped)
        item = re.match(r"-\s+(.*)", stripped)
        if not stripped or stripped == "---" or heading or item:
            end_paragraph()
            if heading:
                add("heading", heading[1])
            elif item:
                add("item", item[1])
        else:
            paragraph.append(stripped)
    end_paragraph()
    return blocks


class _PageBlocks(HTMLParser):
    """Text blocks of the page's <article>, recorded where each block starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []  # [kind, text] while open
        self.kinds: list[str] = []
        self.open: list[tuple[str, int]] = []  # (tag, index into blocks)
        self.in_article = False
        self.skipping = 0
        self.all_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.in_article = True
        if not self.in_article:
            return
        if tag in SKIPPED:
            self.skipping += 1
        elif tag == "br":
            self._text(" ")
        elif tag in BLOCK_KINDS and not self.skipping:
            self.blocks.append([BLOCK_KINDS[tag], ""])
            self.open.append((tag, len(self.blocks) - 1))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
        elif tag in SKIPPED and self.skipping:
            self.skipping -= 1
        elif self.open and self.open[-1][0] == tag:
            self.open.pop()
        self._text(" ")

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skipping:
            self._text(data)

    def _text(self, data: str) -> None:
        self.all_text.append(data)
        for _, index in self.open:
            self.blocks[index][1] += data

    def result(self) -> tuple[list[Block], str]:
        return [Block(kind, normalise(text)) for kind, text in self.blocks], normalise("".join(self.all_text))


def page_blocks(html: str) -> tuple[list[Block], str]:
    parser = _PageBlocks()
    parser.feed(html)
    parser.close()
    return parser.result()


def problems(expected: list[Block], actual: list[Block]) -> list[str]:
    """What is missing from `actual`, or out of the article's order."""
    present = set(actual)
    missing = [f"missing {block.kind}: {block.text!r}" for block in expected if block not in present]
    if missing:
        return missing
    position = 0
    for block in expected:
        try:
            position = actual.index(block, position)
        except ValueError:
            return [f"out of order: {block.kind} {block.text!r} comes before the text that precedes it"]
    return []


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    remaining = iter(haystack)
    return all(any(candidate == wanted for candidate in remaining) for wanted in needle)


@pytest.fixture(scope="module")
def expected() -> list[Block]:
    return article_blocks(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(built_site: Path) -> tuple[list[Block], str]:
    return page_blocks((built_site / "index.html").read_text(encoding="utf-8"))


def test_fixture_is_read_completely(expected: list[Block]) -> None:
    """Guards the parser: the article has 17 headings, 23 paragraphs, 48 list items and 19 bold phrases."""
    kinds = [block.kind for block in expected]
    counts = tuple(kinds.count(kind) for kind in ("heading", "paragraph", "item", "bold"))
    assert counts == (17, 23, 48, 19)


def test_every_heading_paragraph_item_and_bold_phrase_in_order(
    expected: list[Block], page: tuple[list[Block], str]
) -> None:
    blocks, _ = page
    assert problems(expected, blocks) == []


def test_every_number_in_order(page: tuple[list[Block], str]) -> None:
    _, text = page
    wanted = numbers(FIXTURE.read_text(encoding="utf-8"))
    assert is_subsequence(wanted, numbers(text)), f"numbers of the article, in order: {wanted}"


def test_original_title_is_the_pages_h1(expected: list[Block], page: tuple[list[Block], str]) -> None:
    blocks, _ = page
    headings = [block for block in blocks if block.kind == "heading"]
    assert headings[0] == expected[0]


def test_checker_notices_any_dropped_or_moved_block(expected: list[Block]) -> None:
    """The comparison itself fails when any one block of the article is gone or moved."""
    for index in range(len(expected)):
        without = expected[:index] + expected[index + 1 :]
        assert problems(expected, without), f"dropping {expected[index]} went unnoticed"
    assert problems(expected, expected[1:] + expected[:1])
