"""create users

Revision ID: 4c1a9e2f7b10
Revises: 
Create Date: 2024-02-01 10:12:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '4c1a9e2f7b10'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\"")
    op.create_table("users", sa.Column("id", sa.Uuid, primary_key=True), sa.Column("email", sa.Text, nullable=False))


def downgrade() -> None:
    op.drop_table("users")
