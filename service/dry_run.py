"""What ``kinship tick --dry-run`` prints: who is due, at what local time, and the very text."""

from __future__ import annotations

from collections.abc import Iterator

from service.messaging.sms_text import render
from service.schedules import format_local
from service.tick import TickReport


def describe(report: TickReport) -> Iterator[str]:
    yield f"as of {report.now:%Y-%m-%dT%H:%M:%SZ}"
    for asked in report.asked:
        member = asked.member
        local = format_local(asked.slot, member.zone, "en")
        if asked.checkin is None:
            yield f"  skip   {member.name} ({member.phone}) {local} {member.zone}: missed by more than the grace period, not sent"
            continue
        text = render("checkin", member.language, name=member.first_name)
        yield f"  send   {member.name} ({member.phone}) {local} {member.zone}: {text}"
    for checkin in report.missed:
        yield f"  missed {checkin.member.name}: check-in of {checkin.scheduled_for:%Y-%m-%dT%H:%MZ} had no reply"
    for question in report.unanswered:
        yield f"  alert  {question.member.name}: asked whether they are safe at {question.asked_at:%H:%MZ}, no answer"
    for message in report.released:
        text = message.body or render(message.template, message.language, variant=message.id, **message.context)
        yield f"  send   {message.kind} to {message.to_phone}: {text}"
    if not (report.asked or report.missed or report.unanswered or report.released):
        yield "  nothing is due"
