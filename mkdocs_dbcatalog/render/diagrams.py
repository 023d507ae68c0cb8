"""Which tables go into which Mermaid block: per database, per table, and across services.

A diagram nobody can read helps nobody, and one past Mermaid's limits does not render at all. So a
database's diagram is split, by schema first and then by connected group, and a group too large for
one block is cut into neighbourhoods grown from its most connected tables. Every block stays under
the table, relationship and text limits; what is not drawn is counted, so the page can say so. The
text summary on the same page always lists every relationship.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from ..catalog.model import Catalog, Database, Table, TableRef
from ..catalog.relations import Kind, Relations, Relationship, foreign_key_relationship
from .mermaid import (
    HEADER,
    MAX_EDGES,
    MAX_TEXT_SIZE,
    TEXT_MARGIN,
    Attribute,
    Block,
    Card,
    Edge,
    Entity,
    edge_size,
    entity_size,
    js_length,
)

COLUMN_MODES = ("keys", "all", "none")


@dataclass(frozen=True)
class DiagramOptions:
    """How diagrams are drawn; the plugin fills it from the `diagrams` option."""

    enabled: bool = True
    columns: str = "keys"
    """Columns shown in each table's box: `keys` (primary, foreign and unique keys), `all`, `none`."""
    max_tables: int = 30
    """Tables per block: past about thirty, an ER diagram stops being readable."""
    max_relations: int = 120
    """Relationships per block (never more than Mermaid's own limit)."""
    max_diagrams: int = 10
    """Blocks per page (each takes the reader's browser a second or so to lay out); the least
    connected groups beyond it are listed instead of drawn."""

    @property
    def max_text(self) -> int:
        return MAX_TEXT_SIZE - TEXT_MARGIN

    @property
    def edge_limit(self) -> int:
        return min(self.max_relations, MAX_EDGES)


@dataclass
class DiagramSet:
    """The blocks of one diagram, and what the page must say about what they leave out."""

    blocks: list[Block] = field(default_factory=list)
    not_drawn: list[str] = field(default_factory=list)
    """Tables (or databases) with relationships that no block shows: too many for the page."""
    isolated: list[str] = field(default_factory=list)
    """Tables with no relationship at all: nothing to draw."""
    undrawn: int = 0
    """Relationships no block shows: their ends are in different blocks, or not drawn."""
    split: str | None = None
    """`schema` or `group` when the diagram was split into several blocks."""

    @property
    def dashed(self) -> bool:
        """Some drawn line is dashed (a reference inferred from naming, on the system view)."""
        return any(not edge.solid for block in self.blocks for edge in block.edges)

    @property
    def drawn(self) -> int:
        return sum(len(b.entities) for b in self.blocks)


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
    if relation.kind is Kind.MANY_TO_MANY:
        via = relation.via.key if relation.via else "?"
        return Edge(relation.parent.key, relation.child.key, Card.ZERO_OR_MORE, Card.ZERO_OR_MORE, f"via {via}")
    parent = Card.ZERO_OR_ONE if relation.optional else Card.EXACTLY_ONE
    child = Card.ZERO_OR_ONE if relation.kind is Kind.ONE_TO_ONE else Card.ZERO_OR_MORE
    return Edge(
        relation.parent.key, relation.child.key, parent, child, ", ".join(relation.columns), relation.identifying
    )


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


# ---------------------------------------------------------------------------------------------
# Packing entities into blocks under the limits


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


class _Graph:
    def __init__(self, entities: dict[str, Entity], edges: list[Edge], sizes: dict[str, int] | None = None) -> None:
        self.entities = entities
        self.edges = edges
        self.size = sizes if sizes is not None else {key: entity_size(e) for key, e in entities.items()}
        self.edge_cost = [edge_size(e) for e in edges]
        self.incident: dict[str, list[int]] = defaultdict(list)
        for i, edge in enumerate(edges):
            self.incident[edge.left].append(i)
            if edge.right != edge.left:
                self.incident[edge.right].append(i)
        self.degree = {key: len(self.incident[key]) for key in entities}

    def neighbours(self, key: str) -> set[str]:
        found = set()
        for i in self.incident[key]:
            found |= {self.edges[i].left, self.edges[i].right}
        found.discard(key)
        return found

    def order(self, keys: set[str] | list[str]) -> list[str]:
        """Most connected first, then by name: the order tables are chosen and drawn in."""
        return sorted(keys, key=lambda k: (-self.degree[k], k))


class _Bin:
    """A block being filled: counts what it holds so every addition can be checked."""

    def __init__(self, graph: _Graph, options: DiagramOptions) -> None:
        self.graph = graph
        self.options = options
        self.keys: set[str] = set()
        self.text = len(HEADER)
        self.edges = 0

    def cost(self, keys: set[str]) -> tuple[int, int]:
        """(text, edges) that adding `keys` would add."""
        text = sum(self.graph.size[k] for k in keys)
        seen: set[int] = set()
        together = self.keys | keys
        for key in keys:
            for i in self.graph.incident[key]:
                edge = self.graph.edges[i]
                if i not in seen and edge.left in together and edge.right in together:
                    seen.add(i)
                    text += self.graph.edge_cost[i]
        return text, len(seen)

    def fits(self, keys: set[str]) -> bool:
        text, edges = self.cost(keys)
        return (
            len(self.keys) + len(keys) <= self.options.max_tables
            and self.edges + edges <= self.options.edge_limit
            and self.text + text <= self.options.max_text
        )

    def add(self, keys: set[str]) -> None:
        text, edges = self.cost(keys)
        self.keys |= keys
        self.text += text
        self.edges += edges


def _components(graph: _Graph, keys: set[str]) -> list[set[str]]:
    left, found = set(keys), []
    for start in graph.order(keys):
        if start not in left:
            continue
        component, stack = {start}, [start]
        left.discard(start)
        while stack:
            for other in graph.neighbours(stack.pop()):
                if other in left:
                    left.discard(other)
                    component.add(other)
                    stack.append(other)
        found.append(component)
    return found


def _clusters(graph: _Graph, component: set[str], options: DiagramOptions) -> list[set[str]]:
    """Cut a group too large for one block into neighbourhoods grown from its hubs."""
    left, found = set(component), []
    seeds = iter(graph.order(component))
    while left:
        seed = next(key for key in seeds if key in left)
        box = _Bin(graph, options)
        box.add({seed})
        frontier = [seed]
        while frontier:
            candidates = graph.order({n for k in frontier for n in graph.neighbours(k)} & (left - box.keys))
            frontier = []
            for key in candidates:
                if box.fits({key}):
                    box.add({key})
                    frontier.append(key)
        found.append(box.keys)
        left -= box.keys
    return found


def pack(graph: _Graph, groups: list[tuple[str, set[str]]], options: DiagramOptions) -> list[tuple[str, set[str]]]:
    """Blocks (group name, keys): components and clusters packed first-fit, largest first."""
    blocks: list[tuple[str, set[str]]] = []
    for name, keys in groups:
        parts: list[set[str]] = []
        for component in _components(graph, keys):
            probe = _Bin(graph, options)
            parts += [component] if probe.fits(component) else _clusters(graph, component, options)
        bins: list[_Bin] = []
        for part in sorted(parts, key=lambda p: (-len(p), graph.order(p)[0])):
            target = next((b for b in bins if b.fits(part)), None)
            if target is None:
                target = _Bin(graph, options)
                bins.append(target)
            target.add(part)
        blocks += [(name, b.keys) for b in bins]
    return blocks


def _build(
    graph: _Graph, groups: list[tuple[str, set[str]]], options: DiagramOptions, what: str = "tables"
) -> DiagramSet:
    everything = set().union(*(keys for _, keys in groups)) if groups else set()
    whole = _Bin(graph, options)
    if whole.fits(everything):
        chosen = [("", everything)] if everything else []
        split = None
    else:
        chosen = pack(graph, groups if len(groups) > 1 else [("", everything)], options)
        split = "schema" if len(groups) > 1 else "group"
    weight = {id(keys): sum(graph.degree[k] for k in keys) for _, keys in chosen}
    kept = sorted(chosen, key=lambda item: -weight[id(item[1])])[: options.max_diagrams]
    kept_ids = {id(keys) for _, keys in kept}
    chosen_kept = [item for item in chosen if id(item[1]) in kept_ids]
    result = DiagramSet(split=split)
    drawn: dict[str, int] = {}
    for number, (name, keys) in enumerate(chosen_kept, 1):
        ordered = graph.order(keys)
        for key in ordered:
            drawn[key] = number
        block = Block([graph.entities[k] for k in ordered])
        block.edges = [e for e in graph.edges if e.left in keys and e.right in keys]
        if len(chosen_kept) > 1:
            block.caption = _caption(number, len(chosen_kept), name, [graph.entities[k].label for k in ordered], what)
        result.blocks.append(block)
    result.not_drawn = sorted(k for k in everything if k not in drawn)
    result.undrawn = sum(e.count for e in graph.edges if drawn.get(e.left, -1) != drawn.get(e.right, -2))
    return result


def _caption(number: int, total: int, group: str, labels: list[str], what: str) -> str:
    head = f"Diagram {number} of {total}"
    if group:
        head += f", schema {group}"
    shown = ", ".join(labels[:4])
    more = f" and {len(labels) - 4} more {what}" if len(labels) > 4 else ""
    return f"{head}: {shown}{more}"


# ---------------------------------------------------------------------------------------------
# The three views


def database_diagrams(
    database: Database, relations: Relations, options: DiagramOptions, boxes: Entities | None = None
) -> DiagramSet:
    """All relationships of one database, split as needed; tables without any are listed apart."""
    boxes = boxes or Entities(database, options)
    edges = merge_parallel([relationship_edge(r) for r in relations.relationships(database)])
    refs: dict[str, TableRef] = {}
    for relation in relations.relationships(database):
        refs[relation.parent.key] = relation.parent
        refs[relation.child.key] = relation.child
    made = {key: boxes.get(ref) for key, ref in refs.items()}
    graph = _Graph({k: e for k, (e, _) in made.items()}, edges, {k: n for k, (_, n) in made.items()})
    schemas: dict[str, set[str]] = defaultdict(set)
    for key, ref in refs.items():
        schemas[ref.schema or ""].add(key)
    groups = sorted(schemas.items())
    result = _build(graph, groups, options)
    folded = {r.via.key for r in relations.relationships(database) if r.via}
    result.isolated = sorted(t.key for t in database.tables if t.key not in refs and t.key not in folded)
    return result


def table_diagram(
    database: Database, table: Table, relations: Relations, options: DiagramOptions, boxes: Entities | None = None
) -> DiagramSet:
    """A table and its direct neighbours; a junction is drawn with its own two keys."""
    found: list[Relationship] = []
    for relation in relations.around(database, table):
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
    boxes = boxes or Entities(database, options)
    made = {key: boxes.get(ref) for key, ref in refs.items()}
    entities = {k: e for k, (e, _) in made.items()}
    graph = _Graph(
        entities, merge_parallel([relationship_edge(r) for r in found]), {k: n for k, (_, n) in made.items()}
    )
    box = _Bin(graph, options)
    box.add({table.key})
    ranked = sorted((k for k in entities if k != table.key), key=lambda k: (-relations.degree(database, refs[k]), k))
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
    graph = _Graph(entities, merge_parallel(edges))
    return _build(graph, [("", set(entities))], options, what="databases")


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
