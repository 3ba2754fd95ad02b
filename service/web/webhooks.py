"""Twilio's webhooks: incoming texts and delivery status, signed, thin, and answered at once.

Each view checks the signature against ``PUBLIC_URL`` + path (behind a proxy the request's
own URL is not what Twilio signed), then every field it reads (``twilio_form``: a bad one
is a 400 that changes nothing), stores and decides in one transaction, commits (which
wakes the workers), and answers TwiML in milliseconds.
"""

from __future__ import annotations

import functools
import logging

from flask import Blueprint, Flask, Response, abort, request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from twilio.request_validator import RequestValidator

from service import clock, web
from service.care import moving_on
from service.conversation.inbound import receive_sms
from service.members import heed_carrier
from service.messaging.delivery import apply_status
from service.models import OutboundMessage
from service.web import twilio_form

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


_TWIML_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Response />'
_TWIML_MESSAGE = '<?xml version="1.0" encoding="UTF-8"?><Response><Message>{}</Message></Response>'


def twiml(text: str | None) -> Response:
    # What twilio's MessagingResponse writes, byte for byte, without building and serialising
    # an element tree on every reply (ElementTree escapes text by these three replacements).
    if not text:
        return Response(_TWIML_EMPTY, mimetype="text/xml")
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Response(_TWIML_MESSAGE.format(escaped), mimetype="text/xml")


@bp.post("/sms")
@twilio_signed
def sms() -> Response:
    try:
        text = twilio_form.incoming_sms(request.form, request.headers)
    except twilio_form.FormError as error:
        return _refuse(error)
    session = web.session()
    try:
        answer = receive_sms(session, message_sid=text.message_sid, from_phone=text.from_phone, to_phone=text.to_phone,
                             body=text.body, now=clock.utcnow(), dashboard_url=web.settings().public_url,
                             idempotency_token=text.idempotency_token)
        session.commit()
    except IntegrityError:
        # A race a unique index caught at commit: nothing of this request is kept. (A repeated
        # MessageSid or retry token never gets here: receive_sms answers it as a duplicate.)
        session.rollback()
        return twiml(None)
    return twiml(answer.text)


@bp.post("/status")
@twilio_signed
def status() -> Response:
    try:
        callback = twilio_form.status_callback(request.form)
    except twilio_form.FormError as error:
        return _refuse(error)
    session = web.session()
    now = clock.utcnow()
    # Looked up first: a passing failure sends the row back to the outbox without its SID.
    message_id = session.scalar(select(OutboundMessage.id).where(OutboundMessage.twilio_sid == callback.message_sid))
    undelivered = apply_status(session, message_sid=callback.message_sid, status=callback.status,
                               error_code=callback.error_code, now=now, retry_limit=web.settings().send_retry_limit)
    if undelivered is not None:
        heed_carrier(session, undelivered, now)
    if message_id is not None and (callback.status or "").lower() in ("undelivered", "failed"):
        # A failed text about an alert moves it on, in this same transaction.
        moving_on.after_failure(session, message_id, now, web.settings().public_url)
    session.commit()
    return Response(status=204)


def _refuse(error: twilio_form.FormError) -> Response:
    # The field and what is wrong with it; never its value, which may be a member's number or words.
    log.warning("refused a signed request to %s: %s", request.path, error)
    return Response(f"Bad request: {error}\n", status=400, mimetype="text/plain")


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
