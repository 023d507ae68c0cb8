"""The walk through `upgrade()`: statements, conditions that can be told without running, loops
over literal lists, functions of the same file, `with op.batch_alter_table(...)` blocks. Each
directive found goes to `Directives`; a statement that could change the schema in a way only the
run tells is listed as not analysed."""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterable
from typing import Any

from ....catalog.model import TableRef
from ..pyast import Scope, Unreadable, keywords, short
from ..sqlreader import SqlReader
from .arguments import argument_of, table_ref
from .directives import BATCH_HANDLERS, DATA_ONLY, NO_TABLE_CHANGE, OP_HANDLERS, Directives
from .execute import sql_text

_OFFLINE = frozenset({"alembic.context.is_offline_mode", "alembic.op.get_context.as_sql"})
_MAX_DEPTH = 4
_MAY_RUN_DDL = frozenset(
    {"execute", "exec_driver_sql", "executescript", "create", "create_all", "drop", "drop_all", "run_sync", "invoke"}
)
_SAFE_MODULES = (
    "sqlalchemy.",
    "json.",
    "logging.",
    "uuid.",
    "datetime.",
    "re.",
    "itertools.",
    "collections.",
    "typing.",
    "functools.",
    "decimal.",
    "time.",
    "math.",
    "enum.",
    "dataclasses.",
    "textwrap.",
    "hashlib.",
    "base64.",
    "contextlib.",
    "copy.",
    "operator.",
    "string.",
    "zlib.",
    "pickle.",
    "alembic.op.get_bind",
    "alembic.context.",
)
_DIALECT_CLASSES = {"SQLiteDialect": "sqlite", "MySQLDialect": "mysql", "PGDialect": "postgresql", "MSDialect": "mssql"}


class Walk(Directives):
    def __init__(self, engine: str | None, sql: SqlReader, helpers: dict[str, ast.FunctionDef]) -> None:
        super().__init__(engine, sql)
        self.helpers = helpers
        self.depth = 0

    # ------------------------------------------------------------------ statements

    def block(self, body: Iterable[ast.stmt], scope: Scope, batch: TableRef | None) -> None:
        for statement in body:
            try:
                self.statement(statement, scope, batch)
            except Unreadable as problem:
                if self.changes_rows_only(statement, scope):
                    continue
                self.unread(problem.line or statement.lineno, problem.why)

    def changes_rows_only(self, node: ast.AST, scope: Scope, depth: int = 0) -> bool:
        """Whether a statement cannot change the schema: no Alembic directive, no `execute`, no
        `create`/`drop` of SQLAlchemy objects, no function from outside Python's and SQLAlchemy's own
        (a project's helper could do anything). Data migrations (ORM sessions, loops over rows) are."""
        for call in ast.walk(node):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            if isinstance(func, ast.Attribute) and func.attr in ("execute", "exec_driver_sql"):
                if self.data_sql(call, scope):
                    continue  # `conn.execute(text("UPDATE ..."))` in a loop over batches
                return False
            if isinstance(func, ast.Attribute) and func.attr in _MAY_RUN_DDL:
                return False
            name = scope.qualified(func) if isinstance(func, (ast.Name, ast.Attribute)) else None
            if name is None:
                continue
            head, _, last = name.rpartition(".")
            if (name.startswith("alembic.op.") or head == "alembic.batch") and last not in DATA_ONLY:
                return False
            if name in self.helpers:
                if depth >= _MAX_DEPTH or not all(
                    self.changes_rows_only(s, scope, depth + 1) for s in self.helpers[name].body
                ):
                    return False
                continue
            root = _root_name(func)
            if root is not None and root in scope.names and not name.startswith(_SAFE_MODULES):
                return False
        return True

    def data_sql(self, call: ast.Call, scope: Scope) -> bool:
        """An `execute` whose SQL is written in the file and only reads or changes rows."""
        try:
            text = sql_text(call, scope)
        except Unreadable:
            return False
        return text is None or self.sql.data_only(text)

    def statement(self, node: ast.stmt, scope: Scope, batch: TableRef | None) -> None:
        if isinstance(node, (ast.Pass, ast.Import, ast.ImportFrom, ast.Return, ast.Global)) or _is_docstring(node):
            return
        if isinstance(node, ast.If):
            try:
                holds = self.condition(node.test, scope)
            except Unreadable:
                raise Unreadable(node, f"`if {short(node.test)}`: what it does depends on the run") from None
            self.block(node.body if holds else node.orelse, scope, batch)
            return
        if isinstance(node, ast.FunctionDef):
            self.helpers[node.name] = node  # a local function: read where it is called
            return
        node = _Expand(self).visit(node)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            self.call(node.value, scope, batch)
            return
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            self.assignment(node.targets[0], node.value, scope)
            return
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            self.assignment(node.target, node.value, scope)
            return
        if isinstance(node, ast.With):
            self.with_block(node, scope, batch)
            return
        if isinstance(node, ast.For):
            self.loop(node, scope, batch)
            return
        kind = type(node).__name__.lower()
        raise Unreadable(node, f"`{kind}` statement: what it does depends on the run")

    def assignment(self, target: ast.expr, value: ast.expr, scope: Scope) -> None:
        if isinstance(value, ast.Call) and not _harmless(value, scope):
            name = scope.qualified(value.func) or ""
            if name.startswith("alembic.op.") and name.rpartition(".")[2] not in DATA_ONLY:
                self.call(value, scope, None)
        scope.bind(target, value)

    def with_block(self, node: ast.With, scope: Scope, batch: TableRef | None) -> None:
        """`with op.batch_alter_table(...) as batch_op:` sets the table of the block's directives; any
        other context manager (`disable_sqlite_fkeys(op)`, `suppress(...)`) wraps statements that are read."""
        inner = scope.child()
        table = batch
        for item in node.items:
            call = item.context_expr
            name = scope.qualified(call.func) if isinstance(call, ast.Call) else None
            if not isinstance(call, ast.Call) or name is None or not name.endswith(".batch_alter_table"):
                continue
            args = keywords(call)
            table = table_ref(scope.value(argument_of(call, 0, "table_name")), scope.value(args.get("schema")))
            if isinstance(item.optional_vars, ast.Name):
                inner.aliases[item.optional_vars.id] = "alembic.batch"
        self.block(node.body, inner, table)

    def condition(self, test: ast.expr, scope: Scope) -> bool:
        """A condition that can be told without running: the dialect (`conn.dialect.name == "sqlite"`),
        offline mode (never: the catalog documents a database that was upgraded), literals."""
        if isinstance(test, ast.BoolOp):
            values = [self.condition(v, scope) for v in test.values]
            return all(values) if isinstance(test.op, ast.And) else any(values)
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return not self.condition(test.operand, scope)
        if (
            isinstance(test, ast.Call)
            and isinstance(test.func, (ast.Name, ast.Attribute))
            and (scope.qualified(test.func) or "") in _OFFLINE
        ):
            return False
        if (
            isinstance(test, ast.Call)
            and isinstance(test.func, ast.Name)
            and test.func.id == "isinstance"
            and len(test.args) == 2
            and isinstance(test.args[0], ast.Attribute)
            and test.args[0].attr == "dialect"
            and scope.is_bind(test.args[0].value)
        ):
            classes = test.args[1].elts if isinstance(test.args[1], ast.Tuple) else [test.args[1]]
            names = [_DIALECT_CLASSES.get((scope.qualified(c) or "").rpartition(".")[2]) for c in classes]
            if scope.dialect is not None and all(names):
                return scope.dialect in names
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, right = scope.value(test.left), scope.value(test.comparators[0])
            op = test.ops[0]
            if isinstance(op, ast.Eq):
                return bool(left == right)
            if isinstance(op, ast.NotEq):
                return bool(left != right)
            if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (list, str, dict)):
                return (left in right) == isinstance(op, ast.In)
        try:
            return bool(scope.value(test))
        except Unreadable:
            raise Unreadable(test, f"`if {short(test)}`: what it does depends on the run") from None

    def inline(self, helper: ast.FunctionDef, call: ast.Call, scope: Scope, batch: TableRef | None) -> None:
        """A function of the same file, read with its parameters replaced by the call's arguments."""
        if self.depth >= _MAX_DEPTH:
            raise Unreadable(call, f"`{helper.name}()` calls itself too deeply to be read")
        bound = _bind_arguments(helper, call)
        body = [_Substitute(bound).visit(copy.deepcopy(statement)) for statement in helper.body]
        self.depth += 1
        try:
            self.block(body, scope.child(), batch)
        finally:
            self.depth -= 1

    def loop(self, node: ast.For, scope: Scope, batch: TableRef | None) -> None:
        """A `for` over a literal list is unrolled; over anything else it depends on the run."""
        items = scope.value(node.iter)
        if not isinstance(items, list) or node.orelse:
            raise Unreadable(node, "a loop over values known only at run time")
        for item in items:
            inner = scope.child()
            _assign_target(node.target, item, inner)
            self.block(node.body, inner, batch)

    # ------------------------------------------------------------------ calls

    def call(self, call: ast.Call, scope: Scope, batch: TableRef | None) -> None:
        name = scope.qualified(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None
        if name is None:
            raise Unreadable(call, f"`{short(call)}`")
        head, _, method = name.rpartition(".")
        if head == "alembic.batch":
            if batch is None:
                raise Unreadable(call, "a batch operation outside its block")
            self.batch(method, call, scope, batch)
            return
        if head in ("alembic.op", "op"):
            self.op(method, call, scope)
            return
        if method in ("info", "debug", "warning", "print") or name in ("print",):
            return  # logging
        if method == "execute" or name.endswith(".exec_driver_sql"):
            self.execute(call, scope)  # a connection from op.get_bind(): same as op.execute
            return
        if name in self.helpers:
            self.inline(self.helpers[name], call, scope, batch)
            return
        raise Unreadable(call, f"`{short(call.func)}()` is not an Alembic operation; its effect is not analysed")

    def op(self, method: str, call: ast.Call, scope: Scope) -> None:
        if method in DATA_ONLY or method in NO_TABLE_CHANGE:
            return
        handler = OP_HANDLERS.get(method)
        if handler is None:
            raise Unreadable(call, f"op.{method}() is not read")
        handler(self, call, scope)

    def batch(self, method: str, call: ast.Call, scope: Scope, table: TableRef) -> None:
        """`batch_op.<directive>(...)`: the same directive with the block's table as the first argument."""
        handler = BATCH_HANDLERS.get(method)
        if handler is None:
            if method in DATA_ONLY or method in NO_TABLE_CHANGE:
                return
            raise Unreadable(call, f"batch_op.{method}() is not read")
        handler(self, call, scope, table)

    # ------------------------------------------------------------------ directives


def _harmless(call: ast.Call, scope: Scope) -> bool:
    """Calls whose result is only used later (`sa.table(...)`, `op.get_bind()`)."""
    name = scope.qualified(call.func) if isinstance(call.func, (ast.Name, ast.Attribute)) else None
    return name is None or not name.startswith("alembic.op.") or name.rpartition(".")[2] in DATA_ONLY


def _assign_target(target: ast.expr, value: Any, scope: Scope) -> None:
    if isinstance(target, ast.Name):
        scope.constants[target.id] = value
    elif isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, list) and len(value) == len(target.elts):
        for t, v in zip(target.elts, value, strict=True):
            _assign_target(t, v, scope)
    else:
        raise Unreadable(target, "a loop variable that cannot be bound")


def _bind_arguments(helper: ast.FunctionDef, call: ast.Call) -> dict[str, ast.expr]:
    """Parameter → the argument expression of the call (or the parameter's default)."""
    params = helper.args
    if params.vararg or params.kwarg or any(isinstance(a, ast.Starred) for a in call.args):
        raise Unreadable(call, f"`{helper.name}()` takes *args or **kwargs")
    if any(k.arg is None for k in call.keywords):
        raise Unreadable(call, f"`{helper.name}()` is called with **kwargs")
    positional = [*params.posonlyargs, *params.args]
    bound: dict[str, ast.expr] = {}
    defaults = dict(
        zip([a.arg for a in positional][len(positional) - len(params.defaults) :], params.defaults, strict=True)
    )
    defaults.update({a.arg: d for a, d in zip(params.kwonlyargs, params.kw_defaults, strict=True) if d is not None})
    for param, argument in zip(positional, call.args, strict=False):
        bound[param.arg] = argument
    given = {k.arg: k.value for k in call.keywords if k.arg}
    for param in [*positional, *params.kwonlyargs]:
        if param.arg in bound:
            continue
        value = given.get(param.arg, defaults.get(param.arg))
        if value is None:
            raise Unreadable(call, f"`{helper.name}()` is called without its argument {param.arg}")
        bound[param.arg] = value
    return bound


class _Expand(ast.NodeTransformer):
    """Calls of same-file functions that only `return <expression>` become that expression
    (`_workspace_column()` → the `sa.Column(...)` it returns), with the call's arguments in place."""

    def __init__(self, reader: Walk) -> None:
        self.reader = reader
        self.depth = 0

    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        helper = self.reader.helpers.get(node.func.id) if isinstance(node.func, ast.Name) else None
        if helper is None or self.depth >= _MAX_DEPTH:
            return node
        body = [s for s in helper.body if not _is_docstring(s)]
        if len(body) != 1 or not isinstance(body[0], ast.Return) or body[0].value is None:
            return node
        try:
            bound = _bind_arguments(helper, node)
        except Unreadable:
            return node
        expression = _Substitute(bound).visit(copy.deepcopy(body[0].value))
        self.depth += 1
        try:
            result: ast.expr = self.visit(expression)
        finally:
            self.depth -= 1
        return ast.copy_location(result, node)


class _Substitute(ast.NodeTransformer):
    def __init__(self, bound: dict[str, ast.expr]) -> None:
        self.bound = bound

    def visit_Name(self, node: ast.Name) -> ast.expr:
        if isinstance(node.ctx, ast.Load) and node.id in self.bound:
            return ast.copy_location(copy.deepcopy(self.bound[node.id]), node)
        return node


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
