"""The declarative base, the naming convention and the column shapes every model shares."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Annotated

from sqlalchemy import DateTime, Enum, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, mapped_column
from sqlalchemy.types import TypeDecorator

from service.clock import as_utc, utcnow

# Stable constraint names, so Alembic migrations can drop and alter them on both databases.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator):
    """An aware UTC datetime in, an aware UTC datetime out, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; use service.clock")
        value = as_utc(value)
        # SQLite stores text: keep it naive UTC so string comparison orders correctly.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect):
        return as_utc(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


intpk = Annotated[int, mapped_column(Integer, primary_key=True)]
created_at = Annotated[datetime, mapped_column(UTCDateTime(), default=utcnow)]
utc = Annotated[datetime, mapped_column(UTCDateTime())]
phone = Annotated[str, mapped_column(String(16))]


def enum_column(enum_type: type[enum.StrEnum]) -> Enum:
    """A StrEnum stored as its value in a plain string column (no native enum to migrate)."""
    return Enum(enum_type, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])
