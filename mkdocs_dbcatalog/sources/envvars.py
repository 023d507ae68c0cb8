"""`${VAR}` and `${VAR:-default}` in YAML values, as in shells and docker compose."""

from __future__ import annotations

import re
from collections.abc import Mapping

_PATTERN = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}")


class MissingVariable(KeyError):
    """An environment variable without default that is not set."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def expand(text: str, environ: Mapping[str, str]) -> str:
    """Expand variables; `$$` stands for a literal `$`.

    As in the shell, `${VAR:-default}` also applies the default when VAR is empty,
    `${VAR-default}` only when it is unset.
    """
    if "$" not in text:
        return text

    def substitute(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name, colon, default = match.group(1), match.group(2), match.group(3)
        value = environ.get(name)
        if value is None and default is None:
            raise MissingVariable(name)
        if value is None or (colon and not value):
            return default or ""
        return value

    return _PATTERN.sub(substitute, text)


def uses_variables(text: str) -> bool:
    return bool(_PATTERN.search(text))
