"""What every probe does around its ORM: read the request, set sys.path, write the answer.

    python <orm>_models.py REQUEST.json ANSWER.json

Named so that no application module is shadowed by it (the folder itself is taken off sys.path).

The request is `{"target": ..., "path": [...], ...}`; the answer is `{"models": ...}` or
`{"error": "one sentence"}`. An exception is reduced to its type and first line: the traceback
would show the application's code, not what to fix.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any


def first_line(problem: BaseException) -> str:
    text = str(problem).strip().splitlines()
    return f"{type(problem).__name__}: {text[0]}" if text and text[0] else type(problem).__name__


class ProbeError(Exception):
    """What the probe says went wrong, as the sentence the build shows."""


def main(describe: Callable[[dict[str, Any]], Any]) -> None:
    drop_own_folder(sys.argv[0])
    request_file, answer_file = sys.argv[1:3]
    with open(request_file, encoding="utf-8") as stream:
        request = json.load(stream)
    for folder in reversed(request.get("path", [])):
        sys.path.insert(0, folder)
    try:
        answer: dict[str, Any] = {"models": describe(request)}
    except ProbeError as problem:
        answer = {"error": str(problem)}
    except BaseException as problem:  # whatever the application raises is reported, not shown
        answer = {"error": f"describing the models failed: {first_line(problem)}"}
    with open(answer_file, "w", encoding="utf-8") as stream:
        json.dump(answer, stream)
    sys.stdout.flush()
    os._exit(0)  # the application's atexit hooks and threads are not the build's business


def located(cls: Any, attributes: Mapping[str, str]) -> tuple[str | None, dict[str, str]]:
    """`file:line` of a class and of each column's attribute in it (`{column: attribute}`), for
    drift messages; a column declared elsewhere (a mixin, an automatic key) has none."""
    try:
        lines, start = inspect.getsourcelines(cls)
        path = os.path.abspath(inspect.getsourcefile(cls) or "")
    except (OSError, TypeError):
        return None, {}
    found: dict[str, str] = {}
    for column, attribute in attributes.items():
        pattern = re.compile(rf"\s+{re.escape(attribute)}\s*[:=]")
        line = next((start + i for i, text in enumerate(lines) if pattern.match(text)), None)
        if line is not None:
            found[column] = f"{path}:{line}"
    return f"{path}:{start}", found


def drop_own_folder(script: str) -> None:
    """Take this folder off sys.path: its file names must never shadow the application's modules."""
    own = os.path.dirname(os.path.abspath(script))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != own]
