"""Member commands by text: PAUSE/AWAY, BACK, TIME, BUDDY ON/OFF, SHARE ON/OFF, and a buddy's
ON IT, PASS and DONE.

Each returns the template (and its context) to answer with; the answer always states the
result in the member's own local time, so they can see the command did what they meant.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from service.care import escalation, moving_on
from service.care.buddies import pair_newcomer
from service.conversation import replying
from service.conversation.arrival import Arrival
from service.conversation.commands import Command
from service.members import schedule_next
from service.messaging.outbox import quiet_hours_for
from service.models import InboundMessage, Member, MemberStatus
from service.reading import Reading
from service.schedules import (
    ScheduleError,
    check_in_hours,
    format_local,
    format_local_day,
    in_quiet_hours,
    next_occurrence,
    parse_pause,
    parse_time_of_day,
    validate_schedule,
    with_time_of_day,
)

Answer = tuple[str | None, dict]


def run(session: Session, arrived: Arrival, inbound: InboundMessage, command: Command, argument: str, now: datetime,
        dashboard_url: str, reading: Reading | None = None) -> Answer:
    member = arrived.member
    if command == Command.PAUSE:
        answer = pause(member, argument, now)
        if member.status == MemberStatus.PAUSED:
            # A buddy who pauses hands on what they were asked about or on, but keeps their buddies.
            moving_on.member_left(session, member, now, dashboard_url, "pause")
        return answer
    if command == Command.BACK:
        return back(member, now)
    if command == Command.TIME:
        return move_time(member, argument, now)
    if command in _FLAGS:
        attribute, value, template = _FLAGS[command]
        was = getattr(member, attribute)
        setattr(member, attribute, value)
        if command == Command.BUDDY_OFF and was:
            moving_on.member_left(session, member, now, dashboard_url, "buddy_off")
        elif command == Command.BUDDY_ON and not was:
            pair_newcomer(session, member, now)
        return template, {}
    if command == Command.DONE:
        answered = escalation.buddy_done(session, member, now)
    else:
        answered = escalation.buddy_answers(session, member, command == Command.ON_IT, now, dashboard_url)
    if answered is not None:
        return answered
    # ON IT / PASS / DONE from someone with no buddy alert to answer: read it as what they said.
    return replying.reply(session, arrived, inbound, now, dashboard_url, reading)


_FLAGS = {
    Command.BUDDY_ON: ("buddy_opt_in", True, "buddy_on"),
    Command.BUDDY_OFF: ("buddy_opt_in", False, "buddy_off"),
    Command.SHARE_ON: ("share_with_buddy", True, "share_on"),
    Command.SHARE_OFF: ("share_with_buddy", False, "share_off"),
}


def next_checkin_text(member: Member) -> str:
    if member.next_checkin_at is None:
        return "-"
    return format_local(member.next_checkin_at, member.zone, member.language)


def pause(member: Member, argument: str, now: datetime) -> Answer:
    try:
        resume = parse_pause(argument, now, member.zone)
    except ScheduleError:
        return "pause_help", {}
    member.status = MemberStatus.PAUSED
    member.paused_until = resume
    schedule_next(member, resume)
    return "pause_confirm", {"resume_date": format_local_day(resume, member.zone, member.language)}


def back(member: Member, now: datetime) -> Answer:
    if member.status == MemberStatus.PAUSED:
        member.status = MemberStatus.ACTIVE
        member.paused_until = None
        schedule_next(member, now)
    return "back_confirm", {"next_checkin": next_checkin_text(member)}


def move_time(member: Member, argument: str, now: datetime) -> Answer:
    try:
        at = parse_time_of_day(argument)
        rule = with_time_of_day(member.effective_schedule, at)
        validate_schedule(rule, member.zone, now)
    except ScheduleError:
        return "time_help", {}
    quiet = quiet_hours_for(member)
    hours = check_in_hours(rule)
    # Twice a day: the next two check-ins are one at each time, and neither may be in quiet hours.
    moment: datetime | None = now
    for _ in range(max(1, len(hours))):
        moment = next_occurrence(rule, member.zone, moment) if moment is not None else None
        if moment is not None and in_quiet_hours(moment, member.zone, quiet):
            return "quiet_time_refused", {"quiet_hours": str(quiet)}
    member.schedule = rule
    schedule_next(member, max(now, member.paused_until or now))
    if len(hours) == 2:
        # Say both times, so a member who meant "move my check-in" sees the other one stayed.
        first, second = (f"{hour:02d}:{at.minute:02d}" for hour in hours)
        return "time_confirm_twice", {"first_time": first, "second_time": second,
                                      "next_checkin": next_checkin_text(member)}
    return "time_confirm", {"next_checkin": next_checkin_text(member)}
