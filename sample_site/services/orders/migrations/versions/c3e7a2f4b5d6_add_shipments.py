"""add shipments

Revision ID: c3e7a2f4b5d6
Revises: b2d8f1e3a4c5
Create Date: 2023-09-01 09:10:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'c3e7a2f4b5d6'
down_revision: Union[str, Sequence[str], None] = 'b2d8f1e3a4c5'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("-- add shipments")


def downgrade() -> None:
    pass
