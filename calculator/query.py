"""Share links: a scenario as a short, versioned query string, and back.

`v=1&users=50000&stack=java`: the version first, then only the fields that
differ from their defaults, in display order. The same code runs in the
browser (Pyodide) and at build time, so a link made by one reads the same in
the other.

Decoding never trusts the link. It reads at most `MAX_QUERY_CHARS` characters
and `MAX_PAIRS` pairs, cuts keys and values to a bounded length, keeps the
first of repeated keys (as the browser's URLSearchParams.get does) and passes
unknown keys through so that `compute` reports them. A link of an unknown
version decodes to `{"v": version}` alone, which `compute` refuses with a
message, rather than guessing what another version's fields mean.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, unquote_plus

from calculator.fields import FIELDS
from calculator.parsing import MAX_RAW_LENGTH, FieldError, parse_field

QUERY_VERSION = "1"
VERSION_KEY = "v"
MAX_QUERY_CHARS = 2048
MAX_PAIRS = 40
MAX_KEY_LENGTH = 40


def encode_query(fields: Mapping[str, object]) -> str:
    """The share query (no leading `?`) for the given raw field values.

    Valid values are written in canonical form and left out when they equal
    the default; an invalid value is kept as typed (cut to a bounded length)
    so the link shows its recipient the same error. Unknown keys are dropped.
    """
    values: dict[str, str] = {}
    for spec in FIELDS:
        if spec.key not in fields:
            continue
        raw = fields[spec.key]
        try:
            values[spec.key] = parse_field(spec, raw).canonical
        except FieldError:
            values[spec.key] = str(raw)[: MAX_RAW_LENGTH + 1]
    return canonical_query(values)


def canonical_query(values: Mapping[str, str]) -> str:
    """The share query for values already in canonical form (`compute`'s own `fields`)."""
    pairs = [(VERSION_KEY, QUERY_VERSION)]
    pairs += [(spec.key, values[spec.key]) for spec in FIELDS
              if spec.key in values and values[spec.key] != spec.default]
    return "&".join(f"{quote(key, safe='')}={quote(value, safe=',')}" for key, value in pairs)


def decode_query(query: object) -> dict[str, str]:
    """Raw field values from a share query (`?` and a URL before it allowed); anything else: `{}`."""
    if not isinstance(query, str):
        return {}
    text = query[:MAX_QUERY_CHARS].partition("#")[0]
    if "?" in text:
        text = text.partition("?")[2]
    fields: dict[str, str] = {}
    for pair in text.split("&", MAX_PAIRS)[:MAX_PAIRS]:
        if not pair:
            continue
        key, _, value = pair.partition("=")
        key = unquote_plus(key)[:MAX_KEY_LENGTH]
        fields.setdefault(key, unquote_plus(value)[: MAX_RAW_LENGTH + 1])
    version = fields.pop(VERSION_KEY, QUERY_VERSION)
    if version != QUERY_VERSION:
        return {VERSION_KEY: version}
    return fields
