"""MariaDB and MySQL: `ALTER TABLE ... MODIFY COLUMN <the whole definition> COMMENT '...'`.

These engines have no `COMMENT ON`: a column's comment is set by restating the column, and anything
the restatement leaves out (a charset, a default, ON UPDATE, a generated expression, INVISIBLE,
AUTO_INCREMENT, a column CHECK...) would be changed with it. So each definition is taken from what
the server itself prints, `SHOW CREATE TABLE`, read live in a read-only session; sqlglot's tokenizer
finds each column's text and its COMMENT clause, and only that clause is written anew, the rest
byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import exc
from sqlglot import tokenize
from sqlglot.tokenizer_core import Token, TokenType

from ..catalog.model import Table, TableKind
from ..errors import CatalogError, DatabaseError
from ..sources.live.session import Limits, Target, create_engine, describe_failure, read_only
from . import Plan

COLUMN_COMMENT_MAX = 1024
TABLE_COMMENT_MAX = 2048
"""Characters MariaDB and MySQL keep in a comment (strict mode refuses more)."""



def _mode_without(*modes: str) -> str:
    """An expression for the session's `sql_mode` less `modes`: SHOW CREATE TABLE prints backticks
    and backslash escapes (even under NO_BACKSLASH_ESCAPES), so the read and the script drop them."""
    expression = "@@SESSION.sql_mode"
    for mode in modes:
        expression = f"TRIM(BOTH ',' FROM REPLACE(CONCAT(',', {expression}, ','), ',{mode},', ','))"
    return expression


def identifier(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


_ESCAPES = {"\\": "\\\\", "'": "''", "\x00": "\\0", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x1a": "\\Z"}


def literal(text: str) -> str:
    """A string literal with quotes doubled and line ends, tabs, NUL and Ctrl-Z as backslash escapes,
    so no client's line handling can change it (the script runs without NO_BACKSLASH_ESCAPES)."""
    return "'" + "".join(_ESCAPES.get(c, c) for c in text) + "'"


@dataclass(frozen=True)
class ColumnText:
    """A column's definition as SHOW CREATE TABLE prints it, and where its COMMENT clause is in it."""

    text: str
    comment: tuple[int, int] | None
    """Start and end of `COMMENT '...'` in `text`; None when there is none."""
    check: int | None
    """Where a column CHECK starts (a new COMMENT goes before it); None when there is none."""

    def with_comment(self, comment: str) -> str:
        clause = f"COMMENT {literal(comment)}"
        if self.comment is not None:
            start, end = self.comment
            return self.text[:start] + clause + self.text[end:]
        if self.check is not None:
            return f"{self.text[: self.check].rstrip()} {clause} {self.text[self.check :]}"
        return f"{self.text} {clause}"


def column_texts(create: str) -> dict[str, ColumnText]:
    """Each column's definition in a `SHOW CREATE TABLE` statement, by name (tokenized with sqlglot)."""
    tokens = tokenize(create, read="mysql")
    start = next(i for i, t in enumerate(tokens) if t.token_type is TokenType.L_PAREN)
    items: list[list[Token]] = [[]]
    depth = 0
    ends: list[int] = []  # where each item ends in the text: before its comma (comments such as
    for token in tokens[start + 1 :]:  # /*!80023 INVISIBLE */ belong to the item)
        if token.token_type is TokenType.L_PAREN:
            depth += 1
        elif token.token_type is TokenType.R_PAREN:
            if depth == 0:
                ends.append(token.start)
                break
            depth -= 1
        elif token.token_type is TokenType.COMMA and depth == 0:
            ends.append(token.start)
            items.append([])
            continue
        items[-1].append(token)
    columns = {}
    for item, end in zip(items, ends, strict=False):
        if not item or item[0].token_type is not TokenType.IDENTIFIER:
            continue  # PRIMARY KEY, KEY, UNIQUE KEY, CONSTRAINT, CHECK, FOREIGN KEY...
        begin = item[0].start
        text = create[begin:end].rstrip()
        comment = check = None
        level = 0
        for i, token in enumerate(item):
            if token.token_type is TokenType.L_PAREN:
                level += 1
            elif token.token_type is TokenType.R_PAREN:
                level -= 1
            elif level == 0 and token.token_type is not TokenType.IDENTIFIER:
                word = token.text.upper()
                if word == "COMMENT" and i + 1 < len(item) and item[i + 1].token_type is TokenType.STRING:
                    comment = (token.start - begin, item[i + 1].end + 1 - begin)
                elif word == "CHECK" and check is None:
                    check = token.start - begin
        columns[item[0].text] = ColumnText(text, comment, check)
    return columns


def show_create(connection: sa.Connection, tables: Iterable[Table]) -> dict[str, str]:
    """`SHOW CREATE TABLE` of each table, in a session that prints backticks and backslash escapes."""
    mode = _mode_without("NO_BACKSLASH_ESCAPES", "ANSI_QUOTES")
    connection.exec_driver_sql(f"SET SESSION sql_quote_show_create = 1, sql_mode = {mode}")
    found = {}
    for table in tables:
        name = f"{identifier(table.schema)}.{identifier(table.name)}" if table.schema else identifier(table.name)
        row = connection.exec_driver_sql(f"SHOW CREATE TABLE {name}").one()
        found[table.key] = row[1]
    return found


def read_creates(target: Target, limits: Limits, tables: Iterable[Table]) -> dict[str, str]:
    """SHOW CREATE TABLE of the tables, read live in a read-only transaction with the plugin's timeouts."""
    engine = create_engine(target, limits)
    try:
        with read_only(target, engine, limits) as connection:
            return show_create(connection, tables)
    except DatabaseError:
        raise
    except (exc.SQLAlchemyError, OSError) as problem:
        raise describe_failure(target, problem, limits) from None
    finally:
        engine.dispose()


def statements(plan: Plan, creates: dict[str, str]) -> list[str]:
    """One ALTER TABLE per table: its changed columns restated, its comment; notes for what cannot be."""
    out = []
    for table in plan.tables():
        if table.kind in (TableKind.VIEW, TableKind.MATERIALIZED_VIEW):
            note = f"view {table.key}: MariaDB and MySQL keep no comments on views or their columns"
            plan.leave_out(plan.of(table), note)
            continue
        columns = column_texts(creates[table.key])
        changes = []
        for comment in plan.of(table):
            problem = _unstorable(comment.text, COLUMN_COMMENT_MAX if comment.column else TABLE_COMMENT_MAX)
            where = f"{table.key}.{comment.column}" if comment.column else table.key
            if problem:
                plan.leave_out([comment], f"{where}: {problem}; left as it is")
            elif comment.column is None:
                changes.append(f"COMMENT = {literal(comment.text)}")
            elif comment.column not in columns:
                raise CatalogError(f"SHOW CREATE TABLE of {table.key} has no column {comment.column!r}")
            else:
                definition = columns[comment.column].with_comment(comment.text)
                changes.append(f"MODIFY COLUMN {definition}")
        if changes:
            name = f"{identifier(table.schema)}.{identifier(table.name)}" if table.schema else identifier(table.name)
            out.append(f"ALTER TABLE {name}\n  " + ",\n  ".join(changes) + ";")
    if not out:
        return []
    return [
        "SET NAMES utf8mb4;",
        "SET @dbcatalog_sql_mode = @@SESSION.sql_mode;",
        f"SET SESSION sql_mode = {_mode_without('NO_BACKSLASH_ESCAPES')};",
        *out,
        "SET SESSION sql_mode = @dbcatalog_sql_mode;",
    ]


def _unstorable(text: str, limit: int) -> str | None:
    # Comments are kept in utf8mb3: a 4-byte character would be stored as "?".
    if len(text) > limit:
        return f"the description has {len(text)} characters and the server keeps at most {limit}"
    if any(ord(c) > 0xFFFF for c in text):
        return "the description has characters outside the Basic Multilingual Plane (emoji...) comments cannot hold"
    return None
