"""Migration graphs (Alembic, Django): heads, branch points, merges, ancestry and the tools' order.

The orders reproduce the tools' own algorithms, so a page lists revisions exactly as
`alembic history` and `manage.py migrate --plan` do, whatever the file names say.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    """A revision: `parents` are its down revisions, `deps` extra ones it needs (depends_on)."""

    id: str
    parents: tuple[str, ...] = ()
    deps: tuple[str, ...] = ()


class Graph:
    """Nodes in the order the tool loaded them (that order breaks ties, as in the tools)."""

    def __init__(self, nodes: Sequence[Node]) -> None:
        self.nodes: dict[str, Node] = {}
        for node in nodes:
            self.nodes.setdefault(node.id, node)
        self.order = {node_id: i for i, node_id in enumerate(self.nodes)}
        self.children: dict[str, list[str]] = {n: [] for n in self.nodes}
        for node in self.nodes.values():
            for parent in node.parents:
                if parent in self.children:
                    self.children[parent].append(node.id)

    def missing_parents(self) -> list[tuple[str, str]]:
        """(node, parent) pairs whose parent no file defines."""
        return [(n.id, p) for n in self.nodes.values() for p in (*n.parents, *n.deps) if p not in self.nodes]

    def heads(self) -> tuple[str, ...]:
        """Revisions nothing builds on: more than one means unmerged branches."""
        return tuple(n for n, kids in self.children.items() if not kids)

    def bases(self) -> tuple[str, ...]:
        return tuple(n.id for n in self.nodes.values() if not self._known(n.parents))

    def merges(self) -> tuple[str, ...]:
        return tuple(n.id for n in self.nodes.values() if len(self._known(n.parents)) > 1)

    def branch_points(self) -> tuple[str, ...]:
        return tuple(n for n, kids in self.children.items() if len(kids) > 1)

    def _known(self, ids: Iterable[str]) -> tuple[str, ...]:
        return tuple(i for i in ids if i in self.nodes)

    def ancestors(self, ids: Iterable[str], *, deps: bool = True) -> set[str]:
        """The revisions and everything below them (what must be applied when they are)."""
        seen: set[str] = set()
        todo = [i for i in ids if i in self.nodes]
        while todo:
            node_id = todo.pop()
            if node_id in seen:
                continue
            seen.add(node_id)
            node = self.nodes[node_id]
            todo += self._known(node.parents + node.deps if deps else node.parents)
        return seen

    def cycle(self) -> list[str] | None:
        """A cycle of revisions if there is one (a hand-edited down_revision can make one)."""
        state: dict[str, int] = {}
        for start in self.nodes:
            if start in state:
                continue
            stack: list[tuple[str, int]] = [(start, 0)]
            path: list[str] = []
            while stack:
                node_id, index = stack.pop()
                if index == 0:
                    if state.get(node_id) == 1:
                        return [*path[path.index(node_id) :], node_id]
                    if state.get(node_id) == 2:
                        continue
                    state[node_id] = 1
                    path.append(node_id)
                node = self.nodes[node_id]
                nexts = self._known(node.parents + node.deps)
                if index < len(nexts):
                    stack.append((node_id, index + 1))
                    child = nexts[index]
                    if state.get(child) == 1:
                        return [*path[path.index(child) :], child]
                    if state.get(child) != 2:
                        stack.append((child, 0))
                else:
                    state[node_id] = 2
                    path.pop()
        return None

    # -- Alembic -------------------------------------------------------------------------------

    def alembic_order(self) -> list[str]:
        """Newest first, as `alembic history` prints (RevisionMap._topological_sort over all heads)."""
        normalized, normalized_deps = self._normalized_down()
        ancestors_cache: dict[str, set[str]] = {}

        def ancestors_of(node_id: str) -> set[str]:
            if node_id not in ancestors_cache:
                seen: set[str] = set()
                todo = [node_id]
                while todo:
                    current = todo.pop()
                    if current in seen:
                        continue
                    seen.add(current)
                    todo += normalized[current]
                ancestors_cache[node_id] = seen
            return set(ancestors_cache[node_id])

        todo = set(self.nodes)
        current_heads = sorted(self.heads(), key=self.order.__getitem__)
        ancestors_by_idx = [ancestors_of(h) for h in current_heads]
        output: list[str] = []
        index = 0
        while current_heads:
            candidate = current_heads[index]
            for check, ancestors in enumerate(ancestors_by_idx):
                if check != index and candidate in ancestors:
                    index = check
                    break
            else:
                if candidate in todo:
                    output.append(candidate)
                    todo.remove(candidate)
                node = self.nodes[candidate]
                to_add = [r for r in normalized[candidate] if r in todo and r not in current_heads]
                if not to_add:
                    del current_heads[index]
                    del ancestors_by_idx[index]
                    index = max(index - 1, 0)
                elif not normalized_deps[candidate] and len(node.parents) == 1:
                    current_heads[index] = to_add[0]
                    ancestors_by_idx[index].discard(candidate)
                else:
                    current_heads[index] = to_add[0]
                    current_heads.extend(to_add[1:])
                    ancestors_by_idx[index] = ancestors_of(to_add[0])
                    ancestors_by_idx.extend(ancestors_of(h) for h in to_add[1:])
        # Revisions unreachable from a head (only possible in a cycle) keep their file order.
        output += sorted(todo, key=self.order.__getitem__, reverse=True)
        return output

    def _normalized_down(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """Down revisions plus the dependencies that no ancestor already depends on (Alembic's rule),
        and those dependencies alone."""
        normalized_deps: dict[str, tuple[str, ...]] = {}
        result: dict[str, tuple[str, ...]] = {}
        for node in self.nodes.values():
            deps = self._known(node.deps)
            if deps:
                remaining = set(deps)
                for ancestor in self.ancestors([node.id], deps=False) - {node.id}:
                    remaining.difference_update(self.nodes[ancestor].deps)
                deps = tuple(d for d in deps if d in remaining)
            normalized_deps[node.id] = deps
            result[node.id] = tuple(dict.fromkeys(self._known(node.parents) + deps))
        return result, normalized_deps

    # -- Django --------------------------------------------------------------------------------

    def django_plan(self, sort_key: Mapping[str, tuple[str, str]]) -> list[str]:
        """Oldest first, as `migrate` plans a fresh database: a depth-first walk from each leaf in
        sorted order, parents visited in sorted order (MigrationGraph.iterative_dfs)."""
        app = {n: sort_key[n][0] for n in self.nodes}
        every_child: dict[str, list[str]] = {n: [] for n in self.nodes}
        for node in self.nodes.values():
            for parent in set(self._known(node.parents + node.deps)):
                every_child[parent].append(node.id)
        leaves = sorted(
            (n for n in self.nodes if all(app[c] != app[n] for c in every_child[n])),
            key=sort_key.__getitem__,
        )
        plan: list[str] = []
        planned: set[str] = set()
        for leaf in leaves:
            visited: list[str] = []
            done: set[str] = set()
            stack: list[tuple[str, bool]] = [(leaf, False)]
            while stack:
                node_id, processed = stack.pop()
                if node_id in done:
                    continue
                if processed:
                    done.add(node_id)
                    visited.append(node_id)
                    continue
                stack.append((node_id, True))
                node = self.nodes[node_id]
                parents = sorted(set(self._known(node.parents + node.deps)), key=sort_key.__getitem__)
                stack += [(p, False) for p in parents]
            for node_id in visited:
                if node_id not in planned:
                    planned.add(node_id)
                    plan.append(node_id)
        plan += [n for n in self.nodes if n not in planned]  # cycles: file order
        return plan
