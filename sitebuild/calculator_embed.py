"""The savings calculator, rendered for a page that asks for it.

An author writes `<!-- sajt:kalkylator -->` on a line of its own, optionally
with preset values in the model's field keys (`sitebuild/markers.py` reads
the marker):

    <!-- sajt:kalkylator users=50000 stack=java -->

Presets go through the model's own validation: a bad one stops the build
naming the page and the field, instead of publishing a calculator that shows
an error to every visitor.

The build runs the same `calculator.compute` as the visitor's browser does,
so the numbers are in the page at first paint, without JavaScript and
without WebAssembly; the browser later recomputes them with the very same code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import calculator
from sitebuild.asset_manifest import AssetManifest
from sitebuild.markers import Arguments, MarkerError

TEMPLATE = "partials/calculator.html"
# "Så räknar vi": the calculator links it, because a page that hides the
# navigation (the landing page) would otherwise leave the method unreachable.
METHOD_PAGE = "sa-raknar-vi.md"


def calculator_id(number: int) -> str:
    """The id of a page's `number`th calculator (from 1): share links name it."""
    return f"kalk{number}"


def method_href(page: Page) -> str:
    """The method page's address relative to `page`, as MkDocs would write a link to it."""
    method = File(METHOD_PAGE, src_dir=None, dest_dir="", use_directory_urls=page.file.use_directory_urls)
    return get_relative_url(method.url, page.url)


def render(
    presets: Arguments,
    page: Page,
    env: Environment,
    assets: AssetManifest,
    contact_href: Callable[[str, str], str],
    calc_id: str,
) -> str:
    """The calculator for `page`, showing the scenario of `presets`, with the id `calc_id`.

    `contact_href(summary, share_query)` gives the contact link that carries
    the scenario, so the call to action works before any script has run.
    """
    result = calculator.compute(presets)  # `calculator.ComputeAnswer`: the shape `calculator/result_types.py` declares
    if not result["ok"]:
        detail = "; ".join(f"{key}: {message}" for key, message in result["errors"].items())
        raise MarkerError(f"invalid presets: {detail}")
    return env.get_template(TEMPLATE).render(
        calc_id=calc_id,
        specs=calculator.field_specs(),
        result=result,
        presets_json=json.dumps(result["fields"], ensure_ascii=False, sort_keys=True),
        urls=assets.urls(page.url),
        sizes_json=json.dumps({get_relative_url(path, page.url): size for path, size in assets.download_sizes.items()}),
        method_href=method_href(page),
        method_url=urljoin(page.canonical_url or "", method_href(page)),
        contact_href=contact_href(result["summary"], result["query"]),
    )
