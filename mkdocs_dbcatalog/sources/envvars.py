"""`${VAR}` and `${VAR:-default}` in YAML values, as in shells and docker compose; and which of
MkDocs' `!ENV` tags in mkdocs.yml gave nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import yaml

_PATTERN = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)-([^}]*))?\}")


class Blank(Mapping[str, str]):
    """Every environment variable empty: a file as a build without credentials reads it."""

    def __getitem__(self, key: str) -> str:
        return ""

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


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


def unset_env_tags(text: str, environ: Mapping[str, str]) -> list[tuple[int, tuple[str | int, ...], list[str]]]:
    """MkDocs' `!ENV` tags in a YAML text (mkdocs.yml) that give nothing: line, key path and variable names.

    `!ENV VAR` (or `!ENV [VAR, OTHER]`) with every variable unset or empty is null, and MkDocs then only
    says an option is missing; this finds which variable it was.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    found = []
    for path, node in _nodes(root, ()):
        if node.tag != "!ENV":
            continue
        items = node.value if isinstance(node, yaml.SequenceNode) else [node]
        if isinstance(node, yaml.SequenceNode) and len(items) > 1:
            default = items[-1]
            if not (isinstance(default, yaml.ScalarNode) and default.value in ("", "~", "null", "Null", "NULL")):
                continue  # a default is given
            items = items[:-1]
        names = [str(item.value) for item in items if isinstance(item, yaml.ScalarNode)]
        if names and not any(environ.get(name) for name in names):
            found.append((node.start_mark.line + 1, path, names))
    return found


def _nodes(node: yaml.Node | None, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], yaml.Node]]:
    if node is None:
        return
    yield path, node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _nodes(value, (*path, str(key.value)))
    elif isinstance(node, yaml.SequenceNode) and node.tag != "!ENV":
        for i, item in enumerate(node.value):
            yield from _nodes(item, (*path, i))
