"""Liquibase: changelogs in XML, YAML, JSON or formatted SQL, includes expanded in document order
(paths not relative to their changelog are found along the search path, as Liquibase finds them).

A changeset is known by (id, author, file). `path` is the master changelog, or a folder whose root
changelogs (those no other changelog includes) are read in name order. The MD5SUM Liquibase stores
is not reproducible without Liquibase's normalisation, so it is shown, never compared.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml

from ...catalog.model import Migration, MigrationStatus
from .base import Applied, FileSet, Found, Resolved, Row, fail, missing_and_failed, out_of_order, read_text, with_row

TOOL = "liquibase"
TABLE = "databasechangelog"
COLUMNS = ("id", "author", "filename", "dateexecuted", "orderexecuted", "exectype", "md5sum", "comments", "tag")
SUFFIXES = (".xml", ".yaml", ".yml", ".json", ".sql")
_FORMATTED = re.compile(r"^\s*--\s*liquibase\s+formatted", re.IGNORECASE)
_CHANGESET = re.compile(r'^\s*--\s*changeset\s+("[^"]+"|[^:]+):\s*("[^"]+"|\S+)(?P<attrs>.*)$', re.IGNORECASE)
_COMMENT = re.compile(r"^\s*--\s*comment:?\s*(?P<text>.*)$", re.IGNORECASE)
_SKIP_TAGS = {"comment", "rollback", "preConditions", "validCheckSum", "tagDatabase"}
APPLIED = ("EXECUTED", "RERAN", "MARK_RAN")


_PROJECT_MARKS = ("pom.xml", "build.gradle", "build.gradle.kts", "settings.gradle", "liquibase.properties", ".git")


def resources_root(path: Path) -> Path | None:
    """The Maven/Gradle resources folder holding `path` (`src/main/resources`): what `classpath:` means."""
    for folder in (path, *path.parents):
        if folder.name == "resources" and folder.parent.parent.name == "src":
            return folder
    return None


def search_path(path: Path) -> list[Path]:
    """Where Liquibase finds a file that is not relative to its changelog: the resources root (the
    classpath Spring Boot and the Maven plugin use), then the changelog's folder and those above it
    up to the project root (the working directory the CLI runs in)."""
    start = path if path.is_dir() else path.parent
    roots = [r for r in (resources_root(start),) if r is not None]
    for folder in (start, *start.parents):
        roots.append(folder)
        if any((folder / mark).exists() for mark in _PROJECT_MARKS):
            break
    return list(dict.fromkeys(roots))


@dataclass
class _Reader:
    root: Path
    search: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    visiting: set[Path] = field(default_factory=set)

    def changelog(self, file: Path, logical: str) -> None:
        """Read one changelog; `logical` is the path Liquibase records as FILENAME."""
        if file in self.visiting:
            self.problems.append(f"{logical} includes itself (directly or through others); skipped the second time")
            return
        if not file.is_file():
            self.problems.append(f"included changelog {logical} does not exist")
            return
        self.visiting.add(file)
        try:
            suffix = file.suffix.lower()
            text = read_text(file)
            if suffix == ".sql":
                self._sql(text, logical, file)
            elif suffix == ".xml":
                self._xml(file, text, logical)
            else:
                self._structured(file, text, logical, suffix)
        finally:
            self.visiting.discard(file)

    def include(self, parent: Path, parent_logical: str, target: str, relative: bool) -> None:
        target = target.strip().removeprefix("classpath:").lstrip("/")
        if relative:
            file = parent.parent / target
            logical = _join(parent_logical, target)
        else:
            file = self._find(target, parent)
            logical = target
        self.changelog(file.resolve(), logical)

    def _find(self, target: str, parent: Path) -> Path:
        """A path not relative to the changelog, looked up as Liquibase does: along the search path."""
        for root in [*self.search, parent.parent]:
            if (root / target).exists():
                return root / target
        return (self.search[0] if self.search else self.root) / target

    def include_all(self, parent: Path, parent_logical: str, target: str, relative: bool) -> None:
        target = target.strip().removeprefix("classpath:").lstrip("/")
        folder = parent.parent / target if relative else self._find(target, parent)
        base = _join(parent_logical, target) if relative else target
        if not folder.is_dir():
            self.problems.append(f"includeAll path {target} is not a folder")
            return
        for file in sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()):
            self.changelog(file.resolve(), f"{base.rstrip('/')}/{file.relative_to(folder).as_posix()}")

    def add(
        self,
        ident: str,
        author: str,
        logical: str,
        name: str | None,
        comment: str | None,
        labels: tuple[str, ...],
        changes: tuple[Mapping[str, Any], ...] = (),
        source: Path | None = None,
    ) -> None:
        """One changeset; `changes` are its change elements as plain data, for the analysis of what it does."""
        migration = Migration(version=ident, name=name, description=comment, author=author, path=logical, labels=labels)
        extra = {"id": ident, "author": author, "file": logical, "changes": changes}
        self.found.append(Found(key(ident, author, logical), migration, extra, source=source))

    def _sql(self, text: str, logical: str, file: Path | None = None) -> None:
        lines = text.splitlines()
        if not lines or not _FORMATTED.match(lines[0]):
            self.problems.append(f"{logical}: a SQL changelog must start with `--liquibase formatted sql`")
            return
        current: dict[str, Any] | None = None
        for number, line in enumerate([*lines[1:], "--changeset __end__:__end__"], start=2):
            match = _CHANGESET.match(line)
            if match:
                if current:
                    # The changeset's SQL, with its lines where the file has them (blank lines before it).
                    sql = "\n" * (current["line"] - 1) + "\n".join(current["body"])
                    self.add(
                        current["id"],
                        current["author"],
                        logical,
                        current["name"],
                        current["comment"],
                        current["labels"],
                        ({"kind": "sql", "sql": sql},),
                        file,
                    )
                author, ident = (g.strip('"') for g in match.group(1, 2))
                attrs = dict(re.findall(r"(\w+):(\S+)", match.group("attrs")))
                labels = tuple(f"{k}:{v}" for k, v in attrs.items() if k in ("context", "contextFilter", "labels"))
                current = {
                    "id": ident, "author": author, "name": None, "comment": None, "labels": labels,
                    "line": number + 1, "body": [],
                }
                continue
            if current is None:
                continue
            current["body"].append("" if re.match(r"\s*--\s*rollback\b", line, re.IGNORECASE) else line)
            comment = _COMMENT.match(line)
            if comment and current["comment"] is None:
                current["comment"] = comment.group("text").strip() or None
            elif line.strip() and not line.strip().startswith("--") and current["name"] is None:
                current["name"] = " ".join(line.split())[:60]

    def _xml(self, file: Path, text: str, logical: str) -> None:
        try:
            root = ElementTree.fromstring(text)
        except ElementTree.ParseError as problem:
            raise fail(f"is not valid XML: {problem}", file) from None
        if _tag(root) != "databaseChangeLog":
            self.problems.append(f"{logical}: the root element is not databaseChangeLog; skipped")
            return
        logical = root.get("logicalFilePath") or logical
        for element in root:
            tag = _tag(element)
            if tag == "changeSet":
                changes = [c for c in element if _tag(c) not in _SKIP_TAGS]
                comment = next((c.text for c in element if _tag(c) == "comment" and c.text), None)
                name = _change_name(_tag(changes[0]), changes[0].attrib) if changes else None
                labels = tuple(
                    f"{k}:{element.get(k)}" for k in ("context", "contextFilter", "labels") if element.get(k)
                )
                path = element.get("logicalFilePath") or logical
                data = tuple(_xml_change(c) for c in changes)
                self.add(
                    element.get("id", ""), element.get("author", ""), path, name, _one_line(comment), labels, data, file
                )
            elif tag == "include" and element.get("file"):
                self.include(file, logical, element.get("file", ""), _true(element.get("relativeToChangelogFile")))
            elif tag == "includeAll" and element.get("path"):
                self.include_all(file, logical, element.get("path", ""), _true(element.get("relativeToChangelogFile")))

    def _structured(self, file: Path, text: str, logical: str, suffix: str) -> None:
        try:
            data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError) as problem:
            raise fail(f"cannot be read: {problem}", file) from None
        entries = data.get("databaseChangeLog") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            self.problems.append(f"{logical}: no databaseChangeLog list; skipped")
            return
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("changeSet"), dict):
                cs = entry["changeSet"]
                changes = [c for c in cs.get("changes") or [] if isinstance(c, dict) and c]
                name = None
                if changes:
                    kind, attrs = next(iter(changes[0].items()))
                    name = _change_name(kind, attrs if isinstance(attrs, dict) else {})
                labels = tuple(f"{k}:{cs[k]}" for k in ("context", "contextFilter", "labels") if cs.get(k))
                path = cs.get("logicalFilePath") or logical
                data = tuple(_structured_change(c) for c in changes)
                self.add(
                    str(cs.get("id", "")),
                    str(cs.get("author", "")),
                    path,
                    name,
                    _one_line(cs.get("comment")),
                    labels,
                    data,
                    file,
                )
            elif isinstance(entry.get("include"), dict) and entry["include"].get("file"):
                inc = entry["include"]
                self.include(file, logical, str(inc["file"]), _true(inc.get("relativeToChangelogFile")))
            elif isinstance(entry.get("includeAll"), dict) and entry["includeAll"].get("path"):
                inc = entry["includeAll"]
                self.include_all(file, logical, str(inc["path"]), _true(inc.get("relativeToChangelogFile")))


def _xml_change(element: ElementTree.Element) -> dict[str, Any]:
    """A change element as plain data: its kind, attributes, columns (with their constraints) and text."""
    columns = []
    for column in element:
        if _tag(column) in ("column", "param"):
            constraints = next((c.attrib for c in column if _tag(c) == "constraints"), {})
            columns.append({**column.attrib, "constraints": dict(constraints)})
    return {"kind": _tag(element), "attrs": dict(element.attrib), "columns": columns, "text": element.text or ""}


def _structured_change(change: Mapping[str, Any]) -> dict[str, Any]:
    """A YAML/JSON change (`{createTable: {tableName, columns: [{column: {...}}]}}`) as `_xml_change` gives it."""
    kind, body = next(iter(change.items()))
    body = body if isinstance(body, dict) else {}
    columns = []
    for item in body.get("columns") or []:
        column = item.get("column") if isinstance(item, dict) else None
        if isinstance(column, dict):
            columns.append({**column, "constraints": dict(column.get("constraints") or {})})
    attrs = {k: v for k, v in body.items() if k != "columns" and not isinstance(v, (list, dict))}
    return {"kind": str(kind), "attrs": attrs, "columns": columns, "text": str(body.get("sql") or "")}


def key(ident: str, author: str, filename: str) -> str:
    return f"{ident}\x1f{author}\x1f{normalize_filename(filename)}"


def normalize_filename(name: str) -> str:
    return name.replace("\\", "/").removeprefix("classpath:").lstrip("/")


def _join(parent_logical: str, target: str) -> str:
    base = parent_logical.rpartition("/")[0]
    parts: list[str] = []
    for part in f"{base}/{target}".split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part and part != ".":
            parts.append(part)
    return "/".join(parts)


def _tag(element: ElementTree.Element) -> str:
    return element.tag.rpartition("}")[2]


def _true(value: Any) -> bool:
    return str(value).strip().lower() == "true"


def _one_line(text: Any) -> str | None:
    return " ".join(str(text).split()) or None if text else None


def _change_name(kind: str, attrs: Mapping[str, Any]) -> str:
    """`createTable person`, as Liquibase's own description starts."""
    target = next(
        (attrs[k] for k in ("tableName", "viewName", "indexName", "sequenceName", "constraintName") if attrs.get(k)),
        None,
    )
    return f"{kind} {target}" if target else kind


def masters(path: Path) -> list[Path]:
    """The changelog(s) to start from: the file given, or the root changelogs of a folder."""
    if path.is_file():
        return [path]
    files = [p for p in sorted(path.rglob("*")) if p.suffix.lower() in SUFFIXES and p.is_file() and _is_changelog(p)]
    included: set[Path] = set()
    for file in files:
        text = read_text(file)
        for target in re.findall(r"""(?:file|path)\s*[=:]\s*["']?([^"'\s>,}]+)""", text):
            target = target.removeprefix("classpath:").lstrip("/")
            for base in (file.parent, path, *search_path(file)):
                candidate = (base / target).resolve()
                if candidate.is_dir():
                    included.update(p.resolve() for p in candidate.rglob("*") if p.is_file())
                included.add(candidate)
    return [f for f in files if f.resolve() not in included]


def _is_changelog(file: Path) -> bool:
    head = read_text(file)[:4096]
    if file.suffix.lower() == ".sql":
        return bool(_FORMATTED.match(head.lstrip("\ufeff").splitlines()[0] if head.strip() else ""))
    return "databaseChangeLog" in head


def read(path: Path) -> FileSet:
    roots = masters(path)
    if not roots:
        raise fail(
            "holds no Liquibase changelog",
            path,
            hint="point migrations.path at the master changelog (e.g. db.changelog-master.xml)",
        )
    base = path if path.is_dir() else path.parent
    reader = _Reader(base, search_path(path))
    classpath = resources_root(base)
    for root in roots:
        # Spring Boot and the Maven plugin record a changelog by its classpath name (config/liquibase/master.xml).
        logical = root.relative_to(classpath if classpath else base).as_posix()
        reader.changelog(root.resolve(), logical)
    seen: set[str] = set()
    found = []
    for item in reader.found:
        if item.key in seen:
            reader.problems.append(
                f"changeset {item.extra['id']} by {item.extra['author']} appears twice in {item.extra['file']}"
            )
            continue
        seen.add(item.key)
        found.append(item)
    return FileSet(TOOL, path, tuple(found), tuple(reader.problems))


def rows(records: Iterable[Mapping[str, Any]]) -> list[Row]:
    result = []
    for r in sorted(records, key=lambda r: (r.get("orderexecuted") or 0, r.get("dateexecuted") or 0)):
        kind = str(r.get("exectype") or "EXECUTED").strip().upper()
        result.append(
            Row(
                key(str(r.get("id")), str(r.get("author")), str(r.get("filename") or "")),
                applied_at=r.get("dateexecuted"),
                success=kind != "FAILED",
                checksum=r.get("md5sum"),
                extra={
                    "type": kind,
                    "id": r.get("id"),
                    "author": r.get("author"),
                    "file": r.get("filename"),
                    "tag": r.get("tag"),
                },
            )
        )
    return result


def _match(rows_left: dict[str, Row], item: Found) -> Row | None:
    """The row of a changeset: same file, else a file path ending the same way, else id+author alone."""
    row = rows_left.pop(item.key, None)
    if row is not None:
        return row
    ident, author, file = item.extra["id"], item.extra["author"], normalize_filename(item.extra["file"])
    same = [k for k, r in rows_left.items() if r.extra["id"] == ident and r.extra["author"] == author]
    for k in same:
        other = normalize_filename(str(rows_left[k].extra["file"] or ""))
        if other.endswith("/" + file) or file.endswith("/" + other):
            return rows_left.pop(k)
    return rows_left.pop(same[0]) if len(same) == 1 else None


def resolve(files: FileSet, applied: Applied | None) -> Resolved:
    """EXECUTED, RERAN and MARK_RAN rows are applied; FAILED failed; SKIPPED ones ignored."""
    if applied is None:
        return Resolved(tuple(f.migration for f in files.found))
    left = {row.key: row for row in applied.rows}
    migrations = []
    for item in files.found:
        row = _match(left, item)
        if row is None:
            status = MigrationStatus.PENDING
        elif row.extra["type"] in APPLIED:
            status = MigrationStatus.APPLIED
        elif row.extra["type"] == "FAILED":
            status = MigrationStatus.FAILED
        else:
            status = MigrationStatus.IGNORED
        migrations.append(with_row(item.migration, status, row))
    for row in left.values():
        migrations.append(
            Migration(
                version=str(row.extra["id"]),
                author=str(row.extra["author"]),
                path=str(row.extra["file"] or "") or None,
                status=MigrationStatus.MISSING_FILE if row.success else MigrationStatus.FAILED,
                applied_at=row.applied_at,
                date=row.applied_at,
                date_source="database" if row.applied_at else None,
                checksum=row.checksum,
            )
        )
    problems = missing_and_failed(migrations, applied.table) + out_of_order(tuple(migrations))
    done = [m.version for m in migrations if m.status in (MigrationStatus.APPLIED, MigrationStatus.MISSING_FILE)]
    return Resolved(tuple(migrations), tuple(problems), tuple(done[-1:]))
