"""MkDocs hooks: every piece of build logic, in one visible place.

Each event delegates to a module in `sitebuild/` that has one job; this file
only says which job runs at which point of the build.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from sitebuild import (
    asset_manifest,
    calculator_archive,
    company,
    contact_routes,
    host_headers,
    html_fixes,
    markers,
    nginx_conf,
    owner_settings,
    page_inserts,
    precompress,
    preview_headers,
    privacy_notice,
    publishing,
    pyodide_runtime,
    pyodide_stdlib,
    seo,
)

# Build output is English and goes through MkDocs' logger, prefixed "sitebuild:" like the steps' own.
log = get_plugin_logger("sitebuild.hooks")
PROJECT_ROOT = Path(__file__).resolve().parent
PRECOMPRESSED_CACHE = PROJECT_ROOT / ".cache" / "precompressed"
CALCULATOR_PACKAGE = PROJECT_ROOT / "calculator"
CALCULATOR_WORKER = "assets/javascripts/calculator-worker.mjs"

# Set by on_files, read by on_page_content and on_post_build: where this
# build put the calculator's engine files.
_assets: asset_manifest.AssetManifest | None = None
# Set by on_startup: "build", "gh-deploy" or "serve".
_command = "build"
# Set by on_config: the theme's templates, for partials rendered into pages.
# (MkDocs hands hooks its own environment only after the pages are rendered.)
_theme_env: Environment | None = None
# Set by on_config: the owner's checked settings under `extra` (`config.extra` keeps the plain mapping).
_owner: owner_settings.OwnerSettings | None = None
# Set by on_files: which pages carry the contact section and a calculator.
_routes: contact_routes.ContactRoutes | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is a preview, which needs no precompressed copies."""
    global _command
    _command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Stop early, naming the setting, when the site owner's settings are wrong,
    or, outside a preview, still hold the template's example values; then keep
    the checked settings and the theme's templates for the partials that pages ask for.
    The pages' author (`<meta name="author">`) is the company unless `site_author` says otherwise."""
    global _theme_env, _owner
    site_url = seo.require_site_url(config.site_url)
    preview = publishing.is_preview(_command, os.environ)
    _owner = owner_settings.read(config.extra, site_url, preview=preview)
    if config.site_author is None:  # the company is behind the site: its name, given once under extra.company
        config.site_author = company.page_author(_owner.company)
    if _owner.examples:
        log.info("preview: %d settings hold example values; a publishing build stops on them", len(_owner.examples))
    _theme_env = config.theme.get_env()
    _theme_env.globals.update(_owner.template_globals())
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the privacy notice's page; note which pages carry the contact section and a
    calculator (`sitebuild.contact_routes`); publish self-hosted Pyodide, its trimmed
    standard library and the calculator archive, record where they went
    (`sitebuild.asset_manifest`), and start compressing them for hosts that serve
    precompressed copies."""
    global _assets, _routes
    assert _owner is not None, "on_config runs before on_files"
    files.append(privacy_notice.page_file(config))
    _routes = contact_routes.ContactRoutes.of(
        _owner.contact, files.documentation_pages(), markers.site_markdown(config))
    runtime = pyodide_runtime.locate(PROJECT_ROOT)
    runtime_files = pyodide_runtime.site_files(runtime, config)
    stdlib = pyodide_stdlib.site_file(runtime, config)
    archive = calculator_archive.site_file(CALCULATOR_PACKAGE, config)
    for file in (*runtime_files, stdlib, archive):
        files.append(file)
    worker = files.get_file_from_path(CALCULATOR_WORKER)
    if worker is None:
        raise PluginError(f"The calculator's worker script {CALCULATOR_WORKER} is missing from {config.docs_dir}.")
    _assets = asset_manifest.AssetManifest.of(runtime.site_folder, runtime_files, stdlib, archive, worker)
    if _command != "serve":  # the engine's copies compress while the pages render
        engine_files = (*runtime_files, stdlib, archive)
        precompress.prepare(((file.dest_uri, file.content_bytes) for file in engine_files), PRECOMPRESSED_CACHE)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Every template gets the owner's checked settings and what follows from them
    (`OwnerSettings.template_globals`: the footer, contact.js's settings, the
    landing page's JSON-LD, the preview's notice), and where the contact section and
    a calculator are as `contact_routes` (for the 404 page)."""
    assert _owner is not None, "on_config runs before the templates"
    env.globals.update(_owner.template_globals())
    env.globals["contact_routes"] = _routes
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Insert what the page's `<!-- sajt:NAME -->` markers ask for: the calculator,
    the contact section, the privacy notice, the method page's tables (`sitebuild/page_inserts.py`)."""
    assert _theme_env is not None and _owner is not None, "on_config runs before any page"
    assert _assets is not None and _routes is not None, "on_files runs before any page"
    inserts = page_inserts.for_page(page, _theme_env, _assets, _routes, _owner.notice)
    return markers.expand(html, page, inserts)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Valid HTML where Material's templates are not (see `sitebuild.html_fixes`)."""
    return html_fixes.drop_checkbox_autocomplete(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages made from a template alone, such as 404.html."""
    return html_fixes.drop_checkbox_autocomplete(output_content)


def on_post_build(config: MkDocsConfig) -> None:
    """Files that follow the configuration: robots.txt names the sitemap's address;
    `_headers` carries the Content-Security-Policy with the hashes of the built
    pages' inline scripts and the contact form's endpoint, and the year-long
    caching of the engine's files where the asset record says they are.
    Outside the preview, that record and the same rules as an nginx include
    beside the site, then brotli and gzip
    copies of the built files, for hosts that serve precompressed files."""
    seo.write_robots_txt(config.site_dir, seo.require_site_url(config.site_url))
    assert _owner is not None and _assets is not None, "on_config and on_files run before the build ends"
    rules = host_headers.write(config.site_dir, _owner.contact.form_endpoint, _assets)
    if _command != "serve":
        asset_manifest.write(config.site_dir, _assets)
        include = nginx_conf.write(config.site_dir, rules)
        log.info("nginx include written to %s", include)
        precompress.write_copies(Path(config.site_dir), PRECOMPRESSED_CACHE)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """The preview sends the built `_headers` too, so it runs under the real policy."""
    return preview_headers.install(server, config.site_dir)
