"""Generated pages as files, for dirty builds (`mkdocs serve --dirty`, `mkdocs build --dirty`).

MkDocs' dirty build skips a page whose built HTML is newer than its source file, but a page given as
content in memory counts as modified every time: each rebuild rendered every generated page again,
so editing one hand-written page of a 1,000-table site cost a full build. In a dirty build each
generated page is written under `cache_dir` instead, and only when its text changed since the last
build: an unchanged page keeps its file's time and MkDocs skips it. The files hold what the pages
show (nothing secret: the texts are masked like the pages).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class PageFiles:
    """The folder of a dirty build's generated page sources; remembers what it wrote."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.written: dict[str, str] = {}

    def path(self, src_uri: str, source: str) -> Path:
        """The file holding `source`, rewritten only when the text differs from the last build's
        (remembered by a `serve` session, else read back: `mkdocs build --dirty` runs are processes)."""
        target = self.folder / src_uri
        if self.written.get(src_uri) != source and not _holds(target, source):
            target.parent.mkdir(parents=True, exist_ok=True)
            # Whole or not at all: a server reading mid-write must never see half a page.
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".page-")
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(source)
            os.replace(temporary, target)
        self.written[src_uri] = source
        return target


def _holds(path: Path, text: str) -> bool:
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
