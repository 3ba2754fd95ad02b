"""a claim records when it happened; a member whose texts are not getting through

Revision ID: 9b1e4c7a2d30
Revises: 7c1e5a0d2b94
Create Date: 2026-12-02 01:00:00
"""

from alembic import op
import sqlalchemy as sa

from service.models.base import UTCDateTime


revision = '9b1e4c7a2d30'
down_revision = '7c1e5a0d2b94'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_at', UTCDateTime(), nullable=True))
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.add_column(sa.Column('texts_failing_since', UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('members', schema=None) as batch_op:
        batch_op.drop_column('texts_failing_since')
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.drop_column('claimed_at')
