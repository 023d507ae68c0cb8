"""full names required

Revision ID: a005
Revises: a004
Create Date: 2024-03-04 09:15:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "a005"
down_revision = "a004"


def upgrade() -> None:
    op.execute("UPDATE customers SET name = email WHERE name IS NULL")
    op.alter_column("customers", "name", existing_type=sa.String(100), nullable=False, new_column_name="full_name")


def downgrade() -> None:
    op.alter_column("customers", "full_name", nullable=True, new_column_name="name")
