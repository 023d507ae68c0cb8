"""The map of a large database: every table as a named box, grouped, with the links between groups.

A database over `diagrams.max_tables` is drawn in blocks, and a reader needs a way in before them.
The map is plain HTML (a box per group, a link per table), so it shows at once for 1,000 tables,
works without JavaScript and with the theme's search; the viewer adds zoom, pan, fit and search.
Groups are the database's viewpoints when it has some (tables in none go to "Other tables", one
group per schema), else its schemas, else its connected groups of tables (tables without any
relationship go together).
How the groups connect is a small Mermaid diagram of the groups, and a list.
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..catalog import viewpoints
from ..catalog.model import Database
from ..catalog.relations import Relations
from .filters import Safe
from .links import slugify
from .mermaid import diagram_html, quoted


@dataclass
class Group:
    name: str
    tables: list[str]
    anchor: str = ""


@dataclass
class DatabaseMap:
    kind: str
    """What the groups are: `viewpoint`, `schema` or `connected group`."""
    groups: list[Group]
    links: list[tuple[int, int, int]] = field(default_factory=list)
    """(group, group, relationships between them), most first."""

    def html(self, url_of: Callable[[str], str | None]) -> Safe:
        """The map as raw HTML; `url_of(table key)` is the link of each box."""
        parts = ['<div class="dbcatalog-diagram dbcatalog-map">\n<div class="dbcatalog-frame">']
        parts.append('<div class="dbcatalog-stage">\n')
        number = 0
        for group in self.groups:
            title = html.escape(f"{group.name} · {len(group.tables)} table{'s' if len(group.tables) != 1 else ''}")
            parts.append(f'<section class="dbcatalog-group" id="{group.anchor}">')
            columns = max(1, min(8, math.ceil(math.sqrt(len(group.tables) / 3))))
            parts.append(f'<p class="dbcatalog-group-title">{title}</p><ul style="--columns: {columns}">\n')
            for key in group.tables:
                url = url_of(key)
                name = html.escape(key)
                href = f' href="{html.escape(url)}"' if url else ""
                parts.append(f'<li><a{href} data-t="t{number}">{name}</a></li>\n')
                number += 1
            parts.append("</ul></section>\n")
        parts.append("</div></div>\n</div>")
        return Safe("".join(parts))

    def links_html(self) -> Safe | None:
        """How the groups connect, as a small diagram whose boxes lead to the groups on the map."""
        if not self.links:
            return None
        lines = ["flowchart LR\n"]
        used = sorted({i for a, b, _ in self.links for i in (a, b)})
        for i in used:
            group = self.groups[i]
            lines.append(f"    t{i}[{quoted(f'{group.name} ({len(group.tables)})')}]\n")
        for a, b, count in self.links:
            lines.append(f"    t{a} ---|{quoted(str(count))}| t{b}\n")
        names = {f"t{i}": self.groups[i].name for i in used}
        links = {f"t{i}": f"#{self.groups[i].anchor}" for i in used}
        return diagram_html("".join(lines), names, links)


def database_map(database: Database, relations: Relations, max_tables: int) -> DatabaseMap | None:
    """The map of a database with more than `max_tables` tables, or None for a smaller one."""
    if len(database.tables) <= max_tables:
        return None
    keys = [t.key for t in database.tables]
    group_of: dict[str, int] = {}
    groups: list[Group] = []
    if database.viewpoints:
        kind = "viewpoint"
        for viewpoint in database.viewpoints:
            members = [t.key for t in viewpoints.members(database, viewpoint) if t.key not in group_of]
            if members:
                _add(groups, group_of, viewpoint.name, members)
        rest = [t for t in database.tables if t.key not in group_of]
        schemas = sorted({t.schema or "" for t in rest})
        for schema in schemas:
            members = [t.key for t in rest if (t.schema or "") == schema]
            where = f" in schema {schema}" if len(schemas) > 1 and schema else ""
            _add(groups, group_of, f"Other tables{where}", members)
    elif len({t.schema for t in database.tables}) > 1:
        kind = "schema"
        by_schema: dict[str, list[str]] = {}
        for table in database.tables:
            by_schema.setdefault(table.schema or "", []).append(table.key)
        for schema, members in sorted(by_schema.items()):
            _add(groups, group_of, f"Schema {schema}" if schema else "Default schema", members)
    else:
        kind = "connected group"
        alone = []
        for component in _components(database, relations, keys):
            if len(component) == 1:
                alone += component
            else:
                _add(groups, group_of, f"Around {component[0]}", component)
        if alone:
            _add(groups, group_of, "Tables without relationships", alone)
    counts: Counter[tuple[int, int]] = Counter()
    for relation in relations.relationships(database) + relations.inferred(database):
        a, b = group_of.get(relation.parent.key), group_of.get(relation.child.key)
        if a is not None and b is not None and a != b:
            counts[(min(a, b), max(a, b))] += 1
    links = sorted(((a, b, n) for (a, b), n in counts.items()), key=lambda item: (-item[2], item[0], item[1]))
    slugs: Counter[str] = Counter()
    for group in groups:
        base = "map-" + slugify(group.name)
        slugs[base] += 1
        group.anchor = base if slugs[base] == 1 else f"{base}-{slugs[base]}"
    return DatabaseMap(kind, groups, links)


def _add(groups: list[Group], group_of: dict[str, int], name: str, members: list[str]) -> None:
    for key in members:
        group_of[key] = len(groups)
    groups.append(Group(name, members))


def _components(database: Database, relations: Relations, keys: list[str]) -> list[list[str]]:
    """Connected groups of tables, largest first; in each, the most connected table first."""
    neighbours: dict[str, set[str]] = {key: set() for key in keys}
    for relation in relations.relationships(database) + relations.inferred(database):
        ends = [r.key for r in (relation.parent, relation.child, relation.via) if r is not None and r.key in neighbours]
        for a in ends:
            neighbours[a].update(e for e in ends if e != a)
    left = set(keys)
    found = []
    for start in sorted(keys, key=lambda k: (-len(neighbours[k]), k)):
        if start not in left:
            continue
        left.discard(start)
        component, stack = [start], [start]
        while stack:
            for other in sorted(neighbours[stack.pop()]):
                if other in left:
                    left.discard(other)
                    component.append(other)
                    stack.append(other)
        found.append(sorted(component, key=lambda k: (-len(neighbours[k]), k)))
    return sorted(found, key=lambda c: (-len(c), c[0]))


__all__ = ["DatabaseMap", "Group", "database_map"]
