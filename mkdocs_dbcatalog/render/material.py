"""Material for MkDocs and Mermaid: whether diagrams can render, and the Mermaid shipped for offline sites.

Material turns ```` ```mermaid ```` blocks (the `pymdownx.superfences` custom fence) into diagrams
with a script it loads from a CDN (`unpkg.com/mermaid@11`), unless `window.mermaid` is already
defined: its `fetchScripts()` checks `typeof mermaid === "undefined"` first. An air-gapped site shows
raw text; adding the vendored `mermaid.min.js` as an extra script (which Material's `base.html`
places after its own bundle, before the page is mounted) makes the diagrams render with no network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .renderer import Features

ASSETS = Path(__file__).parent / "assets" / "mermaid"
MERMAID_JS = ASSETS / "mermaid.min.js"
SCRIPT_URI = "assets/dbcatalog/mermaid.min.js"
"""Where the vendored Mermaid lands in the built site."""


def mermaid_version() -> str:
    """The vendored Mermaid's version, as recorded by scripts/update_mermaid.sh."""
    text = (ASSETS / "VERSION").read_text(encoding="utf-8")
    match = re.search(r"^version:\s*(\S+)", text, re.MULTILINE)
    return match.group(1) if match else "unknown"


def fallback_notice(
    features: Features, theme: str | None, extra_javascript: Iterable[object], offline: bool
) -> tuple[bool, str] | None:
    """Why diagrams will show as text, said once per build: (is a warning, message), or None.

    It is a warning (which `--strict` turns into a failure) when the site is one setting away from
    diagrams: Material without the mermaid fence, or the fence with a theme that loads no Mermaid.
    On other themes with no fence, text is the expected result and the message is informational.
    """
    scripts = " ".join(str(s) for s in extra_javascript).lower()
    if not features.mermaid:
        message = (
            "ER diagrams are shown as text: add the mermaid custom fence of pymdownx.superfences "
            "to markdown_extensions (see the README), or set diagrams.enabled: false"
        )
        return (theme == "material", message)
    if theme != "material" and "mermaid" not in scripts and not offline:
        return (
            True,
            f"the mermaid fence is configured but theme {theme!r} does not load Mermaid, so ER diagrams "
            "show as raw text: use the material theme, or load Mermaid through extra_javascript",
        )
    return None
