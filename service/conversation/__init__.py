"""A text comes in: what a member's message asks for, and the answer it gets.

The first room an incoming text enters after the webhook. ``arrival`` finds who sent it and
what is open for them in one query, and stores it once per MessageSid; ``inbound.receive_sms``
routes it: a carrier keyword (``commands``), a member command
(``member_commands``: PAUSE, TIME, BUDDY, SHARE…), a message for a buddy (``relay``), or a
reply to a check-in (``replying``), which is read by ``service.reading`` and handed to
``service.care``.

Never imports Flask, RQ or ``service.web``: the webhook is a thin adapter around this room,
and the same functions run from tests and the CLI.
"""
