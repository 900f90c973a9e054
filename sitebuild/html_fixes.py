"""Corrections to Material's generated HTML that its template blocks cannot reach.

Material's `base.html` writes `autocomplete="off"` on its two hidden
checkboxes (`__drawer`, `__search`) outside any block, so an override would
have to copy the whole template. The HTML standard allows `autocomplete` on
text-like inputs only, and the Nu Html Checker reports the attribute as an
error on checkboxes. Material added it so that Firefox does not restore an open
menu or search after the back button; the cost of dropping it is exactly that.
"""

from __future__ import annotations

import re

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def drop_checkbox_autocomplete(html: str) -> str:
    """Remove `autocomplete="off"` from Material's toggle checkboxes."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
