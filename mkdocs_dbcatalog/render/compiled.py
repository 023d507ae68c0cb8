"""Compiled templates kept across builds, under `cache_dir`.

Jinja compiles each of the ~60 templates to Python on every build (each build has its own
environment): 0.6-0.8 s of CPU, a tenth of a 500-table build. Jinja's own bytecode cache keeps the
compiled code in files and checks each template's source before using it; the folder is named after
what else shapes the compiled code (this package's Jinja extension and environment, Jinja's and
Python's versions), so an upgrade never runs stale code. A folder that cannot be written only means
templates are compiled as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

_SHAPING = [Path(__file__).with_name("htmlblocks.py"), Path(__file__).with_name("renderer.py")]


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, silent when its folder cannot be written."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def compiled_templates(folder: Path) -> CompiledTemplates | None:
    """The cache in `folder/<what shapes the code>/`, or None when it cannot be made."""
    shaping = hashlib.sha256(f"{jinja2.__version__} {sys.version}".encode())
    for path in _SHAPING:
        shaping.update(path.read_bytes())
    target = folder / shaping.hexdigest()[:16]
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return CompiledTemplates(str(target))
