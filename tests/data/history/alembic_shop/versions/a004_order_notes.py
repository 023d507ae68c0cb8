"""order notes, longer statuses

Revision ID: a004
Revises: a003
Create Date: 2024-02-20 14:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "a004"
down_revision = "a003"


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.alter_column("status", existing_type=sa.String(20), type_=sa.String(32), existing_nullable=False)
        batch_op.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("note")
        batch_op.alter_column("status", type_=sa.String(20))
