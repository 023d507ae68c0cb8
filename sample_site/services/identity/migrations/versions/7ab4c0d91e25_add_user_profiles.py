"""add user profiles

Revision ID: 7ab4c0d91e25
Revises: b5d0c3a9f812
Create Date: 2024-11-02 16:45:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '7ab4c0d91e25'
down_revision: Union[str, Sequence[str], None] = 'b5d0c3a9f812'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table("user_profiles", sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.id"), primary_key=True), sa.Column("locale", sa.String(10)))


def downgrade() -> None:
    op.drop_table("user_profiles")
