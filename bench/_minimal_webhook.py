"""The least a webhook can do, for bench/webhook.py to compare Kinship's against: check
Twilio's signature, insert the inbound row through SQLAlchemy, commit, answer TwiML.

    gunicorn --chdir bench "_minimal_webhook:create()"
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from flask import Flask, Response, abort, request
from sqlalchemy import create_engine, insert, select
from sqlalchemy.orm import sessionmaker
from twilio.request_validator import RequestValidator

from service.models import InboundMessage, Member


def create() -> Flask:
    app = Flask(__name__)
    engine = create_engine(os.environ["DATABASE_URL"])
    sessions = sessionmaker(engine)
    validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
    url = os.environ["PUBLIC_URL"] + "/twilio/sms"
    with sessions() as session:
        members = dict(session.execute(select(Member.phone, Member.id)).all())
    answer = os.environ.get("BENCH_TWIML", "<Response/>")

    @app.post("/twilio/sms")
    def sms() -> Response:
        if not validator.validate(url, request.form, request.headers.get("X-Twilio-Signature", "")):
            abort(403)
        form = request.form
        with sessions() as session:
            session.execute(insert(InboundMessage).values(
                message_sid=form["MessageSid"], member_id=members[form["From"]], from_phone=form["From"],
                to_phone=form["To"], body=form["Body"], kind="reply", received_at=datetime.now(UTC)))
            session.commit()
        return Response(answer, mimetype="text/xml")

    return app
