"""add open orders view

Revision ID: e5a5c4b6d7f8
Revises: d4f6b3a5c6e7
Create Date: 2024-10-08 17:25:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'e5a5c4b6d7f8'
down_revision: Union[str, Sequence[str], None] = 'd4f6b3a5c6e7'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("-- add open orders view")


def downgrade() -> None:
    pass
