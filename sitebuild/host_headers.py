"""The HTTP headers the host sends with the built site, written to `_headers`.

The Content-Security-Policy must be a header, not a `<meta>` tag: the
calculator's worker takes its policy from the header of its own script, and a
`<meta>` policy cannot set `frame-ancestors`. It goes on every path, so the
worker scripts (`.mjs`, Material's search worker) carry the same policy as
the pages, including `'wasm-unsafe-eval'` for Pyodide.

Types are stated for the files whose type hosts disagree on (`.mjs` is not
in every server's table): a module worker served as `application/octet-stream`
does not start; the packed archives (`sitebuild.packed`) are gzip data, and
say so.

Pyodide's files live under a versioned folder and the calculator archive has
a content hash in its name, so browsers may keep both for a year; their paths
come from the build's asset record (`sitebuild.asset_manifest`), so the rule
follows wherever the build put them.
"""

from __future__ import annotations

from pathlib import Path

from sitebuild import csp, headers_file, packed
from sitebuild.asset_manifest import AssetManifest
from sitebuild.headers_file import Rule

IMMUTABLE = ("Cache-Control", "public, max-age=31536000, immutable")


def site_rules(policy: str, assets: AssetManifest) -> list[Rule]:
    """Every rule of the site; no header is named by two rules that match one path."""
    return [
        Rule(
            "/*",
            (
                ("Content-Security-Policy", policy),
                ("X-Content-Type-Options", "nosniff"),
                # Links to the article's sources carry no scenario from the share-link query.
                ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ),
        ),
        Rule("/*.wasm", (("Content-Type", "application/wasm"),)),
        Rule("/*.mjs", (("Content-Type", "text/javascript"),)),
        Rule(f"/*{packed.SUFFIX}", (("Content-Type", packed.CONTENT_TYPE),)),
        *(Rule(pattern, (IMMUTABLE,)) for pattern in assets.immutable_patterns()),
    ]


def write(site_dir: str | Path, form_endpoint: str | None, assets: AssetManifest) -> list[Rule]:
    """Hash the built pages' inline code, write `_headers` into the site and
    return its rules (the nginx include is made from the same)."""
    rules = site_rules(csp.policy(csp.inline_hashes(site_dir), form_endpoint), assets)
    headers_file.write(site_dir, rules)
    return rules
