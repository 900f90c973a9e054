"""The nginx include the build writes, served by real nginx (`nginx_url`).

Every built file must get from nginx exactly the headers `_headers` gives its
path, with one `Content-Type` (Firefox refuses WebAssembly sent with two);
versioned files are cached for a year, pages are not; the build's gzip copies
are what nginx sends to a browser that accepts gzip; a missing page gets the
site's 404 page. Then the calculator goes live through it in Chromium. With
Debian's brotli module and `brotli_static on;` (the README's server block),
nginx sends the build's brotli copies, with one Content-Type.
"""

from __future__ import annotations

import gzip
import http.client
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
import pytest
from mkdocs.exceptions import PluginError

import calculator
from sitebuild import headers_file, nginx_conf, packed
from tests.support import nginx_server
from tests.support.built_assets import engine_path
from tests.support.calculator_page import READY, SAVING, fill, open_calculator, wait_for_result

IMMUTABLE = "public, max-age=31536000, immutable"


def get(base_url: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, every header line as sent (repeats kept) and the body nginx sends for `path`."""
    address = urlsplit(base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


def values(sent: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in sent if key.lower() == name.lower()]


@pytest.fixture(scope="module")
def nginx_brotli_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The built site served by real nginx with the build's include and `brotli_static on;`."""
    missing = nginx_server.brotli_available()
    if missing:
        pytest.skip(missing)
    with nginx_server.NginxServer(built_site, tmp_path_factory.mktemp("nginx-brotli"), brotli=True) as server:
        yield server.url


def test_the_include_is_written_beside_the_site_not_inside_it(built_site: Path) -> None:
    include = nginx_conf.path_for(built_site)
    assert include.parent == built_site.parent and include.is_file()
    assert not list(built_site.rglob("*.conf"))
    assert "error_page 404 /404.html;" in include.read_text(encoding="utf-8")


def test_every_built_file_gets_the_headers_of_headers_file(built_site: Path, nginx_url: str) -> None:
    rules = headers_file.read(built_site)
    wrong = []
    for path in nginx_conf.url_paths(built_site):
        status, sent, _ = get(nginx_url, path)
        expected = headers_file.headers_for(rules, path)
        for name, value in expected:
            if values(sent, name) != [value]:
                wrong.append(f"{path}: {name} {values(sent, name)}, expected [{value!r}]")
        if status != 200 or len(values(sent, "Content-Type")) != 1:
            wrong.append(f"{path}: status {status}, Content-Type {values(sent, 'Content-Type')}")
    assert wrong == []


def test_a_page_gets_the_policy_and_security_headers_and_no_long_caching(built_site: Path, nginx_url: str) -> None:
    status, sent, body = get(nginx_url, "/sa-raknar-vi/")
    assert status == 200 and b"<html" in body
    policy = dict(headers_file.headers_for(headers_file.read(built_site), "/"))["Content-Security-Policy"]
    assert values(sent, "Content-Security-Policy") == [policy]
    assert "'wasm-unsafe-eval'" in policy
    assert values(sent, "X-Content-Type-Options") == ["nosniff"]
    assert values(sent, "Referrer-Policy") == ["strict-origin-when-cross-origin"]
    assert values(sent, "Content-Type") == ["text/html; charset=utf-8"]
    assert IMMUTABLE not in values(sent, "Cache-Control")


def test_the_worker_script_is_javascript_under_the_policy(built_site: Path, nginx_url: str) -> None:
    status, sent, _ = get(nginx_url, "/assets/javascripts/calculator-worker.mjs")
    assert status == 200
    assert values(sent, "Content-Type") == ["text/javascript"]
    assert len(values(sent, "Content-Security-Policy")) == 1


def test_the_wasm_has_exactly_one_content_type_and_is_cached_for_a_year(built_site: Path, nginx_url: str) -> None:
    status, sent, body = get(nginx_url, engine_path(built_site, "pyodide.asm.wasm"))
    assert status == 200 and body[:4] == b"\0asm"
    assert values(sent, "Content-Type") == ["application/wasm"]
    assert values(sent, "Cache-Control") == [IMMUTABLE]


@pytest.mark.parametrize("file", ["archive", "stdlib", "pyodide.mjs"])
def test_versioned_files_are_cached_for_a_year(built_site: Path, nginx_url: str, file: str) -> None:
    status, sent, _ = get(nginx_url, engine_path(built_site, file))
    assert status == 200
    assert values(sent, "Cache-Control") == [IMMUTABLE]
    assert len(values(sent, "Content-Type")) == 1


def test_a_browser_accepting_gzip_gets_the_builds_gzip_copy(built_site: Path, nginx_url: str) -> None:
    path = engine_path(built_site, "pyodide.asm.mjs")
    status, sent, body = get(nginx_url, path, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert values(sent, "Content-Encoding") == ["gzip"]
    assert body == (built_site / (path.lstrip("/") + ".gz")).read_bytes()
    assert values(sent, "Content-Type") == ["text/javascript"]
    _, plain_sent, plain = get(nginx_url, path)
    assert values(plain_sent, "Content-Encoding") == []
    assert plain == (built_site / path.lstrip("/")).read_bytes()


@pytest.mark.parametrize("file", ["pyodide.asm.wasm", "pyodide.asm.mjs", "stdlib", "archive"])
def test_with_the_brotli_module_nginx_sends_the_builds_brotli_copies_with_one_content_type(
    built_site: Path, nginx_brotli_url: str, file: str
) -> None:
    path = engine_path(built_site, file)
    status, sent, body = get(nginx_brotli_url, path, {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200
    assert values(sent, "Content-Encoding") == ["br"]
    assert body == (built_site / (path.lstrip("/") + ".br")).read_bytes()
    content_type = dict(headers_file.headers_for(headers_file.read(built_site), path))["Content-Type"]
    assert values(sent, "Content-Type") == [content_type]
    assert values(sent, "Cache-Control") == [IMMUTABLE]


def test_a_packed_archive_is_gzip_on_a_host_without_brotli_and_its_zip_with_brotli(
    built_site: Path, nginx_url: str, nginx_brotli_url: str
) -> None:
    """Without brotli the worker gets the gzip inside the file; with it, the build's
    brotli copy, which decodes to the zip itself. Either way the same archive."""
    path = engine_path(built_site, "stdlib")
    assert packed.is_packed(path)
    status, sent, raw = get(nginx_url, path, {"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200 and values(sent, "Content-Encoding") == []
    assert values(sent, "Content-Type") == [packed.CONTENT_TYPE]
    assert raw[:2] == b"\x1f\x8b" and raw == (built_site / path.lstrip("/")).read_bytes()
    _, _, encoded = get(nginx_brotli_url, path, {"Accept-Encoding": "br"})
    archive = brotli.decompress(encoded)
    assert archive[:2] == b"PK" and archive == gzip.decompress(raw)


def test_a_missing_page_gets_the_sites_404_page_under_the_policy(built_site: Path, nginx_url: str) -> None:
    status, sent, body = get(nginx_url, "/finns-inte/")
    assert status == 404
    assert body == (built_site / "404.html").read_bytes()
    assert len(values(sent, "Content-Security-Policy")) == 1


def test_a_header_value_nginx_cannot_send_stops_the_build() -> None:
    rule = headers_file.Rule("/*", (("Content-Security-Policy", "form-action https://x.example/$uri"),))
    with pytest.raises(PluginError, match="Content-Security-Policy"):
        nginx_conf.render([rule], ["/"])


def test_the_calculator_goes_live_through_nginx_in_chromium(nginx_url: str, new_context: Any) -> None:
    """Chromium through nginx; `new_context` fails the test on any CSP violation."""
    page = new_context().new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    open_calculator(page, nginx_url)
    assert page.locator(READY).count() == 1
    values_typed = {"users": "25 000"}
    fill(page, values_typed)
    expected = calculator.compute(values_typed)
    wait_for_result(page, expected)
    assert page.locator(SAVING).text_content() == expected["saving"]["headline"]
    assert errors == []
