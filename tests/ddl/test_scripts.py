"""Scripts split into statements as each engine's client does, with the line each statement starts at."""

from __future__ import annotations

from mkdocs_dbcatalog.sources.ddl import DIALECTS
from mkdocs_dbcatalog.sources.ddl.scripts import split


def statements(text: str, dialect: str) -> list[tuple[int, str]]:
    return [(c.line, " ".join(c.text.split())) for c in split(text, DIALECTS[dialect]) if not c.client]


def test_psql_meta_commands_dollar_quotes_and_copy_data() -> None:
    text = (
        "\\restrict abc\n-- a comment; not a statement\nSET client_encoding = 'UTF8';\n"
        "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN NEW.x := 'a;b'; END $body$ LANGUAGE plpgsql;\n"
        "COPY t (a) FROM stdin;\n1;2\n\\.\nCOMMENT ON TABLE t IS E'it''s \\\\; fine';\n\\unrestrict abc\n"
    )
    assert statements(text, "postgres") == [
        (3, "SET client_encoding = 'UTF8'"),
        (
            4,
            "CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN NEW.x := 'a;b'; END $body$ LANGUAGE plpgsql",
        ),
        (5, "COPY t (a) FROM stdin"),
        (8, "COMMENT ON TABLE t IS E'it''s \\\\; fine'"),
    ]
    assert [c.text for c in split(text, DIALECTS["postgres"]) if c.client] == ["\\restrict abc", "\\unrestrict abc"]


def test_sqlcmd_batches_variables_and_procedure_bodies() -> None:
    text = (
        ':setvar DatabaseName "Adventure Works"\n:on error exit\nUSE [$(DatabaseName)];\nGO\n'
        "CREATE PROCEDURE p AS BEGIN SELECT 1; SELECT 2; END\nGO\n"
        "CREATE TABLE [t] ([a] int) -- no semicolon\nGO 2\nPRINT '$(Undefined)';"
    )
    assert statements(text, "tsql") == [
        (3, "USE [Adventure Works]"),
        (5, "CREATE PROCEDURE p AS BEGIN SELECT 1; SELECT 2; END"),
        (7, "CREATE TABLE [t] ([a] int) -- no semicolon"),
        (9, "PRINT '$(Undefined)'"),
    ]
    assert split(text, DIALECTS["tsql"])[-1].unresolved == ("$(Undefined)",)


def test_sqlplus_commands_substitution_and_plsql_blocks() -> None:
    text = (
        "REM the HR schema; created by hand\nSET FEEDBACK 1\nDEFINE tbs = users\nPROMPT creating...\n"
        "CREATE TABLE regions (id NUMBER) TABLESPACE &tbs;\n"
        "CREATE OR REPLACE PROCEDURE p IS BEGIN NULL; END;\n/\nCOMMENT ON TABLE regions IS 'R&D'\n/\n"
    )
    assert statements(text, "oracle") == [
        (5, "CREATE TABLE regions (id NUMBER) TABLESPACE users"),
        (6, "CREATE OR REPLACE PROCEDURE p IS BEGIN NULL; END;"),
        (8, "COMMENT ON TABLE regions IS 'R&D'"),
    ]


def test_snowsql_variables_mysql_delimiters_and_sqlite_triggers() -> None:
    snowsql = "!define schema=raw\nuse schema &{schema};\ncreate table &{schema}.t (a int);\nuse role &{role};"
    assert statements(snowsql, "snowflake") == [
        (2, "use schema raw"),
        (3, "create table raw.t (a int)"),
        (4, "use role &{role}"),
    ]
    mysql = (
        "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n# a comment;\n"
        "/*!50001 CREATE VIEW `v` AS select 1 AS `a` */;\nDELIMITER ;;\n"
        "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 'x;y'; END ;;\nDELIMITER ;\n"
        "INSERT INTO x VALUES ('it\\'s; ok');\n"
    )
    assert statements(mysql, "mysql") == [
        (1, "SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT"),
        (3, "CREATE VIEW `v` AS select 1 AS `a`"),
        (5, "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 'x;y'; END"),
        (7, "INSERT INTO x VALUES ('it\\'s; ok')"),
    ]
    sqlite = ".mode box\nCREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET a = 1; END;\nCREATE TABLE [x;y] (a);"
    assert statements(sqlite, "sqlite") == [
        (2, "CREATE TRIGGER tr AFTER UPDATE ON t BEGIN UPDATE t SET a = 1; END"),
        (3, "CREATE TABLE [x;y] (a)"),
    ]
