"""What the operator sees of a running Kinship: log lines, and the metrics /metrics adds up.

- ``logs``: one line per event, key=value or JSON; no full phone number, body or secret;
- ``events``: what happened, said once the transaction that did it has committed: a log
  line and the metrics it feeds;
- ``metrics``: the service-wide counters and histograms, kept in Redis so that every
  process (web, worker, clock, CLI, on any machine) adds to the same ones.

The floor of the house: every room may call it. It imports only ``service.settings``
(never a room, never Flask or RQ), and reads nothing but what it is handed.
"""
