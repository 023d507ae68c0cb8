"""merge full names and purchases

Revision ID: a007
Revises: a005, a006
Create Date: 2024-03-06 09:00:00.000000

"""
revision = "a007"
down_revision = ("a005", "a006")


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
