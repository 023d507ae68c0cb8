"""Where the catalog's section goes in the site's navigation (automatic or hand-written `nav:`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.structure.files import Files, file_sort_key
from mkdocs.utils import nest_paths

NavItem = Any


def place_section(
    nav: list[NavItem] | None, files: Files, pages: list[str], title: str, position: int | None
) -> list[NavItem]:
    """Put the catalog's section in the nav.

    With no `nav:` the site's automatic nav is rebuilt with the section added. In a hand-written
    nav, an entry that points at the catalog index (`databases/index.md`) becomes the section, under
    the title written there; without one, the section is added at `nav_position`.
    """
    # Bare paths: each page's title then comes from its front matter (see GeneratedPage.source).
    index = pages[0]

    def section(name: str) -> dict[str, list[NavItem]]:
        return {name: list(pages)}

    if nav is None:
        documentation = sorted(files.documentation_pages(), key=file_sort_key)
        nav = nest_paths(f.src_uri for f in documentation if f.inclusion.is_in_nav())
    else:
        placed, nav = _replace_entry(nav, index, section, title)
        if placed:
            return nav
    nav = list(nav)
    at = len(nav) if position is None else position if position >= 0 else len(nav) + position + 1
    nav.insert(max(0, min(at, len(nav))), section(title))
    return nav


def _replace_entry(
    items: list[NavItem], index: str, section: Callable[[str], dict[str, list[NavItem]]], title: str
) -> tuple[bool, list[NavItem]]:
    placed = False
    result: list[NavItem] = []
    for item in items:
        if isinstance(item, str) and item == index:
            result.append(section(title))
            placed = True
        elif isinstance(item, dict) and len(item) == 1:
            (name, value), = item.items()
            if value == index:
                result.append(section(name))
                placed = True
            elif isinstance(value, list):
                found, children = _replace_entry(value, index, section, title)
                placed = placed or found
                result.append({name: children})
            else:
                result.append(item)
        else:
            result.append(item)
    return placed, result

