"""The site owner's own settings under `extra`, declared with MkDocs' config classes.

MkDocs accepts anything under `extra` and checks none of it; settings of
this site's own (`extra.contact`, and any later one) are declared as a
`mkdocs.config.base.Config` subclass, as Material declares its plugins'
settings, and checked by `load` in `on_config`. The checked object is kept
by the caller and handed to whatever needs it; `config.extra` stays the
owner's plain mapping, so nothing changes type during a build.

A wrong setting stops the build with a `ConfigurationError` whose message
starts with the setting's full name (`extra.contact.email: …`): a misspelt
setting is an error too, not MkDocs' warning, because a landing page must not
ship without the address its owner meant to give it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from mkdocs.config.base import Config
from mkdocs.exceptions import ConfigurationError

Settings = TypeVar("Settings", bound=Config)


def load(schema: type[Settings], extra: Mapping[str, Any], name: str) -> Settings:
    """`extra[name]` checked against `schema`; raises naming the first wrong setting."""
    raw = extra.get(name)
    settings = schema()
    allowed = ", ".join(settings)
    if not isinstance(raw, Mapping):
        raise ConfigurationError(f"extra.{name} is missing or is not a group of settings (settings: {allowed})")
    unknown = sorted(set(raw) - set(settings))
    if unknown:
        raise ConfigurationError(f"extra.{name}.{unknown[0]}: unknown setting (allowed: {allowed})")
    settings.load_dict(dict(raw))
    failed, _warnings = settings.validate()  # unknown names, the only warnings, were refused above
    if failed:
        key, error = failed[0]
        raise ConfigurationError(f"extra.{name}.{key}: {error}")
    return settings
