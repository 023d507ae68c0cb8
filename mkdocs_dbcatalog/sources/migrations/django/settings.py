"""The project's swappable-model settings (`AUTH_USER_MODEL`...), read from its settings files with `ast`.

`migrations.swappable_dependency(settings.AUTH_USER_MODEL)` depends on the first migration of
whichever app the setting names, so the plan depends on settings. They are found as `manage.py`
finds them: the module its `DJANGO_SETTINGS_MODULE` names, with the modules it star-imports
(`from .base import *`); without one, every `settings.py` or `settings/` package in the project,
when they agree. Nothing is imported or executed.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..base import SKIPPED_DIRS, read_text

DEFAULTS = {"AUTH_USER_MODEL": "auth.User"}
"""Django's own defaults (django/conf/global_settings.py) for the swappable settings it defines."""

_MODULE = re.compile(r"""DJANGO_SETTINGS_MODULE["']\s*,\s*["'](?P<module>[\w.]+)["']""")
_ENTRY_POINTS = ("manage.py", "wsgi.py", "asgi.py")
_MAX_SCANNED = 200

_CHANGED = ":changed"
"""Marks a setting that is also changed under a condition (`if DEBUG: INSTALLED_APPS.append(...)`)."""

Value = str | tuple[str, ...]
"""A setting whose value the files spell out: a string, or a list of strings (INSTALLED_APPS)."""


@dataclass(frozen=True)
class Settings:
    """String settings with literal values, and those that settings files set differently."""

    values: dict[str, Value] = field(default_factory=dict)
    conflicts: dict[str, str] = field(default_factory=dict)
    """Setting → "file: value, file: value" when no manage.py says which settings module is used."""

    def model(self, name: str) -> str | None:
        """`app_label.Model` of a swappable setting, or None when neither the project nor Django sets it."""
        value = self.values.get(name, DEFAULTS.get(name))
        return value if isinstance(value, str) else None

    @property
    def installed_apps(self) -> tuple[str, ...]:
        """INSTALLED_APPS as the files spell it out (what conditions add is not known)."""
        apps = self.values.get("INSTALLED_APPS", ())
        return apps if isinstance(apps, tuple) else ()

    @property
    def all_apps_known(self) -> bool:
        return bool(self.installed_apps) and f"INSTALLED_APPS{_CHANGED}" not in self.values

    def problem(self, name: str) -> str | None:
        if name not in self.conflicts:
            return None
        return (
            f"settings files disagree on {name} ({self.conflicts[name]}) and no manage.py names "
            f"DJANGO_SETTINGS_MODULE; the plan uses {self.model(name)}"
        )


def read_settings(root: Path) -> Settings:
    """The settings of the project at `root` (the folder of manage.py, or the path given)."""
    module = _settings_module(root)
    file = _module_file(root, module) if module else None
    if file is not None:
        return Settings(_assignments(file, root, set()))
    found: dict[str, dict[str, Value]] = {}
    for file in _settings_files(root):
        for name, value in _assignments(file, root, set()).items():
            found.setdefault(name, {})[file.relative_to(root).as_posix()] = value
    values = {name: by_file[min(by_file)] for name, by_file in found.items()}
    conflicts = {
        name: ", ".join(f"{f}: {v}" for f, v in sorted(by_file.items()))
        for name, by_file in found.items()
        if len(set(by_file.values())) > 1
    }
    return Settings(values, conflicts)


def _settings_module(root: Path) -> str | None:
    for folder in (root, *sorted(p for p in root.iterdir() if p.is_dir())) if root.is_dir() else ():
        for name in _ENTRY_POINTS:
            file = folder / name
            if file.is_file():
                match = _MODULE.search(read_text(file))
                if match:
                    return match.group("module")
    return None


def _module_file(root: Path, module: str) -> Path | None:
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    # src layouts: the package lives one folder down (src/config/settings.py).
    for child in sorted(p for p in root.iterdir() if p.is_dir() and p.name not in SKIPPED_DIRS):
        nested = child.joinpath(*module.split("."))
        for candidate in (nested.with_suffix(".py"), nested / "__init__.py"):
            if candidate.is_file():
                return candidate
    return None


def _settings_files(root: Path) -> Iterable[Path]:
    seen = 0
    for file in sorted(root.rglob("*.py")):
        if any(part in SKIPPED_DIRS or part.startswith(".") for part in file.relative_to(root).parts[:-1]):
            continue
        if file.name == "settings.py" or file.parent.name == "settings":
            seen += 1
            if seen > _MAX_SCANNED:
                return
            yield file


def _assignments(file: Path, root: Path, visiting: set[Path]) -> dict[str, Value]:
    """Top-level settings of a module whose values are written out: `NAME = "text"`, lists of
    strings (also built with `+`, `+=`, `.append`, `.extend`, `.insert`), after what its
    `from x import *` lines bring in. Anything computed is left out."""
    if file in visiting:
        return {}
    visiting.add(file)
    try:
        tree = ast.parse(read_text(file), filename=str(file))
    except SyntaxError:
        return {}
    values: dict[str, Value] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
            imported = _imported_file(file, root, node)
            if imported is not None:
                values.update(_assignments(imported, root, visiting))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            value = _value(node.value, values)
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and target.id.isupper():
                    values.pop(f"{target.id}{_CHANGED}", None)  # set anew: what an imported module did is gone
                    if value is None:
                        values.pop(target.id, None)
                    else:
                        values[target.id] = value
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and isinstance(node.op, ast.Add):
            _extend(values, node.target.id, _value(node.value, values), None)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            _list_call(node.value, values)
    values.update({f"{name}{_CHANGED}": "" for name in _changed_under_conditions(tree)})
    return values


def _changed_under_conditions(tree: ast.Module) -> set[str]:
    """Settings assigned or changed inside `if`, `try`, `for`...: their value depends on the run."""
    changed: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Expr, ast.ImportFrom, ast.Import)):
            continue
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and node.id.isupper():
                changed.add(node.id)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id.isupper()
            ):
                changed.add(node.func.value.id)
    return changed


def _value(node: ast.expr, values: dict[str, Value]) -> Value | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        items: list[str] = []
        for element in node.elts:
            value = _value(element.value if isinstance(element, ast.Starred) else element, values)
            if value is None or isinstance(value, str) == isinstance(element, ast.Starred):
                return None  # computed: the list is not known
            items += [value] if isinstance(value, str) else value
        return tuple(items)
    if isinstance(node, ast.Name):
        return values.get(node.id)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _value(node.left, values), _value(node.right, values)
        if isinstance(left, tuple) and isinstance(right, tuple):
            return left + right
    return None


def _extend(values: dict[str, Value], name: str, more: Value | None, at: int | None) -> None:
    current = values.get(name)
    if not isinstance(current, tuple) or more is None:
        return
    items = (more,) if isinstance(more, str) else more
    index = len(current) if at is None else at
    values[name] = current[:index] + items + current[index:]


def _list_call(call: ast.Call, values: dict[str, Value]) -> None:
    """`INSTALLED_APPS.append("x")`, `.extend([...])`, `.insert(0, "x")` at the top of a settings module."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return
    args = call.args
    if func.attr in ("append", "extend") and len(args) == 1:
        _extend(values, func.value.id, _value(args[0], values), None)
    elif func.attr == "insert" and len(args) == 2 and isinstance(args[0], ast.Constant):
        position = args[0].value
        if isinstance(position, int):
            _extend(values, func.value.id, _value(args[1], values), position)


def _imported_file(file: Path, root: Path, node: ast.ImportFrom) -> Path | None:
    parts = (node.module or "").split(".") if node.module else []
    if node.level:
        base = file.parent
        for _ in range(node.level - 1):
            base = base.parent
        target = base.joinpath(*parts)
        for candidate in (target.with_suffix(".py"), target / "__init__.py"):
            if candidate.is_file():
                return candidate
        return None
    return _module_file(root, node.module or "") if node.module else None
