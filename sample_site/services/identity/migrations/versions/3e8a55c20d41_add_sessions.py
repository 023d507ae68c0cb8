"""add sessions

Revision ID: 3e8a55c20d41
Revises: 9d2b7e11aa03
Create Date: 2024-07-02 08:00:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '3e8a55c20d41'
down_revision: Union[str, Sequence[str], None] = '9d2b7e11aa03'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table("sessions", sa.Column("id", sa.Uuid, primary_key=True), sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False))


def downgrade() -> None:
    op.drop_table("sessions")
