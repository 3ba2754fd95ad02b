"""A text goes out: outbox rows, sending, delivery status, the Twilio gateway, SMS copy.

- ``outbox``: every text is a row first (``queue_message``, ``record_answer``), and who may
  receive what is decided here once;
- ``sending``: claim a row, render, pace, send through ``twilio_gateway``, record;
- ``delivery``: Twilio's answers and status callbacks; a text that will not arrive comes
  back as ``Undelivered`` for the layer above to heed;
- ``sms_text``: the copy in ``templates_sms/`` and SMS segment arithmetic;
- ``phones``: E.164 at the edge; ``broadcasts``: one message to many members;
- ``backlog``: texts not gone yet (the oldest waiting, those stuck mid-send).

Knows messages, not people's care: never imports ``care``, ``conversation``, ``web``
(the dashboard included), Flask or RQ.
"""
