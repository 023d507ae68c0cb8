"""Split a schema script into statements the way its engine's client does.

Real schema files are scripts for a client, not pure SQL: `psql` runs backslash meta-commands and
skips `COPY ... FROM stdin` data; `sqlcmd` cuts batches at `GO` lines and substitutes `:setvar`
variables as `$(name)`; SQL*Plus has its own commands (`REM`, `PROMPT`, `SET`...), ends PL/SQL blocks
with a `/` line and substitutes `&name`; `snowsql` has `!define` and `&{name}`; the `mysql` client
changes its terminator with `DELIMITER` and runs the SQL inside `/*!40101 ... */` comments; the
`sqlite3` shell keeps a trigger's inner `;` and runs dot-commands. This module does what those
clients do before anything reaches the server: it finds where statements end (outside quotes,
comments and dollar-quoted bodies), and never interprets the SQL itself, which sqlglot parses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .dialects import Client, Dialect


@dataclass(slots=True)
class Chunk:
    """One statement as the client would send it, or one client command it runs itself."""

    text: str
    """Variables substituted, the terminator and surrounding comments removed."""
    line: int
    """1-based line of the file where the statement starts."""
    client: bool = False
    """A command of the client (psql `\\connect`, SQL*Plus `SET`, sqlcmd `:setvar`), never sent to the server."""
    unresolved: tuple[str, ...] = ()
    """Script variables the statement uses that the script never defines (`&{db}`, `$(Name)`)."""


_QUOTED = {
    "'": r"'(?:[^']|'')*'",
    '"': r'"(?:[^"]|"")*"',
    "`": r"`(?:[^`]|``)*`",
    "[": r"\[(?:[^\]]|\]\])*\]",
}
_ESCAPED = {"'": r"'(?:[^'\\]|\\[\s\S]|'')*'", '"': r'"(?:[^"\\]|\\[\s\S]|"")*"'}
_TRIPLE = [r"'''[\s\S]*?'''", r'"""[\s\S]*?"""']
_E_STRING = r"(?<=[Ee])(?<![\w$][Ee])'(?:[^'\\]|\\[\s\S]|'')*'"
_DOLLAR = r"\$(?P<tag>[A-Za-z_][A-Za-z_0-9]*|)\$[\s\S]*?\$(?P=tag)\$"
_MYSQL_MARKERS = r"/\*M?!\d*|\*/"

# Client commands on a line of their own. "Anywhere" ones are read even inside a statement.
_PSQL_META = r"[ \t]*\\(?!\\)[^\n]*"
_SQLCMD_LINE = (
    r"[ \t]*(?:GO(?:[ \t]+\d+)?[ \t]*(?:--[^\n]*)?(?=\n|\Z)|:(?:setvar|on|r|connect|out|error|reset|listvar"
    r"|serverlist|xml|perftrace|quit|exit)\b[^\n]*)"
)
_SQLPLUS_END = r"[ \t]*[/.][ \t]*(?=\n|\Z)"
_SQLPLUS_COMMAND = (
    r"[ \t]*(?:@@?[^\n]*|(?:REM|REMARK|PRO|PROMPT|SET|SPO|SPOOL|WHENEVER|DEF|DEFINE|UNDEF|UNDEFINE|COL|COLUMN"
    r"|TTITLE|BTITLE|BREAK|COMPUTE|CONN|CONNECT|DISC|DISCONNECT|EXIT|QUIT|SHO|SHOW|PAUSE|ACCEPT|HOST|START"
    r"|EXEC|EXECUTE|DESC|DESCRIBE|CLEAR|VAR|VARIABLE|PRINT|STORE|TIMING|REPHEADER|REPFOOTER|PASSWORD|SAVE"
    r"|GET|RUN|EDIT|APPEND|CHANGE|DEL|INPUT|LIST|HELP|ATTRIBUTE)\b(?:[^\n]*-[ \t]*\n)*[^\n]*)"
)
_ANYWHERE = {Client.SQLCMD: _SQLCMD_LINE, Client.SQLPLUS: _SQLPLUS_END}
_AT_START = {
    Client.PSQL: _PSQL_META,
    Client.SQLPLUS: _SQLPLUS_COMMAND,
    Client.SNOWSQL: r"[ \t]*![^\n]*",
    Client.SQLITE: r"[ \t]*\.[A-Za-z][^\n]*",
    Client.MYSQL: r"[ \t]*DELIMITER[ \t]+\S+[^\n]*",
}

_PLSQL_BLOCK = re.compile(
    r"(?is)^(?:DECLARE|BEGIN|CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:NON)?EDITIONABLE\s+)?"
    r"(?:PROCEDURE|FUNCTION|PACKAGE|TRIGGER|TYPE\s+BODY|TYPE\s+\S+\s+(?:AS|IS)\s+(?:OBJECT|TABLE|VARRAY)|LIBRARY|JAVA))\b"
)
_TSQL_WHOLE_BATCH = re.compile(
    r"(?is)^(?:CREATE|ALTER|CREATE\s+OR\s+ALTER)\s+(?:PROC|PROCEDURE|FUNCTION|TRIGGER|VIEW)\b"
)
_SQLITE_TRIGGER = re.compile(r"(?is)^CREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TRIGGER\b")
_ENDS_WITH_END = re.compile(r"(?is)\bEND\s*$")
_COPY_FROM_STDIN = re.compile(r"(?is)^COPY\b[^;]*\bFROM\s+stdin\b")
_COPY_DATA_END = re.compile(r"^\\\.[ \t]*$", re.MULTILINE)

_SETVAR = re.compile(r'(?i)^[ \t]*:setvar[ \t]+(\w+)(?:[ \t]+(?:"((?:[^"]|"")*)"|(\S+)))?')
_SQLPLUS_DEFINE = re.compile(r"(?i)^[ \t]*DEF(?:INE)?[ \t]+(\w+)[ \t]*=[ \t]*(?:'([^']*)'|\"([^\"]*)\"|(\S+))")
_SQLPLUS_DEFINE_SWITCH = re.compile(r"(?i)^[ \t]*SET[ \t]+DEF(?:INE)?[ \t]+(ON|OFF)\b")
_SNOWSQL_DEFINE = re.compile(r"(?i)^[ \t]*!define[ \t]+(\w+)[ \t]*=[ \t]*(.*?)[ \t]*;?[ \t]*$")
_MYSQL_DELIMITER = re.compile(r"(?i)^[ \t]*DELIMITER[ \t]+(\S+)")

_VARIABLES = {
    Client.SQLCMD: re.compile(r"\$\((\w+)\)"),
    Client.SQLPLUS: re.compile(r"&&?(\w+)\.?"),
    Client.SNOWSQL: re.compile(r"&\{(\w+)\}|&(\w+)"),
}
_VARIABLE_SIGN = {Client.SQLCMD: "$(", Client.SQLPLUS: "&", Client.SNOWSQL: "&"}


@dataclass(frozen=True)
class _Lexer:
    """One client's statement syntax as regular expressions, compiled once per (dialect, terminator)."""

    statement: re.Pattern[str]
    """Everything up to the terminator, skipping quoted text, comments and dollar-quoted bodies."""
    leading: re.Pattern[str]
    at_start: re.Pattern[str] | None
    unmark: re.Pattern[str] | None
    """MySQL: the markers of `/*!40101 ... */` comments, whose content the server runs."""


@functools.lru_cache(maxsize=64)
def _lexer(dialect: Dialect, terminator: str = ";") -> _Lexer:
    client = dialect.client
    quoted = []
    if dialect.dollar_quotes:
        quoted += [_E_STRING, _DOLLAR]
    if dialect.name == "bigquery":
        quoted += _TRIPLE
    strings = {**_QUOTED, **(_ESCAPED if dialect.backslash_escapes else {})}
    quoted += [strings["'"], strings['"']]
    if dialect.name in ("mysql", "sqlite", "bigquery", "clickhouse", "duckdb", "tsql"):
        quoted.append(strings["`"])
    if dialect.name in ("tsql", "sqlite"):
        quoted.append(strings["["])
    comments = [r"--[^\n]*", r"/\*[\s\S]*?\*/"] + ([r"#[^\n]*"] if dialect.hash_comments else [])
    if client is Client.MYSQL:
        comments.insert(0, _MYSQL_MARKERS)
    anywhere = _ANYWHERE.get(client)
    specials = set("'\"-/") | {terminator[0]}
    specials |= {"$"} if dialect.dollar_quotes else set()
    specials |= {"#"} if dialect.hash_comments else set()
    specials |= {"`", "["} if dialect.name in ("tsql", "sqlite") else set()
    specials |= {"`"} if dialect.name in ("mysql", "bigquery", "clickhouse", "duckdb") else set()
    specials |= {"*"} if client is Client.MYSQL else set()
    plain = "[^" + "".join(re.escape(c) for c in sorted(specials)) + ("\\n" if anywhere else "") + "]+"
    alternatives = [plain] + ([rf"\n(?!{anywhere})"] if anywhere else []) + [*comments, *quoted]
    alternatives.append(rf"(?!{re.escape(terminator)})[" + "".join(re.escape(c) for c in sorted(specials)) + "]")
    ends = [f"(?P<term>{re.escape(terminator)})"]
    if anywhere:
        ends.append(rf"\n(?P<line>{anywhere})")
    ends.append(r"\Z")
    statement = "(?:" + "|".join(alternatives) + ")*(?:" + "|".join(ends) + ")"
    leading = r"(?:\s+|--[^\n]*|/\*(?!M?!)[\s\S]*?\*/" + (r"|#[^\n]*" if dialect.hash_comments else "") + ")*"
    starts = [p for p in (_AT_START.get(client), anywhere) if p]
    at_start = re.compile("|".join(f"(?:{p})" for p in starts), re.IGNORECASE) if starts else None
    unmark = None
    if client is Client.MYSQL:
        unmark = re.compile(
            "|".join([*quoted, r"--[^\n]*", r"#[^\n]*", r"/\*(?!M?!)[\s\S]*?\*/", f"(?P<m>{_MYSQL_MARKERS})"])
        )
    return _Lexer(re.compile(statement, re.IGNORECASE), re.compile(leading), at_start, unmark)


def split(text: str, dialect: Dialect) -> list[Chunk]:
    """The statements and client commands of a script, in order, with the line each starts at."""
    return list(_Splitter(text, dialect).chunks())


class _Splitter:
    def __init__(self, text: str, dialect: Dialect) -> None:
        self.text = text
        self.dialect = dialect
        self.lexer = _lexer(dialect)
        self.defined: dict[str, str] = {}
        self.substitute = dialect.client in _VARIABLES
        self.counted_to = 0
        self.counted_line = 1

    def line_at(self, position: int) -> int:
        """Line numbers by counting forward from the last position asked."""
        if position < self.counted_to:
            self.counted_to, self.counted_line = 0, 1
        self.counted_line += self.text.count("\n", self.counted_to, position)
        self.counted_to = position
        return self.counted_line

    def chunks(self) -> Iterator[Chunk]:
        text, client = self.text, self.dialect.client
        length = len(text)
        position = 0
        while position < length:
            lead = self.lexer.leading.match(text, position)
            begin = lead.end() if lead else position
            if begin >= length:
                return
            command = self._client_command(begin)
            if command is not None:
                yield Chunk(command.strip(), self.line_at(begin), client=True)
                self._obey(command)
                position = begin + len(command)
                continue
            start, cuts = begin, []
            while True:
                found = self.lexer.statement.match(text, position if position > start else start)
                assert found is not None  # the pattern always matches, at worst up to the end
                end = found.end()
                if found.group("term") is not None:
                    body_end = found.start("term")
                    if self._continues(text[start:body_end]):
                        position = end
                        continue
                    break
                line = found.groupdict().get("line")
                if line is None:  # end of the text
                    body_end = end
                    break
                line_start = found.start("line")
                if client is Client.SQLCMD and line.strip()[:1] == ":":
                    yield Chunk(line.strip(), self.line_at(line_start), client=True)
                    self._obey(line)
                    cuts.append((line_start, end))
                    position = end
                    continue
                body_end = line_start  # GO, or SQL*Plus' `/`: run what is in the buffer
                break
            yield from self._emit(start, body_end, cuts)
            position = end
            statement_head = text[start : min(body_end, start + 200)]
            if (
                client is Client.PSQL
                and statement_head[:4].upper() == "COPY"
                and _COPY_FROM_STDIN.match(statement_head)
            ):
                data_end = _COPY_DATA_END.search(text, position)
                position = length if data_end is None else data_end.end()

    def _client_command(self, begin: int) -> str | None:
        """The client command at `begin`, when it starts its line; else None."""
        if self.lexer.at_start is None:
            return None
        line_start = self.text.rfind("\n", 0, begin) + 1
        if self.text[line_start:begin].strip(" \t"):
            return None
        found = self.lexer.at_start.match(self.text, line_start)
        return found.group() if found and found.end() > begin else None

    def _obey(self, command: str) -> None:
        """Remember what a client command defines: variables, SQL*Plus' DEFINE switch, MySQL's terminator."""
        client = self.dialect.client
        pattern = {Client.SQLCMD: _SETVAR, Client.SQLPLUS: _SQLPLUS_DEFINE, Client.SNOWSQL: _SNOWSQL_DEFINE}.get(client)
        found = pattern.match(command) if pattern else None
        if found:
            value = next((g for g in found.groups()[1:] if g is not None), "")
            self.defined[found.group(1).lower()] = value.replace('""', '"')
        elif client is Client.SQLPLUS and (switch := _SQLPLUS_DEFINE_SWITCH.match(command)):
            self.substitute = switch.group(1).upper() == "ON"
        elif client is Client.MYSQL and (delimiter := _MYSQL_DELIMITER.match(command)):
            self.lexer = _lexer(self.dialect, delimiter.group(1))

    def _continues(self, statement: str) -> bool:
        """Whether a terminator is inside the statement rather than its end, for this client."""
        client = self.dialect.client
        if client not in (Client.SQLITE, Client.SQLPLUS, Client.SQLCMD):
            return False
        head = self.lexer.leading.sub("", statement[:300], count=1)
        if client is Client.SQLITE:
            return bool(_SQLITE_TRIGGER.match(head)) and not _ENDS_WITH_END.search(statement)
        if client is Client.SQLPLUS:
            return bool(_PLSQL_BLOCK.match(head))
        return bool(_TSQL_WHOLE_BATCH.match(head))

    def _emit(self, start: int, end: int, cuts: list[tuple[int, int]]) -> Iterator[Chunk]:
        text = self.text
        if cuts:
            pieces, at = [], start
            for cut_start, cut_end in cuts:
                pieces.append(text[at:cut_start] + "\n")
                at = cut_end
            pieces.append(text[at:end])
            body = "".join(pieces)
        else:
            body = text[start:end]
        if self.lexer.unmark is not None and "/*" in body:
            body = self.lexer.unmark.sub(lambda m: " " if m.group("m") else m.group(), body)
            if body.lstrip().startswith("\\"):  # /*M!999999\- enable the sandbox mode */: for the client
                yield Chunk(body.strip(), self.line_at(start), client=True)
                return
        statement = body.strip()
        if not statement:
            return
        unresolved: tuple[str, ...] = ()
        client = self.dialect.client
        if self.substitute and client in _VARIABLES and _VARIABLE_SIGN[client] in statement:
            statement, unresolved = self._substituted(statement, _VARIABLES[client])
        yield Chunk(statement, self.line_at(start), unresolved=unresolved)

    def _substituted(self, statement: str, pattern: re.Pattern[str]) -> tuple[str, tuple[str, ...]]:
        missing: list[str] = []
        defined = self.defined

        def value(match: re.Match[str]) -> str:
            name = next(g for g in match.groups() if g is not None)
            if name.lower() in defined:
                return defined[name.lower()]
            missing.append(match.group())
            return match.group()

        return pattern.sub(value, statement), tuple(dict.fromkeys(missing))


__all__ = ["Chunk", "split"]
