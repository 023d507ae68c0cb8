"""Which tables go into which Mermaid block: per database, per table, and across services.

A diagram nobody can read helps nobody, and one past Mermaid's limits does not render at all. So a
database's diagram is split, by schema first and then by connected group, and a group too large for
one block is cut into neighbourhoods grown from its most connected tables. Every block stays under
the table, relationship and text limits; what is not drawn is counted, so the page can say so. The
text summary on the same page always lists every relationship.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..catalog import viewpoints
from ..catalog.model import Catalog, Database, Table, TableRef, Viewpoint
from ..catalog.relations import Kind, Relations, Relationship, foreign_key_relationship
from .mermaid import Attribute, Block, Card, Edge, Entity, entity_size, js_length
from .overview import DatabaseMap, database_map
from .packing import Bin, DiagramOptions, DiagramSet, Graph, components, plan

__all__ = ["DiagramOptions", "DiagramSet", "Diagrams", "database_diagrams", "system_diagram", "table_diagram"]


# ---------------------------------------------------------------------------------------------
# Entities and edges from the catalog


def attributes(table: Table | None, mode: str) -> tuple[Attribute, ...]:
    if table is None or mode == "none":
        return ()
    primary = set(table.primary_key.columns) if table.primary_key else set()
    foreign = {name for fk in table.foreign_keys for name in fk.columns}
    unique = {name for u in table.unique_constraints if len(u.columns) == 1 for name in u.columns}
    unique |= {i.columns[0] for i in table.indexes if i.unique and not i.predicate and len(i.columns) == 1}
    found = []
    for column in table.columns:
        keys = tuple(k for k, member in (("PK", column.name in primary), ("FK", column.name in foreign)) if member) + (
            ("UK",) if column.name in unique and column.name not in primary else ()
        )
        if mode == "keys" and not keys:
            continue
        found.append(Attribute(column.type or "—", column.name, keys))
    return tuple(found)


def _entity(key: str, label: str, attrs: tuple[Attribute, ...], max_text: int) -> Entity:
    """An entity whose text fits a quarter of a block, dropping columns past that with a note."""
    entity = Entity(key, label, attrs)
    if entity_size(entity) <= max_text // 4:
        return entity
    kept: list[Attribute] = []
    budget = max_text // 4 - entity_size(Entity(key, label)) - 200
    for attr in attrs:
        budget -= js_length(attr.text()) + 10
        if budget < 0:
            break
        kept.append(attr)
    more = Attribute("…", f"{len(attrs) - len(kept)} more columns")
    return Entity(key, label, (*kept, more))


def relationship_edge(relation: Relationship) -> Edge:
    """A relationship as a line; one no foreign key enforces is dashed and says so in its label."""
    mark = ""
    if relation.inferred:
        mark = " (inferred)"
    elif relation.declared_in:
        mark = f" (declared in {relation.declared_in})"
    if relation.kind is Kind.MANY_TO_MANY:
        via = relation.via.key if relation.via else "?"
        return Edge(
            relation.parent.key,
            relation.child.key,
            Card.ZERO_OR_MORE,
            Card.ZERO_OR_MORE,
            f"via {via}{mark}",
            relation.enforced,
        )
    parent = Card.ZERO_OR_ONE if relation.optional else Card.EXACTLY_ONE
    child = Card.ZERO_OR_ONE if relation.kind is Kind.ONE_TO_ONE else Card.ZERO_OR_MORE
    label = ", ".join(relation.columns) + mark
    solid = relation.identifying and relation.enforced
    return Edge(relation.parent.key, relation.child.key, parent, child, label, solid)


def merge_parallel(edges: list[Edge]) -> list[Edge]:
    """One line for several keys between the same two tables with the same markers (labels joined).

    Three foreign keys from one table to another drawn as three curves make a diagram taller and
    harder to follow than one line labelled with the three columns.
    """
    merged: dict[tuple[object, ...], Edge] = {}
    for edge in edges:
        key = (edge.left, edge.right, edge.left_card, edge.right_card, edge.solid)
        if key in merged:
            first = merged[key]
            merged[key] = replace(first, label=f"{first.label}; {edge.label}", count=first.count + edge.count)
        else:
            merged[key] = edge
    return list(merged.values())


class Entities:
    """Each table's box, made once per build: a table is drawn on its page and its neighbours' pages."""

    def __init__(self, database: Database, options: DiagramOptions) -> None:
        self.tables = {t.ref: t for t in database.tables}
        self.options = options
        self._made: dict[TableRef, tuple[Entity, int]] = {}

    def get(self, ref: TableRef) -> tuple[Entity, int]:
        """The entity and its size in characters."""
        if ref not in self._made:
            attrs = attributes(self.tables.get(ref), self.options.columns)
            entity = _entity(ref.key, ref.key, attrs, self.options.max_text)
            self._made[ref] = (entity, entity_size(entity))
        return self._made[ref]


# ---------------------------------------------------------------------------------------------
# The three views


def database_diagrams(
    database: Database, relations: Relations, options: DiagramOptions, boxes: Entities | None = None
) -> DiagramSet:
    """All relationships of one database, split as needed; tables without any are listed apart."""
    boxes = boxes or Entities(database, options)
    drawn = relations.relationships(database) + relations.inferred(database)
    edges = merge_parallel([relationship_edge(r) for r in drawn])
    refs: dict[str, TableRef] = {}
    for relation in drawn:
        refs[relation.parent.key] = relation.parent
        refs[relation.child.key] = relation.child
    made = {key: boxes.get(ref) for key, ref in refs.items()}
    graph = Graph({k: e for k, (e, _) in made.items()}, edges, {k: n for k, (_, n) in made.items()})
    schemas: dict[str, set[str]] = defaultdict(set)
    for key, ref in refs.items():
        schemas[ref.schema or ""].add(key)
    groups = sorted(schemas.items())

    def group_boxes(keys: list[str]) -> list[tuple[str, list[str]]]:
        """A box per schema when a block holds several, else per connected group packed together."""
        by_schema: dict[str, list[str]] = {}
        for key in keys:
            by_schema.setdefault(refs[key].schema or "", []).append(key)
        if len(by_schema) > 1:
            return [
                (f"schema {schema}" if schema else "default schema", members) for schema, members in by_schema.items()
            ]
        parts = components(graph, set(keys))
        if len(parts) < 2:
            return []
        return [
            (f"around {graph.entities[order[0]].label}", order)
            for order in (graph.order(part) for part in parts)
            if len(order) > 1
        ]

    result = plan(graph, groups, options, boxes=group_boxes)
    folded = {r.via.key for r in relations.relationships(database) if r.via}
    result.isolated = sorted(t.key for t in database.tables if t.key not in refs and t.key not in folded)
    return result


def table_diagram(
    database: Database, table: Table, relations: Relations, options: DiagramOptions, boxes: Entities | None = None
) -> DiagramSet:
    """A table and its neighbours within `options.distance`; a junction is drawn with its own two keys.

    Nearer tables come first, then the most connected: when there are more than a block holds,
    the farthest and least connected are listed instead of drawn.
    """
    found: list[Relationship] = []
    for relation in relations.around(database, table) + relations.inferred_around(database, table):
        if relation.via == table.ref:
            found += [foreign_key_relationship(table, fk) for fk in relation.foreign_keys]
        else:
            found.append(relation)
    if not found:
        return DiagramSet()
    refs: dict[str, TableRef] = {table.key: table.ref}
    for relation in found:
        refs.setdefault(relation.parent.key, relation.parent)
        refs.setdefault(relation.child.key, relation.child)
    step = {key: 1 for key in refs if key != table.key}
    if options.distance > 1:
        far = viewpoints.around(list(refs), options.distance - 1, lambda key: neighbours(database, relations, key))
        near = set(refs)
        for key in far:
            ref = relations.ref(database, key)
            refs[key] = ref
            step[key] = 2
            for relation in relations.around(database, ref) + relations.inferred_around(database, ref):
                ends = {relation.parent.key, relation.child.key}
                if ends <= near | set(far) and relation not in found and relation.via != table.ref:
                    found.append(relation)
    boxes = boxes or Entities(database, options)
    made = {key: boxes.get(ref) for key, ref in refs.items()}
    entities = {k: e for k, (e, _) in made.items()}
    graph = Graph(entities, merge_parallel([relationship_edge(r) for r in found]), {k: n for k, (_, n) in made.items()})
    box = Bin(graph, options)
    box.add({table.key})
    ranked = sorted(
        (k for k in entities if k != table.key), key=lambda k: (step[k], -relations.degree(database, refs[k]), k)
    )
    not_drawn = []
    for key in ranked:
        if len(box.keys) < options.max_tables and box.fits({key}):
            box.add({key})
        else:
            not_drawn.append(key)
    order = [table.key] + [k for k in ranked if k in box.keys]
    block = Block([entities[k] for k in order], [e for e in graph.edges if e.left in box.keys and e.right in box.keys])
    undrawn = sum(e.count for e in graph.edges) - sum(e.count for e in block.edges)
    return DiagramSet([block], not_drawn=sorted(not_drawn), undrawn=undrawn)


def neighbours(database: Database, relations: Relations, key: str) -> set[TableRef]:
    """The tables one relationship away (a junction counts as the way between its two tables)."""
    ref = relations.ref(database, key)
    found: set[TableRef] = set()
    for relation in relations.around(database, ref):
        found |= {r for r in (relation.parent, relation.child, relation.via) if r is not None}
    found.discard(ref)
    return found


def viewpoint_diagram(
    database: Database, viewpoint: Viewpoint, relations: Relations, options: DiagramOptions, boxes: Entities
) -> DiagramSet:
    """A viewpoint's tables, and (greyed, keys only) those within its `distance`; split as needed."""
    own = [t.key for t in viewpoints.members(database, viewpoint)]
    near = viewpoints.around(own, viewpoint.distance, lambda key: neighbours(database, relations, key))
    keys = set(own) | set(near)
    drawn = [
        r
        for r in relations.relationships(database) + relations.inferred(database)
        if r.parent.key in keys and r.child.key in keys
    ]
    refs = {t.key: t.ref for t in database.tables if t.key in keys}
    made = {key: boxes.get(refs[key]) for key in own}
    entities = {k: e for k, (e, _) in made.items()}
    for key in near:
        entities[key] = Entity(key, key, muted=True)
    graph = Graph(entities, merge_parallel([relationship_edge(r) for r in drawn]))
    group_of = viewpoints.groups(database, viewpoint)

    def viewpoint_boxes(keys: list[str]) -> list[tuple[str, list[str]]]:
        found: dict[str, list[str]] = {group.name: [] for group in viewpoint.groups}
        for key in keys:
            if key in group_of and key in made:
                found[group_of[key]].append(key)
        return [(name, members) for name, members in found.items() if members]

    return plan(graph, [("", keys)], options, boxes=viewpoint_boxes)


def system_diagram(catalog: Catalog, options: DiagramOptions) -> DiagramSet:
    """Databases (services) as entities, cross-service references as relations between them."""
    refs = [(database, ref) for database in catalog.databases for ref in database.references]
    if not refs:
        return DiagramSet()
    columns: dict[str, dict[tuple[str, str], set[str]]] = {d.name: {} for d in catalog.databases}
    edges = []
    for database, ref in refs:
        target = catalog.find_database(ref.target_database)
        if target is None:
            continue
        columns[database.name].setdefault((ref.source.key, ref.source_column), set()).add("FK")
        target_keys = columns[target.name].setdefault((ref.target.key, ref.target_column), set())
        target_table = target.table(ref.target.key)
        if target_table and target_table.primary_key and target_table.primary_key.columns == (ref.target_column,):
            target_keys.add("PK")
        source_table = database.table(ref.source.key)
        source_column = source_table.column(ref.source_column) if source_table else None
        optional = source_column is not None and source_column.nullable is True
        label = f"{ref.source.key}.{ref.source_column} → {ref.target.key}.{ref.target_column}"
        edges.append(
            Edge(
                target.name,
                database.name,
                Card.ZERO_OR_ONE if optional else Card.EXACTLY_ONE,
                Card.ZERO_OR_MORE,
                f"inferred: {label}" if ref.inferred else label,
                solid=not ref.inferred,
            )
        )
    entities = {}
    for database in catalog.databases:
        service = database.service
        label = f"{service} / {database.name}" if service and service != database.name else database.name
        used = sorted(columns[database.name].items())
        attrs = tuple(Attribute(table, column, tuple(sorted(keys))) for (table, column), keys in used)
        entities[database.name] = _entity(database.name, label, attrs, options.max_text)
    graph = Graph(entities, merge_parallel(edges))
    return plan(graph, [("", set(entities))], options, what="databases")


class Diagrams:
    """The diagrams of one build, for templates: `diagrams.database(db)`, `.table(db, t)`, `.system()`."""

    def __init__(self, catalog: Catalog, relations: Relations, options: DiagramOptions) -> None:
        self.catalog = catalog
        self.relations = relations
        self.options = options
        self._boxes: dict[str, Entities] = {}

    def _entities(self, database: Database) -> Entities:
        if database.name not in self._boxes:
            self._boxes[database.name] = Entities(database, self.options)
        return self._boxes[database.name]

    def any(self) -> bool:
        """Whether any page would draw a diagram: some relationship or cross-service reference exists."""
        return any(d.references or self.relations.relationships(d) for d in self.catalog.databases)

    def database(self, database: Database) -> DiagramSet:
        return database_diagrams(database, self.relations, self.options, self._entities(database))

    def table(self, database: Database, table: Table) -> DiagramSet:
        return table_diagram(database, table, self.relations, self.options, self._entities(database))

    def system(self) -> DiagramSet:
        return system_diagram(self.catalog, self.options)

    def map(self, database: Database) -> DatabaseMap | None:
        """The map that leads the page of a database too large for one diagram."""
        return database_map(database, self.relations, self.options.max_tables)

    def viewpoint(self, database: Database, viewpoint: Viewpoint) -> DiagramSet:
        return viewpoint_diagram(database, viewpoint, self.relations, self.options, self._entities(database))
