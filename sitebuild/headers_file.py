"""The `_headers` file that Netlify and Cloudflare Pages read from the published
folder: path patterns, each followed by indented `Name: value` lines.

One module writes the file and reads it back, so the build, the test server
and the `mkdocs serve` preview all send the same headers for a path. Matching
follows those hosts: `*` matches any characters (slashes included), every rule
whose pattern matches a path applies, and a header named by two matching rules
gets both values joined by a comma (Cloudflare's documented behaviour; the
site's rules never name a header twice for one path, so hosts cannot differ).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "_headers"

Header = tuple[str, str]


@dataclass(frozen=True)
class Rule:
    """Headers for every path that `pattern` matches (`/*`, `/*.wasm`, `/pyodide/*`)."""

    pattern: str
    headers: tuple[Header, ...]

    def matches(self, path: str) -> bool:
        return re.match(pattern_regex(self.pattern), path) is not None


def pattern_regex(pattern: str) -> str:
    """A rule's pattern as a regular expression of the whole path (Python's, and
    PCRE's for nginx): `*` matches any characters, slashes included, and nothing
    else is special, so fnmatch's `?` and `[` are made literal first."""
    return fnmatch.translate(re.sub(r"[?[]", r"[\g<0>]", pattern))


def render(rules: list[Rule]) -> str:
    """The file's text: one block per rule, headers indented by two spaces."""
    blocks = []
    for rule in rules:
        lines = [rule.pattern] + [f"  {name}: {value}" for name, value in rule.headers]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def parse(text: str) -> list[Rule]:
    """Read the file's text back into rules; `#` comments and blank lines are skipped."""
    rules: list[Rule] = []
    pattern: str | None = None
    headers: list[Header] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            if pattern is not None:
                rules.append(Rule(pattern, tuple(headers)))
            pattern, headers = line.strip(), []
            continue
        name, colon, value = line.strip().partition(":")
        if pattern is None or not colon:
            raise ValueError(f"{FILE_NAME}, line {number}: expected an indented 'Name: value' under a path")
        headers.append((name.strip(), value.strip()))
    if pattern is not None:
        rules.append(Rule(pattern, tuple(headers)))
    return rules


def write(site_dir: str | Path, rules: list[Rule]) -> None:
    Path(site_dir, FILE_NAME).write_text(render(rules), encoding="utf-8")


def read(site_dir: str | Path) -> list[Rule]:
    """The rules of a built site; none when the folder has no `_headers` file."""
    path = Path(site_dir, FILE_NAME)
    return parse(path.read_text(encoding="utf-8")) if path.is_file() else []


def headers_for(rules: list[Rule], path: str) -> list[Header]:
    """What a host sends for `path` (the URL path, without query), in rule order."""
    merged: dict[str, Header] = {}
    for rule in rules:
        if not rule.matches(path):
            continue
        for name, value in rule.headers:
            key = name.lower()
            merged[key] = (name, f"{merged[key][1]}, {value}") if key in merged else (name, value)
    return list(merged.values())


def replace_headers(sent: list[Header], extra: list[Header]) -> list[Header]:
    """`sent` with every header that `extra` names replaced by `extra`'s value, as the hosts do."""
    replaced = {name.lower() for name, _ in extra}
    return [header for header in sent if header[0].lower() not in replaced] + extra
