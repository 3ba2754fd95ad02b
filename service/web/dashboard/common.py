"""What every dashboard page shares: the clock, audit lines, links that keep the community,
and the filters that write times and states in plain words."""

from __future__ import annotations

from datetime import datetime

from flask import Flask, g, request, url_for
from sqlalchemy import func, select

from service import audit, clock, web
from service.care import alert_words
from service.care.carrier_words import carrier_reason
from service.models import Alert, AlertState, AuditEvent, Member
from service.schedules.member_time import format_local
from service.web.dashboard import scoping

STATUS_WORDS = {
    "invited": "invited",
    "active": "active",
    "paused": "paused",
    "opted_out": "opted out",
    "unreachable": "unreachable",
}
STATE_WORDS = {
    "queued": "waiting to send",
    "sending": "sending",
    "sent": "sent",
    "delivered": "delivered",
    "undelivered": "not delivered",
    "failed": "failed",
    "replied": "answered at once",
    "cancelled": "not sent",
}


def now() -> datetime:
    return clock.utcnow()


def record(action: str, target: str | None = None, detail: dict | None = None, *,
           community_id: int | None = None) -> AuditEvent:
    """An audit line for the signed-in coordinator, in this request's session."""
    if community_id is None and "community" in g:
        community_id = g.community.id
    return audit.record(web.session(), scoping.coordinator(), action, target, detail, scoping.client_address(), now(),
                        community_id=community_id)


def link(endpoint: str, **values) -> str:
    """A URL that keeps the community this page is about, so two tabs never mix them up."""
    if "community" in g and "community" not in values:
        values["community"] = g.community.id
    return url_for(endpoint, **values)


def is_htmx() -> bool:
    return request.headers.get("HX-Request") == "true"


def zone_name() -> str:
    return g.community.timezone if "community" in g else "UTC"


def local(moment: datetime | None, zone: str | None = None) -> str:
    """A time on the community's clock (or ``zone``'s): "Mon 30 Nov, 09:00"."""
    if moment is None:
        return "-"
    return format_local(moment, zone or zone_name(), "en")


def ago(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    seconds = int((now() - moment).total_seconds())
    future = seconds < 0
    seconds = abs(seconds)
    if seconds < 60:
        return "just now"
    # To the nearest minute: a step 15 minutes away, shown a second later, is "in 15 min", not 14.
    minutes = (seconds + 30) // 60
    if minutes < 60:
        text = f"{minutes} min"
    elif minutes < 48 * 60:
        hours = minutes // 60
        text = f"{hours} hour{'s' if hours != 1 else ''}"
    else:
        days = minutes // (24 * 60)
        text = f"{days} days"
    return f"in {text}" if future else f"{text} ago"


def last_checkin(member: Member) -> str:
    """When the member last answered a check-in; "never" only when none has gone unanswered either."""
    if member.last_checkin_at is not None:
        return ago(member.last_checkin_at)
    missed = member.consecutive_missed or 0
    if missed == 1:
        return "no reply to the last one"
    if missed > 1:
        return f"no reply to the last {missed}"
    return "never"


def zone_words(zone: str) -> str:
    """A zone as people say it: "America/New_York" is "New York time"."""
    return zone.split("/")[-1].replace("_", " ") + " time"


def their_time(moment: datetime | None, member: Member) -> str:
    """For a member in another zone than the community's: their own clock, to put beside a time."""
    if moment is None or member.zone == zone_name():
        return ""
    return f"{format_local(moment, member.zone, 'en')} {member.first_name}'s time, {zone_words(member.zone)}"


def member_local(moment: datetime | None, member: Member) -> str:
    return local(moment, member.zone)


def init_app(app: Flask) -> None:
    app.add_template_global(link)
    app.add_template_global(zone_name)
    app.add_template_filter(carrier_reason)
    app.add_template_filter(local)
    app.add_template_filter(ago)
    app.add_template_filter(member_local)
    app.add_template_filter(last_checkin)
    app.add_template_filter(their_time)

    @app.context_processor
    def _zone() -> dict:
        # Said once per page: every time on it is on the community's clock.
        return {"community_zone_words": zone_words(g.community.timezone)} if "community" in g else {}
    app.add_template_filter(lambda value: STATUS_WORDS.get(str(value), str(value)), "status_words")
    app.add_template_filter(lambda value: STATE_WORDS.get(str(value), str(value)), "state_words")
    app.add_template_filter(audit.describe, "action_words")
    app.add_template_filter(alert_words.why, "why")
    app.add_template_filter(alert_words.shorten)
    app.add_template_global(alert_words.SHORT_WORDS, "short_words")

    @app.context_processor
    def _open_alerts() -> dict:
        # The count beside "Now" in the menu, on every page of a community.
        if "community" not in g or "coordinator" not in g:
            return {}
        count = web.session().scalar(select(func.count()).select_from(Alert).where(
            Alert.community_id == g.community.id, Alert.state != AlertState.RESOLVED))
        return {"open_alert_count": count}
