"""SQL Server: `MS_Description` extended properties, added where missing and updated where present.

The script is meant for `sqlcmd` (and SSMS in SQLCMD mode) as much as for any client: `sqlcmd`
replaces `$(NAME)` with a variable or an environment variable's value even inside a literal, and runs
a line starting with `:!!` as a shell command. So no text ever starts a line (control characters are
`NCHAR(n)`) and no `$(` appears as written (a description's is split into `N'$' + N'('`); a name,
which goes to the procedures as a plain literal, holding either is left out and said.
"""

from __future__ import annotations

import re

from ..catalog.model import TableKind
from . import Plan

MAX_CHARACTERS = 3750
"""An extended property holds at most 7,500 bytes: 3,750 UTF-16 characters."""
VARIABLE = "@dbcatalog_description"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_VARIABLE = "$("
_BETWEEN_DOLLAR_AND_PARENTHESIS = re.compile(r"(?<=\$)(?=\()")


def literal(text: str) -> str:
    """An N'...' string (`'` doubled) that reads back as `text`."""
    return "N'" + text.replace("'", "''") + "'"


def expression(text: str) -> str:
    """`text` as a T-SQL expression: N'...' pieces, and NCHAR(n) for each control character (a line
    end inside a literal would be at the mercy of the client's line handling)."""
    parts, last = [], 0
    for match in _CONTROL.finditer(text):
        if match.start() > last:
            parts += _pieces(text[last : match.start()])
        parts.append(f"NCHAR({ord(match.group())})")
        last = match.end()
    if last < len(text) or not parts:
        parts += _pieces(text[last:])
    return " + ".join(parts)


def _pieces(text: str) -> list[str]:
    """N'...' literals of `text`, cut between each `$` and `(` so that `sqlcmd` sees no variable."""
    return [literal(piece) for piece in _BETWEEN_DOLLAR_AND_PARENTHESIS.split(text)]


def _unsafe_name(name: str) -> bool:
    return _VARIABLE in name or _CONTROL.search(name) is not None


def statements(plan: Plan) -> list[str]:
    out = []
    for comment in plan.comments:
        table = comment.table
        if len(comment.text) > MAX_CHARACTERS:
            plan.leave_out([comment], f"{table.key}: a description is longer than SQL Server keeps ({MAX_CHARACTERS})")
            continue
        names = [table.schema or "dbo", table.name, *([comment.column] if comment.column else [])]
        if any(_unsafe_name(name) for name in names):
            what = f"{table.key}.{comment.column}" if comment.column else table.key
            plan.leave_out(
                [comment],
                f"{what}: a name with a line break, a control character or a $ before a parenthesis cannot "
                "be passed safely to sqlcmd (set this description by hand)"
            )
            continue
        levels = [
            ("SCHEMA", table.schema or "dbo"),
            ("VIEW" if table.kind in (TableKind.VIEW, TableKind.MATERIALIZED_VIEW) else "TABLE", table.name),
        ]
        if comment.column is not None:
            levels.append(("COLUMN", comment.column))
        where = ", ".join(f"{literal(kind)}, {literal(name)}" for kind, name in levels)
        where += ", NULL, NULL" * (3 - len(levels))  # fn_listextendedproperty takes all three levels
        arguments = ", ".join(
            f"@level{i}type = {literal(kind)}, @level{i}name = {literal(name)}" for i, (kind, name) in enumerate(levels)
        )
        value = f"@name = N'MS_Description', @value = {VARIABLE}, {arguments}"
        out.append(
            f"SET {VARIABLE} = {expression(comment.text)};\n"
            f"IF EXISTS (SELECT 1 FROM sys.fn_listextendedproperty(N'MS_Description', {where}))\n"
            f"    EXEC sys.sp_updateextendedproperty {value};\n"
            f"ELSE\n"
            f"    EXEC sys.sp_addextendedproperty {value};"
        )
    if not out:
        return []
    begin = ["SET XACT_ABORT ON;", "BEGIN TRANSACTION;", f"DECLARE {VARIABLE} nvarchar(4000);"]
    return [*begin, *out, "COMMIT TRANSACTION;"]
