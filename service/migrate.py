"""Alembic, run from code: ``kinship db upgrade`` and the tests use the same migrations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(config(database_url), revision)


@dataclass(frozen=True)
class SchemaState:
    """Where a database's schema stands against the migrations this code ships."""

    current: tuple[str, ...]  # the revisions the database is at (empty: never migrated)
    heads: tuple[str, ...]  # the revisions this code expects

    @property
    def at_head(self) -> bool:
        return set(self.current) == set(self.heads)

    def describe(self) -> str:
        if not self.current:
            return "not migrated (no Kinship tables yet)"
        at = ", ".join(self.current)
        return f"at migration {at} (head)" if self.at_head else f"at migration {at}; this code needs {', '.join(self.heads)}"


def schema_state(engine: Engine) -> SchemaState:
    """Read the database's Alembic revision (one query) and this code's heads."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    heads = ScriptDirectory(str(MIGRATIONS)).get_heads()
    return SchemaState(tuple(sorted(current)), tuple(sorted(heads)))
