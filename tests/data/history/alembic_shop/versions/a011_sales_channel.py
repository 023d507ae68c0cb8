"""sales channel; its index only where the server is new enough

Revision ID: a011
Revises: a010
Create Date: 2024-07-01 12:00:00.000000

"""
import sqlalchemy as sa
from alembic import op

revision = "a011"
down_revision = "a010"


def upgrade() -> None:
    op.add_column("purchases", sa.Column("channel", sa.String(16), nullable=True))
    version = op.get_bind().execute(sa.text("SELECT current_setting('server_version_num')")).scalar()
    if int(version) >= 150000:
        op.create_index("ix_purchases_channel", "purchases", ["channel"], postgresql_nulls_not_distinct=True)


def downgrade() -> None:
    op.drop_column("purchases", "channel")
