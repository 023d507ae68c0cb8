"""Changes to a schema as Markdown for the pages: "added column `status` (varchar(20), not null)".

Every name and value is escaped as inline code or text (it comes from migrations, YAML or a
database); the words around them are ours. `table_link` turns a table key into a link to its
page where the page exists, so the What changed page links the tables it names.
"""

from __future__ import annotations

from collections.abc import Callable

from ..catalog.changes import Action, Change
from .filters import Safe, code, escape

TableLink = Callable[[str], Safe]


def describe(change: Change, table_link: TableLink | None = None) -> Safe:
    """One change in a sentence; with `table_link` the table is named (else the page is the table's)."""
    what = escape(change.what)
    table = table_link(change.table) if change.table is not None and table_link is not None else None
    if change.name is None:  # the table (or view) itself
        subject = Safe(f"{what} {table}") if table else what
        if change.action is Action.ADDED:
            text = f"created {subject}" if table else f"created the {what}"
            parts = [p for p in change.parts if p.what == "column"]
            if parts:
                text += " with " + ", ".join(_column(p) for p in parts)
            keys = [p for p in change.parts if p.what != "column"]
            if keys:
                text += "; " + "; ".join(f"{escape(p.what)} {code(p.detail)}" for p in keys if p.detail)
            return Safe(text)
        if change.action is Action.RENAMED:
            return Safe(
                f"renamed {what} {code(change.before)} to {table}" if table else f"renamed from {code(change.before)}"
            )
        if change.action is Action.DROPPED:
            return Safe(f"dropped {subject}" if table else f"dropped the {what}")
        return Safe(f"changed {subject}" + _deltas(change) if table else f"changed the {what}" + _deltas(change))
    name = code(change.name)
    subject = Safe(f"{what} {name}" + (f" on {table}" if table else ""))
    if change.action is Action.RENAMED:
        return Safe(f"renamed {what} {code(change.before)} to {name}" + (f" on {table}" if table else ""))
    if change.action is Action.CHANGED:
        return Safe(f"changed {subject}" + _deltas(change))
    verb = "added" if change.action is Action.ADDED else "dropped"
    return Safe(f"{verb} {subject}" + (f" ({code(change.detail)})" if change.detail else ""))


def counts(changes: tuple[Change, ...]) -> Safe:
    """`2 added, 1 changed`: the size of a set of changes, for a summary line."""
    found = [(a, sum(1 for c in changes if c.action is a)) for a in Action]
    return Safe(", ".join(f"{n} {a.value}" for a, n in found if n) or "none")


def _column(part: Change) -> str:
    return f"{code(part.name)} ({escape(part.detail)})" if part.detail else str(code(part.name))


def _deltas(change: Change) -> str:
    if not change.deltas:
        return ""
    shown = []
    for delta in change.deltas:
        before = code(delta.before) if delta.before is not None else Safe("none")
        after = code(delta.after) if delta.after is not None else Safe("none")
        shown.append(f"{escape(delta.attribute)} {before} → {after}")
    return ": " + ", ".join(shown)


__all__ = ["counts", "describe"]
