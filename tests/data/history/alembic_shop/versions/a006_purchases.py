"""orders are purchases now

Revision ID: a006
Revises: a004
Create Date: 2024-03-05 11:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "a006"
down_revision = "a004"


def upgrade() -> None:
    op.rename_table("orders", "purchases")
    op.create_index("ix_purchases_status", "purchases", ["status"], postgresql_where=sa.text("status <> 'done'"))


def downgrade() -> None:
    op.drop_index("ix_purchases_status", table_name="purchases")
    op.rename_table("purchases", "orders")
