"""order lines; the phone goes back to the CRM

Revision ID: a009
Revises: a008
Create Date: 2024-05-02 10:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "a009"
down_revision = "a008"


def upgrade() -> None:
    op.drop_column("customers", "phone")
    op.create_table(
        "order_lines",
        sa.Column("purchase_id", sa.BigInteger(), nullable=False),
        sa.Column("line", sa.SmallInteger(), nullable=False),
        sa.Column("sku", sa.String(40), nullable=False),
        sa.Column("quantity", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.PrimaryKeyConstraint("purchase_id", "line", name="order_lines_pkey"),
        sa.ForeignKeyConstraint(["purchase_id"], ["purchases.id"], name="order_lines_purchase_fk"),
        sa.CheckConstraint("quantity > 0", name="order_lines_quantity_positive"),
    )


def downgrade() -> None:
    op.drop_table("order_lines")
    op.add_column("customers", sa.Column("phone", sa.String(30), nullable=True))
