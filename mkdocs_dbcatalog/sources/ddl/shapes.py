"""Statements of the few simple shapes that make up most of a pg_dump file, read from sqlglot's
tokens alone: `COMMENT ON TABLE|COLUMN`, `CREATE [UNIQUE] INDEX` on named columns and `ALTER TABLE
... ADD CONSTRAINT` of a primary key, unique key or foreign key. Parsing them into trees (and the
collector freeing those trees) took most of a pg_dump's reading. Anything else in them (a keyword
as a name, an expression, an option) makes the reader return None, and sqlglot's parser reads the
statement as before: what is read never differs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlglot.errors import TokenError
from sqlglot.tokenizer_core import Token, TokenType

from .dialects import Dialect

Tokenize = Callable[[str, Dialect], list[Token]]


@dataclass(frozen=True, slots=True)
class CommentOn:
    """`COMMENT ON TABLE|COLUMN name IS 'text'`, read from sqlglot's tokens alone: a third of a
    pg_dump file's statements, and parsing them into trees took a third of its reading."""

    kind: str
    """TABLE or COLUMN."""
    names: tuple[str, ...]
    """As the engine stores them: [schema.]table for a table, [schema.]table.column for a column."""
    text: str | None
    """None for `IS NULL`, which removes the comment (sqlglot's parser cannot read that)."""


@dataclass(frozen=True, slots=True)
class CreateIndex:
    """`CREATE [UNIQUE] INDEX name ON [schema.]table [USING method] (column, ...)`, read from sqlglot's
    tokens alone: the shape of every index pg_dump writes on plain columns."""

    unique: bool
    name: str
    table: tuple[str, ...]
    """[schema.]table, as the engine stores them."""
    method: str | None
    columns: tuple[str, ...]


_NAME_TOKENS = {TokenType.VAR: False, TokenType.IDENTIFIER: True}
"""A name's token and whether it is quoted; a name that is a keyword (`date`) goes to the parser."""
_PARTS = {TokenType.TABLE: (1, 2), TokenType.COLUMN: (2, 3)}


def _comment_on(text: str, dialect: Dialect, tokenize: Tokenize) -> CommentOn | None:
    """`COMMENT ON TABLE|COLUMN a.b[.c] IS 'text'|NULL` from its tokens; None for any other shape (a
    keyword as a name, an escape string, other objects), which sqlglot's parser reads."""
    tokens = tokenize(text, dialect)
    if (
        len(tokens) < 6
        or tokens[0].token_type is not TokenType.COMMENT
        or tokens[1].token_type is not TokenType.ON
        or tokens[-2].token_type is not TokenType.IS
        or tokens[-1].token_type not in (TokenType.STRING, TokenType.NULL)
    ):
        return None
    kind = tokens[2].token_type
    parts = tokens[3:-2]
    if kind not in _PARTS or len(parts) % 2 == 0 or (len(parts) + 1) // 2 not in _PARTS[kind]:
        return None
    names = []
    for i, token in enumerate(parts):
        if i % 2:
            if token.token_type is not TokenType.DOT:
                return None
            continue
        quoted = _NAME_TOKENS.get(token.token_type)
        if quoted is None:
            return None
        names.append(dialect.fold(token.text, quoted))
    text_token = tokens[-1]
    return CommentOn(kind.name, tuple(names), text_token.text if text_token.token_type is TokenType.STRING else None)


def _create_index(text: str, dialect: Dialect, tokenize: Tokenize) -> CreateIndex | None:
    """A CREATE INDEX of plain names from its tokens; None for any other shape (expressions, ASC,
    opclasses, ONLY, IF NOT EXISTS, WHERE, INCLUDE, options), which sqlglot's parser reads."""
    head = text[:40].split(None, 3)
    if len(head) < 3 or "INDEX" not in (head[1].upper(), head[2].upper()):
        return None
    tokens = tokenize(text, dialect)
    kinds = [t.token_type for t in tokens]
    at = 2 if kinds[1:2] == [TokenType.UNIQUE] else 1
    if kinds[at : at + 1] != [TokenType.INDEX] or len(tokens) < at + 7 or kinds[-1] is not TokenType.R_PAREN:
        return None
    name = _name(tokens[at + 1], dialect)
    if name is None or kinds[at + 2] is not TokenType.ON:
        return None
    table, i = _qualified(tokens, at + 3, dialect)
    method = None
    if kinds[i : i + 1] == [TokenType.USING] and kinds[i + 1 : i + 2] == [TokenType.VAR]:
        method, i = tokens[i + 1].text.lower(), i + 2
    if not table or len(table) > 2 or kinds[i : i + 1] != [TokenType.L_PAREN]:
        return None
    columns = []
    for j, token in enumerate(tokens[i + 1 : -1]):
        column = _name(token, dialect) if j % 2 == 0 else ("," if token.token_type is TokenType.COMMA else None)
        if column is None:
            return None
        if j % 2 == 0:
            columns.append(column)
    if len(tokens) - i - 2 != 2 * len(columns) - 1:
        return None
    return CreateIndex(at == 2, name, table, method, tuple(columns))


def _name(token: Token, dialect: Dialect) -> str | None:
    quoted = _NAME_TOKENS.get(token.token_type)
    return None if quoted is None else dialect.fold(token.text, quoted)


def _qualified(tokens: list[Token], at: int, dialect: Dialect) -> tuple[tuple[str, ...], int]:
    """The names of `a.b.c` from tokens[at], and where it ends; () when tokens[at] is no name."""
    names = []
    while at < len(tokens):
        name = _name(tokens[at], dialect)
        if name is None:
            return (), at
        names.append(name)
        if at + 1 < len(tokens) and tokens[at + 1].token_type is TokenType.DOT:
            at += 2
            continue
        return tuple(names), at + 1
    return (), at


@dataclass(frozen=True, slots=True)
class AddConstraint:
    """`ALTER TABLE [ONLY] t ADD CONSTRAINT name {PRIMARY KEY | UNIQUE | FOREIGN KEY} (columns)
    [REFERENCES t2 (columns) [ON DELETE rule] [ON UPDATE rule]]`."""

    table: tuple[str, ...]
    name: str
    kind: str
    """PRIMARY KEY, UNIQUE or FOREIGN KEY."""
    columns: tuple[str, ...]
    target: tuple[str, ...] = ()
    target_columns: tuple[str, ...] = ()
    on_delete: str | None = None
    on_update: str | None = None


@dataclass(frozen=True, slots=True)
class SetDefault:
    """`ALTER TABLE [ONLY] t ALTER COLUMN c SET DEFAULT nextval('seq'::regclass)`: how pg_dump gives a
    serial column its sequence."""

    table: tuple[str, ...]
    column: str
    default: str
    """As written."""


Shape = CommentOn | CreateIndex | AddConstraint | SetDefault
_NEXTVAL = [TokenType.L_PAREN, TokenType.STRING, TokenType.DCOLON, TokenType.OBJECT_IDENTIFIER, TokenType.R_PAREN]

_RULES = ("CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION")
_KEYS = {TokenType.PRIMARY_KEY: "PRIMARY KEY", TokenType.UNIQUE: "UNIQUE", TokenType.FOREIGN_KEY: "FOREIGN KEY"}


def read_shape(text: str, first: str, dialect: Dialect, tokenize: Tokenize) -> Shape | None:
    """The statement read from its tokens, or None when it is not of one of the shapes."""
    try:
        if first == "COMMENT":
            return _comment_on(text, dialect, tokenize)
        if first == "CREATE":
            return _create_index(text, dialect, tokenize)
        if first == "ALTER" and "ADD CONSTRAINT" in text[:300].upper():
            return _add_constraint(text, dialect, tokenize)
        if first == "ALTER" and "SET DEFAULT NEXTVAL(" in text[:300].upper():
            return _set_default(text, dialect, tokenize)
    except TokenError:
        return None
    return None


def _add_constraint(text: str, dialect: Dialect, tokenize: Tokenize) -> AddConstraint | None:
    tokens = tokenize(text, dialect)
    kinds = [t.token_type for t in tokens]
    if kinds[:2] != [TokenType.ALTER, TokenType.TABLE]:
        return None
    at = 3 if kinds[2:3] == [TokenType.ONLY] else 2
    table, at = _qualified(tokens, at, dialect)
    if not table or len(table) > 2 or [t.text.upper() for t in tokens[at : at + 2]] != ["ADD", "CONSTRAINT"]:
        return None
    name = _name(tokens[at + 2], dialect) if at + 2 < len(tokens) else None
    kind = _KEYS.get(kinds[at + 3]) if at + 3 < len(tokens) else None
    if name is None or kind is None:
        return None
    columns, at = _columns(tokens, at + 4, dialect)
    if not columns:
        return None
    if kind != "FOREIGN KEY":
        return AddConstraint(table, name, kind, columns) if at == len(tokens) else None
    if kinds[at : at + 1] != [TokenType.REFERENCES]:
        return None
    target, at = _qualified(tokens, at + 1, dialect)
    target_columns, at = _columns(tokens, at, dialect)
    if not target or len(target) > 2 or not target_columns:
        return None
    rules: dict[str, str] = {}
    while at < len(tokens):
        if (
            kinds[at] is not TokenType.ON
            or at + 2 >= len(tokens)
            or kinds[at + 1] not in (TokenType.DELETE, TokenType.UPDATE)
        ):
            return None
        event = kinds[at + 1].name
        rule = next(
            (r for r in _RULES if [t.text.upper() for t in tokens[at + 2 : at + 2 + len(r.split())]] == r.split()), None
        )
        if rule is None or event in rules:
            return None
        rules[event] = rule
        at += 2 + len(rule.split())
    return AddConstraint(table, name, kind, columns, target, target_columns, rules.get("DELETE"), rules.get("UPDATE"))


def _set_default(text: str, dialect: Dialect, tokenize: Tokenize) -> SetDefault | None:
    tokens = tokenize(text, dialect)
    kinds = [t.token_type for t in tokens]
    if kinds[:2] != [TokenType.ALTER, TokenType.TABLE]:
        return None
    table, at = _qualified(tokens, 3 if kinds[2:3] == [TokenType.ONLY] else 2, dialect)
    if not table or len(table) > 2 or kinds[at : at + 2] != [TokenType.ALTER, TokenType.COLUMN]:
        return None
    column = _name(tokens[at + 2], dialect) if at + 2 < len(tokens) else None
    if column is None or kinds[at + 3 : at + 5] != [TokenType.SET, TokenType.DEFAULT]:
        return None
    if kinds[at + 5 :] != [TokenType.VAR, *_NEXTVAL] or tokens[at + 5].text.lower() != "nextval":
        return None
    return SetDefault(table, column, text[tokens[at + 5].start : tokens[-1].end + 1])


def _columns(tokens: list[Token], at: int, dialect: Dialect) -> tuple[tuple[str, ...], int]:
    """The names of `(a, b)` from tokens[at], and where it ends; () when it is not a list of names."""
    if at >= len(tokens) or tokens[at].token_type is not TokenType.L_PAREN:
        return (), at
    names = []
    at += 1
    while at < len(tokens):
        name = _name(tokens[at], dialect)
        if name is None or at + 1 >= len(tokens):
            return (), at
        names.append(name)
        after = tokens[at + 1].token_type
        if after is TokenType.R_PAREN:
            return tuple(names), at + 2
        if after is not TokenType.COMMA:
            return (), at
        at += 2
    return (), at
