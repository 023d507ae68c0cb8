"""Table names a revision imports from its own project (`SqlRun.__tablename__`, as MLflow's history
writes them) are read from the project's module, never imported; what is not a literal there is not."""

from __future__ import annotations

from pathlib import Path

from mkdocs_dbcatalog.history.analyse.alembic import analyse
from mkdocs_dbcatalog.history.analyse.sqlreader import SqlReader
from mkdocs_dbcatalog.history.operations import AddColumn, CreateTable

MODELS = """
from sqlalchemy.orm import DeclarativeBase

EVENTS = "events"
COMPUTED = "x".upper()


class Base(DeclarativeBase):
    pass


class SqlRun(Base):
    __tablename__ = "runs"
"""

REVISION = """
import sqlalchemy as sa
from alembic import op

from app import models
from app.models import COMPUTED, EVENTS, SqlRun

revision = "a1"
down_revision = None


def upgrade():
    op.create_table(SqlRun.__tablename__, sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column(models.SqlRun.__tablename__, sa.Column("name", sa.String(40)))
    op.add_column(EVENTS, sa.Column("at", sa.DateTime()))
    op.add_column(COMPUTED, sa.Column("at", sa.DateTime()))
"""


def test_names_imported_from_the_project_are_read_from_its_files(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "models.py").write_text(MODELS)
    versions = tmp_path / "app" / "migrations" / "versions"
    versions.mkdir(parents=True)
    (versions / "a1.py").write_text(REVISION)
    analysed = analyse(versions / "a1.py", "postgresql", SqlReader("postgresql"))
    created, added, events = analysed.operations
    assert isinstance(created, CreateTable) and created.table.name == "runs"
    assert isinstance(added, AddColumn) and (added.table.table, added.column.name) == ("runs", "name")
    assert isinstance(events, AddColumn) and events.table.table == "events"
    assert analysed.unread == ["line 16: `COMPUTED` is set at run time"]
