"""The Content-Security-Policy and the other host headers.

The build writes them to `_headers`; the test server sends exactly that file's
headers, so the browser tests here (and every other browser test, through
conftest's `new_context`) run under the policy a host enforces.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from sitebuild import csp, headers_file, preview_headers
from tests.support.built_assets import engine_path
from tests.support.config_variant import WITH_FORM, config_variant
from tests.support.csp_watch import watch_csp
from tests.support.site_builds import build_site

READY = "[data-calculator][data-live]"
READY_TIMEOUT_MS = 60_000
# Written independently of sitebuild.csp: a <script> without src whose type is
# absent or JavaScript runs; any other type (application/json) is data.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.S)
DATA_TYPE = re.compile(r"""\stype=["']?(?!text/javascript|module)""")


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def site_policy(site: Path) -> dict[str, list[str]]:
    headers = dict(headers_file.headers_for(headers_file.read(site), "/"))
    return directives(headers["Content-Security-Policy"])


def expected_hashes(site: Path) -> set[str]:
    found = set()
    for page in site.rglob("*.html"):
        for attributes, text in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if not DATA_TYPE.search(attributes):
                digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
                found.add(f"'sha256-{digest}'")
    return found


def test_script_src_has_the_hash_of_every_inline_script_of_every_page(built_site: Path) -> None:
    hashes = expected_hashes(built_site)
    assert len(hashes) >= 3, "Material's three inline scripts at least"
    script_src = site_policy(built_site)["script-src"]
    assert script_src[:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert set(script_src[2:]) == hashes


def test_the_policy_is_strict(built_site: Path) -> None:
    policy = site_policy(built_site)
    text = str(policy)
    for loophole in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", "*", "http:", "https:"):
        assert loophole not in text.replace("'wasm-unsafe-eval'", "")
    hashes = policy["script-src"][2:]
    assert all(source.startswith("'sha256-") for source in hashes)
    assert policy == {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *hashes],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


@pytest.mark.complete_build
def test_the_form_endpoint_is_the_one_other_place_data_may_go(tmp_path: Path) -> None:
    with config_variant(WITH_FORM) as config_file:
        result = build_site(tmp_path, config_file)
    assert result.returncode == 0, result.stderr
    policy = site_policy(tmp_path)
    assert policy["connect-src"] == ["'self'", "https://forms.example.net"]
    assert policy["form-action"] == ["'self'", "https://forms.example.net/f/kontakt"]


def test_an_endpoint_cannot_add_directives() -> None:
    none = csp.InlineHashes(scripts=(), styles=())
    text = csp.policy(none, "https://forms.example.net/a;script-src *,b")
    names = [directive.split()[0] for directive in text.split(";")]
    assert names == list(directives(csp.policy(none, None)))
    assert directives(text)["form-action"] == ["'self'", "https://forms.example.net/a%3Bscript-src%20*%2Cb"]


IMMUTABLE = "public, max-age=31536000, immutable"


@pytest.mark.parametrize(
    ("file", "name", "value"),
    [
        ("/", "X-Content-Type-Options", "nosniff"),
        ("/sa-raknar-vi/", "Referrer-Policy", "strict-origin-when-cross-origin"),
        ("pyodide.asm.wasm", "Content-Type", "application/wasm"),
        ("worker", "Content-Type", "text/javascript"),
        ("pyodide.asm.wasm", "Cache-Control", IMMUTABLE),
        ("pyodide.mjs", "Cache-Control", IMMUTABLE),
        ("stdlib", "Cache-Control", IMMUTABLE),
        ("archive", "Cache-Control", IMMUTABLE),
    ],
)
def test_host_headers_per_path(built_site: Path, file: str, name: str, value: str) -> None:
    """Pages by address, the engine's files where the build put them."""
    path = file if file.startswith("/") else engine_path(built_site, file)
    assert (built_site / path.lstrip("/")).exists(), path
    assert (name, value) in headers_file.headers_for(headers_file.read(built_site), path)


def test_pages_and_unversioned_files_are_not_cached_for_a_year(built_site: Path) -> None:
    rules = headers_file.read(built_site)
    for path in ("/", "/assets/javascripts/calculator.js", "/sitemap.xml"):
        assert "Cache-Control" not in dict(headers_file.headers_for(rules, path))


def test_no_file_gets_one_header_from_two_rules(built_site: Path) -> None:
    """Netlify and Cloudflare Pages differ when two rules name one header; the site never does."""
    rules = headers_file.read(built_site)
    for file in built_site.rglob("*"):
        path = "/" + file.relative_to(built_site).as_posix()
        names = [name.lower() for rule in rules if rule.matches(path) for name, _ in rule.headers]
        assert len(names) == len(set(names)), path


def test_headers_file_reads_back_what_it_writes() -> None:
    rules = [
        headers_file.Rule("/*", (("A", "1; b=2"), ("C", "x: y"))),
        headers_file.Rule("/*.wasm", (("Content-Type", "application/wasm"),)),
    ]
    assert headers_file.parse("# comment\n" + headers_file.render(rules)) == rules


def write_page(site: Path, html: str, name: str = "index.html") -> Path:
    (site / name).write_text(f"<!doctype html><html><body>{html}</body></html>", encoding="utf-8")
    return site


def test_data_blocks_need_no_hash_and_line_breaks_are_hashed_as_browsers_see_them(tmp_path: Path) -> None:
    write_page(
        tmp_path,
        '<script type="application/json">{"a": 1}</script><script>a()\r\nb()</script><style>p{}</style>',
    )
    found = csp.inline_hashes(tmp_path)
    assert found == csp.InlineHashes(scripts=(csp.inline_hash("a()\nb()"),), styles=(csp.inline_hash("p{}"),))


@pytest.mark.parametrize("markup", ['<p style="color: red">x</p>', '<a onclick="x()">x</a>'])
def test_markup_no_hash_can_allow_stops_the_build(tmp_path: Path, markup: str) -> None:
    write_page(tmp_path, markup, "sida.html")
    with pytest.raises(PluginError, match=r"sida\.html"):
        csp.inline_hashes(tmp_path)


def test_a_script_per_page_stops_the_build(tmp_path: Path) -> None:
    for number in range(csp.MAX_INLINE_CODE + 1):
        write_page(tmp_path, f"<script>page({number})</script>", f"{number}.html")
    with pytest.raises(PluginError, match=r"extra\.scope"):
        csp.inline_hashes(tmp_path)


@pytest.fixture()
def provoked(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """A page, and the CSP violations it meets, for tests that cause them on purpose."""
    violations: list[str] = []
    context = watch_csp(browser.new_context(), violations)
    yield context.new_page(), violations
    context.close()


@pytest.mark.browser
def test_the_test_server_enforces_the_policy(site_url: str, provoked: tuple[Any, list[str]]) -> None:
    """A script slipped into the page, and not in the built policy, does not run."""
    page, violations = provoked

    def inject(route: Any) -> None:
        response = route.fetch()
        body = response.text().replace("</body>", "<script>window.__injected = 1</script></body>")
        route.fulfill(response=response, body=body)

    page.route(site_url, inject)
    response = page.goto(site_url)
    assert response is not None and "'wasm-unsafe-eval'" in response.headers["content-security-policy"]
    page.wait_for_function("() => typeof __md_get === 'function'")  # Material's hashed script ran
    assert page.evaluate("window.__injected") is None
    page.wait_for_timeout(200)
    assert any("script-src" in text for text in violations), violations


@pytest.mark.browser
def test_the_calculator_runs_under_the_policy_its_worker_receives(site_url: str, new_context: Any) -> None:
    context = new_context()
    worker_policies: list[str] = []
    context.on(
        "response",
        lambda r: r.url.endswith("calculator-worker.mjs")
        and worker_policies.append(r.headers["content-security-policy"]),
    )
    page = context.new_page()
    page_policy = page.goto(site_url).headers["content-security-policy"]
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.wait_for_selector(READY, state="attached", timeout=READY_TIMEOUT_MS)
    assert worker_policies == [page_policy]
    # new_context fails the test at teardown if the page or the worker met a violation.


@pytest.mark.browser
def test_without_wasm_unsafe_eval_on_the_worker_pyodide_cannot_start(
    site_url: str, provoked: tuple[Any, list[str]]
) -> None:
    """The worker takes its policy from its own response: remove the one keyword
    Pyodide needs there, and the visitor gets the Swedish message."""
    page, violations = provoked

    def strip_wasm(route: Any) -> None:
        response = route.fetch()
        headers = dict(response.headers)
        headers["content-security-policy"] = headers["content-security-policy"].replace(" 'wasm-unsafe-eval'", "")
        route.fulfill(response=response, headers=headers)

    page.route(re.compile(r".*/calculator-worker\.mjs$"), strip_wasm)
    page.goto(site_url)
    page.locator("#kalkylator").scroll_into_view_if_needed()
    page.get_by_role("button", name="Försök igen").wait_for(state="visible", timeout=READY_TIMEOUT_MS)
    assert "kunde inte laddas" in page.locator("[data-calc-status]").text_content()
    assert any("WebAssembly" in text for text in violations), violations


@pytest.mark.browser
def test_instant_navigation_to_every_page_stays_within_the_policy(
    built_site: Path, site_url: str, new_context: Any
) -> None:
    """Material re-runs the scripts of each page it swaps in: none of them may be blocked."""
    page = new_context().new_page()
    page.goto(site_url)
    page.wait_for_function("() => typeof location$ !== 'undefined'")
    page.evaluate("window.__sameDocument = true")
    for file in sorted(built_site.rglob("index.html"), reverse=True):
        path = file.parent.relative_to(built_site).as_posix()
        target = site_url + ("" if path == "." else path + "/")
        title = re.search(r"<title>(.*?)</title>", file.read_text(encoding="utf-8")).group(1)
        page.evaluate("url => { history.pushState(null, '', url); location$.next(new URL(url)); }", target)
        page.wait_for_function("title => document.title === title", arg=html.unescape(title))
        page.wait_for_timeout(300)
    assert page.evaluate("window.__sameDocument") is True, "the pages were swapped in place, not loaded"


def test_the_preview_sends_the_headers_and_allows_only_its_live_reload_script(tmp_path: Path) -> None:
    from mkdocs.livereload import _SCRIPT_TEMPLATE

    headers_file.write(tmp_path, [headers_file.Rule("/*", (("Content-Security-Policy", "script-src 'self'"),))])
    script = _SCRIPT_TEMPLATE.substitute(epoch=1, request_id=2)
    page = f"<html><body><script>evil()</script><script>{script}</script></body></html>".encode()

    def livereload_app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        start_response("200 OK", [("Content-Type", "text/html"), ("Content-Security-Policy", "none")])
        return [page]

    sent: list[Any] = []
    app = preview_headers.with_site_headers(livereload_app, tmp_path, "/")
    body = app({"PATH_INFO": "/"}, lambda status, headers: sent.append(headers))
    assert b"".join(body) == page
    policy = f"script-src {csp.inline_hash(script)} 'self'"
    assert sent == [[("Content-Type", "text/html"), ("Content-Security-Policy", policy)]]
