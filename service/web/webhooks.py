"""Twilio's webhooks: incoming texts and delivery status, signed, thin, and answered at once.

Each view checks the signature against ``PUBLIC_URL`` + path (behind a proxy the request's
own URL is not what Twilio signed), stores and decides in one transaction, commits (which
wakes the workers), and answers TwiML in milliseconds.
"""

from __future__ import annotations

import functools
import logging

from flask import Blueprint, Flask, Response, abort, request
from sqlalchemy.exc import IntegrityError
from twilio.request_validator import RequestValidator
from twilio.twiml.messaging_response import MessagingResponse

from service import clock, web
from service.conversation.inbound import receive_sms
from service.members import heed_carrier
from service.messaging.delivery import apply_status

log = logging.getLogger(__name__)
bp = Blueprint("twilio", __name__, url_prefix="/twilio")


def twilio_signed(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        settings = web.settings()
        url = settings.public_url + request.path
        if request.query_string:
            url += "?" + request.query_string.decode("latin-1")
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature or not RequestValidator(settings.twilio_auth_token).validate(url, request.form, signature):
            log.warning("refused an unsigned or wrongly signed request to %s", request.path)
            abort(403)
        return view(*args, **kwargs)

    return wrapper


def twiml(text: str | None) -> Response:
    answer = MessagingResponse()
    if text:
        answer.message(text)
    return Response(str(answer), mimetype="text/xml")


@bp.post("/sms")
@twilio_signed
def sms() -> Response:
    form = request.form
    message_sid = form.get("MessageSid", "").strip()
    if not message_sid:
        abort(400, "MessageSid is required")
    session = web.session()
    try:
        answer = receive_sms(session, message_sid=message_sid, from_phone=form.get("From", ""),
                             to_phone=form.get("To", ""), body=form.get("Body", ""), now=clock.utcnow(),
                             dashboard_url=web.settings().public_url)
        session.commit()
    except IntegrityError:
        # The same MessageSid raced in twice (Twilio retried): the first one answers.
        session.rollback()
        return twiml(None)
    return twiml(answer.text)


@bp.post("/status")
@twilio_signed
def status() -> Response:
    form = request.form
    session = web.session()
    now = clock.utcnow()
    undelivered = apply_status(session, message_sid=form.get("MessageSid", ""), status=form.get("MessageStatus", ""),
                               error_code=_int(form.get("ErrorCode")), now=now,
                               retry_limit=web.settings().send_retry_limit)
    if undelivered is not None:
        heed_carrier(session, undelivered, now)
    session.commit()
    return Response(status=204)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
