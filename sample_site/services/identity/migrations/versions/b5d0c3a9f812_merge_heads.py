"""merge api keys and sessions

Revision ID: b5d0c3a9f812
Revises: 1f0e3c5d8b77, 3e8a55c20d41
Create Date: 2024-07-03 11:20:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'b5d0c3a9f812'
down_revision: Union[str, Sequence[str], None] = ('1f0e3c5d8b77', '3e8a55c20d41')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
