"""add roles

Revision ID: 9d2b7e11aa03
Revises: 4c1a9e2f7b10
Create Date: 2024-03-12 09:30:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '9d2b7e11aa03'
down_revision: Union[str, Sequence[str], None] = '4c1a9e2f7b10'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table("roles", sa.Column("id", sa.SmallInteger, primary_key=True), sa.Column("name", sa.String(40), nullable=False, unique=True))
    op.create_table("user_roles", sa.Column("user_id", sa.Uuid, sa.ForeignKey("users.id"), primary_key=True), sa.Column("role_id", sa.SmallInteger, sa.ForeignKey("roles.id"), primary_key=True))


def downgrade() -> None:
    op.drop_table("user_roles")
    op.drop_table("roles")
