"""add order items

Revision ID: b2d8f1e3a4c5
Revises: a1c9e0d2f3b4
Create Date: 2023-05-24 15:30:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'b2d8f1e3a4c5'
down_revision: Union[str, Sequence[str], None] = 'a1c9e0d2f3b4'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("-- add order items")


def downgrade() -> None:
    pass
