"""loyalty points, written as SQL

Revision ID: a010
Revises: a009
Create Date: 2024-06-12 09:30:00.000000

"""
from alembic import op

revision = "a010"
down_revision = "a009"


def upgrade() -> None:
    op.execute("ALTER TABLE customers ADD COLUMN loyalty integer NOT NULL DEFAULT 0")
    op.execute("COMMENT ON COLUMN customers.loyalty IS 'Points earned'")


def downgrade() -> None:
    op.execute("ALTER TABLE customers DROP COLUMN loyalty")
