"""A loop over batches of rows (Airflow's and MLflow's data migrations) changes no structure when
every SQL it runs is written in the file and only touches rows; any other SQL in it is not analysed."""

from __future__ import annotations

from pathlib import Path

from mkdocs_dbcatalog.history.analyse.alembic import analyse
from mkdocs_dbcatalog.history.analyse.sqlreader import SqlReader

REVISION = '''
import sqlalchemy as sa
from alembic import op

revision = "a1"
down_revision = None


def upgrade():
    op.add_column("task", sa.Column("uuid", sa.Uuid(), nullable=True))
    conn = op.get_bind()
    while True:
        result = conn.execute(
            sa.text(
                """
                WITH batch AS (SELECT id FROM task WHERE uuid IS NULL LIMIT :size)
                UPDATE task SET uuid = gen_random_uuid() FROM batch WHERE task.id = batch.id
                """
            ),
            {"size": 1000},
        )
        if result.rowcount == 0:
            break
    while conn.execute(sa.text("SELECT 1 FROM task WHERE uuid IS NULL")).first():
        conn.execute(sa.text("%s"))
'''


def test_a_loop_that_only_changes_rows_is_read_and_one_that_runs_other_sql_is_not(tmp_path: Path) -> None:
    path = tmp_path / "a1.py"
    path.write_text(REVISION.replace('"%s"', '"DELETE FROM task WHERE uuid IS NULL"'))
    analysed = analyse(path, "postgresql", SqlReader("postgresql"))
    assert analysed.unread == [] and len(analysed.operations) == 1

    path.write_text(REVISION.replace('"%s"', '"ALTER TABLE task ADD COLUMN note text"'))
    analysed = analyse(path, "postgresql", SqlReader("postgresql"))
    assert analysed.unread == ["line 24: `while` statement: what it does depends on the run"]
