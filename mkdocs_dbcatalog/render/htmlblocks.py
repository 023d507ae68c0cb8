"""Generated tables as lean HTML, placed after Markdown conversion.

Python-Markdown spent more than half of a 1,000-table build parsing the tables we had generated, and
raw HTML written into the Markdown still costs it a walk. So a template writes each table inside
`{% html %} ... {% endhtml %}`: the body is rendered with HTML escaping and kept out of the page's
Markdown, which holds a one-line marker in its place; during conversion a preprocessor hands the block
to Python-Markdown's own HTML stash (as mkdocstrings does), which puts it back once the Markdown is
HTML. No Markdown extension ever sees the block's text. Headings stay Markdown, so the table of
contents and links to sections hold.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.ext import Extension
from jinja2.parser import Parser
from markdown import Markdown
from markdown import extensions as markdown_extensions
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

from . import filters

_MARKER = "<!--dbcatalog-html:{}-->"
_PREFIX = "<!--dbcatalog-html:"
# A line of its own; database text can never write one (`<` and `-` are always escaped).
_MARKER_LINE = re.compile(r"^([ \t]*)<!--dbcatalog-html:(\d+)-->[ \t]*$", re.MULTILINE)
# An id attribute of a block's element; text and other attributes can hold no `"` (always escaped).
_ID = re.compile(r'\sid="([^"]+)"')


class Fragments:
    """The HTML blocks of one build, numbered in rendering order; pages hold their markers."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.placed_ids: set[str] = set()
        """The ids of the elements placed in the page converted last: MkDocs checks links to anchors
        against the ids it saw, and it never sees what the HTML stash holds."""

    def place(self, html: str) -> str:
        self.blocks.append(html)
        return _MARKER.format(len(self.blocks) - 1)

    def block(self, number: int) -> str:
        return self.blocks[number] if number < len(self.blocks) else ""

    def expand(self, markdown: str) -> str:
        """The Markdown with each block written in place as raw HTML: for reading (golden pages) or
        for building without the plugin."""
        if _PREFIX not in markdown:
            return markdown
        return _MARKER_LINE.sub(lambda m: m[1] + self.block(int(m[2])), markdown)


class HtmlBlocks(Extension):
    """The `{% html %}` tag: its body is HTML (escaped as HTML), replaced in the output by a marker."""

    tags = {"html"}  # noqa: RUF012 (Jinja's own attribute)

    def __init__(self, environment: jinja2.Environment) -> None:
        super().__init__(environment)
        self.fragments = Fragments()

    def parse(self, parser: Parser) -> nodes.Node:
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(("name:endhtml",), drop_needle=True)
        block = nodes.CallBlock(self.call_method("_place"), [], [], body).set_lineno(lineno)
        # Autoescape on inside the body: `{{ }}` and the context-aware filters below write HTML there.
        scope = nodes.ScopedEvalContextModifier(lineno=lineno)
        scope.options = [nodes.Keyword("autoescape", nodes.Const(True))]
        scope.body = [block]
        return scope

    def _place(self, caller: Callable[[], str]) -> Markup:
        return Markup(self.fragments.place(caller().strip()) + "\n")


def is_html_template(name: str | None) -> bool:
    """Templates named `*.html.jinja` are HTML (escaped as such); include them inside an `{% html %}` block."""
    return bool(name) and str(name).endswith(".html.jinja")


@jinja2.pass_eval_context
def finalize(context: jinja2.nodes.EvalContext, value: Any) -> Any:
    """Every `{{ value }}`: escaped for Markdown, or for HTML inside an HTML block."""
    return filters.finalize_html(value) if context.autoescape else filters.finalize(value)


def either(markdown: Callable[..., Any], html: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that writes Markdown, or HTML inside an HTML block."""

    @jinja2.pass_eval_context
    def choose(context: jinja2.nodes.EvalContext, *args: Any, **kwargs: Any) -> Any:
        return (html if context.autoescape else markdown)(*args, **kwargs)

    return choose


class PlaceHtml(markdown_extensions.Extension):
    """The Markdown extension that puts a build's HTML blocks in place of their markers."""

    def __init__(self, fragments: Fragments) -> None:
        super().__init__()
        self.fragments = fragments

    def extendMarkdown(self, md: Markdown) -> None:
        # After normalize_whitespace (30), which strips the stash's placeholder characters, and before
        # html_block (20) and every block processor.
        md.preprocessors.register(_Placer(md, self.fragments), "dbcatalog_html", 27)


class _Placer(Preprocessor):
    def __init__(self, md: Markdown, fragments: Fragments) -> None:
        super().__init__(md)
        self.fragments = fragments

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        ids = self.fragments.placed_ids = set()
        if _PREFIX not in text:
            return lines
        stash = self.md.htmlStash

        def place(match: re.Match[str]) -> str:
            block = self.fragments.block(int(match[2]))
            ids.update(html.unescape(found) for found in _ID.findall(block))
            # Blank lines around: the placeholder must be a paragraph of its own to be replaced whole.
            return f"\n{match[1]}{stash.store(block)}\n"

        return _MARKER_LINE.sub(place, text).split("\n")
