"""Loading the public sample schemas into test databases, and their ground truth.

Ground truth is read here independently of the plugin: from information_schema, pg_catalog's
own `pg_indexes` definitions, MariaDB's `SHOW INDEX`, and SQLite's per-table PRAGMA statements,
then put in the same plain shape as `shape(database)` gives for a model read by the plugin.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from mkdocs_dbcatalog.catalog.model import Database

from .conftest import DATASETS

# Lines that create, drop or switch databases: the fixtures give each test its own database.
_SWITCH = re.compile(
    r"^\s*(DROP\s+(DATABASE|SCHEMA)\b.*|CREATE\s+(DATABASE|SCHEMA)\b.*|USE\s+.*|\\c\s+.*)$",
    re.IGNORECASE | re.MULTILINE,
)


def dataset(relative: str, tmp_path: Path) -> Path:
    """A copy of a dataset script without its database switching, in tmp_path."""
    text = _SWITCH.sub("", (DATASETS / relative).read_text(encoding="utf-8"))
    if relative.startswith("sakila/mysql"):
        text = re.sub(r"\bsakila\.", "", text)  # its views name the database `sakila`
    target = tmp_path / Path(relative).name
    target.write_text(text, encoding="utf-8")
    return target


def load_pg(url: str, script: Path) -> None:
    parsed = sa.make_url(url)
    subprocess.run(
        [
            "psql",
            "-h",
            parsed.host or "127.0.0.1",
            "-p",
            str(parsed.port or 5432),
            "-U",
            parsed.username or "postgres",
            "-d",
            parsed.database or "",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-f",
            str(script),
        ],
        check=True,
        capture_output=True,
    )


def load_mariadb(url: str, script: Path) -> None:
    parsed = sa.make_url(url)
    with script.open("rb") as source:
        subprocess.run(
            [
                "mariadb",
                "-h",
                parsed.host or "127.0.0.1",
                "-P",
                str(parsed.port or 3306),
                "-u",
                parsed.username or "root",
                parsed.database or "",
            ],
            stdin=source,
            check=True,
            capture_output=True,
        )
    _settle_statistics(url)


def _settle_statistics(url: str) -> None:
    """ANALYZE every base table once, so InnoDB's background statistics update cannot change the
    sizes and row estimates between two reads of the same database (tests compare reads)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            names = conn.execute(
                sa.text(
                    "SELECT table_name FROM information_schema.tables"
                    " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
                )
            ).scalars().all()
            if names:
                quoted = ", ".join("`" + n.replace("`", "``") + "`" for n in names)
                conn.exec_driver_sql("ANALYZE TABLE " + quoted).fetchall()
    finally:
        engine.dispose()


def sqlite_file(tmp_path: Path, *, script: str | None = None, copy: str | None = None) -> Path:
    path = tmp_path / "data.db"
    if copy:
        path.write_bytes((DATASETS / copy).read_bytes())
    else:
        assert script is not None
        with sqlite3.connect(path) as conn:
            conn.executescript((DATASETS / script).read_text(encoding="utf-8"))
        conn.close()
    return path


Shape = dict[str, dict[str, Any]]


def shape(database: Database) -> Shape:
    """The parts of a read that ground truth is compared on."""
    out: Shape = {}
    for table in database.tables:
        out[table.key] = {
            "kind": table.kind.value,
            "columns": [(c.name, c.type, c.nullable, c.default) for c in table.columns],
            "primary_key": (table.primary_key.columns, table.primary_key.name) if table.primary_key else None,
            "foreign_keys": sorted(
                (fk.name, fk.columns, fk.target.key, fk.target_columns, fk.on_delete, fk.on_update)
                for fk in table.foreign_keys
            ),
            "indexes": sorted((i.name, i.columns, i.unique) for i in table.indexes),
        }
    return out


def _key(schema: str, table: str, default: str) -> str:
    return table if schema == default else f"{schema}.{table}"


# --------------------------------------------------------------------------------------- PostgreSQL

PG_RULES = {
    "NO ACTION": "NO ACTION",
    "RESTRICT": "RESTRICT",
    "CASCADE": "CASCADE",
    "SET NULL": "SET NULL",
    "SET DEFAULT": "SET DEFAULT",
}
_PG_INDEX = re.compile(
    r"^CREATE (?P<unique>UNIQUE )?INDEX (?P<name>\S+) ON (?:ONLY )?\S+ USING \w+ \((?P<cols>.*)\)"
    r"(?: INCLUDE \(.*?\))?(?: WHERE .*)?$"
)


def pg_truth(url: str, schema: str = "public") -> Shape:
    engine = sa.create_engine(url)
    truth: Shape = {}
    with engine.connect() as conn:
        q = lambda text, **p: conn.execute(sa.text(text), p).fetchall()  # noqa: E731
        partitions = {
            r.relname: r.parent
            for r in q(
                "SELECT c.relname, p.relname AS parent FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                "JOIN pg_class p ON p.oid = i.inhparent WHERE c.relispartition"
            )
        }
        partitioned = {
            r.relname for r in q("SELECT c.relname FROM pg_partitioned_table t JOIN pg_class c ON c.oid = t.partrelid")
        }
        tables = q("SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = :s", s=schema)
        matviews = [r.matviewname for r in q("SELECT matviewname FROM pg_matviews WHERE schemaname = :s", s=schema)]
        for name, kind in tables:
            if name in partitions:
                continue
            shown = {"BASE TABLE": "table", "VIEW": "view", "FOREIGN": "foreign table"}[kind]
            truth[name] = {
                "kind": "partitioned table" if name in partitioned else shown,
                "columns": [],
                "primary_key": None,
                "foreign_keys": [],
                "indexes": [],
            }
        for name in matviews:
            truth[name] = {
                "kind": "materialized view",
                "columns": [],
                "primary_key": None,
                "foreign_keys": [],
                "indexes": [],
            }
        types = {
            (r.relname, r.attname): r.type
            for r in q(
                "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a "
                "JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = CAST(:s AS regnamespace) "
                "AND a.attnum > 0 AND NOT a.attisdropped",
                s=schema,
            )
        }
        for row in q(
            "SELECT table_name, column_name, is_nullable, column_default FROM information_schema.columns "
            "WHERE table_schema = :s ORDER BY table_name, ordinal_position",
            s=schema,
        ):
            if row.table_name in truth:
                truth[row.table_name]["columns"].append(
                    (
                        row.column_name,
                        types[(row.table_name, row.column_name)],
                        row.is_nullable == "YES",
                        row.column_default,
                    )
                )
        for row in q(
            "SELECT c.relname, a.attname, a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relkind = 'm' AND c.relnamespace = CAST(:s AS regnamespace) AND a.attnum > 0 "
            "ORDER BY c.relname, a.attnum",
            s=schema,
        ):
            truth[row.relname]["columns"].append(
                (row.attname, types[(row.relname, row.attname)], not row.attnotnull, None)
            )
        for row in q(
            "SELECT tc.table_name, tc.constraint_name, "
            "array_agg(k.column_name::text ORDER BY k.ordinal_position) AS cols "
            "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k "
            "ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name "
            "AND k.table_name = tc.table_name WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = :s "
            "GROUP BY tc.table_name, tc.constraint_name",
            s=schema,
        ):
            if row.table_name in truth:
                truth[row.table_name]["primary_key"] = (tuple(row.cols), row.constraint_name)
        clones = {r.conname for r in q("SELECT conname FROM pg_constraint WHERE conparentid <> 0")}
        fks: dict[str, set[tuple[Any, ...]]] = {}
        for row in q(
            "SELECT k.table_name, k.constraint_name, "
            "array_agg(k.column_name::text ORDER BY k.ordinal_position) AS cols, "
            "u.table_schema AS target_schema, u.table_name AS target, "
            "array_agg(u.column_name::text ORDER BY k.ordinal_position) AS target_cols, r.delete_rule, r.update_rule "
            "FROM information_schema.referential_constraints r "
            "JOIN information_schema.key_column_usage k ON k.constraint_schema = r.constraint_schema "
            "AND k.constraint_name = r.constraint_name "
            "JOIN information_schema.key_column_usage u ON u.constraint_schema = r.unique_constraint_schema "
            "AND u.constraint_name = r.unique_constraint_name AND u.ordinal_position = k.position_in_unique_constraint "
            "WHERE k.table_schema = :s GROUP BY k.table_name, k.constraint_name, u.table_schema, u.table_name, "
            "r.delete_rule, r.update_rule",
            s=schema,
        ):
            if row.constraint_name in clones:
                continue
            owner, name = row.table_name, row.constraint_name
            if owner in partitions:  # shown on the parent, without a name
                owner, name = partitions[owner], None
            fks.setdefault(owner, set()).add(
                (
                    name,
                    tuple(row.cols),
                    _key(row.target_schema, row.target, schema),
                    tuple(row.target_cols),
                    row.delete_rule,
                    row.update_rule,
                )
            )
        for owner, keys in fks.items():
            truth[owner]["foreign_keys"] = sorted(keys)
        for row in q("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = :s", s=schema):
            if row.tablename not in truth:
                continue
            match = _PG_INDEX.match(row.indexdef)
            assert match, row.indexdef
            if truth[row.tablename]["primary_key"] and truth[row.tablename]["primary_key"][1] == row.indexname:
                continue
            columns = tuple(c.strip() for c in _split(match.group("cols")))
            truth[row.tablename]["indexes"].append((row.indexname, columns, bool(match.group("unique"))))
        for value in truth.values():
            value["indexes"].sort()
    engine.dispose()
    return truth


def _split(text: str) -> list[str]:
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts


# ------------------------------------------------------------------------------------------ MariaDB


def mariadb_truth(url: str) -> Shape:
    engine = sa.create_engine(url)
    truth: Shape = {}
    schema = sa.make_url(url).database
    with engine.connect() as conn:
        q = lambda text, **p: conn.execute(sa.text(text), p).fetchall()  # noqa: E731
        for row in q("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = :s", s=schema):
            truth[row.TABLE_NAME] = {
                "kind": "view" if row.TABLE_TYPE == "VIEW" else "table",
                "columns": [],
                "primary_key": None,
                "foreign_keys": [],
                "indexes": [],
            }
        json_columns = {
            (r.TABLE_NAME, r.CONSTRAINT_NAME)
            for r in q(
                "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                "WHERE CONSTRAINT_SCHEMA = :s",
                s=schema,
            )
            if f"json_valid(`{r.CONSTRAINT_NAME}`)" == r.CHECK_CLAUSE
        }
        for row in q(
            "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = :s ORDER BY TABLE_NAME, ORDINAL_POSITION",
            s=schema,
        ):
            kind = (
                "json"
                if (row.TABLE_NAME, row.COLUMN_NAME) in json_columns and row.COLUMN_TYPE == "longtext"
                else row.COLUMN_TYPE
            )
            default = None if row.COLUMN_DEFAULT == "NULL" else row.COLUMN_DEFAULT
            truth[row.TABLE_NAME]["columns"].append((row.COLUMN_NAME, kind, row.IS_NULLABLE == "YES", default))
        for row in q(
            "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, "
            "r.DELETE_RULE, r.UPDATE_RULE, GROUP_CONCAT(k.COLUMN_NAME ORDER BY k.ORDINAL_POSITION) AS cols, "
            "GROUP_CONCAT(k.REFERENCED_COLUMN_NAME ORDER BY k.ORDINAL_POSITION) AS target_cols "
            "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
            "AND r.TABLE_NAME = k.TABLE_NAME WHERE k.TABLE_SCHEMA = :s "
            "GROUP BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, "
            "r.DELETE_RULE, r.UPDATE_RULE",
            s=schema,
        ):
            truth[row.TABLE_NAME]["foreign_keys"].append(
                (
                    row.CONSTRAINT_NAME,
                    tuple(row.cols.split(",")),
                    _key(row.REFERENCED_TABLE_SCHEMA, row.REFERENCED_TABLE_NAME, schema),
                    tuple(row.target_cols.split(",")),
                    row.DELETE_RULE,
                    row.UPDATE_RULE,
                )
            )
        for name, value in truth.items():
            value["foreign_keys"].sort()
            if value["kind"] == "view":
                continue
            indexes: dict[str, list[Any]] = {}
            for row in conn.exec_driver_sql(f"SHOW INDEX FROM `{name}`").mappings():
                indexes.setdefault(row["Key_name"], []).append(row)
            for index, rows in indexes.items():
                rows.sort(key=lambda r: r["Seq_in_index"])
                columns = tuple(
                    f"{r['Column_name']}({r['Sub_part']})" if r["Sub_part"] else r["Column_name"] for r in rows
                )
                if index == "PRIMARY":
                    value["primary_key"] = (columns, "PRIMARY")
                else:
                    value["indexes"].append((index, columns, not int(rows[0]["Non_unique"])))
            value["indexes"].sort()
    engine.dispose()
    return truth


# ------------------------------------------------------------------------------------------- SQLite


def sqlite_truth(path: Path) -> Shape:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    truth: Shape = {}
    objects = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    names = {o["name"].lower(): o["name"] for o in objects}
    for obj in objects:
        name = obj["name"]
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        pk = sorted((r["pk"], r["name"]) for r in info if r["pk"])
        # An INTEGER PRIMARY KEY is the rowid and never NULL, though PRAGMA table_info says notnull=0.
        rowid = (
            pk[0][1]
            if len(pk) == 1 and next(r for r in info if r["name"] == pk[0][1])["type"].upper() == "INTEGER"
            else None
        )
        value: dict[str, Any] = {
            "kind": obj["type"],
            "columns": [
                (r["name"], r["type"] or None, not r["notnull"] and r["name"] != rowid, r["dflt_value"]) for r in info
            ],
            "primary_key": (tuple(n for _, n in pk), None) if pk and obj["type"] == "table" else None,
            "foreign_keys": [],
            "indexes": [],
        }
        keys: dict[int, list[Any]] = {}
        for r in conn.execute(f'PRAGMA foreign_key_list("{name}")'):
            keys.setdefault(r["id"], []).append(r)
        for rows in keys.values():
            rows.sort(key=lambda r: r["seq"])
            target = names.get(rows[0]["table"].lower(), rows[0]["table"])
            value["foreign_keys"].append(
                (
                    None,
                    tuple(r["from"] for r in rows),
                    target,
                    tuple(r["to"] for r in rows),
                    rows[0]["on_delete"],
                    rows[0]["on_update"],
                )
            )
        value["foreign_keys"].sort()
        for index in conn.execute(f'PRAGMA index_list("{name}")'):
            if index["origin"] == "pk":
                continue
            columns = tuple(
                r["name"]
                for r in sorted(conn.execute(f'PRAGMA index_info("{index["name"]}")'), key=lambda r: r["seqno"])
            )
            value["indexes"].append((index["name"], columns, bool(index["unique"])))
        value["indexes"].sort()
        truth[name] = value
    conn.close()
    return truth
