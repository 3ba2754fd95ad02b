"""escalation: alert timelines, who is on it, re-pages, stale hand-offs, failed buddy texts

Alert events (each alert's timeline, linking the texts sent about it), the buddy or
coordinator on an alert, how many times the coordinators were paged again, when a taken
alert went stale, the carrier code of a buddy's text that did not arrive, and the
community's crisis re-page interval. Existing alerts get an empty timeline and no re-pages.

Revision ID: 7c1e2a9d4b60
Revises: 9b1e4c7a2d30
Create Date: 2026-12-02 01:00:00
"""

from alembic import op
import sqlalchemy as sa
import service.models.base


revision = '7c1e2a9d4b60'
down_revision = '9b1e4c7a2d30'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('alert_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alert_id', sa.Integer(), nullable=False),
    sa.Column('at', service.models.base.UTCDateTime(), nullable=False),
    sa.Column('what', sa.String(length=24), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('coordinator_id', sa.Integer(), nullable=True),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['alert_id'], ['alerts.id'], name=op.f('fk_alert_events_alert_id_alerts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coordinator_id'], ['coordinators.id'], name=op.f('fk_alert_events_coordinator_id_coordinators'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_alert_events_member_id_members'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['message_id'], ['outbound_messages.id'], name=op.f('fk_alert_events_message_id_outbound_messages'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_events'))
    )
    with op.batch_alter_table('alert_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alert_events_alert_id'), ['alert_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_alert_events_message_id'), ['message_id'], unique=False)

    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('acknowledged_member_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('acknowledged_coordinator_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('repages', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('stale_at', service.models.base.UTCDateTime(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_alerts_acknowledged_member_id_members'), 'members', ['acknowledged_member_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_alerts_acknowledged_coordinator_id_coordinators'), 'coordinators', ['acknowledged_coordinator_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('alert_notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('undelivered_code', sa.Integer(), nullable=True))

    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('crisis_repage_minutes', sa.Integer(), server_default='10', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.drop_column('crisis_repage_minutes')

    with op.batch_alter_table('alert_notices', schema=None) as batch_op:
        batch_op.drop_column('undelivered_code')

    with op.batch_alter_table('alerts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_alerts_acknowledged_coordinator_id_coordinators'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_alerts_acknowledged_member_id_members'), type_='foreignkey')
        batch_op.drop_column('stale_at')
        batch_op.drop_column('repages')
        batch_op.drop_column('acknowledged_coordinator_id')
        batch_op.drop_column('acknowledged_member_id')

    with op.batch_alter_table('alert_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alert_events_message_id'))
        batch_op.drop_index(batch_op.f('ix_alert_events_alert_id'))

    op.drop_table('alert_events')
