"""tags (an array on PostgreSQL), audit columns

Revision ID: a008
Revises: a007
Create Date: 2024-04-10 16:20:00.000000

"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "a008"
down_revision = "a007"

AUDITED = ["customers", "purchases"]


def _audit(table: str) -> None:
    op.add_column(table, sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("customers", sa.Column("tags", postgresql.ARRAY(sa.Text()), nullable=True))
    else:
        op.add_column("customers", sa.Column("tags", sa.Text(), nullable=True))
    for table in AUDITED:
        _audit(table)


def downgrade() -> None:
    for table in AUDITED:
        op.drop_column(table, "updated_at")
    op.drop_column("customers", "tags")
