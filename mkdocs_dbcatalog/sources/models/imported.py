"""Run a probe (probes/<orm>_models.py) in a subprocess and give back its JSON description.

The application's code runs only there: with the `path` entries first on its sys.path, in the
database file's folder, under a timeout. What goes wrong becomes one ModelsError sentence (a
timeout, a crash, the probe's own report of an import error), never the child's traceback.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .base import ModelsError
from .settings import ModelSettings

PROBES = Path(__file__).with_name("probes")


def run_probe(orm: str, settings: ModelSettings, request: dict[str, Any], timeout: float) -> dict[str, Any]:
    """The probe's `models` answer; `request` adds the ORM's own keys to the target and path."""
    what = settings.target.partition(":")[0]
    with tempfile.TemporaryDirectory(prefix="dbcatalog-models-") as folder:
        asked, answered = Path(folder, "request.json"), Path(folder, "answer.json")
        full = {"target": settings.target, "path": [str(p) for p in settings.folders()], **request}
        asked.write_text(json.dumps(full), encoding="utf-8")
        command = [sys.executable, str(PROBES / f"{orm}_models.py"), str(asked), str(answered)]
        try:
            done = subprocess.run(
                command,
                cwd=settings.root,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=timeout,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise ModelsError(f"importing {what} took longer than {timeout:g} s, so it was stopped") from None
        except OSError as problem:
            raise ModelsError(f"the subprocess that imports {what} could not start: {problem}") from None
        if not answered.is_file():
            raise ModelsError(f"importing {what} stopped the subprocess ({_last_words(done)})")
        answer = json.loads(answered.read_text(encoding="utf-8"))
    if "error" in answer:
        raise ModelsError(str(answer["error"]))
    models: dict[str, Any] = answer["models"]
    return models


def record_locations(where: dict[tuple[str, ...], str], key: str, item: dict[str, Any], base: Path) -> None:
    """Put the `file:line` a probe gives for a table and its columns into `where` (see base.Where)."""
    if item.get("where"):
        where[(key,)] = _shown(item["where"], base)
    for column, located in (item.get("columns_where") or {}).items():
        where[(key, column)] = _shown(located, base)


def _shown(located: str, base: Path) -> str:
    """`shop/models.py:12`, relative to the site when the module lives inside it."""
    path, _, line = located.rpartition(":")
    with contextlib.suppress(ValueError):  # outside the site: the absolute path
        path = Path(path).resolve().relative_to(base.resolve()).as_posix()
    return f"{path}:{line}"


def _last_words(done: subprocess.CompletedProcess[str]) -> str:
    """Exit status and the last line the child wrote to stderr (an exception's own line)."""
    lines = [line.strip() for line in (done.stderr or "").splitlines() if line.strip()]
    said = f": {lines[-1][:300]}" if lines else ""
    return f"exit status {done.returncode}{said}"


__all__ = ["record_locations", "run_probe"]
