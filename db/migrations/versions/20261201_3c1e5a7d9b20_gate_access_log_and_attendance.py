"""gate access log and attendance: kiosk devices, hash-chained access events, gate
alerts and staff work schedules

Revision ID: 3c1e5a7d9b20
Revises: 166f3bf71285
Create Date: 2026-12-01 14:14:10.778871

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '3c1e5a7d9b20'
down_revision: Union[str, Sequence[str], None] = '166f3bf71285'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('work_schedule',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('weekday', sa.Integer(), nullable=False),
    sa.Column('start_minute', sa.Integer(), nullable=False),
    sa.Column('end_minute', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('condominium_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['condominium_id'], ['condominium.id'], name=op.f('fk_work_schedule_cond_23bb49f0'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_work_schedule_person_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_work_schedule')),
    sa.UniqueConstraint('person_id', 'weekday', name=op.f('uq_work_schedule_pers_56438ee1'))
    )
    with op.batch_alter_table('work_schedule', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_work_schedule_cond_5f4e4fb4'), ['condominium_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_work_schedule_person_id'), ['person_id'], unique=False)

    op.create_table('gate_device',
    sa.Column('gate_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.TIMESTAMP(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('public_id', sa.String(length=36), nullable=False),
    sa.Column('condominium_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['condominium_id'], ['condominium.id'], name=op.f('fk_gate_device_condominium_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], name=op.f('fk_gate_device_created_by_id'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['gate_id'], ['gate.id'], name=op.f('fk_gate_device_gate_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gate_device')),
    sa.UniqueConstraint('public_id', name=op.f('uq_gate_device_public_id')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_gate_device_token_hash'))
    )
    with op.batch_alter_table('gate_device', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gate_device_condominium_id'), ['condominium_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gate_device_gate_id'), ['gate_id'], unique=False)

    op.create_table('access_event',
    sa.Column('seq_no', sa.Integer(), nullable=False),
    sa.Column('gate_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('method', sa.String(length=8), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=255), nullable=True),
    sa.Column('similarity', sa.Numeric(precision=6, scale=4, asdecimal=False), nullable=True),
    sa.Column('model_version', sa.Integer(), nullable=True),
    sa.Column('snapshot_key', sa.String(length=255), nullable=True),
    sa.Column('snapshot_sha256', sa.String(length=64), nullable=True),
    sa.Column('guard_id', sa.Integer(), nullable=True),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('correction_of_id', sa.Integer(), nullable=True),
    sa.Column('occurred_at', sa.TIMESTAMP(timezone=True), nullable=False),
    sa.Column('created_at', sa.TIMESTAMP(timezone=True), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('row_hash', sa.String(length=64), nullable=False),
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('condominium_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['condominium_id'], ['condominium.id'], name=op.f('fk_access_event_condominium_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['correction_of_id'], ['access_event.id'], name=op.f('fk_access_event_corre_20ea7dff')),
    sa.ForeignKeyConstraint(['device_id'], ['gate_device.id'], name=op.f('fk_access_event_device_id')),
    sa.ForeignKeyConstraint(['gate_id'], ['gate.id'], name=op.f('fk_access_event_gate_id')),
    sa.ForeignKeyConstraint(['guard_id'], ['app_user.id'], name=op.f('fk_access_event_guard_id')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_access_event_person_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access_event')),
    sa.UniqueConstraint('condominium_id', 'seq_no', name=op.f('uq_access_event_condo_c91f95ea'))
    )
    with op.batch_alter_table('access_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_event_condominium_id'), ['condominium_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_event_corre_7d2a1227'), ['correction_of_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_event_gate_id'), ['gate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_event_guard_id'), ['guard_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_event_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_access_event_person_id'), ['person_id'], unique=False)

    op.create_table('gate_alert',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('gate_id', sa.Integer(), nullable=False),
    sa.Column('access_event_id', sa.Integer(), nullable=True),
    sa.Column('message', sa.String(length=255), nullable=False),
    sa.Column('created_at', sa.TIMESTAMP(timezone=True), nullable=False),
    sa.Column('acked_at', sa.TIMESTAMP(timezone=True), nullable=True),
    sa.Column('acked_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False),
    sa.Column('condominium_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['access_event_id'], ['access_event.id'], name=op.f('fk_gate_alert_access_event_id')),
    sa.ForeignKeyConstraint(['acked_by_id'], ['app_user.id'], name=op.f('fk_gate_alert_acked_by_id'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['condominium_id'], ['condominium.id'], name=op.f('fk_gate_alert_condominium_id'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['gate_id'], ['gate.id'], name=op.f('fk_gate_alert_gate_id'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gate_alert'))
    )
    with op.batch_alter_table('gate_alert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gate_alert_access_event_id'), ['access_event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gate_alert_condominium_id'), ['condominium_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gate_alert_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_gate_alert_gate_id'), ['gate_id'], unique=False)



def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('gate_alert', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gate_alert_gate_id'))
        batch_op.drop_index(batch_op.f('ix_gate_alert_created_at'))
        batch_op.drop_index(batch_op.f('ix_gate_alert_condominium_id'))
        batch_op.drop_index(batch_op.f('ix_gate_alert_access_event_id'))

    op.drop_table('gate_alert')
    with op.batch_alter_table('access_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_event_person_id'))
        batch_op.drop_index(batch_op.f('ix_access_event_occurred_at'))
        batch_op.drop_index(batch_op.f('ix_access_event_guard_id'))
        batch_op.drop_index(batch_op.f('ix_access_event_gate_id'))
        batch_op.drop_index(batch_op.f('ix_access_event_corre_7d2a1227'))
        batch_op.drop_index(batch_op.f('ix_access_event_condominium_id'))

    op.drop_table('access_event')
    with op.batch_alter_table('gate_device', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gate_device_gate_id'))
        batch_op.drop_index(batch_op.f('ix_gate_device_condominium_id'))

    op.drop_table('gate_device')
    with op.batch_alter_table('work_schedule', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_work_schedule_person_id'))
        batch_op.drop_index(batch_op.f('ix_work_schedule_cond_5f4e4fb4'))

    op.drop_table('work_schedule')
