"""Load the public schemas of `shared/datasets` into the fresh databases the fixtures create.

Through the Python drivers, not the command-line clients: psycopg runs a script of many statements
in one call; MariaDB scripts use the client's DELIMITER command, so they are split here.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import sqlalchemy as sa


def datasets() -> Path:
    """`shared/datasets`, beside the repository (a clone in CI, a worktree on a developer machine)."""
    for folder in Path(__file__).resolve().parents:
        if (folder / "shared" / "datasets").is_dir():
            return folder / "shared" / "datasets"
    raise FileNotFoundError("shared/datasets not found beside the repository")


def load_postgres(url: str, script: str, strip: str | None = None) -> None:
    """Run a PostgreSQL script (pg_dump output or plain SQL) in the database at `url`.

    `strip` is a regular expression for lines to leave out (a script's own CREATE DATABASE, `\\c`).
    """
    text = (datasets() / script).read_text(encoding="utf-8")
    if strip:
        text = re.sub(strip, "", text, flags=re.MULTILINE)
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        # The driver's own cursor with no parameters: a script's `%` is not a placeholder.
        raw = engine.raw_connection()
        try:
            raw.cursor().execute(text)
        finally:
            raw.close()
    finally:
        engine.dispose()


def mysql_statements(text: str) -> list[str]:
    """Split a MySQL client script into statements, honouring `DELIMITER` lines."""
    statements: list[str] = []
    delimiter = ";"
    current: list[str] = []
    for line in text.splitlines():
        match = re.match(r"^\s*DELIMITER\s+(\S+)\s*$", line, re.IGNORECASE)
        if match:
            delimiter = match.group(1)
            continue
        current.append(line)
        if line.rstrip().endswith(delimiter):
            statement = "\n".join(current).rstrip()[: -len(delimiter)].strip()
            if statement and not re.fullmatch(r"(?s)(\s*(--[^\n]*|/\*.*?\*/))*\s*", statement):
                statements.append(statement)
            current = []
    return statements


def load_mariadb(url: str, script: str, schema: str | None = None) -> None:
    """Run a MySQL script in the database at `url`; `schema` is the name the script hard-codes."""
    text = (datasets() / script).read_text(encoding="utf-8")
    database = sa.make_url(url).database
    if schema:
        own = rf"`?{schema}`?"
        text = re.sub(rf"^\s*(DROP|CREATE) (SCHEMA|DATABASE)[^;]*;\s*$|^\s*USE {own};\s*$", "", text, flags=re.M | re.I)
        text = text.replace(f"{schema}.", f"`{database}`.")
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            for statement in mysql_statements(text):
                connection.exec_driver_sql(statement.replace("%", "%%"))
    finally:
        engine.dispose()


def sqlite_file(tmp_path: Path, name: str, *, copy: str | None = None, script: str | None = None) -> Path:
    """A SQLite database in tmp_path: a copy of a shipped file, or built from a script."""
    target = tmp_path / f"{name}.db"
    if copy:
        shutil.copy(datasets() / copy, target)
    if script:
        with sqlite3.connect(target) as connection:
            connection.executescript((datasets() / script).read_text(encoding="utf-8"))
    return target
