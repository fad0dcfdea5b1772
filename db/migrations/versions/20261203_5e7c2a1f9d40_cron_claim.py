"""cron claim: one row per (cron entry, slot) run, so several schedulers run it once

Revision ID: 5e7c2a1f9d40
Revises: 4d2a6b8c1e30
Create Date: 2026-12-03 08:45:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '5e7c2a1f9d40'
down_revision: Union[str, Sequence[str], None] = '4d2a6b8c1e30'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('cron_claim',
    sa.Column('entry', sa.String(length=60), nullable=False),
    sa.Column('slot', sa.TIMESTAMP(timezone=True), nullable=False),
    sa.Column('claimed_by', sa.String(length=120), nullable=False),
    sa.Column('claimed_at', sa.TIMESTAMP(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('entry', 'slot', name=op.f('pk_cron_claim'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('cron_claim')
