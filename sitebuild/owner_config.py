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

from mkdocs.config.base import BaseConfigOption, Config, ValidationError
from mkdocs.exceptions import ConfigurationError

Settings = TypeVar("Settings", bound=Config)


class Text(BaseConfigOption[str | None]):
    """One line of text that visitors read; `required` says whether it may be left out."""

    def __init__(self, what: str, *, required: bool) -> None:
        super().__init__()
        self.what = what
        self.must_be_given = required

    def run_validation(self, value: object, /) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.must_be_given:
                raise ValidationError(f"missing: give {self.what}")
            return None
        if not isinstance(value, str) or "\n" in value.strip():
            raise ValidationError(f"{value!r} is not one line of text ({self.what})")
        return value.strip()


def load(schema: type[Settings], extra: Mapping[str, Any], name: str) -> Settings:
    """`extra[name]` checked against `schema`; raises naming the first wrong setting."""
    return check(schema, extra.get(name), f"extra.{name}")


def check(schema: type[Settings], raw: object, name: str) -> Settings:
    """`raw`, the group of settings called `name`, checked against `schema`;
    raises `ConfigurationError` naming the first wrong setting in full (a group
    inside a group raises it too, so its settings are named in full as well)."""
    settings = schema()
    allowed = ", ".join(settings)
    if not isinstance(raw, Mapping):
        raise ConfigurationError(f"{name} is missing or is not a group of settings (settings: {allowed})")
    unknown = sorted(set(raw) - set(settings))
    if unknown:
        raise ConfigurationError(f"{name}.{unknown[0]}: unknown setting (allowed: {allowed})")
    settings.load_dict(dict(raw))
    failed, _warnings = settings.validate()  # unknown names, the only warnings, were refused above
    if failed:
        key, error = failed[0]
        raise ConfigurationError(f"{name}.{key}: {error}")
    return settings


class Group(BaseConfigOption[Settings | None]):
    """An optional group of settings inside a group (`extra.contact.person`), named in full when wrong."""

    def __init__(self, schema: type[Settings], name: str) -> None:
        super().__init__()
        self.schema = schema
        self.name = name

    def run_validation(self, value: object, /) -> Settings | None:
        return None if value is None else check(self.schema, value, self.name)
