"""create carts and orders

Revision ID: a1c9e0d2f3b4
Revises: 
Create Date: 2023-05-10 12:00:00

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = 'a1c9e0d2f3b4'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.execute("-- create carts and orders")


def downgrade() -> None:
    pass
