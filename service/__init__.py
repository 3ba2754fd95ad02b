"""Kinship: SMS check-ins, buddies and coordinators for supportive communities.

``create_app()`` is the only way to build the web app; nothing happens at import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

    from service.settings import Settings


def create_app(settings: Settings | None = None) -> Flask:
    """The web app for these settings (from the environment when none are given)."""
    from service.settings import Settings
    from service.web.app import build_app

    return build_app(settings or Settings.from_env())
