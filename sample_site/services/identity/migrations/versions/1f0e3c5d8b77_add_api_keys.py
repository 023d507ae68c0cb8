"""add api keys

Revision ID: 1f0e3c5d8b77
Revises: 9d2b7e11aa03
Create Date: 2024-06-30 14:05:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '1f0e3c5d8b77'
down_revision: Union[str, Sequence[str], None] = '9d2b7e11aa03'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table("api_keys", sa.Column("id", sa.Uuid, primary_key=True), sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.id", ondelete="SET NULL")))


def downgrade() -> None:
    op.drop_table("api_keys")
