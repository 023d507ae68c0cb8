"""create orders

Revision ID: a002
Revises: a001
Create Date: 2024-01-15 10:30:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "a002"
down_revision = "a001"


def upgrade() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        sa.Column("customer_id", sa.Integer(), sa.ForeignKey("customers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("status", sa.String(20), server_default="new", nullable=False),
        sa.Column("total", sa.Numeric(10, 2)),
    )
    op.create_index(op.f("ix_orders_customer_id"), "orders", ["customer_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_orders_customer_id"), table_name="orders")
    op.drop_table("orders")
