"""Where a form may send the browser next: back inside the dashboard, never to another site.

A browser reads a ``Location`` the way the URL standard says: it drops every tab and newline,
and the spaces and control characters at either end, before it looks for a host. So the
target is cleaned the same way *first* -- ``/\\t/evil.example`` is ``//evil.example``, another
host -- and only then checked. A cleaned target also never carries a newline into a header.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# C0 controls, DEL and C1 controls: none belongs in a path a coordinator came from.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def local_target(value: str | None) -> str | None:
    """``value`` as a path on this site, or None if it is empty or could lead anywhere else."""
    target = _CONTROL.sub("", value or "").strip()
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
