"""Packing a diagram's tables into Mermaid blocks that each stay under every limit.

A group too large for one block is cut into neighbourhoods grown from its most connected tables
(hubs first, then their neighbours breadth first), and the pieces are packed first-fit, largest
first. Every choice is ordered by (connections, name), so the same catalog always gives the same
blocks whatever Python's hash seed.

Packing stays O(n log n): first-fit finds its bin through a tree of each bin's free table places
(`FreeTables`) instead of trying every open bin, and neighbourhoods are grown without rescanning
what is left of their group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from .mermaid import HEADER, MAX_EDGES, MAX_TEXT_SIZE, TEXT_MARGIN, Block, Edge, Entity, edge_size, entity_size


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
    layout: str = "dagre"
    """Mermaid's layout engine: `dagre`, or `elk` (bundled with the shipped Mermaid 12)."""
    distance: int = 1
    """A table page's diagram shows the tables this many relationships away."""

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
    def stubbed(self) -> bool:
        """Some block draws a stub: a table drawn in another block, as a name-only greyed box."""
        return any(block.stubs for block in self.blocks)

    @property
    def dashed(self) -> bool:
        """Some drawn line is dashed (a reference inferred from naming, on the system view)."""
        return any(not edge.solid for block in self.blocks for edge in block.edges)


class Graph:
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


class Bin:
    """A block being filled: counts what it holds so every addition can be checked."""

    def __init__(self, graph: Graph, options: DiagramOptions, room: int = 0) -> None:
        self.graph = graph
        self.options = options
        self.keys: set[str] = set()
        self.text = len(HEADER) + room
        """Counted from the header and the `room` kept free (for stubs, when packing several blocks)."""
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


def components(graph: Graph, keys: set[str]) -> list[set[str]]:
    """The connected groups among `keys`, most connected first."""
    return _components(graph, keys)


def _components(graph: Graph, keys: set[str]) -> list[set[str]]:
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


def _clusters(graph: Graph, component: set[str], options: DiagramOptions) -> list[set[str]]:
    """Cut a group too large for one block into neighbourhoods grown from its hubs."""
    left, found = set(component), []
    seeds = iter(graph.order(component))
    while left:
        seed = next(key for key in seeds if key in left)
        box = Bin(graph, options, STUB_ROOM)
        box.add({seed})
        frontier = [seed]
        while frontier and len(box.keys) < options.max_tables:
            near = {n for k in frontier for n in graph.neighbours(k) if n in left and n not in box.keys}
            frontier = []
            for key in graph.order(near):
                if box.fits({key}):
                    box.add({key})
                    frontier.append(key)
        found.append(box.keys)
        left -= box.keys
    return found


class FreeTables:
    """A max-tree over the bins' free table places, in the order bins were opened.

    `first(n, after)` is the first bin after `after` with at least `n` free places, in O(log bins),
    so first-fit packing does not try every open bin for every piece.
    """

    def __init__(self, capacity: int) -> None:
        self.size = 1
        while self.size < max(1, capacity):
            self.size *= 2
        self.free = [-1] * (2 * self.size)

    def set(self, index: int, free: int) -> None:
        i = index + self.size
        self.free[i] = free
        while i > 1:
            i //= 2
            self.free[i] = max(self.free[2 * i], self.free[2 * i + 1])

    def first(self, needed: int, after: int = -1) -> int | None:
        return self._first(1, 0, self.size, needed, after)

    def _first(self, node: int, low: int, high: int, needed: int, after: int) -> int | None:
        if high <= after + 1 or self.free[node] < needed:
            return None
        if node >= self.size:
            return low
        middle = (low + high) // 2
        found = self._first(2 * node, low, middle, needed, after)
        return found if found is not None else self._first(2 * node + 1, middle, high, needed, after)


STUB_ROOM = (MAX_TEXT_SIZE - TEXT_MARGIN) // 8
"""Text kept free in each block when a diagram is split, for the stubs of partners drawn elsewhere
(about forty stubs and lines): without it, blocks of wide tables filled to the limit draw none."""
PROBES = 8
"""Bins with room for a piece's tables that are tried before a new one is opened (the others may
lack room for its text or relationships): keeps packing O(n log n) whatever the input."""


def _first_fit(graph: Graph, parts: list[set[str]], options: DiagramOptions) -> list[Bin]:
    bins: list[Bin] = []
    free = FreeTables(len(parts))
    for part in parts:
        target, index, probes = None, free.first(len(part)), 0
        while index is not None and probes < PROBES:
            if bins[index].fits(part):
                target = bins[index]
                break
            probes += 1
            index = free.first(len(part), after=index)
        if target is None:
            index = len(bins)
            target = Bin(graph, options, STUB_ROOM)
            bins.append(target)
        target.add(part)
        free.set(index if index is not None else len(bins) - 1, options.max_tables - len(target.keys))
    return bins


def pack(graph: Graph, groups: list[tuple[str, set[str]]], options: DiagramOptions) -> list[tuple[str, set[str]]]:
    """Blocks (group name, keys): components and clusters packed first-fit, largest first."""
    blocks: list[tuple[str, set[str]]] = []
    for name, keys in groups:
        parts: list[set[str]] = []
        for component in _components(graph, keys):
            probe = Bin(graph, options, STUB_ROOM)
            parts += [component] if probe.fits(component) else _clusters(graph, component, options)
        ordered = sorted(parts, key=lambda p: (-len(p), graph.order(p)[0]))
        blocks += [(name, b.keys) for b in _first_fit(graph, ordered, options)]
    return blocks


Boxes = Callable[[list[str]], list[tuple[str, list[str]]]]
"""The boxes to draw in a block, from its keys (most connected first): (title, keys) each."""


def plan(
    graph: Graph,
    groups: list[tuple[str, set[str]]],
    options: DiagramOptions,
    what: str = "tables",
    boxes: Boxes | None = None,
) -> DiagramSet:
    everything = set().union(*(keys for _, keys in groups)) if groups else set()
    whole = Bin(graph, options)
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
    for number, (_, keys) in enumerate(chosen_kept, 1):
        drawn.update(dict.fromkeys(keys, number))
    shown: set[int] = set()
    for number, (name, keys) in enumerate(chosen_kept, 1):
        ordered = graph.order(keys)
        block = Block([graph.entities[k] for k in ordered], layout=options.layout)
        inside = [i for i, e in enumerate(graph.edges) if e.left in keys and e.right in keys]
        block.edges = [graph.edges[i] for i in inside]
        shown.update(inside)
        shown.update(_stubs(graph, block, keys, drawn, options))
        block.groups = boxes(ordered) if boxes else []
        if len(chosen_kept) > 1:
            block.caption = _caption(number, len(chosen_kept), name, [graph.entities[k].label for k in ordered], what)
        result.blocks.append(block)
    result.not_drawn = sorted(k for k in everything if k not in drawn)
    result.undrawn = sum(e.count for i, e in enumerate(graph.edges) if i not in shown)
    return result


def _stubs(graph: Graph, block: Block, keys: set[str], drawn: dict[str, int], options: DiagramOptions) -> set[int]:
    """Add to `block` a stub for each table related to its own but drawn elsewhere; the lines they show.

    Without them a split loses every line whose ends landed in different blocks, and a block whose
    tables' partners are all elsewhere is drawn as boxes with no line at all. Stubs are name-only
    boxes (cheap), at most `max_tables` per block; partners drawn in another block come first, then
    those with the most lines. What does not fit stays counted as not drawn.
    """
    lines: dict[str, list[int]] = defaultdict(list)
    for key in sorted(keys):  # the same order whatever the hash seed
        for i in graph.incident[key]:
            edge = graph.edges[i]
            other = edge.right if edge.left == key else edge.left
            if other not in keys:
                lines[other].append(i)
    if not lines:
        return set()
    packed = Bin(graph, options)
    packed.add(keys)
    text, edges, added = packed.text, packed.edges, 0
    shown: set[int] = set()
    for other in sorted(lines, key=lambda k: (k not in drawn, -len(lines[k]), k)):
        where = f"diagram {drawn[other]}" if other in drawn else "not drawn"
        stub = Entity(other, graph.entities[other].label, muted=True, elsewhere=where)
        cost = entity_size(stub) + sum(graph.edge_cost[i] for i in lines[other])
        if (
            added >= options.max_tables
            or edges + len(lines[other]) > options.edge_limit
            or text + cost > options.max_text
        ):
            continue
        block.entities.append(stub)
        block.edges += [graph.edges[i] for i in lines[other]]
        shown.update(lines[other])
        text, edges, added = text + cost, edges + len(lines[other]), added + 1
    return shown


def _caption(number: int, total: int, group: str, labels: list[str], what: str) -> str:
    head = f"Diagram {number} of {total}"
    if group:
        head += f", schema {group}"
    shown = ", ".join(labels[:4])
    more = f" and {len(labels) - 4} more {what}" if len(labels) > 4 else ""
    return f"{head}: {shown}{more}"
