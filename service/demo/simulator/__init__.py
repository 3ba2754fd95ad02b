"""The phone simulator: the demo's community as a row of phones, and a clock to move.

Mounted by ``create_app`` only when ``settings.demo`` (``KINSHIP_DEMO=1``, which ``kinship
demo`` sets); in production ``/simulator`` does not exist. Everything it does goes the real
way: replies typed on a phone reach ``/twilio/sms`` as signed webhooks posted by the simulated
Twilio, and what the phones show is what that Twilio was sent by the workers.

- ``views``: the page, its live partial and its buttons;
- ``client``: the simulated Twilio's ``/_sim/*`` endpoints;
- ``phones``, ``guide``, ``clock_bar``: what the page shows;
- ``time_travel`` and ``reset``: what its buttons do to the service.
"""

from __future__ import annotations

from flask import Flask

URL = "/simulator"


def init_app(app: Flask) -> None:
    from service.demo.simulator import views

    app.register_blueprint(views.bp, url_prefix=URL)
    app.config.setdefault("SIMULATOR_SETTLE_SECONDS", 5.0)
    # For the dashboard's own pages: a link to the phones, present only in the demo.
    app.add_template_global(URL, "simulator_url")
