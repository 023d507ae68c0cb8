"""A schema script as statements: split as its client does, each parsed by sqlglot, with its line.

Statements that cannot change the structure the catalog shows (SET, GRANT, ownership, sequences,
functions, data) are recognised by their first words and never parsed: pg_dump files are mostly
those, and parsing is what takes the time. Everything else is handed to sqlglot one statement at
a time, so one statement it cannot parse costs only that statement.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError
from sqlglot.parser import Parser
from sqlglot.tokenizer_core import Token, TokenType
from sqlglot.tokens import Tokenizer

from .dialects import Dialect, dialect_named
from .scripts import split
from .shapes import Shape, read_shape
from .spans import Spans

_CREATE_TABLE = re.compile(r"(?is)^CREATE\s+(?:OR\s+REPLACE\s+)?(?:\w+\s+){0,3}TABLE\b")
_MAX_LEFT_OUT = 8
_TRIGGER = re.compile(
    r"(?is)^CREATE\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:TEMP\s+|TEMPORARY\s+|CONSTRAINT\s+)?TRIGGER\b"
)

# sqlglot logs a warning for every statement it keeps as an opaque Command; we report those ourselves.
logging.getLogger("sqlglot").setLevel(logging.ERROR)

_NO_EFFECT = re.compile(
    r"""(?ix)^(?:
        SET\b(?!\s+search_path\b)(?!\s+SCHEMA\b)
      | SELECT\b(?!\s+pg_catalog\.set_config\s*\(\s*'search_path')
      | (?:GRANT|REVOKE|INSERT|UPDATE|DELETE|MERGE|UPSERT|REPLACE|COPY|LOAD|TRUNCATE|VACUUM|ANALYZE|CLUSTER|LOCK|UNLOCK
        |BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START\s+TRANSACTION|END|CHECKPOINT|DISCARD|RESET|SHOW|EXPLAIN
        |PRINT|RAISERROR|THROW|DECLARE|EXEC(?:UTE)?\s+(?!(?:\[?sys\]?\.)?\[?sp_(?:(?:add|update|drop)extendedproperty|rename)\b)
        |USE\s+(?:DATABASE|WAREHOUSE|ROLE|SECONDARY\s+ROLES|CATALOG)\b|IF\b|WHILE\b|RETURN\b|DENY|REFRESH|NOTIFY|LISTEN|PREPARE|DEALLOCATE|CALL|DO\b|SECURITY\s+LABEL|REASSIGN
        |PUT|GET|LIST|REMOVE|OPTIMIZE|SYSTEM|KILL|FLUSH|PURGE|SOURCE|WAITFOR|BACKUP|RESTORE|DBCC|SETUSER|REVERT)\b
      | CREATE\s+FULLTEXT\s+(?:INDEX\s+ON|CATALOG)\b
      | (?:CREATE|ALTER|DROP)\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?
        (?:(?:NON)?EDITIONABLE\s+|SECURE\s+|DEFINER\s*=\s*\S+\s+|SQL\s+SECURITY\s+\w+\s+|AGGREGATE\s+)*
        (?:SEQUENCE|FUNCTION|PROC|PROCEDURE|AGGREGATE|OPERATOR|CAST|COLLATION|CONVERSION|LANGUAGE|ROLE|USER|LOGIN
        |GROUP|POLICY|PUBLICATION|SUBSCRIPTION|SERVER|FOREIGN\s+DATA\s+WRAPPER|USER\s+MAPPING|TEXT\s+SEARCH
        |DOMAIN|EVENT|RULE|STATISTICS|TABLESPACE|DATABASE|WAREHOUSE|STAGE|PIPE|STREAM|TASK|FILE\s+FORMAT|MODEL|SYNONYM
        |PACKAGE|LIBRARY|DIRECTORY|CONTEXT|ASSEMBLY|CERTIFICATE|SYMMETRIC|ASYMMETRIC|MASTER\s+KEY|CREDENTIAL
        |FULLTEXT\s+CATALOG|XML\s+SCHEMA|PARTITION\s+(?:FUNCTION|SCHEME)|MESSAGE|CONTRACT|QUEUE|SERVICE|ROUTE
        |ENDPOINT|AUDIT|RESOURCE|INTEGRATION|NETWORK|SESSION|SYSTEM|DICTIONARY|QUOTA|SETTINGS|PROFILE|ROW\s+POLICY
        |MACRO|SECRET|CAPABILITY|APPLICATION|SHARE|MASKING|TAG|ALERT|NOTEBOOK|ACCESS\s+METHOD|DEFAULT\s+PRIVILEGES
        |EXTERNAL\s+(?:FUNCTION|LANGUAGE|DATA\s+SOURCE|FILE\s+FORMAT)|TRIGGER\s+\S+\s+ON\s+(?:DATABASE|ALL\s+SERVER))\b
      | ALTER\s+(?:TABLE|VIEW|MATERIALIZED\s+VIEW|SEQUENCE|TYPE|DOMAIN|SCHEMA|INDEX|EXTENSION|FOREIGN\s+TABLE)\s+
        (?:ONLY\s+)?(?:IF\s+EXISTS\s+)?\S+\s+(?:OWNER\s+TO|SET\s+(?:TABLESPACE|STATISTICS|\(|ACCESS)
        |ATTACH\s+PARTITION\s+\S+\s*$|REPLICA\s+IDENTITY|ENABLE|DISABLE|FORCE|NO\s+FORCE|CLUSTER\s+ON|SET\s+WITHOUT|REFRESH)
    )"""
)
"""Statements that cannot change the structure the catalog shows."""
_ALWAYS_READ = frozenset({"COMMENT", "RENAME"})
"""First words of statements that always matter: the no-effect test is skipped for them."""


@dataclass(slots=True)
class Statement:
    """One statement of a script, parsed, with where it came from. Not to be changed once made (not
    frozen only because a frozen dataclass costs a tenth of a pg_dump's reading to build)."""

    text: str
    line: int
    """1-based line of the file where the statement starts."""
    file: str | None = None
    expression: exp.Expr | None = None
    """sqlglot's tree; None for a client command, a statement of no effect, or one that failed to parse."""
    spans: Spans | None = None
    """The statement's tokens, for text as written (types, defaults, view bodies)."""
    error: str | None = None
    """Why sqlglot could not parse it."""
    no_effect: bool = False
    """A statement (or client command) that cannot change the structure: never parsed."""
    unresolved: tuple[str, ...] = ()
    """Script variables it uses that the script never defines."""
    header_only: bool = False
    """A trigger: its body is procedural code, so only its header (name, timing, events, table) is read."""
    left_out: tuple[str, ...] = ()
    """Words sqlglot could not parse, left out so that the rest of a CREATE TABLE could be read."""
    shape: Shape | None = None
    """A statement of a frequent simple shape, read from its tokens alone (`expression` is then None)."""

    @property
    def first_words(self) -> str:
        return " ".join(self.text.split()[:3])[:60]

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.file else f"line {self.line}"


def parse_script(text: str, dialect: Dialect | str, file: str | None = None) -> list[Statement]:
    """Every statement of a script, in order: split as the dialect's client does, then parsed.

    Args:
        text: The script.
        dialect: One of ours (`postgres`, `mysql`, `tsql`...; see `dialects.DIALECTS`) or its name.
        file: Shown in messages (`db/structure.sql:12`).

    Never raises for bad SQL: a statement sqlglot cannot parse has `error` set and no `expression`.
    """
    chosen = dialect if isinstance(dialect, Dialect) else _dialect(dialect)
    statements = []
    for chunk in split(text, chosen):
        first = chunk.text[:12].split(None, 1)[0].upper() if chunk.text else ""
        if chunk.client or (first not in _ALWAYS_READ and _NO_EFFECT.match(chunk.text)):
            statements.append(Statement(chunk.text, chunk.line, file, no_effect=True, unresolved=chunk.unresolved))
            continue
        if first == "CREATE" and _TRIGGER.match(chunk.text):
            statements.append(Statement(chunk.text, chunk.line, file, header_only=True, unresolved=chunk.unresolved))
            continue
        shape = None if chunk.unresolved else read_shape(chunk.text, first, chosen, tokenize)
        if shape is not None:
            statements.append(Statement(chunk.text, chunk.line, file, shape=shape))
            continue
        statements.extend(parse_statement(chunk.text, chosen, chunk.line, file, chunk.unresolved))
    return statements


def parse_statement(
    text: str, dialect: Dialect, line: int = 1, file: str | None = None, unresolved: tuple[str, ...] = ()
) -> list[Statement]:
    """One chunk of SQL parsed by sqlglot: usually one statement, several when a T-SQL batch has no `;`."""
    source = text
    left_out: list[str] = []
    while True:
        try:
            tokens, expressions = _parse(source, dialect)
            break
        except (ParseError, TokenError) as problem:
            reason = _reason(problem)
            cut = _recoverable(source, problem) if _CREATE_TABLE.match(text) and len(left_out) < _MAX_LEFT_OUT else None
            if cut is None:
                return [Statement(text, line, file, error=reason, unresolved=unresolved)]
            start, end = cut
            left_out.append(f"{source[start:end]} (line {line + source.count(chr(10), 0, start)})")
            source = source[:start] + " " * (end - start) + source[end:]
        except (RecursionError, ValueError, KeyError, TypeError, AttributeError, IndexError) as problem:
            # sqlglot's own bugs on odd input: the statement is skipped, the read goes on.
            error = f"sqlglot failed ({type(problem).__name__})"
            return [Statement(text, line, file, error=error, unresolved=unresolved)]
    found = [e for e in expressions if e is not None]
    if len(found) == 1 and isinstance(found[0], exp.Command) and _CREATE_TABLE.match(text):
        trimmed = _without_table_options(source, tokens, dialect)
        if trimmed is not None:
            source, tokens, found, rest = trimmed
            left_out.append(f"{' '.join(rest.split())[:60]} (line {line + source.count(chr(10))})")
    spans = Spans(source, tokens, dialect.sqlglot, original=text if left_out else None)
    return [Statement(text, line, file, e, spans, unresolved=unresolved, left_out=tuple(left_out)) for e in found]


def _without_table_options(
    text: str, tokens: list[Token], dialect: Dialect
) -> tuple[str, list[Token], list[exp.Expr], str] | None:
    """A CREATE TABLE that sqlglot keeps as a Command for its table options (Oracle's ORGANIZATION
    INDEX...): parsed again up to the end of its column list, and the options it left out."""
    depth, close = 0, None
    for token in tokens:
        if token.token_type is TokenType.L_PAREN:
            depth += 1
        elif token.token_type is TokenType.R_PAREN:
            depth -= 1
            if depth == 0:
                close = token.end + 1
                break
    if close is None or not text[close:].strip():
        return None
    try:
        head_tokens, parsed = _parse(text[:close], dialect)
    except (ParseError, TokenError):
        return None
    found = [e for e in parsed if e is not None]
    if len(found) != 1 or not isinstance(found[0], exp.Create):
        return None
    return text[:close], head_tokens, found, text[close:]


def _parse(text: str, dialect: Dialect) -> tuple[list[Token], list[exp.Expr | None]]:
    tokenizer, parser = _sqlglot(dialect.sqlglot)
    tokens = tokenizer.tokenize(text)
    return tokens, parser.parse(tokens, text)


_local = threading.local()


def _sqlglot(name: str) -> tuple[Tokenizer, Parser]:
    """One tokenizer and one parser per dialect and thread: both reset themselves for each statement,
    and making them anew for each of a pg_dump's thousands of statements took a fifth of the time."""
    made: dict[str, tuple[Tokenizer, Parser]] | None = getattr(_local, "made", None)
    if made is None:
        made = _local.made = {}
    found = made.get(name)
    if found is None:
        dialect = sqlglot.Dialect.get_or_raise(name)
        found = made[name] = (dialect.tokenizer(), dialect.parser())
    return found


def tokenize(text: str, dialect: Dialect) -> list[Token]:
    """sqlglot's tokens of a text, for the few words of a statement sqlglot keeps as a Command."""
    return _sqlglot(dialect.sqlglot)[0].tokenize(text)


def _recoverable(text: str, problem: ParseError | TokenError) -> tuple[int, int] | None:
    """Where the word sqlglot stopped at is (start, end), to leave it out and parse the rest."""
    errors = getattr(problem, "errors", None) or []
    if not errors:
        return None
    word = str(errors[0].get("highlight") or "")
    line, column = errors[0].get("line"), errors[0].get("col")
    if not word.strip() or not isinstance(line, int) or not isinstance(column, int):
        return None
    line_start = 0
    for _ in range(line - 1):
        line_start = text.find("\n", line_start) + 1
    guess = line_start + column - len(word)
    start = text.find(word, max(0, guess - len(word) - 2))
    if start == -1 or abs(start - guess) > len(word) + 2:
        return None
    return start, start + len(word)


def _reason(problem: ParseError | TokenError) -> str:
    errors = getattr(problem, "errors", None) or []
    if errors:
        first = errors[0]
        near = str(first.get("highlight") or "").strip()
        what = str(first.get("description") or "cannot be parsed").split(" <Token")[0].split(". Line")[0]
        return f"{what} near {near!r}" if near else what
    return " ".join(str(problem).split())[:160] or "cannot be parsed"


def _dialect(name: str) -> Dialect:
    found = dialect_named(name)
    if found is None:
        raise ValueError(f"unknown SQL dialect {name!r}")
    return found


__all__ = ["Statement", "parse_script", "parse_statement", "tokenize"]
