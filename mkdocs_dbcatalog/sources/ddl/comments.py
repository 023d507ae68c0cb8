"""Comments: COMMENT ON TABLE/COLUMN/INDEX, and SQL Server's `sp_addextendedproperty 'MS_Description'`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlglot import exp

from ...catalog.model import Index
from .applied import Applied, Change, Draft, Status
from .shapes import CommentOn
from .statements import Statement
from .translate import literal_text, name_of

if TYPE_CHECKING:
    from .state import SchemaState


def label(state: SchemaState, table: exp.Expression) -> str:
    return state.label(*state.place(table))


def comment(state: SchemaState, statement: Statement, comment: exp.Comment) -> Applied:
    kind = str(comment.args.get("kind") or "").upper()
    text = (
        literal_text(comment.args.get("expression"))
        if isinstance(comment.args.get("expression"), exp.Literal)
        else None
    )
    target = comment.this
    if kind == "COLUMN" and isinstance(target, exp.Column):
        table = exp.Table(this=target.args.get("table"), db=target.args.get("db"))
        return _on_column(state, statement, state.place(table), name_of(target.this, state.dialect), text)
    if kind in ("TABLE", "VIEW", "MATERIALIZED VIEW", "FOREIGN TABLE"):
        return _on_table(state, statement, state.place(target), text)
    if kind == "INDEX":
        owner = index_owner(state, target)
        if owner is None:
            return state.skip(statement, f"comment on index {label(state, target)}, which no earlier statement creates")
        draft, index = owner
        draft.indexes[draft.indexes.index(index)] = replace(index, comment=text)
        return state.done(statement, [Change("comment", state.label(draft.schema, draft.name), index.name)])
    return Applied(statement, Status.NO_EFFECT)  # comments on schemas, types, functions...


def comment_on(state: SchemaState, statement: Statement, found: CommentOn) -> Applied:
    """A COMMENT ON read from its tokens: the same as `comment` on sqlglot's tree of it."""
    if found.kind == "COLUMN":
        *table, column = found.names
        return _on_column(state, statement, state.place_names(table), column, found.text)
    return _on_table(state, statement, state.place_names(found.names), found.text)


def _on_table(state: SchemaState, statement: Statement, place: tuple[str | None, str], text: str | None) -> Applied:
    draft = state.drafts.get(state.key(*place))
    if draft is None:
        return state.skip(statement, f"comment on {state.label(*place)}, which no earlier statement creates")
    draft.comment = text
    return state.done(statement, [Change("comment", state.label(draft.schema, draft.name))])


def _on_column(
    state: SchemaState, statement: Statement, place: tuple[str | None, str], column: str, text: str | None
) -> Applied:
    draft = state.drafts.get(state.key(*place))
    if draft is None:
        return state.skip(
            statement, f"comment on a column of {state.label(*place)}, which no earlier statement creates"
        )
    found = set_column_comment(state, draft, column, text)
    if not found:
        return state.skip(statement, f"comment on {column!r}, which is not a column of {draft.name}")
    return state.done(statement, [Change("comment", state.label(draft.schema, draft.name), column)])


def execute(state: SchemaState, statement: Statement, call: exp.Execute) -> Applied:
    """SQL Server's `sp_addextendedproperty @name = N'MS_Description'`: the comments of tables and columns."""
    procedure = call.this.name.lower() if call.this is not None else ""
    if procedure not in ("sp_addextendedproperty", "sp_updateextendedproperty", "sp_dropextendedproperty"):
        return (
            state.skip(statement, f"EXEC {procedure} is not read")
            if procedure == "sp_rename"
            else Applied(statement, Status.NO_EFFECT)
        )
    order = ["name", "value", "level0type", "level0name", "level1type", "level1name", "level2type", "level2name"]
    if procedure == "sp_dropextendedproperty":
        order.remove("value")
    values: dict[str, str | None] = {}
    for i, argument in enumerate(call.expressions):
        if isinstance(argument, exp.EQ) and isinstance(argument.this, exp.Parameter):
            values[argument.this.name.lower()] = literal_text(argument.expression)
        elif i < len(order):
            values[order[i]] = literal_text(argument)
    if (values.get("name") or "").lower() != "ms_description":
        return Applied(statement, Status.NO_EFFECT)
    text = None if procedure == "sp_dropextendedproperty" else values.get("value")
    level1 = (values.get("level1type") or "").upper()
    if level1 not in ("TABLE", "VIEW"):
        return Applied(statement, Status.NO_EFFECT)  # schemas, procedures, functions...
    schema = values.get("level0name") if (values.get("level0type") or "").upper() == "SCHEMA" else None
    table = exp.Table(
        this=exp.to_identifier(values.get("level1name") or ""), db=exp.to_identifier(schema) if schema else None
    )
    draft = state.draft(table)
    if draft is None:
        return state.skip(
            statement, f"a description of {state.label(*state.place(table))}, which no earlier statement creates"
        )
    label = state.label(draft.schema, draft.name)
    level2 = (values.get("level2type") or "").upper()
    target = values.get("level2name") or ""
    if not level2:
        draft.comment = text
        return state.done(statement, [Change("comment", label)])
    if level2 == "COLUMN":
        if not set_column_comment(state, draft, target, text):
            return state.skip(statement, f"a description of {target!r}, which is not a column of {label}")
        return state.done(statement, [Change("comment", label, target)])
    if level2 == "INDEX":
        for i, index in enumerate(draft.indexes):
            if state.key(None, index.name or "") == state.key(None, target):
                draft.indexes[i] = replace(index, comment=text)
        return state.done(statement, [Change("comment", label, target)])
    return Applied(statement, Status.NO_EFFECT)  # descriptions of constraints and triggers


def set_column_comment(state: SchemaState, draft: Draft, column: str, text: str | None) -> bool:
    wanted = state.key(None, column)[1]
    for i, existing in enumerate(draft.columns):
        if existing.name == column or state.key(None, existing.name)[1] == wanted:
            draft.columns[i] = replace(existing, comment=text)
            return True
    return False


def index_owner(state: SchemaState, target: exp.Expression) -> tuple[Draft, Index] | None:
    """The table and index an index name (`schema.index` or `index`) refers to."""
    schema, name = state.place(target)
    explicit = isinstance(target, exp.Table) and target.args.get("db") is not None
    wanted = state.key(schema, name)
    for draft in state.drafts.values():
        if explicit and state.key(draft.schema, "")[0] != wanted[0]:
            continue
        for index in draft.indexes:
            if index.name is not None and state.key(None, index.name)[1] == wanted[1]:
                return draft, index
    return None


__all__ = ["comment", "comment_on", "execute", "index_owner", "label", "set_column_comment"]
