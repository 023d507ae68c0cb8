"""What a `mkdocs serve` rebuild takes from the previous build: the generated pages, when nothing they
come from has changed.

Editing a hand-written page makes MkDocs load the configuration and run `on_config` again, which read
the catalog (live reads come from memory, see cache.py) and rendered every generated page again: a
fifth of a 1,000-table build. The pages come from the catalog and its health, the plugin's options,
the site's settings and the templates; when all of them equal the previous build's, its pages and
their HTML blocks are used again. Nothing else is kept: every input is still read and compared.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from ..catalog.model import Catalog
from ..health import Health
from ..pages import GeneratedPage
from ..render.renderer import Renderer, Settings


@dataclass(frozen=True)
class Rendered:
    """One build's generated pages and what they were made from."""

    key: tuple[object, ...]
    renderer: Renderer
    pages: list[GeneratedPage]
    files: list[tuple[str, str | bytes]]
    blocks: int
    """HTML blocks of the generated pages; those of hand-written pages' embeds come after, per build."""

    def reuse(self) -> tuple[Renderer, list[GeneratedPage], list[tuple[str, str | bytes]]]:
        del self.renderer.fragments.blocks[self.blocks :]
        return self.renderer, list(self.pages), list(self.files)


def render_key(
    catalog: Catalog,
    health: Health | None,
    settings: Settings,
    options: Mapping[str, object],
    site: Mapping[str, object],
    templates: str | None,
) -> tuple[object, ...]:
    """Everything the generated pages are made from, comparable with `==`.

    `site` holds the MkDocs settings the pages depend on (URL form, site URL, heading ids); the
    settings' `slugify` is a new function each build, so it is compared through the `toc` settings
    that make it. `templates` is the custom templates folder: each file's name, size and time.
    """
    shaped = tuple((f.name, getattr(settings, f.name)) for f in fields(settings) if f.name != "slugify")
    return (
        catalog,
        health,
        shaped,
        json.dumps(options, default=_plain, sort_keys=True),
        json.dumps(site, default=_plain, sort_keys=True),
        _listing(templates),
    )


def _plain(value: object) -> object:
    return dict(value) if isinstance(value, Mapping) else repr(value)


def _listing(folder: str | None) -> tuple[tuple[str, int, int], ...]:
    if not folder:
        return ()
    root = Path(folder)
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found.append((str(path.relative_to(root)), stat.st_size, stat.st_mtime_ns))
    return tuple(found)
