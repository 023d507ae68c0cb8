"""PostgreSQL: `COMMENT ON TABLE/VIEW/COLUMN ... IS '...'`, one transaction."""

from __future__ import annotations

from ..catalog.model import Table
from . import Plan, object_kind


def identifier(name: str) -> str:
    """A quoted identifier: any name, `"` doubled."""
    return '"' + name.replace('"', '""') + '"'


_ESCAPES = {"\\": "\\\\", "'": "''", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def literal(text: str) -> str:
    """A string constant that reads back as `text` whatever `standard_conforming_strings` is and
    whatever the client does with line ends (psql drops a CR before LF): `'...'` with quotes doubled,
    or, for a backslash or a control character, `E'...'` with each escaped."""
    if not any(c == "\\" or ord(c) < 32 or ord(c) == 127 for c in text):
        return "'" + text.replace("'", "''") + "'"
    escaped = "".join(
        _ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 32 or ord(c) == 127 else c) for c in text
    )
    return f"E'{escaped}'"


def _name(table: Table) -> str:
    return f"{identifier(table.schema)}.{identifier(table.name)}" if table.schema else identifier(table.name)


def statements(plan: Plan) -> list[str]:
    out = []
    for comment in plan.comments:
        if "\x00" in comment.text:
            note = f"{comment.table.key}: a description holds a NUL character, which PostgreSQL text cannot"
            plan.leave_out([comment], note)
            continue
        if comment.column is None:
            target = f"{object_kind(comment.table)} {_name(comment.table)}"
        else:
            target = f"COLUMN {_name(comment.table)}.{identifier(comment.column)}"
        out.append(f"COMMENT ON {target} IS {literal(comment.text)};")
    return ["BEGIN;", *out, "COMMIT;"] if out else []
