"""The front-end the plugin ships into a site: the diagram viewer, Panzoom and (offline) Mermaid.

Diagrams are raw HTML on the pages (render/mermaid.py) that `diagrams.js` draws with Mermaid and
makes interactive, on any theme and with no Markdown extension to configure. Mermaid itself is the
shipped 12.x copy with `diagrams.offline: true`, else the one Material for MkDocs loads from its CDN
(`unpkg.com/mermaid@11`, already in the reader's cache on a Material site), which the viewer asks
for only when a page has a diagram. Versions, licences and checksums are in each folder's VERSION
(`scripts/update_vendored.sh` refreshes them from the npm registry).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
FOLDER = "assets/dbcatalog"
"""Where the files land in the built site."""
CDN_MERMAID = "https://unpkg.com/mermaid@11/dist/mermaid.min.js"
"""What Material for MkDocs loads: Mermaid 11, without ELK, with ER boxes since 11.17."""


@dataclass(frozen=True)
class Asset:
    uri: str
    """Path in the site."""
    source: Path | None = None
    content: str | None = None


def version(package: str) -> str:
    """A vendored package's version, as recorded by scripts/update_vendored.sh."""
    text = (ASSETS / package / "VERSION").read_text(encoding="utf-8")
    match = re.search(r"^version:\s*(\S+)", text, re.MULTILINE)
    return match.group(1) if match else "unknown"


def scripts() -> list[str]:
    """extra_javascript entries, in load order (Panzoom before the viewer that uses it)."""
    return [f"{FOLDER}/panzoom.min.js", f"{FOLDER}/diagrams.js"]


def stylesheets() -> list[str]:
    return [f"{FOLDER}/diagrams.css"]


def files(offline: bool) -> list[Asset]:
    """Every file to add to the site. The viewer is told where Mermaid comes from."""
    settings = {"mermaid": None if offline else CDN_MERMAID}
    viewer = (ASSETS / "dbcatalog" / "diagrams.js").read_text(encoding="utf-8")
    found = [
        Asset(f"{FOLDER}/diagrams.js", content=f"window.dbcatalogDiagrams = {json.dumps(settings)};\n{viewer}"),
        Asset(f"{FOLDER}/diagrams.css", ASSETS / "dbcatalog" / "diagrams.css"),
        Asset(f"{FOLDER}/panzoom.min.js", ASSETS / "panzoom" / "panzoom.min.js"),
    ]
    packages = ["panzoom"]
    if offline:
        found.append(Asset(f"{FOLDER}/mermaid.min.js", ASSETS / "mermaid" / "mermaid.min.js"))
        packages.append("mermaid")
    notices = []
    for package in packages:
        recorded, licence = ((ASSETS / package / name).read_text(encoding="utf-8") for name in ("VERSION", "LICENSE"))
        notices.append(f"{recorded}\n{licence}")
    found.append(Asset(f"{FOLDER}/THIRD-PARTY-LICENSES.txt", content=("\n" + "=" * 72 + "\n\n").join(notices)))
    return found
