"""The database models. Import them from here: ``from service.models import Member``."""

from service.models.alert import Alert, AlertKind, AlertReason, AlertState
from service.models.audit import AuditEvent
from service.models.base import Base, UTCDateTime
from service.models.buddies import BuddyGroup, NeverPair, PairingRound, buddy_group_members
from service.models.checkin import CheckIn, CheckInStatus
from service.models.community import DEFAULT_QUIET_HOURS, DEFAULT_SCHEDULE, Community, Coordinator
from service.models.member import Member, MemberStatus
from service.models.message import InboundMessage, Lane, MessageState, OutboundMessage
from service.models.notice import AlertEvent, AlertNotice
from service.models.question import QuestionState, SafetyQuestion

__all__ = [
    "Alert",
    "AlertEvent",
    "AlertNotice",
    "AuditEvent",
    "BuddyGroup",
    "NeverPair",
    "PairingRound",
    "buddy_group_members",
    "AlertKind",
    "AlertReason",
    "AlertState",
    "Base",
    "CheckIn",
    "CheckInStatus",
    "Community",
    "Coordinator",
    "DEFAULT_QUIET_HOURS",
    "DEFAULT_SCHEDULE",
    "InboundMessage",
    "Lane",
    "Member",
    "MemberStatus",
    "MessageState",
    "OutboundMessage",
    "QuestionState",
    "SafetyQuestion",
    "UTCDateTime",
]
