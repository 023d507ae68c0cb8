"""A structural diff as people read it: text for a terminal, JSON for scripts, Markdown for a pull request."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from ..catalog.changes import Action, Change
from ..catalog.codec import to_data
from ..output import printable

_SIGNS = {Action.ADDED: "+", Action.DROPPED: "-", Action.CHANGED: "~", Action.RENAMED: ">"}


@dataclass(frozen=True)
class Comparison:
    before: str
    after: str
    changes: tuple[Change, ...]

    def count(self, action: Action) -> int:
        return sum(1 for c in self.changes if c.action is action)

    @property
    def summary(self) -> str:
        if not self.changes:
            return "No structural difference."
        parts = [f"{self.count(a)} {a.value}" for a in Action if self.count(a)]
        return ", ".join(parts) + "."


def text(comparison: Comparison) -> str:
    lines = [printable(f"{comparison.before} → {comparison.after}")]
    for change in comparison.changes:
        lines.append(printable(f"{_SIGNS[change.action]} {change}"))
        for part in change.parts:
            lines.append(printable(f"    {_part(part)}"))
    lines.append(comparison.summary)
    return "\n".join(lines) + "\n"


def _part(part: Change) -> str:
    """`column id (integer, not null)`, `primary key (id)`: one line of what a new table has."""
    name = f" {part.name}" if part.name else ""
    return f"{part.what}{name}" + (f" ({part.detail})" if part.detail else "")


def as_json(comparison: Comparison) -> str:
    document = {
        "before": comparison.before,
        "after": comparison.after,
        "changes": [to_data(c) for c in comparison.changes],
        "summary": {a.value: comparison.count(a) for a in Action},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def markdown(comparison: Comparison) -> str:
    """A comment for a pull request: a table per table touched, every value in code spans."""
    lines = [
        f"### Schema changes: {_code(comparison.before)} → {_code(comparison.after)}",
        "",
        comparison.summary,
    ]
    if comparison.changes:
        lines += ["", "| Change | Object | Details |", "|---|---|---|"]
        for change in comparison.changes:
            subject = (
                _code(change.table or change.what)
                if change.name is None
                else _code(f"{change.table}.{change.name}" if change.table else change.name)
            )
            lines.append(f"| {change.action.value} {change.what} | {subject} | {_details(change)} |")
    return "\n".join(lines) + "\n"


def _details(change: Change) -> str:
    if change.action is Action.RENAMED:
        return f"from {_code(change.before or '')}"
    if change.deltas:
        return "<br>".join(
            f"{_cell(d.attribute)}: {_code(d.before or 'none')} → {_code(d.after or 'none')}" for d in change.deltas
        )
    pieces = [_code(change.detail)] if change.detail else []
    pieces += [
        " ".join(x for x in (_cell(p.what), _code(p.name) if p.name else "", _code(p.detail) if p.detail else "") if x)
        for p in change.parts
    ]
    return "<br>".join(pieces) or "—"


def _code(value: str | None) -> str:
    """Inline code that holds any text: backticks longer than any run inside, pipes and breaks escaped."""
    text = " ".join(str(value or "").split())
    text = text.replace("|", "\\|")
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


FORMATS: dict[str, Callable[[Comparison], str]] = {"text": text, "json": as_json, "markdown": markdown}

__all__ = ["FORMATS", "Comparison", "as_json", "markdown", "text"]
