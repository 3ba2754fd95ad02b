"""Alembic's environment: the models' metadata, and the URL from the caller or DATABASE_URL."""

from alembic import context

from service.db import make_engine
from service.models import Base
from service.settings import Settings

config = context.config
url = config.get_main_option("sqlalchemy.url") or Settings.from_env().database_url


def run_migrations() -> None:
    engine = make_engine(url)
    try:
        _migrate(engine)
    finally:
        engine.dispose()


def _migrate(engine) -> None:
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
