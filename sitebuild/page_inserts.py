"""What each marker name inserts: the one list of `<!-- sajt:NAME -->` names.

`sitebuild/markers.py` reads the markers of a page and calls the insert its
name stands for with the marker's arguments; a name that is not here stops
the build. A new insertion is one more entry below and a renderer in a module
of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from itertools import count

from jinja2 import Environment
from mkdocs.structure.pages import Page

from sitebuild import calculator_embed, contact_section, method_tables, privacy_notice
from sitebuild.asset_manifest import AssetManifest
from sitebuild.contact_routes import ContactRoutes
from sitebuild.markers import Arguments, Insert, no_arguments
from sitebuild.privacy_notice import PrivacyNotice


def for_page(
    page: Page, env: Environment, assets: AssetManifest, routes: ContactRoutes, notice: PrivacyNotice
) -> dict[str, Insert]:
    """Every marker name, with what it inserts into `page`.

    - `kalkylator`: the calculator; its arguments are presets in the model's
      field keys (`users=50000 stack=java`); each on a page gets its own id.
    - `kontakt`: the contact section (`id="kontakt"`), no arguments.
    - `integritetspolicy`: the privacy notice's sections, no arguments (the
      hooks add the page that carries it, `sitebuild/privacy_notice.py`).
    - the method page's parts (`formel`, `räkneexempel`, … see
      `sitebuild/method_tables.py`), no arguments.
    """
    calculator_ids = (calculator_embed.calculator_id(number) for number in count(1))

    def calculator(presets: Arguments) -> str:
        calc_id = next(calculator_ids)
        assert page.canonical_url is not None, "site_url is required (seo.require_site_url)"
        cta = partial(routes.calculator_cta, page.file.url, page.canonical_url, calc_id)
        return calculator_embed.render(presets, page, env, assets, cta, calc_id)

    return {
        "kalkylator": calculator,
        "kontakt": _without_arguments(partial(contact_section.render, env, routes.contact)),
        privacy_notice.MARKER: _without_arguments(partial(privacy_notice.render, env, notice)),
        **{name: _without_arguments(render) for name, render in method_tables.RENDERERS.items()},
    }


def _without_arguments(render: Callable[[], str]) -> Insert:
    def insert(arguments: Arguments) -> str:
        no_arguments(arguments)
        return render()

    return insert
