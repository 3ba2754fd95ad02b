"""Creating communities and their coordinators, with every value checked before it is saved."""

from __future__ import annotations

from datetime import datetime

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.members import MemberError, find_community
from service.messaging.phones import PhoneError, parse_phone
from service.messaging.sms_text import LANGUAGES
from service.models import DEFAULT_QUIET_HOURS, DEFAULT_SCHEDULE, Community, Coordinator
from service.passwords import hash_password
from service.schedules import QuietHours, ScheduleError, validate_schedule, zone


class CommunityError(ValueError):
    """A community or coordinator cannot be created as asked; the message says why."""


def add_community(session: Session, name: str, *, timezone: str = "UTC", country: str = "US",
                  from_number: str | None = None, language: str = "en", schedule: str = DEFAULT_SCHEDULE,
                  quiet_hours: str = DEFAULT_QUIET_HOURS, send_rate: float | None = None,
                  now: datetime) -> Community:
    name = " ".join((name or "").split())
    if not name or len(name) > 100:
        raise CommunityError("a community needs a name of 1 to 100 characters")
    if session.scalar(select(Community.id).where(Community.name == name)) is not None:
        raise CommunityError(f"a community named {name!r} already exists")
    country = (country or "").upper()
    if country not in phonenumbers.SUPPORTED_REGIONS:
        raise CommunityError(f"unknown country code {country!r} (use ISO 3166, e.g. US, GB, MX)")
    if language not in LANGUAGES:
        raise CommunityError(f"unsupported language {language!r} (use one of {', '.join(LANGUAGES)})")
    if send_rate is not None and not 0 <= send_rate <= 1000:
        raise CommunityError(f"the sending rate is texts a second from 0 (a Messaging Service paces them) to 1000, got {send_rate:g}")
    try:
        zone(timezone)
        validate_schedule(schedule, timezone, now)
        QuietHours.parse(quiet_hours)
        sender = parse_phone(from_number, country) if from_number else None
    except (ScheduleError, PhoneError) as error:
        raise CommunityError(str(error)) from None
    community = Community(name=name, timezone=timezone, country=country, from_number=sender, language=language,
                          default_schedule=schedule, quiet_hours=quiet_hours, send_rate_per_second=send_rate,
                          created_at=now)
    session.add(community)
    return community


def add_coordinator(session: Session, email: str, community_name: str, password: str, *, phone: str | None = None,
                    now: datetime) -> Coordinator:
    email = (email or "").strip().lower()
    if "@" not in email or len(email) > 254 or " " in email:
        raise CommunityError(f"{email!r} is not an email address")
    try:
        community = find_community(session, community_name)
    except MemberError as error:
        raise CommunityError(str(error)) from None
    try:
        e164 = parse_phone(phone, community.country) if phone else None
    except PhoneError as error:
        raise CommunityError(str(error)) from None
    coordinator = session.scalar(select(Coordinator).where(Coordinator.email == email))
    if coordinator is not None:
        if community in coordinator.communities:
            raise CommunityError(f"{email} is already a coordinator of {community.name}")
        # One account may look after several communities; the existing password stays.
        coordinator.communities.append(community)
        coordinator.phone = e164 or coordinator.phone
        return coordinator
    coordinator = Coordinator(email=email, password_hash=hash_password(password), phone=e164, created_at=now)
    coordinator.communities.append(community)
    session.add(coordinator)
    return coordinator


def reset_password(session: Session, email: str, password: str) -> Coordinator:
    coordinator = session.scalar(select(Coordinator).where(Coordinator.email == (email or "").strip().lower()))
    if coordinator is None:
        raise CommunityError(f"no coordinator {email}")
    coordinator.password_hash = hash_password(password)
    # Every session that carried the old version is signed out.
    coordinator.session_version += 1
    return coordinator
