"""Django's `MigrationLoader.build_graph`, redone on parsed files, and the plan `migrate` follows.

The steps and their order are Django's (django/db/migrations/loader.py and graph.py): same-app
dependencies first; then other apps' dependencies and `run_before`, with `__first__`/`__latest__`
and swappable settings resolved against the graph built so far; then each squash either stands in
for the migrations it replaces (none or all of them applied) or is dropped (some applied). The plan
is `migrate --plan`'s: a depth-first walk from every app's leaf in sorted order.

Apps whose files are not under the path (django.contrib, third-party packages) are not in the
graph: dependencies on them are left out, as they cannot change the order among the apps read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ..alembic import graph_problems
from ..base import Found
from ..graph import Graph, Node
from .files import Parsed
from .settings import Settings

_SPECIAL = ("__first__", "__latest__")


def _app(key: str) -> str:
    return key.partition(".")[0]


def _sort_key(key: str) -> tuple[str, str]:
    app, _, name = key.partition(".")
    return app, name


@dataclass
class _Graph:
    """Nodes with ordered parent and child sets (dicts), and the keys only named by an edge."""

    parents: dict[str, dict[str, None]] = field(default_factory=dict)
    children: dict[str, dict[str, None]] = field(default_factory=dict)
    dummies: dict[str, tuple[str, str]] = field(default_factory=dict)
    """A key no file defines → (the migration that names it, the sentence saying so): Django's DummyNode."""

    def node(self, key: str, origin: str | None = None, missing: str = "") -> None:
        if key not in self.parents:
            self.parents[key], self.children[key] = {}, {}
            if origin is not None:
                self.dummies[key] = (origin, missing)

    def add(self, child: str, parent: str, origin: str) -> None:
        self.node(child, origin, f"{origin} has {child} in run_before, which no file defines")
        self.node(parent, origin, f"{origin} depends on {parent}, which no file defines")
        self.parents[child][parent] = None
        self.children[parent][child] = None

    def remove(self, key: str) -> None:
        for child in self.children.pop(key):
            self.parents.get(child, {}).pop(key, None)
        for parent in self.parents.pop(key):
            self.children.get(parent, {}).pop(key, None)
        self.dummies.pop(key, None)

    def roots(self, app: str) -> list[str]:
        return sorted(k for k in self.parents if _app(k) == app and all(_app(p) != app for p in self.parents[k]))

    def leaves(self, app: str) -> list[str]:
        return sorted(k for k in self.parents if _app(k) == app and all(_app(c) != app for c in self.children[k]))

    def remove_replaced(self, squash: str, replaced: Iterable[str]) -> None:
        """MigrationGraph.remove_replaced_nodes: edges to and from the replaced move to the squash."""
        gone = set(replaced)
        for key in dict.fromkeys(replaced):
            if key not in self.parents:
                continue
            for child in self.children[key]:
                if child not in gone and child in self.parents:
                    self.children[squash][child] = None
                    self.parents[child][squash] = None
            for parent in self.parents[key]:
                if parent not in gone and parent in self.parents:
                    self.parents[squash][parent] = None
                    self.children[parent][squash] = None
            self.remove(key)

    def remove_replacement(self, squash: str, replaced: Iterable[str]) -> None:
        """MigrationGraph.remove_replacement_node: the squash's children depend on the latest replaced."""
        present = [k for k in replaced if k in self.parents]
        below = {p for k in present for p in self.parents[k]}
        latest = [k for k in present if k not in below]
        for child in self.children[squash]:
            for key in latest:
                self.parents[child][key] = None
                self.children[key][child] = None
        self.remove(squash)


def build(
    parsed: Mapping[str, Parsed], applied: set[str], settings: Settings, shown: set[str]
) -> tuple[_Graph, list[str]]:
    """The loader's graph for the files read, given what is applied; and the problems Django would
    raise about the `shown` apps."""
    graph = _Graph()
    problems: list[str] = []
    apps = {p.app for p in parsed.values()}
    for key in parsed:
        graph.node(key)
    for key, item in parsed.items():
        for dep in item.deps:
            if _app(dep) == item.app and not dep.endswith(".__first__"):
                graph.add(key, dep, key)

    def check_key(dep: str, current: str) -> str | None:
        """loader.check_key: `__first__`/`__latest__` of another app → its first root or leaf."""
        app, _, name = dep.partition(".")
        if app not in apps:
            return None  # an app not read here (django.contrib, a third-party package)
        if name not in _SPECIAL or dep in graph.parents:
            return dep
        if app == current:
            return None
        nodes = graph.roots(app) if name == "__first__" else graph.leaves(app)
        return nodes[0] if nodes else None

    for key, item in parsed.items():
        swappable = []
        for setting in item.swappable:
            model = settings.model(setting)
            if model is not None:
                swappable.append(f"{model.partition('.')[0]}.__first__")
            problem = settings.problem(setting)
            if problem and item.app in shown:
                problems.append(problem)
        for dep in (*item.deps, *swappable):
            if _app(dep) == item.app:
                continue
            target = check_key(dep, item.app)
            if target is not None:
                graph.add(key, target, key)
        for child in item.run_before:
            target = check_key(child, item.app)
            if target is not None:
                graph.add(target, key, key)

    for key, item in parsed.items():
        if not item.replaces or key not in graph.parents:
            continue
        statuses = [r in applied for r in item.replaces]
        if all(statuses) or not any(statuses):
            graph.remove_replaced(key, item.replaces)
        else:
            graph.remove_replacement(key, item.replaces)
    for key, (origin, missing) in list(graph.dummies.items()):
        if _app(origin) in shown:
            problems.append(missing)
        graph.remove(key)
    return graph, list(dict.fromkeys(problems))


def plan(
    ours: Mapping[str, Parsed], applied: set[str], settings: Settings, installed: Mapping[str, Parsed] | None = None
) -> tuple[list[Found], list[str]]:
    """Our migrations that Django's loader keeps, given what is applied, in `migrate --plan` order.

    `installed` are the migrations of installed apps not shown (django.contrib...): they take part
    in the plan, as their leaves can pull our migrations earlier, and are then left out.
    """
    parsed = {**(installed or {}), **ours}
    built, problems = build(parsed, applied, settings, set(p.app for p in ours.values()))
    nodes = []
    for key in built.parents:
        app = parsed[key].app
        same = tuple(p for p in built.parents[key] if _app(p) == app)
        other = tuple(p for p in built.parents[key] if _app(p) != app)
        nodes.append(Node(key, same, other))
    graph = Graph(nodes)
    for app in sorted({parsed[k].app for k in built.parents if k in ours}):
        leaves = built.leaves(app)
        if len(leaves) > 1:
            problems.append(
                f"app {app} has {len(leaves)} leaf migrations ({', '.join(leaves)}): "
                f"conflicting branches; merge them with `python manage.py makemigrations --merge {app}`"
            )
    cycle = graph.cycle()
    if cycle and any(key in ours for key in cycle):
        problems += graph_problems(Graph([n for n in nodes if n.id in cycle]), "migration", "")[:1]
    found = []
    for key in graph.django_plan({key: _sort_key(key) for key in built.parents}):
        if key in ours:
            node = graph.nodes[key]
            depends_on = tuple(d for d in node.deps if d in ours)
            migration = replace(ours[key].migration, parents=node.parents, depends_on=depends_on)
            found.append(Found(key, migration, source=ours[key].file))
    return found, problems
