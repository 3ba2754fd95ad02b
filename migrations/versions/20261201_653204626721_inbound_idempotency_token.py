"""inbound messages keep Twilio's idempotency token

Revision ID: 653204626721
Revises: 35fc26bfb5b0
Create Date: 2026-12-01 21:40:00
"""

from alembic import op
import sqlalchemy as sa


revision = '653204626721'
down_revision = '35fc26bfb5b0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('inbound_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('idempotency_token', sa.String(length=128), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_inbound_messages_idempotency_token'), ['idempotency_token'])


def downgrade() -> None:
    with op.batch_alter_table('inbound_messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_inbound_messages_idempotency_token'), type_='unique')
        batch_op.drop_column('idempotency_token')
