"""Just enough reading of SQLite's stored CREATE statements for what no pragma tells.

SQLite keeps each object's CREATE statement in `sqlite_schema`; check constraints, generated
column expressions, index expressions and partial-index predicates, view bodies and trigger
timing are only found there. These helpers split that text at top-level commas and balanced
parentheses, respecting quotes; they never execute anything.
"""

from __future__ import annotations

import re

_QUOTES = {"'": "'", '"': '"', "`": "`", "[": "]"}

# Quoted text and comments are skipped whole; only parentheses and commas are structure.
_TOKEN = re.compile(
    r"""'(?:[^']|'')*'?|"(?:[^"]|"")*"?|`(?:[^`]|``)*`?|\[[^\]]*\]?|--[^\n]*|/\*.*?(?:\*/|$)|[(),]""",
    re.DOTALL,
)


def _scan(text: str, start: int = 0) -> list[tuple[int, str]]:
    """(position, token) of every parenthesis and comma outside quotes and comments, and of every
    quoted text or comment (as "\0"), from `start`."""
    return [(m.start(), m.group() if len(m.group()) == 1 else "\0") for m in _TOKEN.finditer(text, start)]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text) if len(m.group()) > 1]


def group_end(text: str, open_at: int) -> int:
    """Index of the parenthesis closing the one at `open_at`; -1 when unbalanced."""
    depth = 0
    for i, ch in _scan(text, open_at):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def body(sql: str) -> str | None:
    """The text between the outermost parentheses of a CREATE TABLE (or INDEX) statement."""
    for i, ch in _scan(sql):
        if ch == "(":
            end = group_end(sql, i)
            return sql[i + 1 : end] if end != -1 else None
    return None


def split_top_level(text: str) -> list[str]:
    """Parts of a comma-separated list, ignoring commas inside parentheses and quotes."""
    parts, depth, last = [], 0, 0
    for i, ch in _scan(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[last:i].strip())
            last = i + 1
    parts.append(text[last:].strip())
    return [p for p in parts if p]


def unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] in _QUOTES and name[-1] == _QUOTES[name[0]]:
        inner = name[1:-1]
        return inner if name[0] == "[" else inner.replace(name[0] * 2, name[0])
    return name


_WORD = re.compile(r"(?i)\b(CONSTRAINT|CHECK|AS)\b")
_LEADING_NAME = re.compile(r'\s*("(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[^\s(]+)')
_TABLE_CONSTRAINT = re.compile(r"(?i)^(CONSTRAINT\b|PRIMARY\s+KEY\b|UNIQUE\b|CHECK\b|FOREIGN\s+KEY\b)")


def _keyword_positions(text: str) -> list[tuple[int, str]]:
    """Keywords CONSTRAINT, CHECK and AS outside quotes, with their positions."""
    spans = _quoted_spans(text)
    return [
        (m.start(), m.group(1).upper()) for m in _WORD.finditer(text) if not any(a <= m.start() < b for a, b in spans)
    ]


def checks(create_table: str) -> list[tuple[str | None, str]]:
    """(name, expression) of every CHECK constraint, column-level or table-level."""
    inner = body(create_table)
    if inner is None:
        return []
    found: list[tuple[str | None, str]] = []
    for part in split_top_level(inner):
        name: str | None = None
        for pos, word in _keyword_positions(part):
            if word == "CONSTRAINT":
                match = _LEADING_NAME.match(part, pos + len(word))
                name = unquote(match.group(1)) if match else None
            elif word == "CHECK":
                open_at = part.find("(", pos)
                end = group_end(part, open_at) if open_at != -1 else -1
                if end != -1:
                    found.append((name, part[open_at + 1 : end].strip()))
                name = None
    return found


def generated(create_table: str) -> dict[str, str]:
    """Column name -> expression of its `GENERATED ALWAYS AS (...)` or `AS (...)` clause."""
    inner = body(create_table)
    out: dict[str, str] = {}
    for part in split_top_level(inner or ""):
        if _TABLE_CONSTRAINT.match(part):
            continue
        match = _LEADING_NAME.match(part)
        if not match:
            continue
        for pos, word in _keyword_positions(part):
            if word != "AS":
                continue
            open_at = part.find("(", pos)
            if open_at == -1 or part[pos + 2 : open_at].strip():
                continue
            end = group_end(part, open_at)
            if end != -1:
                out[unquote(match.group(1))] = part[open_at + 1 : end].strip()
                break
    return out


def index_parts(create_index: str) -> tuple[list[str], str | None]:
    """Key terms (columns or expressions) and the WHERE predicate of a CREATE INDEX statement."""
    on = re.search(r"(?i)\bON\b", create_index)
    start = on.end() if on else 0
    open_at = next((i for i, ch in _scan(create_index, start) if ch == "("), -1)
    if open_at == -1:
        return [], None
    end = group_end(create_index, open_at)
    if end == -1:
        return [], None
    terms = [
        re.sub(r"(?i)\s+(ASC|DESC)$", "", re.sub(r"(?i)\s+COLLATE\s+\S+", "", t)).strip()
        for t in split_top_level(create_index[open_at + 1 : end])
    ]
    rest = create_index[end + 1 :]
    where = re.match(r"(?is)\s*WHERE\s+(.*?);?\s*$", rest)
    return terms, where.group(1).strip() if where else None


_VIEW = re.compile(
    r"""(?is)^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?
    (?:"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|[^\s(]+)\s*(?:\([^)]*\)\s*)?AS\s+(?P<body>.*?);?\s*$""",
    re.VERBOSE,
)
_TRIGGER = re.compile(
    r"""(?is)^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?
    (?:"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[[^\]]*\]|\S+)\s+(?P<timing>BEFORE|AFTER|INSTEAD\s+OF)?\s*
    (?P<event>DELETE|INSERT|UPDATE)\b""",
    re.VERBOSE,
)


def view_body(create_view: str) -> str:
    match = _VIEW.match(create_view)
    return match.group("body").strip() if match else create_view.strip()


def trigger_shape(create_trigger: str) -> tuple[str | None, tuple[str, ...]]:
    """Timing (BEFORE, AFTER, INSTEAD OF; SQLite's default is BEFORE) and the event."""
    match = _TRIGGER.match(create_trigger)
    if not match:
        return None, ()
    timing = " ".join((match.group("timing") or "BEFORE").upper().split())
    return timing, (match.group("event").upper(),)
