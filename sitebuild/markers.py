"""Build-time insertions: one comment form, one dispatcher.

Everything the build writes into a page (the calculator, the contact section,
the method page's tables) is asked for with one form, on a line of its own:

    <!-- sajt:NAME -->
    <!-- sajt:NAME key=value key="value with spaces" -->

An HTML comment, so that a page stays readable Markdown (and shows nothing)
where the build does not run; the `sajt:` namespace, so that an ordinary
comment is never taken for a marker. `sitebuild/page_inserts.py` says what
each name inserts; this module reads the markers and dispatches them.

One stage, the page's HTML (`on_page_content`): Markdown copies a comment
through unchanged (and turns one shown in a code block into text, which is
then left alone), and the inserted HTML is never parsed as Markdown (which
re-serialises, and can break, HTML nested in a `markdown` block). Each
comment is found again in the page's Markdown for the line an error names.
MkDocs checks links to `#anchors` only after every page is rendered, against
each page's `present_anchor_ids`, so the ids of inserted HTML (such as
`#kontakt`) are added there and links to them validate.

A marker the build cannot honour stops the build naming the page and the
line of its Markdown file, as Material's shortcode hook does for an unknown
name: a misspelt name, a comment shaped like a marker but outside the
namespace (`<!-- kalkylator -->`, `<!-- sjat:kontakt -->`), arguments a name
does not take, or a marker sharing its line with text (its HTML would end up
inside a paragraph).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown import Markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

NAMESPACE = "sajt"
MARKER = re.compile(rf"<!--\s*{NAMESPACE}:(?P<name>[^\s>]*)(?P<arguments>.*?)-->", re.DOTALL)
COMMENT = re.compile(r"<!--(?P<text>.*?)-->", re.DOTALL)
# A comment's text shaped like a marker, in the namespace or not: `prefix:word key=value …`.
MARKER_SHAPE = re.compile(r"\s*(?P<prefix>[^\s:]+:)?(?P<word>[^\s:=]+)(?P<arguments>(?:\s+\S+)*)\s*", re.DOTALL)
ARGUMENT = re.compile(r'\s*(?P<key>[a-z_]+)=(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))')
# How close (difflib's ratio) a comment's word must be to a marker name to be
# taken for a misspelt marker: "kalkyltor" is 0.95 from "kalkylator".
NEAR_MISS = 0.8

Arguments = dict[str, str]
Insert = Callable[[Arguments], str]


class MarkerError(ValueError):
    """A marker's arguments this build cannot honour; the message says which and why."""


@dataclass(frozen=True)
class _SourceComment:
    """A comment in a page's Markdown: its text, the line of the file it starts on,
    and whether it stands on lines of its own."""

    text: str
    line: int
    alone: bool


def parse_arguments(text: str) -> Arguments:
    """Read `key=value` and `key="value with spaces"` pairs; anything else is an error."""
    arguments: Arguments = {}
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = ARGUMENT.match(text, position)
        if match is None:
            raise MarkerError(f"cannot read {text[position:].strip()!r}; write arguments as key=value")
        if match["key"] in arguments:
            raise MarkerError(f"{match['key']} is given twice")
        arguments[match["key"]] = match["quoted"] if match["quoted"] is not None else match["bare"]
        position = match.end()
    return arguments


def no_arguments(arguments: Arguments) -> None:
    """For a marker that takes none."""
    if arguments:
        raise MarkerError(f"takes no arguments (got {', '.join(arguments)})")


def expand(html: str, page: Page, inserts: Mapping[str, Insert]) -> str:
    """A page's HTML with every marker replaced by what `inserts[name]` renders for its arguments.

    Only comments Markdown kept as comments count: a marker shown in a code
    block is text there. Each is found in the page's Markdown for its line;
    raises `PluginError` naming the page, the line and the marker when one
    cannot be honoured, or when a comment looks like a misspelt marker.
    """
    waiting = _source_comments(page)

    def replace(comment: re.Match[str]) -> str:
        # Compared on one line: Markdown turns CR LF into LF and tabs into spaces.
        source = next((found for found in waiting if _quote(found.text) == _quote(comment[0])), None)
        if source is None:  # written by an extension (an icon's licence, say), not by the author
            if MARKER.fullmatch(comment[0]):
                raise PluginError(f"{page.file.src_uri}: {_quote(comment[0])} is not in the page's Markdown")
            return comment[0]
        waiting.remove(source)
        return _dispatch(comment, source, page, inserts)

    return COMMENT.sub(replace, html)


def site_markdown(config: MkDocsConfig) -> Markdown:
    """A converter with the site's own Markdown extensions, as MkDocs renders each page (`Page.render`)."""
    return Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {})


def names_asked_for(source: str, markdown: Markdown) -> set[str]:
    """The names of the markers in a page's Markdown file (front matter and all), before any page renders.

    By the rule `expand` follows: only comments Markdown keeps as comments,
    so a marker shown in a code block or inline code is not one. `markdown`
    is `site_markdown(config)`; only a file with a marker in its text at
    all is converted.
    """
    if MARKER.search(source) is None:
        return set()
    text, _ = meta.get_data(source)
    html = markdown.reset().convert(text)
    return {marker["name"] for comment in COMMENT.finditer(html) if (marker := MARKER.fullmatch(comment[0]))}


def _dispatch(comment: re.Match[str], source: _SourceComment, page: Page, inserts: Mapping[str, Insert]) -> str:
    """What replaces one comment: itself if it is no marker, else what its name inserts."""
    marker = MARKER.fullmatch(comment[0])
    if marker is None:
        meant = _meant_marker(comment["text"], inserts)
        if meant is not None:
            raise _error(page, source, f"did you mean <!-- {NAMESPACE}:{meant} -->?")
        return comment[0]
    insert = inserts.get(marker["name"])
    if insert is None:
        raise _error(page, source, _unknown_name(marker["name"], inserts))
    if not source.alone:
        raise _error(page, source, "a marker must stand on a line of its own")
    try:
        inserted = insert(parse_arguments(marker["arguments"])).strip()
    except MarkerError as error:
        raise _error(page, source, str(error)) from None
    assert page.present_anchor_ids is not None, "MkDocs renders the Markdown before on_page_content"
    page.present_anchor_ids |= _ids(inserted)
    return inserted


def _source_comments(page: Page) -> list[_SourceComment]:
    """Every comment in the page's Markdown, in order."""
    markdown = page.markdown or ""
    first_line = _first_line(page, markdown)
    return [
        _SourceComment(comment[0], first_line + markdown.count("\n", 0, comment.start()),
                       _alone_on_its_line(markdown, comment))
        for comment in COMMENT.finditer(markdown)
    ]


def _error(page: Page, source: _SourceComment, problem: str) -> PluginError:
    return PluginError(f"{page.file.src_uri}, line {source.line}: {_quote(source.text)}: {problem}")


def _quote(marker: str) -> str:
    """A marker as the message shows it: on one line."""
    return " ".join(marker.split())


def _first_line(page: Page, markdown: str) -> int:
    """The line of the source file where `markdown` starts (MkDocs hands hooks
    the text after the front matter, so its line 1 is not the file's)."""
    source = page.file.content_string
    if not source.endswith(markdown):
        return 1
    return 1 + source.count("\n", 0, len(source) - len(markdown))


def _alone_on_its_line(text: str, match: re.Match[str]) -> bool:
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    after = text[match.end():] if line_end == -1 else text[match.end():line_end]
    return not text[line_start:match.start()].strip() and not after.strip()


def _meant_marker(comment: str, inserts: Mapping[str, Insert]) -> str | None:
    """The marker name a comment outside the namespace looks like, if any.

    Only a comment shaped like a marker counts (one word, perhaps after a
    `prefix:`, then perhaps key=value arguments), so prose comments never
    stop a build; its word must be close to a name.
    """
    shape = MARKER_SHAPE.fullmatch(comment)
    if shape is None:
        return None
    try:
        parse_arguments(shape["arguments"])
    except MarkerError:
        return None
    close = difflib.get_close_matches(shape["word"], list(inserts), n=1, cutoff=NEAR_MISS)
    return close[0] if close else None


def _unknown_name(name: str, inserts: Mapping[str, Insert]) -> str:
    close = difflib.get_close_matches(name, list(inserts), n=1, cutoff=0.6)
    hint = f"did you mean {NAMESPACE}:{close[0]}? " if close else ""
    return f"unknown marker name {name!r}; {hint}known names: {', '.join(sorted(inserts))}"


class _IdCollector(HTMLParser):
    """Every `id` in a piece of HTML (and `name` of an `<a>`), as MkDocs collects anchors."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "id" or (name == "name" and tag == "a")):
                self.ids.add(value)


def _ids(html: str) -> set[str]:
    collector = _IdCollector()
    collector.feed(html)
    collector.close()
    return collector.ids
