"""ask directly, unread replies, plain alert reasons

Safety questions (asked when a reply carries a risk signal the reader cannot settle), the
community setting that turns asking off, the plain-words concerns on alerts, and the
Unread replies mark on inbound messages. Existing rows get the defaults: asking on,
no concerns (the dashboard derives them from the stored reading), nothing unread.

Revision ID: 1360dd281321
Revises: 653204626721
Create Date: 2026-12-01 21:34:45.032703
"""

from alembic import op
import sqlalchemy as sa
import service.models.base


revision = '1360dd281321'
down_revision = '653204626721'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('safety_questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.Enum('open', 'safe', 'not_safe', 'unanswered', 'stopped', name='questionstate', native_enum=False, length=16), nullable=False),
    sa.Column('inbound_message_id', sa.Integer(), nullable=True),
    sa.Column('reading', sa.JSON(), nullable=True),
    sa.Column('asked_at', service.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('due_at', service.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('answer_message_id', sa.Integer(), nullable=True),
    sa.Column('settled_at', service.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('alert_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], name=op.f('fk_safety_questions_alert_id_alerts'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['answer_message_id'], ['inbound_messages.id'], name=op.f('fk_safety_questions_answer_message_id_inbound_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_safety_questions_community_id_communities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['inbound_message_id'], ['inbound_messages.id'], name=op.f('fk_safety_questions_inbound_message_id_inbound_messages'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_safety_questions_member_id_members'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_safety_questions'))
    )
    with op.batch_alter_table('safety_questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_safety_questions_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_questions_due_at'), ['due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_questions_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_safety_questions_state'), ['state'], unique=False)
        batch_op.create_index('uq_safety_questions_one_open', ['member_id'], unique=True, sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))

    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('concerns', sa.JSON(), nullable=False, server_default=sa.text("'[]'")))

    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ask_when_unsure', sa.Boolean(), nullable=False, server_default=sa.true()))

    with op.batch_alter_table('inbound_messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('awaits_reading', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('read_at', service.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('read_by_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_inbound_messages_awaits_reading'), ['awaits_reading'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_inbound_messages_read_by_id_coordinators'), 'coordinators', ['read_by_id'], ['id'], ondelete='SET NULL')



def downgrade() -> None:
    with op.batch_alter_table('inbound_messages', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_inbound_messages_read_by_id_coordinators'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_inbound_messages_awaits_reading'))
        batch_op.drop_column('read_by_id')
        batch_op.drop_column('read_at')
        batch_op.drop_column('awaits_reading')

    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.drop_column('ask_when_unsure')

    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_column('concerns')

    with op.batch_alter_table('safety_questions', schema=None) as batch_op:
        batch_op.drop_index('uq_safety_questions_one_open', sqlite_where=sa.text("state = 'open'"), postgresql_where=sa.text("state = 'open'"))
        batch_op.drop_index(batch_op.f('ix_safety_questions_state'))
        batch_op.drop_index(batch_op.f('ix_safety_questions_member_id'))
        batch_op.drop_index(batch_op.f('ix_safety_questions_due_at'))
        batch_op.drop_index(batch_op.f('ix_safety_questions_community_id'))

    op.drop_table('safety_questions')
