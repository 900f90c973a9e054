"""An nginx include written beside the built site, from the rules of `_headers`.

Netlify and Cloudflare Pages read `_headers`; nginx needs its own
configuration, and a hand-copied one goes stale whenever a hash in the
Content-Security-Policy changes. So every build writes `<site_dir>.nginx.conf`
(for `site/`, the file `site.nginx.conf` beside it, never inside the published
folder) to be included in the server block that serves the folder.

Two nginx rules shape the translation:

- `_headers` applies every rule whose pattern matches a path; nginx picks one
  `location`, and a location with its own `add_header` drops the server's. So
  each group of paths that the same rules match gets one location carrying all
  of their headers. Its regular expression states which patterns match
  (lookaheads) and which do not (negative lookaheads), so the locations never
  overlap and their order does not matter. The groups come from the built
  files, and `/` (the start page's address, served through `index`).
- A `Content-Type` rule must replace the server's type, not add a second
  header: Firefox refuses to instantiate WebAssembly sent with two. Inside the
  location, `types { }` empties nginx's type table and `default_type` names
  the one type.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from sitebuild import headers_file
from sitebuild.beside_site import beside_site
from sitebuild.headers_file import Rule

SUFFIX = ".nginx.conf"

SERVER_SETTINGS = (
    "charset utf-8;  # the pages, the sitemap and robots.txt are UTF-8",
    "gzip_static on;  # sends <file>.gz, written by the build, to browsers that accept gzip",
    "gzip_vary on;",
    "error_page 404 /404.html;",
)

# nginx reads `$` as a variable and has no escape for it; a quote or a line
# break would end the value.
UNSAFE_IN_VALUE = re.compile(r'[$"\\\r\n]')


def path_for(site_dir: str | Path) -> Path:
    """Where the include goes: beside the published folder, named after it."""
    return beside_site(site_dir, SUFFIX)


def url_paths(site_dir: Path) -> list[str]:
    """Every address the site serves a file at, plus `/`."""
    files = (path for path in site_dir.rglob("*") if path.is_file())
    return ["/", *sorted("/" + path.relative_to(site_dir).as_posix() for path in files)]


def location_regex(rules: list[Rule], matching: frozenset[int]) -> str:
    """Matches exactly the paths that the rules numbered `matching` match and no other rule does."""
    checks = [
        ("(?=" if index in matching else "(?!") + headers_file.pattern_regex(rule.pattern) + ")"
        for index, rule in enumerate(rules)
    ]
    return "^" + "".join(checks)


def header_lines(headers: list[headers_file.Header]) -> list[str]:
    """nginx directives sending `headers`; `Content-Type` replaces the server's type."""
    lines: list[str] = []
    for name, value in headers:
        if UNSAFE_IN_VALUE.search(value):
            raise PluginError(
                f"nginx include: the value of the {name} header contains '$', a quote, a backslash or a line break, "
                f"which nginx cannot send as written: {value!r}"
            )
        if name.lower() == "content-type":
            lines += ["types { }", f"default_type {value};"]
        else:
            lines.append(f'add_header {name} "{value}" always;')
    return lines


def render(rules: list[Rule], paths: list[str]) -> str:
    """The include's text for a site that serves `paths` under `rules`."""
    groups: dict[frozenset[int], str] = {}
    for path in paths:
        matching = frozenset(index for index, rule in enumerate(rules) if rule.matches(path))
        groups.setdefault(matching, path)
    out = [
        "# Written by `mkdocs build` from the same rules as _headers: do not edit, rebuild.",
        "# Include it in the server block whose root is the published folder (see the README).",
        "",
        *SERVER_SETTINGS,
    ]
    for matching in sorted(groups, key=sorted):
        patterns = ", ".join(rules[index].pattern for index in sorted(matching)) or "no pattern"
        headers = headers_file.headers_for(rules, groups[matching])
        out += [
            "",
            f"# {patterns} (for example {groups[matching]})",
            f'location ~ "{location_regex(rules, matching)}" {{',
        ]
        out += [f"    {line}" for line in header_lines(headers)]
        out.append("}")
    return "\n".join(out) + "\n"


def write(site_dir: str | Path, rules: list[Rule]) -> Path:
    """Write the include for the built `site_dir` and return its path."""
    target = path_for(site_dir)
    target.write_text(render(rules, url_paths(Path(site_dir))), encoding="utf-8")
    return target
