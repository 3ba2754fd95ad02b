"""For the operator: checking a deployment, wiring Twilio to it, and the live gauges.

- ``doctor``: ``kinship doctor``, every check a deployment needs, a line each;
- ``twilio_setup``: the Twilio account as an operator sees it: credentials, our senders,
  where their webhooks point, and ``kinship twilio connect`` to point them at us;
- ``gauges``: what /metrics reads live from the database and Redis at each scrape.

Reads the rooms below (messaging, models, the database, RQ through ``workers.inspection``);
never imports Flask (the /metrics view in ``service.web`` calls in here), ``care`` or
``conversation``.
"""
