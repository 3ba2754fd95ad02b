"""communities keep a contact line for the HELP answer

Revision ID: 7c1e5a0d2b94
Revises: 7a1c3e9d2b64
Create Date: 2026-12-02 01:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '7c1e5a0d2b94'
down_revision = '7a1c3e9d2b64'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contact_line', sa.String(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.drop_column('contact_line')
