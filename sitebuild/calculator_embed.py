"""Puts the savings calculator into any Markdown page with one line.

An author writes `<!-- kalkylator -->` on a line of its own, optionally with
preset values in the model's field keys:

    <!-- kalkylator users=50000 stack=java -->

The marker is an HTML comment so that a page stays readable Markdown even
where the hook does not run. Presets go through the model's own validation:
a bad one stops the build naming the page and the field, instead of
publishing a calculator that shows an error to every visitor.

The build runs the same `calculator.compute` as the visitor's browser does,
so the numbers are in the page at first paint, without JavaScript and
without WebAssembly; the browser later recomputes them with the very same code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from jinja2 import Environment
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import calculator
from sitebuild.asset_manifest import AssetManifest

MARKER = re.compile(r"<!--\s*kalkylator\b(?P<presets>.*?)-->", re.DOTALL)
PRESET = re.compile(r'\s*(?P<key>[a-z_]+)=(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s"]+))')
TEMPLATE = "partials/calculator.html"
# "Så räknar vi": the calculator links it, because a page that hides the
# navigation (the landing page) would otherwise leave the method unreachable.
METHOD_PAGE = "sa-raknar-vi.md"


def parse_presets(text: str) -> dict[str, str]:
    """Read `key=value` and `key="value with spaces"` pairs; anything else is an error."""
    presets: dict[str, str] = {}
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = PRESET.match(text, position)
        if match is None:
            raise ValueError(f"cannot read {text[position:].strip()!r}; write presets as key=value")
        value = match["quoted"] if match["quoted"] is not None else match["bare"]
        presets[match["key"]] = value
        position = match.end()
    return presets


def method_href(page: Page) -> str:
    """The method page's address relative to `page`, as MkDocs would write a link to it."""
    method = File(METHOD_PAGE, src_dir=None, dest_dir="", use_directory_urls=page.file.use_directory_urls)
    return get_relative_url(method.url, page.url)


def _preset_error(page: Page, detail: str) -> PluginError:
    return PluginError(f"{page.file.src_uri}: the <!-- kalkylator --> marker's presets are invalid: {detail}")


def embed(
    html: str,
    page: Page,
    env: Environment,
    assets: AssetManifest,
    contact_href: Callable[[str], str],
) -> str:
    """Replace every calculator marker of a page's HTML with the rendered calculator.

    `contact_href(scenario_text)` gives the contact link that carries a
    scenario, so the call to action works before any script has run.
    """
    instances = 0

    def render(match: re.Match[str]) -> str:
        nonlocal instances
        try:
            presets = parse_presets(match["presets"])
        except ValueError as error:
            raise _preset_error(page, str(error)) from None
        result = calculator.compute(presets)
        if not result["ok"]:
            detail = "; ".join(f"{key}: {message}" for key, message in result["errors"].items())
            raise _preset_error(page, detail)
        instances += 1
        return env.get_template(TEMPLATE).render(
            calc_id=f"kalk{instances}",
            specs=calculator.field_specs(),
            result=result,
            presets_json=json.dumps(result["fields"], ensure_ascii=False, sort_keys=True),
            urls=assets.urls(page.url),
            sizes_json=json.dumps({get_relative_url(path, page.url): size for path, size in assets.download_sizes.items()}),
            method_href=method_href(page),
            contact_href=contact_href(result["summary"]),
        )

    return MARKER.sub(render, html)
