"""add order status history

Revision ID: d4f6b3a5c6e7
Revises: c3e7a2f4b5d6
Create Date: 2024-02-14 10:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'd4f6b3a5c6e7'
down_revision: Union[str, Sequence[str], None] = 'c3e7a2f4b5d6'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("-- add order status history")


def downgrade() -> None:
    pass
