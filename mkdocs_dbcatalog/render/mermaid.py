"""Mermaid `erDiagram` text: encoding names so any of them renders, and the size limits of a block.

What Mermaid 11 does with text, checked in a browser (tests/test_browser_diagrams.py):

- every label (entity alias, attribute type and name, comment, relationship label) goes through
  Markdown and HTML: `_x_` turns italic, `<b>` bold, `&amp;` into `&`;
- entity names are keywords-sensitive (`one`, `many`, `to`, `end`...), attribute words outside
  backticks take only `[A-Za-z0-9_-()[].,*]`, a quoted label refuses `%` and `\\`;
- `#<number>;` is an entity code that Mermaid substitutes *after* parsing and Markdown, so it is the
  one encoding that every position accepts and that shows the original character.

So entities get generated ids (`t0`, `t1`...) with the name as a quoted alias, attribute words are
always backticked, and every character but letters, digits and inner spaces is written as `#N;`.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

from .filters import Safe

MAX_TEXT_SIZE = 50_000
"""Mermaid's `maxTextSize`: a longer diagram renders as an error message instead."""
MAX_EDGES = 500
"""Mermaid's `maxEdges` (enforced for flowcharts; kept for ER diagrams too, which slow down long before)."""
TEXT_MARGIN = 3_000
"""Kept free under MAX_TEXT_SIZE, for the groups' `subgraph` lines (GROUP_SIZE each, at most a dozen
per block) and whitespace."""


def encode(text: str) -> str:
    """Text → Mermaid label text that shows exactly `text`, whatever it contains."""
    text = " ".join(str(text).split())
    if not text:
        return "#8203;"  # zero-width space: an empty label breaks the layout
    out = []
    for char in text:
        if char.isalnum() or char == " ":
            out.append(char)
        else:
            out.append(f"#{ord(char)};")
    return "".join(out)


def quoted(text: str) -> str:
    return f'"{encode(text)}"'


def word(text: str) -> str:
    """An attribute type or name: backticks take any character but a backtick, which encode removes."""
    return f"`{encode(text)}`"


def js_length(text: str) -> int:
    """Length as JavaScript counts it (UTF-16 code units), which is what maxTextSize compares."""
    return len(text.encode("utf-16-le")) // 2


class Card:
    """Cardinality markers, written from the left entity's side and the right entity's side."""

    EXACTLY_ONE = ("||", "||")
    ZERO_OR_ONE = ("|o", "o|")
    ZERO_OR_MORE = ("}o", "o{")


@dataclass(frozen=True)
class Attribute:
    type: str
    name: str
    keys: tuple[str, ...] = ()
    """PK, FK, UK."""
    comment: str | None = None

    def text(self) -> str:
        line = f"{word(self.type or '?')} {word(self.name)}"
        if self.keys:
            line += " " + ", ".join(self.keys)
        if self.comment:
            line += " " + quoted(self.comment)
        return line


@dataclass(frozen=True)
class Entity:
    key: str
    """Identity within a diagram (a table key, a database name)."""
    label: str
    attributes: tuple[Attribute, ...] = ()
    muted: bool = False
    """Drawn greyed: context around what the diagram is about (a viewpoint's neighbours)."""
    elsewhere: str | None = None
    """A stub: a name-only box for a table drawn in another block (`diagram 3`), so a line to it is
    not lost by splitting; its box says where (`users (diagram 3)`) and links to its page."""

    @property
    def shown(self) -> str:
        """The box's title as drawn."""
        return f"{self.label} ({self.elsewhere})" if self.elsewhere else self.label

    def text(self, ident: str) -> str:
        head = f"    {ident}[{quoted(self.shown)}]"
        if not self.attributes:
            return head + "\n"
        body = "".join(f"        {a.text()}\n" for a in self.attributes)
        return f"{head} {{\n{body}    }}\n"


@dataclass(frozen=True)
class Edge:
    """`left <left marker><line><right marker> right : label`."""

    left: str
    right: str
    left_card: tuple[str, str]
    right_card: tuple[str, str]
    label: str
    solid: bool = True
    count: int = 1
    """Relationships this line stands for (parallel ones are drawn as one)."""

    def text(self, idents: dict[str, str]) -> str:
        line = "--" if self.solid else ".."
        marker = f"{self.left_card[0]}{line}{self.right_card[1]}"
        return f"    {idents[self.left]} {marker} {idents[self.right]} : {quoted(self.label)}\n"


MUTED = "classDef muted stroke-dasharray:4"
"""Greyed entities: dashed here, half transparent through the viewer's stylesheet (Mermaid's style
syntax takes no decimal point), so they read the same in light and dark palettes."""
LAYOUTS = ("dagre", "elk")
HEADER = "---\nconfig:\n  layout: elk\n---\nerDiagram\n    direction LR\n"
"""The longest header a block can have: its size is counted in every block's budget."""
MEMBER_SIZE = len("        t000000\n")
"""What listing an entity in its group's `subgraph` adds."""
GROUP_SIZE = 200
"""A group's `subgraph` and `end` lines, with its encoded title."""


@dataclass
class Block:
    """One `erDiagram` block: entities, the edges between them, boxes (groups) and a caption."""

    entities: list[Entity] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    caption: str | None = None
    groups: list[tuple[str, list[str]]] = field(default_factory=list)
    """Boxes drawn around entities: (title, entity keys). Mermaid 11.17+ draws them (`subgraph`); the
    viewer drops them for an older Mermaid, which would refuse the block."""
    layout: str = "dagre"

    @property
    def names(self) -> list[str]:
        """The tables this block draws (not its stubs)."""
        return [e.label for e in self.entities if e.elsewhere is None]

    @property
    def stubs(self) -> list[Entity]:
        return [e for e in self.entities if e.elsewhere is not None]

    @property
    def idents(self) -> dict[str, str]:
        return {entity.key: f"t{i}" for i, entity in enumerate(self.entities)}

    def text(self) -> str:
        idents = self.idents
        parts = ["---\nconfig:\n  layout: elk\n---\n"] if self.layout == "elk" else []
        parts.append("erDiagram\n")
        if direction([e.key for e in self.entities], self.edges) == "LR":
            parts.append("    direction LR\n")
        parts += [entity.text(idents[entity.key]) for entity in self.entities]
        for number, (title, keys) in enumerate(self.groups):
            members = "".join(f"        {idents[key]}\n" for key in keys if key in idents)
            if members:
                parts.append(f"    subgraph g{number} [{quoted(title)}]\n{members}    end\n")
        parts += [edge.text(idents) for edge in self.edges]
        muted = [idents[e.key] for e in self.entities if e.muted]
        if muted:
            parts.append(f"    {MUTED}\n    class {','.join(muted)} muted\n")
        return "".join(parts)

    def html(self, links: dict[str, str | None]) -> Safe:
        """The block for the viewer (diagrams.js): its text, each box's name and page (`links`: key → URL)."""
        return diagram_html(
            self.text(),
            {self.idents[e.key]: e.label for e in self.entities},
            {self.idents[key]: url for key, url in links.items() if url and key in self.idents},
        )


def direction(keys: list[str], edges: list[Edge]) -> str:
    """`LR` for a diagram wider than deep (a hub and its many children), else Mermaid's `TB`.

    Mermaid lays parents above children. A table referenced by thirty others then becomes a row of
    thirty boxes that the page shrinks until no name can be read; laid left to right it becomes a
    column, which a page can scroll. Ranks are longest paths from parents, cycles broken.
    """
    children: dict[str, set[str]] = {key: set() for key in keys}
    parents: dict[str, int] = dict.fromkeys(keys, 0)
    for edge in edges:
        if edge.left != edge.right and edge.right not in children[edge.left]:
            children[edge.left].add(edge.right)
            parents[edge.right] += 1
    rank = dict.fromkeys(keys, 0)
    left = set(keys)
    while left:
        ready = [k for k in left if parents[k] == 0] or [min(left, key=lambda k: (parents[k], k))]
        for key in ready:
            left.discard(key)
            for child in children[key]:
                if child in left:
                    parents[child] -= 1
                    rank[child] = max(rank[child], rank[key] + 1)
    widest = max((list(rank.values()).count(r) for r in set(rank.values())), default=0)
    depth = max(rank.values(), default=0) + 1
    return "LR" if widest > 4 and widest > depth * 1.5 else "TB"


NOSCRIPT = "Diagrams need JavaScript; the relationships are listed as text on this page."


def diagram_html(text: str, names: dict[str, str], links: dict[str, str]) -> Safe:
    """Raw HTML that the viewer turns into a diagram, so no Markdown extension or fence is needed.

    The text sits in a `<script type="text/plain">`, which browsers never run and search indexes
    skip; every name in it is encoded to letters, digits, spaces and `#N;`, so it holds no `<`
    (which could end the element), no `--8<--`, no CriticMarkup and no `{{`. Names and links go in
    attributes, HTML-escaped.
    """
    assert "<" not in text and "&" not in text, "Mermaid text must be encoded"
    data = (
        f' data-names="{html.escape(json.dumps(names, ensure_ascii=False, sort_keys=True))}"'
        f' data-links="{html.escape(json.dumps(links, ensure_ascii=False, sort_keys=True))}"'
    )
    return Safe(
        f'<div class="dbcatalog-diagram"{data}>\n<script type="text/plain" class="dbcatalog-mermaid">\n'
        f"{text}</script>\n<noscript><p>{NOSCRIPT}</p></noscript>\n</div>"
    )


def entity_size(entity: Entity) -> int:
    """Characters an entity adds to a block (the id is at most `t` and six digits), in a group or not."""
    return js_length(entity.text("t000000")) + MEMBER_SIZE


def edge_size(edge: Edge) -> int:
    idents = {edge.left: "t000000", edge.right: "t000000"}
    return js_length(edge.text(idents))
