"""ALTER TABLE: each action (add, drop, rename or alter a column; add or drop a constraint; rename the
table) applied to the table's draft, in the order written."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlglot import exp

from ...catalog.model import ForeignKey, PrimaryKey
from .applied import Applied, Change, Draft
from .shapes import AddConstraint, SetDefault
from .statements import Statement
from .translate import Pieces, Translator, default_rule, name_of

if TYPE_CHECKING:
    from .state import SchemaState


def apply_actions(state: SchemaState, statement: Statement, alter: exp.Alter, draft: Draft) -> Applied:
    changes: list[Change] = []
    problems: list[str] = []
    label = state.label(draft.schema, draft.name)
    translator = state.translator(statement, draft.name)
    actions = []
    for action in alter.args.get("actions") or []:  # Oracle's ADD ( ... ) holds several
        actions += action.expressions if isinstance(action, exp.Schema) else [action]
    for action in actions:
        if isinstance(action, exp.ColumnDef):
            pieces = Pieces()
            column = translator.column(action, pieces)
            if _find(state, draft, column.name) is not None:
                if action.args.get("exists"):
                    continue
                problems.append(f"column {column.name} already exists")
                continue
            draft.add(replace(pieces, columns=[column]))
            changes.append(Change("add column", label, column.name))
        elif isinstance(action, exp.AddConstraint):
            for constraint in action.expressions:
                if isinstance(constraint, (exp.Property, exp.Properties)):
                    continue
                pieces = Pieces()
                translator.constraint(constraint, pieces)
                draft.add(pieces)
                changes.append(Change("add constraint", label, _constraint_name(constraint, state)))
                problems += pieces.problems
        elif isinstance(action, (exp.Constraint, exp.PrimaryKey, exp.ForeignKey, exp.IndexColumnConstraint)):
            pieces = Pieces()
            translator.constraint(action, pieces)
            draft.add(pieces)
            changes.append(Change("add constraint", label, _constraint_name(action, state)))
        elif isinstance(action, exp.AlterColumn):
            changes += _alter_column(state, statement, draft, action, translator, label, problems)
        elif isinstance(action, exp.ModifyColumn):
            changes += _modify_column(state, draft, action, translator, label, problems)
        elif isinstance(action, exp.RenameColumn):
            old = name_of(action.this, state.dialect)
            new = name_of(action.args.get("to"), state.dialect)
            if _rename_column(state, draft, old, new):
                changes.append(Change("rename column", label, f"{old} → {new}"))
            elif not action.args.get("exists"):
                problems.append(f"no column {old} to rename")
        elif isinstance(action, exp.AlterRename):
            changes.append(rename_table(state, draft, action.this))
            label = state.label(draft.schema, draft.name)
        elif isinstance(action, exp.Drop):
            changes += _drop(state, draft, action, label, problems)
        elif isinstance(action, exp.DropPrimaryKey):
            draft.primary_key = None
            changes.append(Change("drop constraint", label, "PRIMARY"))
        elif not isinstance(action, (exp.Property, exp.Properties)):
            problems.append(f"{type(action).__name__} is not read")
    if problems and not changes:
        return state.skip(statement, "; ".join(problems))
    return state.done(statement, changes, problems)


def add_constraint(state: SchemaState, statement: Statement, found: AddConstraint) -> Applied:
    """An ADD CONSTRAINT read from its tokens: the same as `apply_actions` on sqlglot's tree of it."""
    place = state.place_names(found.table)
    draft = state.drafts.get(state.key(*place))
    if draft is None:
        return state.skip(statement, f"ALTER of {state.label(*place)}, which no earlier statement creates")
    pieces = Pieces()
    if found.kind == "PRIMARY KEY":
        pieces.primary_key = PrimaryKey(found.columns, found.name)
    elif found.kind == "UNIQUE":
        state.translator(statement, draft.name)._unique(found.columns, found.name, pieces)
    else:
        rule = default_rule(state.dialect)
        pieces.foreign_keys.append(
            ForeignKey(
                found.columns,
                state.ref_to(*state.place_names(found.target)),
                found.target_columns,
                found.name,
                found.on_delete or rule,
                found.on_update or rule,
            )
        )
    draft.add(pieces)
    return state.done(statement, [Change("add constraint", state.label(draft.schema, draft.name), found.name)])


def set_default(state: SchemaState, statement: Statement, found: SetDefault) -> Applied:
    """A SET DEFAULT nextval(...) read from its tokens: the same as `apply_actions` on sqlglot's tree of it."""
    place = state.place_names(found.table)
    draft = state.drafts.get(state.key(*place))
    if draft is None:
        return state.skip(statement, f"ALTER of {state.label(*place)}, which no earlier statement creates")
    at = _find(state, draft, found.column)
    if at is None:
        return state.skip(statement, f"no column {found.column} to alter")
    column = draft.columns[at]
    default = state.translator(statement, draft.name).written(found.default)
    column = replace(column, default=default, identity=column.identity or "serial")
    draft.columns[at] = column
    return state.done(statement, [Change("alter column", state.label(draft.schema, draft.name), column.name)])


def _constraint_name(node: exp.Expression, state: SchemaState) -> str | None:
    if isinstance(node, (exp.Constraint, exp.IndexColumnConstraint)) and node.this is not None:
        return name_of(node.this, state.dialect)
    return None


def _find(state: SchemaState, draft: Draft, name: str) -> int | None:
    wanted = state.key(None, name)[1]
    return next((i for i, c in enumerate(draft.columns) if state.key(None, c.name)[1] == wanted), None)


def _alter_column(
    state: SchemaState,
    statement: Statement,
    draft: Draft,
    action: exp.AlterColumn,
    translator: Translator,
    label: str,
    problems: list[str],
) -> list[Change]:
    name = name_of(action.this, state.dialect)
    at = _find(state, draft, name)
    if at is None:
        problems.append(f"no column {name} to alter")
        return []
    column = draft.columns[at]
    spans = statement.spans
    if action.args.get("dtype") is not None:
        written = spans.type_after(action.this) if spans else None
        column = replace(
            column, type=translator.written(written or action.args["dtype"].sql(dialect=state.dialect.sqlglot))
        )
    elif action.args.get("default") is not None:
        default = action.args["default"]
        text = (spans.clause_after(action.this, "DEFAULT") if spans else None) or default.sql(
            dialect=state.dialect.sqlglot
        )
        column = replace(column, default=translator.written(text))
        if text.lower().startswith("nextval(") and column.identity is None:
            column = replace(column, identity="serial")
    elif action.args.get("allow_null") is not None:
        column = replace(column, nullable=bool(action.args["allow_null"]))
    elif action.args.get("drop"):
        column = replace(column, default=None)
    elif action.args.get("comment") is not None:
        column = replace(column, comment=action.args["comment"].name or None)
    else:
        problems.append(f"ALTER COLUMN {name}: this change is not read")
        return []
    draft.columns[at] = column
    return [Change("alter column", label, column.name)]


def _modify_column(
    state: SchemaState, draft: Draft, action: exp.ModifyColumn, translator: Translator, label: str, problems: list[str]
) -> list[Change]:
    """MySQL's MODIFY and CHANGE: the column defined anew, in place (renamed by CHANGE)."""
    definition = action.this
    if not isinstance(definition, exp.ColumnDef):
        problems.append("MODIFY without a column definition")
        return []
    old = name_of(action.args.get("rename_from") or definition.this, state.dialect)
    at = _find(state, draft, old)
    if at is None:
        problems.append(f"no column {old} to change")
        return []
    pieces = Pieces()
    column = translator.column(definition, pieces)
    draft.columns[at] = replace(column, comment=column.comment or None)
    draft.add(replace(pieces, columns=[]))
    if old != column.name:
        _rename_column(state, draft, old, column.name, keep_columns=True)
    return [Change("alter column", label, column.name)]


def _rename_column(state: SchemaState, draft: Draft, old: str, new: str, keep_columns: bool = False) -> bool:
    at = _find(state, draft, old)
    if at is None and not keep_columns:
        return False
    if at is not None and not keep_columns:
        draft.columns[at] = replace(draft.columns[at], name=new)

    def renamed(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(new if n == old else n for n in names)

    if draft.primary_key:
        draft.primary_key = replace(draft.primary_key, columns=renamed(draft.primary_key.columns))
    draft.indexes = [replace(i, columns=renamed(i.columns)) for i in draft.indexes]
    draft.unique_constraints = [replace(u, columns=renamed(u.columns)) for u in draft.unique_constraints]
    draft.foreign_keys = [replace(f, columns=renamed(f.columns)) for f in draft.foreign_keys]
    own = (draft.name, state.shown(draft.schema))
    for other in state.drafts.values():
        other.foreign_keys = [
            replace(f, target_columns=renamed(f.target_columns)) if (f.target.table, f.target.schema) == own else f
            for f in other.foreign_keys
        ]
    return True


def rename_table(state: SchemaState, draft: Draft, target: exp.Expression) -> Change:
    old_label = state.label(draft.schema, draft.name)
    old_ref = (draft.name, state.shown(draft.schema))
    schema, name = state.place(target)
    if not (isinstance(target, exp.Table) and target.args.get("db") is not None):
        schema = draft.schema  # RENAME TO keeps the schema
    del state.drafts[state.key(draft.schema, draft.name)]
    draft.name, draft.schema = name, schema
    state.drafts[state.key(schema, name)] = draft
    new_ref = state.ref(exp.Table(this=exp.to_identifier(name), db=exp.to_identifier(schema) if schema else None))
    for other in state.drafts.values():
        other.foreign_keys = [
            replace(f, target=new_ref) if (f.target.table, f.target.schema) == old_ref else f
            for f in other.foreign_keys
        ]
    return Change("rename table", old_label, state.label(schema, name))


def _drop(state: SchemaState, draft: Draft, action: exp.Drop, label: str, problems: list[str]) -> list[Change]:
    kind = str(action.args.get("kind") or "").upper()
    changes = []
    for target in action.args.get("tables") or action.expressions:
        name = name_of(target, state.dialect)
        if kind == "COLUMN":
            at = _find(state, draft, name)
            if at is None:
                if not action.args.get("exists"):
                    problems.append(f"no column {name} to drop")
                continue
            dropped = draft.columns.pop(at).name
            _forget_column(draft, dropped)
            changes.append(Change("drop column", label, dropped))
        elif kind in ("CONSTRAINT", "FOREIGN KEY", "INDEX", "KEY", "UNIQUE", "CHECK"):
            if _drop_constraint(draft, name, kind):
                changes.append(Change("drop index" if kind in ("INDEX", "KEY") else "drop constraint", label, name))
            elif not action.args.get("exists"):
                problems.append(f"no constraint {name} to drop")
        else:
            problems.append(f"DROP {kind} is not read")
    return changes


def _drop_constraint(draft: Draft, name: str, kind: str) -> bool:
    before = (
        draft.primary_key,
        len(draft.foreign_keys),
        len(draft.unique_constraints),
        len(draft.check_constraints),
        len(draft.indexes),
    )
    if draft.primary_key is not None and draft.primary_key.name == name and kind == "CONSTRAINT":
        draft.primary_key = None
    if kind in ("CONSTRAINT", "FOREIGN KEY"):
        draft.foreign_keys = [f for f in draft.foreign_keys if f.name != name]
    if kind in ("CONSTRAINT", "UNIQUE", "INDEX", "KEY"):
        draft.unique_constraints = [u for u in draft.unique_constraints if u.name != name]
        draft.indexes = [i for i in draft.indexes if i.name != name]
    if kind in ("CONSTRAINT", "CHECK"):
        draft.check_constraints = [c for c in draft.check_constraints if c.name != name]
    after = (
        draft.primary_key,
        len(draft.foreign_keys),
        len(draft.unique_constraints),
        len(draft.check_constraints),
        len(draft.indexes),
    )
    return before != after


def _forget_column(draft: Draft, name: str) -> None:
    """Constraints and indexes on a dropped column go with it, as they do in the engines."""
    if draft.primary_key and name in draft.primary_key.columns:
        draft.primary_key = None
    draft.indexes = [i for i in draft.indexes if name not in i.columns]
    draft.unique_constraints = [u for u in draft.unique_constraints if name not in u.columns]
    draft.foreign_keys = [f for f in draft.foreign_keys if name not in f.columns]


__all__ = ["add_constraint", "apply_actions", "rename_table", "set_default"]
