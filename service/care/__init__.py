"""What we do about a reading: the safety path, alerts, escalation, buddies and pairing.

- ``safety``: crisis, support, silence and trends set alerts in motion;
- ``alerts``: one alert per episode, the coordinators told, closed by a person's hand;
- ``escalation``: the buddy path's steps and due times, swept by ``tick``;
- ``buddies``: who is paired with whom, rounds, introductions, "never pair" rules;
- ``pairing``: the matching itself, a pure function (no database, no clock).

Imports ``messaging`` to send and ``reading`` for its ``Reading``; never imports Flask, RQ,
``service.web`` or ``service.conversation`` (conversation calls care, not the other way).
"""
