"""a sending rate per community; outbound messages indexed by creation time for retention

Revision ID: 7a1c3e9d2b64
Revises: 1360dd281321
Create Date: 2026-12-02 01:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '7a1c3e9d2b64'
down_revision = '1360dd281321'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('send_rate_per_second', sa.Float(), nullable=True))
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_outbound_messages_created_at'), ['created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('outbound_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbound_messages_created_at'))
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.drop_column('send_rate_per_second')
