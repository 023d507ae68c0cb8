"""`django.setup()` with a settings module and describe every concrete model's table as JSON.

Column types, constraint and index names are Django's own, computed by the `DATABASES` alias'
backend (`field.db_type(connection)`, the schema editor's naming), so they are what `migrate`
creates there. The schema editor is never entered: nothing is executed. Django's MySQL backend
asks the server its version and storage engine (read-only), so that alias must be reachable.
"""

from __future__ import annotations

import importlib
import inspect
import os
from typing import Any

from dbcatalog_probe import ProbeError, first_line, located, main  # type: ignore[import-not-found]  # next to this file


def describe(request: dict[str, Any]) -> dict[str, Any]:
    settings, alias = request["target"], request.get("database") or "default"
    try:
        import django  # type: ignore[import-untyped]  # Django ships no type information
    except ImportError:
        raise ProbeError("Django is not installed where the build runs (pip install Django)") from None
    try:
        importlib.import_module(settings)
    except BaseException as problem:  # the application's own failure, in one line
        raise ProbeError(f"importing {settings} failed: {first_line(problem)}") from None
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    try:
        django.setup()
    except BaseException as problem:
        raise ProbeError(f"django.setup() with {settings} failed: {first_line(problem)}") from None
    from django.apps import apps  # type: ignore[import-untyped]
    from django.db import Error as DatabaseFailure  # type: ignore[import-untyped]
    from django.db import connections

    if alias not in connections.settings:
        raise ProbeError(f"{settings} has no DATABASES alias {alias!r} (it has {', '.join(connections.settings)})")
    connection = connections[alias]
    configs = []
    for label in request.get("apps") or ():
        try:
            configs.append(apps.get_app_config(label))
        except LookupError:
            known = ", ".join(c.label for c in apps.get_app_configs())
            raise ProbeError(f"{settings} installs no app labelled {label!r} (installed: {known})") from None
    editor = connection.schema_editor(collect_sql=True, atomic=False)
    tables = []
    try:
        for config in configs or apps.get_app_configs():
            for model in config.get_models(include_auto_created=True):
                meta = model._meta
                if meta.proxy or not meta.managed or meta.swapped:
                    continue
                tables.append(_Model(model, connection, editor).describe())
        mariadb = connection.vendor == "mysql" and bool(connection.mysql_is_mariadb)
    except DatabaseFailure as problem:
        raise ProbeError(
            f"Django's {connection.vendor} backend needs the database of alias {alias!r} for the column types, "
            f"and could not reach it: {first_line(problem)}"
        ) from None
    return {"vendor": connection.vendor, "mariadb": mariadb, "tables": tables}


def _unquoted(name: Any) -> str:
    text = str(name)
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] and text[0] in "\"`[" else text


class _Model:
    def __init__(self, model: Any, connection: Any, editor: Any) -> None:
        self.model, self.meta, self.connection, self.editor = model, model._meta, connection, editor

    def describe(self) -> dict[str, Any]:
        meta = self.meta
        fields = [f for f in meta.local_concrete_fields if f.db_type(self.connection) is not None]
        primary = getattr(meta, "pk_fields", None) or [meta.pk]
        where, columns_where = located(self.model, {f.column: f.name for f in fields})
        return {
            "name": meta.db_table,
            "comment": meta.db_table_comment or None,
            "doc": self._doc(),
            "where": where,
            "columns_where": columns_where,
            "auto_created": bool(meta.auto_created),
            "columns": [self._column(f) for f in fields],
            "primary_key": [f.column for f in primary],
            "uniques": [[f.column] for f in fields if f.unique and not f.primary_key],
            "unique_together": [self._unique_together(names) for names in meta.unique_together],
            "constraints": [c for c in (self._constraint(c) for c in meta.constraints) if c],
            "foreign_keys": [self._foreign_key(f) for f in fields if f.remote_field and f.is_relation],
            "indexes": [i for i in (self._index(s) for s in self.editor._model_indexes_sql(self.model)) if i],
        }

    def _doc(self) -> str | None:
        """The model's own docstring (Django writes `Order(id, ...)` for one that has none), else its
        verbose_name when the Meta gives one; a many-to-many table's, its field's help_text."""
        if self.meta.auto_created:
            fields = self.meta.auto_created._meta.local_many_to_many
            owner = next((f for f in fields if f.remote_field.through is self.model), None)
            return (str(owner.help_text) or None) if owner is not None else None
        doc = self.model.__dict__.get("__doc__")
        if doc and not doc.startswith(f"{self.model.__name__}("):
            return inspect.cleandoc(doc)
        given = self.meta.original_attrs.get("verbose_name")
        return str(given) if given else None

    def _column(self, field: Any) -> dict[str, Any]:
        default = None
        if getattr(field, "has_db_default", lambda: False)():
            try:
                sql, params = self.editor.db_default_sql(field)
                default = sql % tuple(self.editor.quote_value(p) for p in params)
            except Exception:  # a default the backend cannot write offline: shown without one
                default = None
        made = field.auto_created or field.verbose_name == field.name.replace("_", " ")
        verbose = None if made else field.verbose_name  # only a verbose_name someone wrote
        generated = getattr(field, "generated", False)
        return {
            "name": field.column,
            "type": field.db_type(self.connection),
            "suffix": field.db_type_suffix(self.connection),
            "nullable": bool(field.null) and not field.primary_key,
            "default": default,
            "check": field.db_parameters(connection=self.connection).get("check"),
            "help_text": str(field.help_text) or None,
            "verbose_name": str(verbose) if verbose else None,
            "comment": getattr(field, "db_comment", None) or None,
            "generated": self._generated(field) if generated else None,
            "persisted": bool(getattr(field, "db_persist", False)) if generated else None,
        }

    def _generated(self, field: Any) -> str | None:
        try:
            sql, params = field.generated_sql(self.connection)
            return str(sql % tuple(self.editor.quote_value(p) for p in params))
        except Exception:
            return None

    def _unique_together(self, names: Any) -> dict[str, Any]:
        columns = [self.meta.get_field(n).column for n in names]
        return {"name": self.editor._create_index_name(self.meta.db_table, columns, suffix="_uniq"), "columns": columns}

    def _constraint(self, constraint: Any) -> dict[str, Any] | None:
        from django.db import models

        if isinstance(constraint, models.CheckConstraint):
            sql = constraint._get_check_sql(self.model, self.editor)
            return {"kind": "check", "name": constraint.name, "expression": str(sql)}
        if isinstance(constraint, models.UniqueConstraint):
            condition = None
            if constraint.condition is not None:
                condition = str(constraint._get_condition_sql(self.model, self.editor))
            return {
                "kind": "unique",
                "name": constraint.name,
                "columns": [self.meta.get_field(n).column for n in constraint.fields],
                "expressions": bool(constraint.expressions),
                "condition": condition,
            }
        return None

    def _foreign_key(self, field: Any) -> dict[str, Any]:
        target = field.remote_field.model._meta
        enforced = bool(field.db_constraint) and self.connection.features.supports_foreign_keys
        name = None
        if enforced:
            name = _unquoted(self.editor._fk_constraint_name(self.model, field, "_fk_%(to_table)s_%(to_column)s"))
        return {
            "name": name,
            "column": field.column,
            "target_table": target.db_table,
            "target_column": target.get_field(field.remote_field.field_name).column,
            "enforced": enforced,
            "on_delete": getattr(field.remote_field.on_delete, "__name__", None),
            "deferrable": self.connection.ops.deferrable_sql().strip() or None,
        }

    def _index(self, statement: Any) -> dict[str, Any] | None:
        """A CREATE INDEX the schema editor would run: its name, columns, method and predicate."""
        template, parts = str(statement.template).lstrip().upper(), statement.parts
        if not template.startswith(("CREATE INDEX", "CREATE UNIQUE INDEX")):
            return None
        columns = parts.get("columns")
        names = list(getattr(columns, "columns", None) or [str(columns)])
        suffixes = [str(s).strip().upper() for s in (getattr(columns, "col_suffixes", None) or ())]
        using = str(parts.get("using") or "").strip()
        condition = str(parts.get("condition") or "").strip()
        return {
            "name": _unquoted(parts["name"]),
            "columns": [_unquoted(n) for n in names],
            "orders": suffixes,
            "opclasses": [str(o) for o in (getattr(columns, "opclasses", None) or ())],
            "unique": template.startswith("CREATE UNIQUE INDEX"),
            "using": using.split()[-1].lower() if using else None,
            "where": condition[len("WHERE") :].strip() if condition.upper().startswith("WHERE") else None,
        }


if __name__ == "__main__":
    main(describe)
