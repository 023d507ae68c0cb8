"""The stylesheet generated pages need, shipped with the site, and the element that scopes it.

Themes style tables for prose: Material lets names break anywhere (`word-break: break-word`), so a
narrow column shows `descriptio|n` or `timestampt|z`. The plugin adds its own stylesheet to
`extra_css` and wraps each generated page's content in `<div class="dbcatalog">`, so its rules reach
the generated pages only and a site's own pages keep their look.
"""

from __future__ import annotations

from pathlib import Path

STYLESHEET = Path(__file__).parent / "assets" / "pages" / "dbcatalog.css"
STYLESHEET_URI = "assets/dbcatalog/dbcatalog.css"
"""Where the stylesheet lands in the built site (beside the offline Mermaid copy)."""

SCOPE = "dbcatalog"
"""The class of the element around a generated page's content; every rule of the stylesheet starts with it."""


def wrap(html: str) -> str:
    """A generated page's HTML inside the element the stylesheet is scoped to."""
    return f'<div class="{SCOPE}">\n{html}\n</div>'
