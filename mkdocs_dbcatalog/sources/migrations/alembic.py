"""Alembic: revision files parsed with `ast`, ordered by their graph as `alembic history` does.

`path` may be the folder holding `alembic.ini` (or `pyproject.toml` with `[tool.alembic]`), the
script location (with `env.py` and `versions/`), or the versions folder itself. Identity comes from
the `revision` variable, never from the file name; the docstring header (`Revises:`) is only
informational, since real projects leave it stale.
"""

from __future__ import annotations

import ast
import configparser
import inspect
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ...catalog.model import Migration, MigrationStatus
from .base import Applied, FileSet, Found, Resolved, Row, fail, files_in, read_text, with_row
from .graph import Graph, Node

TOOL = "alembic"
TABLE = "alembic_version"
COLUMNS = ("version_num",)

_VARIABLES = ("revision", "down_revision", "branch_labels", "depends_on")
_CREATE_DATE = re.compile(r"^\s*Create Date:\s*(?P<date>\S.*?)\s*$", re.MULTILINE)
_HEADER = re.compile(r"^\s*(Revision ID|Revises|Create Date):.*$", re.MULTILINE)
_REVISES = re.compile(r"^\s*Revises:\s*(?P<value>.*?)\s*$", re.MULTILINE)


@dataclass
class Layout:
    """Where the revision files are and how their names are built (from alembic.ini when there is one)."""

    locations: list[Path]
    recursive: bool = False
    file_template: str = "%(rev)s_%(slug)s"
    config: Path | None = None
    problems: list[str] = field(default_factory=list)


def locate(path: Path) -> Layout:
    """The version folders for a `path` that names an ini file, a project, a script dir or versions."""
    if path.is_file() and path.suffix == ".ini":
        return _from_ini(path)
    if (path / "alembic.ini").is_file():
        return _from_ini(path / "alembic.ini")
    pyproject = path / "pyproject.toml"
    if pyproject.is_file():
        layout = _from_pyproject(pyproject)
        if layout is not None:
            return layout
    if (path / "versions").is_dir() and ((path / "env.py").is_file() or (path / "script.py.mako").is_file()):
        return Layout([path / "versions"])
    for child in sorted(p for p in path.iterdir() if p.is_dir()) if path.is_dir() else ():
        if (child / "versions").is_dir() and (child / "env.py").is_file():
            return Layout([child / "versions"])
    return Layout([path])


def _from_ini(ini: Path) -> Layout:
    here = ini.parent
    parser = configparser.ConfigParser(defaults={"here": str(here)})
    try:
        parser.read(ini, encoding="utf-8")
    except configparser.Error as problem:
        raise fail(f"cannot be read: {problem}", ini) from None
    if not parser.has_section("alembic"):
        raise fail("has no [alembic] section", ini, hint="point migrations.path at the Alembic project")
    try:
        options = {key: parser.get("alembic", key) for key in parser.options("alembic")}
    except configparser.Error as problem:
        raise fail(f"cannot be read: {problem}", ini) from None
    return _layout(options, here, ini)


def _from_pyproject(pyproject: Path) -> Layout | None:
    try:
        import tomllib  # type: ignore[import-not-found,unused-ignore]
    except ImportError:  # Python 3.10: only alembic.ini is read
        return None
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise fail(f"cannot be read: {problem}", pyproject) from None
    section = data.get("tool", {}).get("alembic")
    if not isinstance(section, dict) or "script_location" not in section:
        return None
    here = pyproject.parent
    options: dict[str, str] = {}
    for key, value in section.items():
        if isinstance(value, list):
            options[key] = "\n".join(str(v) for v in value)
            options.setdefault("path_separator", "newline")
        else:
            options[key] = str(value).replace("%(here)s", str(here))
    return _layout(options, here, pyproject)


def _layout(options: Mapping[str, str], here: Path, config: Path) -> Layout:
    script = options.get("script_location")
    if not script:
        raise fail("has no script_location", config, hint="Alembic needs it to find the migrations")
    script_dir = _resolve_location(script, here)
    locations_text = options.get("version_locations")
    if locations_text:
        separator = options.get("path_separator") or options.get("version_path_separator")
        locations = [_resolve_location(p, here) for p in _split(locations_text, separator)]
    else:
        locations = [script_dir / "versions"]
    recursive = options.get("recursive_version_locations", "false").strip().lower() in ("true", "1", "yes", "on")
    layout = Layout(locations, recursive, options.get("file_template") or "%(rev)s_%(slug)s", config)
    missing = [str(p) for p in locations if not p.is_dir()]
    if missing and len(missing) == len(locations):
        raise fail(
            f"names version folder(s) that do not exist: {', '.join(missing)}",
            config,
            hint="check script_location and version_locations",
        )
    layout.locations = [p for p in locations if p.is_dir()]
    return layout


def _resolve_location(text: str, here: Path) -> Path:
    text = text.strip()
    if ":" in text and not re.match(r"^[A-Za-z]:[\\/]", text) and not Path(text).exists():
        package, _, resource = text.partition(":")  # "package:resource" form
        return (here / package.replace(".", "/") / resource).resolve()
    return (here / text).resolve()


def _split(text: str, separator: str | None) -> list[str]:
    named = {"space": " ", "newline": "\n", "os": os.pathsep, ";": ";", ":": ":"}
    if separator:
        sep = named.get(separator.strip(), separator)
        parts = text.split(sep)
    else:  # Alembic's legacy rule: spaces and/or commas
        parts = re.split(r", *|(?: +)|\n", text)
    return [p.strip() for p in parts if p.strip()]


def read(path: Path) -> FileSet:
    """Every revision under the version folder(s), oldest first in `alembic history` order."""
    layout = locate(path)
    problems = list(layout.problems)
    template = _template_regex(layout.file_template)
    revisions: list[tuple[Path, dict[str, Any]]] = []
    for location in layout.locations:
        for file in files_in(location, recursive=layout.recursive):
            if file.suffix != ".py" or file.name.startswith((".#", "__init__")):
                continue
            parsed = parse_file(file, problems)
            if parsed is not None:
                revisions.append((file, parsed))
    seen: dict[str, Path] = {}
    nodes = []
    found: dict[str, Found] = {}
    for file, info in revisions:
        rev = info["revision"]
        if rev in seen:
            problems.append(f"revision {rev} is defined twice: {seen[rev].name} and {file.name}; Alembic uses the last")
        seen[rev] = file
        nodes.append(Node(rev, info["parents"], info["depends_on"]))
        found[rev] = Found(rev, _migration(file, info, template, path), source=file)
    graph = Graph(nodes)
    labels = {label: rev for rev, f in found.items() for label in f.migration.labels}
    graph = Graph([Node(n.id, n.parents, tuple(labels.get(d, d) for d in n.deps)) for n in graph.nodes.values()])
    problems += graph_problems(graph, "revision", "alembic merge heads -m 'merge heads'")
    order = list(reversed(graph.alembic_order()))
    head_set = set(graph.heads())
    heads = tuple(h for h in order if h in head_set)
    ordered = tuple(_with_deps(found[rev], graph) for rev in order)
    return FileSet(TOOL, path, ordered, tuple(problems), heads, {"config": layout.config})


def _with_deps(item: Found, graph: Graph) -> Found:
    return replace(item, migration=replace(item.migration, depends_on=graph.nodes[item.key].deps))


def graph_problems(graph: Graph, what: str, merge_command: str) -> list[str]:
    """Missing parents, cycles and multiple heads, each said so a reader knows what to do."""
    problems = []
    for node, parent in graph.missing_parents():
        problems.append(f"{what} {node} builds on {parent}, which no file defines")
    cycle = graph.cycle()
    if cycle:
        problems.append(f"{what}s form a cycle: {' -> '.join(cycle)}")
    heads = graph.heads()
    if len(heads) > 1:
        problems.append(
            f"{len(heads)} heads ({', '.join(sorted(heads, key=graph.order.__getitem__))}): "
            f"the history has unmerged branches; merge them with `{merge_command}`"
        )
    return problems


def parse_file(file: Path, problems: list[str]) -> dict[str, Any] | None:
    """The revision variables and docstring of one file, or None when it is not a revision."""
    text = read_text(file)
    tree = _header_tree(text)
    if tree is None:
        try:
            tree = ast.parse(text, filename=str(file))
        except SyntaxError as problem:
            problems.append(f"{file.name} line {problem.lineno}: not valid Python, skipped ({problem.msg})")
            return None
    constants: dict[str, Any] = {}
    values: dict[str, Any] = {}
    unresolved: dict[str, int] = {}
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        for target in targets:
            if not isinstance(target, ast.Name) or value is None:
                continue
            try:
                result = evaluate(value, constants)
            except ValueError:
                constants.pop(target.id, None)
                if target.id in _VARIABLES:
                    unresolved[target.id] = node.lineno
                continue
            constants[target.id] = result
            if target.id in _VARIABLES:
                values[target.id] = result
                unresolved.pop(target.id, None)
    revision = values.get("revision")
    if not isinstance(revision, str):
        if "revision" in unresolved:
            problems.append(f"{file.name} line {unresolved['revision']}: `revision` is not a plain string, skipped")
        return None
    doc = docstring(tree)
    if "down_revision" in unresolved:
        header = _REVISES.search(doc or "")
        fallback = _revises(header.group("value")) if header else ()
        problems.append(
            f"{file.name} line {unresolved['down_revision']}: `down_revision` is an expression that cannot be "
            f"read without running the file; "
            + (f"the `Revises:` header ({', '.join(fallback)}) was used instead" if fallback else "taken as a base")
        )
        parents = fallback
    else:
        parents = _strings(values.get("down_revision"))
    for name in ("branch_labels", "depends_on"):
        if name in unresolved:
            problems.append(f"{file.name} line {unresolved[name]}: `{name}` is an expression; ignored")
    return {
        "revision": revision,
        "parents": parents,
        "depends_on": _strings(values.get("depends_on")),
        "branch_labels": _strings(values.get("branch_labels")),
        "doc": doc,
    }


_FIRST_DEF = re.compile(r"^(?:async\s+def|def|class)\s", re.MULTILINE)


def _header_tree(text: str) -> ast.Module | None:
    """The module up to its first function or class, when that part alone holds the revision ids.

    Parsing only the header is what keeps a 1,000-revision folder under a second; anything
    unusual (revision set below the functions, a cut inside a string) falls back to the full parse.
    """
    cut = _FIRST_DEF.search(text)
    if cut is None:
        return None
    try:
        tree = ast.parse(text[: cut.start()])
    except SyntaxError:
        return None
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return tree if {"revision", "down_revision"} <= names else None


def evaluate(node: ast.expr, constants: Mapping[str, Any]) -> Any:
    """A literal, a tuple/list of them, a name bound to one above, or strings joined with `+`."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(evaluate(item, constants) for item in node.elts)
    if isinstance(node, ast.Name) and node.id in constants:
        return constants[node.id]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = evaluate(node.left, constants), evaluate(node.right, constants)
        if isinstance(left, str) and isinstance(right, str):
            return left + right
    raise ValueError(ast.dump(node))


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(str(v) for v in value if v is not None)
    return ()


def _revises(text: str) -> tuple[str, ...]:
    """`a, b`, `('a', 'b')`, `a` or `None` as written in a `Revises:` header."""
    ids = re.findall(r"[^\s,()'\"\[\]]+", text)
    return tuple(i for i in ids if i.lower() not in ("none", "<base>"))


def docstring(tree: ast.Module) -> str | None:
    """The module docstring, or the first string holding `Revision ID:` (license comments and
    imports before it make Python see no docstring at all)."""
    doc = ast.get_docstring(tree, clean=True)
    if doc is not None:
        return doc.strip()
    for node in tree.body:
        value = node.value if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) else None
        if value is not None and isinstance(value.value, str) and "Revision ID:" in value.value:
            return inspect.cleandoc(value.value).strip()
    return None


def _migration(file: Path, info: Mapping[str, Any], template: re.Pattern[str], root: Path) -> Migration:
    doc: str = info["doc"] or ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", doc) if p.strip()]
    message = paragraphs[0] if paragraphs and not _HEADER.match(paragraphs[0]) else None
    rest = [p for p in paragraphs[1:] if not _HEADER.search(p)]
    # The title and each paragraph of the body stay apart; the lines inside a paragraph are one text.
    description = "\n\n".join(" ".join(p.split()) for p in [message or "", *rest] if p.strip()) or None
    date, source = _header_date(doc), "header"
    match = template.match(file.stem)
    if date is None and match:
        date, source = _template_date(match.groupdict()), "filename"
    slug = match.groupdict().get("slug") if match else None
    name = slug or (_slug(message) if message else None)
    return Migration(
        version=info["revision"],
        name=name,
        date=date,
        date_source=source if date else None,
        description=description,
        parents=info["parents"],
        labels=info["branch_labels"],
        path=_relative(file, root),
    )


def _relative(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root if root.is_dir() else root.parent).as_posix()
    except ValueError:
        return file.name


def _header_date(doc: str) -> datetime | None:
    match = _CREATE_DATE.search(doc)
    if not match:
        return None
    text = match.group("date")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:  # a custom template's format: keep what reads as a date and time
        return datetime.strptime(text[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


_TOKENS = {
    "rev": r"(?P<rev>[^_\-]+?)",
    "slug": r"(?P<slug>.*)",
    "epoch": r"(?P<epoch>\d+)",
    "year": r"(?P<year>\d{4})",
    "month": r"(?P<month>\d{1,2})",
    "day": r"(?P<day>\d{1,2})",
    "hour": r"(?P<hour>\d{1,2})",
    "minute": r"(?P<minute>\d{1,2})",
    "second": r"(?P<second>\d{1,2})",
}


def _template_regex(template: str) -> re.Pattern[str]:
    """A regex for file names made from `file_template` (`%(year)d_%(month).2d-%(rev)s_%(slug)s`)."""
    parts = re.split(r"%%?\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdif]", template)
    pattern = ""
    used: set[str] = set()
    for i, part in enumerate(parts):
        if i % 2 == 0:
            pattern += re.escape(part.replace("%%", "%"))
        elif part in _TOKENS and part not in used:
            pattern += _TOKENS[part]
            used.add(part)
        else:
            pattern += r".*?"
    return re.compile(pattern + "$")


def _template_date(groups: Mapping[str, str | None]) -> datetime | None:
    try:
        if groups.get("epoch"):
            return datetime.fromtimestamp(int(groups["epoch"] or 0))
        if groups.get("year"):
            return datetime(
                int(groups["year"] or 0),
                int(groups.get("month") or 1),
                int(groups.get("day") or 1),
                int(groups.get("hour") or 0),
                int(groups.get("minute") or 0),
                int(groups.get("second") or 0),
            )
    except (ValueError, OverflowError, OSError):
        return None
    return None


def _slug(message: str) -> str:
    return "_".join(re.findall(r"\w+", message.splitlines()[0])).lower()[:40] or message


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    return [Row(str(r["version_num"])) for r in records if r.get("version_num")]


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    """Applied = every ancestor (down revisions and depends_on) of the revisions in alembic_version."""
    if applied is None:
        return Resolved(tuple(f.migration for f in files.found))
    known = {f.key for f in files.found}
    graph = Graph([Node(f.key, f.migration.parents, f.migration.depends_on) for f in files.found])
    current = [row.key for row in applied.rows]
    done = graph.ancestors(current)
    migrations = [
        with_row(f.migration, MigrationStatus.APPLIED if f.key in done else MigrationStatus.PENDING)
        for f in files.found
    ]
    problems = []
    unknown = [v for v in current if v not in known]
    for version in unknown:
        migrations.append(Migration(version=version, status=MigrationStatus.MISSING_FILE))
        problems.append(
            f"{applied.table} says the database is at revision {version}, which no file defines: "
            "the file was deleted or comes from another branch; what is applied below it cannot be told"
        )
    ordered_heads = [f.key for f in files.found if f.key in current] + unknown
    return Resolved(tuple(migrations), tuple(problems), tuple(ordered_heads))
