"""Text as written: the source spans of a column's type, default and expressions, from sqlglot's tokens.

sqlglot's tree says what a column *is* (its constraints, its references), but it normalises types
(`character varying(80)` becomes VARCHAR, MySQL's `timestamp` TIMESTAMPTZ) and rewrites
expressions. The catalog shows types and defaults as the file (and the engine) spells them, so
their text is cut from the statement at token boundaries: a column's type runs from the token
after its name to the first token that starts one of its constraints, using the constraint
keywords of the dialect's own sqlglot parser.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect as SqlglotDialect
from sqlglot.tokenizer_core import Token, TokenType

_EXTRA_STARTS = frozenset(
    {
        "CONSTRAINT",
        "AS",
        "ROWGUIDCOL",
        "SPARSE",
        "MASKED",
        "FILESTREAM",
        "ENCRYPTED",
        "OPTIONS",
        "CODEC",
        "MATERIALIZED",
        "ALIAS",
        "HIDDEN",
        "VISIBLE",
        "INVISIBLE",
        "STORAGE",
        "COLUMN_FORMAT",
        "SRID",
        "CHARSET",
        "CHARACTER",
        "KEY",
        "ENABLE",
        "DISABLE",
        "AUTOINCREMENT",
        "AUTO_INCREMENT",
    }
)
_TYPE_WORDS = frozenset({"ZEROFILL", "UNSIGNED", "SIGNED", "VARYING", "PRECISION"})
_OPEN = frozenset({TokenType.L_PAREN, TokenType.L_BRACKET})
_CLOSE = frozenset({TokenType.R_PAREN, TokenType.R_BRACKET})
_STARTS: dict[str, frozenset[str]] = {}


def constraint_starts(dialect: str) -> frozenset[str]:
    """Words that begin a column constraint in this dialect, from its sqlglot parser's own table."""
    found = _STARTS.get(dialect)
    if found is None:
        keys = SqlglotDialect.get_or_raise(dialect).parser_class.CONSTRAINT_PARSERS
        words = {key.upper() for key in keys} | {key.split()[0].upper() for key in keys}
        found = _STARTS[dialect] = frozenset((words | _EXTRA_STARTS) - _TYPE_WORDS)
    return found


@dataclass(frozen=True, slots=True)
class ColumnText:
    """What a column definition says, as written."""

    type: str | None
    default: str | None
    generated: str | None
    """The expression of `GENERATED ALWAYS AS (...)` / `AS (...)`, without its parentheses."""
    on_update: str | None = None
    """MySQL's `ON UPDATE <expression>`."""


class Spans:
    """A statement's text and tokens, for cutting out the pieces the model shows as written."""

    def __init__(self, text: str, tokens: list[Token], dialect: str, original: str | None = None) -> None:
        self.text = text
        self.original = original or text
        """The statement before words sqlglot could not parse were blanked out (same length, same lines)."""
        self.dialect = dialect
        self.tokens = tokens
        self._starts: list[int] | None = None
        self.constraint_words = constraint_starts(dialect)

    def index_of(self, node: exp.Expr) -> int | None:
        """The index of the token a node (an identifier, a literal) was parsed from."""
        start = node.meta.get("start") if node.meta else None
        if start is None:
            return None
        if self._starts is None:
            self._starts = [t.start for t in self.tokens]
        i = bisect.bisect_left(self._starts, start)
        return i if i < len(self.tokens) and self.tokens[i].start == start else None

    def cut(self, first: int, last: int) -> str:
        """Source text from token `first` to token `last`, both included."""
        if last < first:
            return ""
        return self.text[self.tokens[first].start : self.tokens[last].end + 1]

    def column(self, name: exp.Expression) -> ColumnText | None:
        """Type, default and generation expression of the column whose name identifier is `name`."""
        at = self.index_of(name)
        if at is None:
            return None
        tokens = self.tokens
        end = self._definition_end(at + 1)
        segments = self._segments(at + 1, end)
        typed = at + 1 <= end and tokens[at + 1].text.upper() not in ("AS", "GENERATED")  # T-SQL: `total AS (a + b)`
        type_text = self.cut(*segments[0]) if typed and segments and segments[0][0] == at + 1 else None
        if type_text and self.dialect == "sqlite":
            # SQLite takes any words as a type name (`BLOB SUB_TYPE TEXT`), even those sqlglot could not read.
            following = segments[1][0] if len(segments) > 1 else end + 1
            until = tokens[following].start if following < len(tokens) else len(self.original)
            type_text = self.original[tokens[at + 1].start : until].strip()
        default = generated = on_update = None
        for first, last in segments:
            word = tokens[first].text.upper()
            if word == "DEFAULT":
                default = self.cut(first + 1, last) or None
            elif word in ("AS", "GENERATED"):
                generated = self._generation(first, last)
            elif word == "ON" and first < last and tokens[first + 1].text.upper() == "UPDATE":
                on_update = self.cut(first + 2, last) or None
        return ColumnText(type_text or None, default, generated, on_update)

    def _definition_end(self, start: int) -> int:
        """Index of the last token of a definition: before a comma or closing parenthesis at its depth."""
        depth = 0
        tokens = self.tokens
        for i in range(start, len(tokens)):
            kind = tokens[i].token_type
            if kind in _OPEN:
                depth += 1
            elif kind in _CLOSE:
                if depth == 0:
                    return i - 1
                depth -= 1
            elif kind is TokenType.COMMA and depth == 0:
                return i - 1
        return len(tokens) - 1

    def _segments(self, start: int, end: int) -> list[tuple[int, int]]:
        """The definition cut where each constraint starts (depth 0): the type first, then one per constraint."""
        tokens = self.tokens
        words = self.constraint_words
        cuts = [start]
        depth = angle = 0
        for i in range(start, end + 1):
            token = tokens[i]
            kind = token.token_type
            if kind in _OPEN:
                depth += 1
                continue
            if kind in _CLOSE:
                depth -= 1
                continue
            if kind is TokenType.LT and i > start and len(cuts) == 1:
                angle += 1
                continue
            if kind is TokenType.GT and angle:
                angle -= 1
                continue
            if depth or angle or i == start:
                continue
            word = token.text.upper()
            if word not in words:
                continue
            if word in ("WITH", "WITHOUT") and i + 1 <= end and tokens[i + 1].text.upper() == "TIME":
                continue  # timestamp with time zone
            if word == "CHARACTER" and not (i + 1 <= end and tokens[i + 1].text.upper() == "SET"):
                continue  # character varying
            if i == cuts[-1] + 1 and tokens[cuts[-1]].text.upper() == "DEFAULT":
                continue  # DEFAULT NULL: the value itself
            if word == "NULL" and tokens[i - 1].text.upper() == "NOT":
                continue
            cuts.append(i)
        cuts.append(end + 1)
        return [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]

    def _generation(self, first: int, last: int) -> str | None:
        """The expression of `GENERATED ALWAYS AS (expr) STORED` or T-SQL's `AS expr PERSISTED`: without
        its keywords, and without the parentheses around the whole."""
        tokens = self.tokens
        while first <= last and tokens[first].text.upper() in ("GENERATED", "ALWAYS", "AS"):
            first += 1
        while last >= first and tokens[last].text.upper() in ("STORED", "VIRTUAL", "PERSISTED"):
            last -= 1
        if first > last:
            return None
        if tokens[first].token_type is TokenType.L_PAREN and self.closing(first) == last:
            return self.cut(first + 1, last - 1).strip() or None
        return self.cut(first, last) or None

    def closing(self, open_at: int) -> int | None:
        depth = 0
        for i in range(open_at, len(self.tokens)):
            kind = self.tokens[i].token_type
            if kind in _OPEN:
                depth += 1
            elif kind in _CLOSE:
                depth -= 1
                if depth == 0:
                    return i
        return None

    def check_text(self, node: exp.Expression) -> str | None:
        """The text inside `CHECK ( ... )` for the check whose expression is `node`."""
        at = self._first_token_in(node)
        if at is None:
            return None
        for i in range(at - 1, -1, -1):
            token = self.tokens[i]
            if token.token_type is TokenType.L_PAREN and i > 0 and self.tokens[i - 1].text.upper() == "CHECK":
                close = self.closing(i)
                return self.cut(i + 1, close - 1).strip() if close is not None else None
        return None

    def expression_text(self, node: exp.Expression) -> str | None:
        """The source text of an expression, from its first to its last token (balanced)."""
        first = self._first_token_in(node)
        last = self._last_token_in(node)
        if first is None or last is None:
            return None
        # Widen to balance parentheses the tree does not keep positions for.
        depth = 0
        for i in range(first, last + 1):
            kind = self.tokens[i].token_type
            depth += kind in _OPEN
            depth -= kind in _CLOSE
        while depth > 0 and last + 1 < len(self.tokens):
            last += 1
            kind = self.tokens[last].token_type
            depth += kind in _OPEN
            depth -= kind in _CLOSE
        return self.cut(first, last)

    def _first_token_in(self, node: exp.Expression) -> int | None:
        found = [i for n in node.walk() if (i := self.index_of(n)) is not None]
        return min(found) if found else None

    def _last_token_in(self, node: exp.Expression) -> int | None:
        found = [i for n in node.walk() if (i := self.index_of(n)) is not None]
        return max(found) if found else None

    def after_keyword(self, keyword: str, start: int = 0) -> int | None:
        """Index of the first token after the first depth-0 `keyword` at or after `start`."""
        depth = 0
        for i in range(start, len(self.tokens)):
            token = self.tokens[i]
            if token.token_type in _OPEN:
                depth += 1
            elif token.token_type in _CLOSE:
                depth -= 1
            elif depth == 0 and token.text.upper() == keyword:
                return i + 1
        return None

    def type_after(self, name: exp.Expression) -> str | None:
        """The type of `ALTER COLUMN name [SET DATA] TYPE <type> [USING ...]`, as written."""
        at = self.index_of(name)
        first = self.after_keyword("TYPE", at + 1) if at is not None else None
        if first is None:
            return None
        end = self._definition_end(first)
        for i in range(first, end + 1):
            if self.tokens[i].text.upper() in ("USING", "COLLATE"):
                end = i - 1
                break
        return self.cut(first, end) or None

    def clause_after(self, name: exp.Expression, keyword: str) -> str | None:
        """What follows `keyword` after `name` up to the end of the definition: `SET DEFAULT <this>`."""
        at = self.index_of(name)
        first = self.after_keyword(keyword, at + 1) if at is not None else None
        if first is None:
            return None
        return self.cut(first, self._definition_end(first)) or None

    def partition_key(self) -> str | None:
        """`RANGE (payment_date)` of `PARTITION BY RANGE (payment_date)`, as written."""
        tokens = self.tokens
        for i, token in enumerate(tokens):
            words = " ".join(token.text.upper().split())
            start = i + 1 if words == "PARTITION BY" else i + 2 if words == "PARTITION" else None
            if start is None or (words == "PARTITION" and tokens[i + 1 : i + 2] and tokens[i + 1].text.upper() != "BY"):
                continue
            for j in range(start, len(tokens)):
                if tokens[j].token_type is TokenType.L_PAREN:
                    close = self.closing(j)
                    return self.cut(start, close) if close is not None else None
        return None

    def rest(self, first: int) -> str:
        """The statement's text from token `first` to its end."""
        if first >= len(self.tokens):
            return ""
        return self.text[self.tokens[first].start :].strip()


def unwrap(text: str) -> str:
    """`(price > 0)` as `price > 0`: one pair of parentheses around the whole, as engines print checks."""
    text = text.strip()
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for i, ch in enumerate(text):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and i < len(text) - 1:
                return text
        text = text[1:-1].strip()
        break
    return text


__all__ = ["ColumnText", "Spans", "constraint_starts", "unwrap"]
