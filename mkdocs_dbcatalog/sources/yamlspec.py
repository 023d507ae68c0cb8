"""A small declarative validator that reads YAML *nodes*, so every error knows its file and line.

PyYAML's `compose` keeps marks on nodes; `safe_load` throws them away. Walking nodes against a spec
gives one precise message per mistake ("tables.orders.columns.id.nullable: expected true or false")
instead of a KeyError deep in the renderer.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path as FsPath
from types import MappingProxyType
from typing import Any, ClassVar

import yaml

from ..errors import CatalogError
from . import envvars

Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass
class Context:
    """One file being read: where errors point, and the line of every key path read so far."""

    file: str
    environ: Mapping[str, str]
    lines: dict[Path, int] = field(default_factory=dict)
    key_lines: dict[Path, int] = field(default_factory=dict)
    """Line of the key that names each mapping entry (`orders:`), where its value may start later."""
    doc_references: dict[Path, str] = field(default_factory=dict)
    """Each `{doc: name}` read, by key path: resolved once every file of the catalog is read."""

    def error(self, node: yaml.Node | None, path: Path, message: str, hint: str | None = None) -> CatalogError:
        line = node.start_mark.line + 1 if node is not None else self.lines.get(path)
        return CatalogError(message, where=self.file, line=line, path=format_path(path) or None, hint=hint)

    def fail_at(self, path: Path, message: str, hint: str | None = None) -> CatalogError:
        """An error found after reading, pointed at the line where `path` was written."""
        while path and path not in self.lines:
            path = path[:-1]
        return CatalogError(
            message, where=self.file, line=self.lines.get(path), path=format_path(path) or None, hint=hint
        )


class Spec:
    expected: str = "a value"

    def read(self, node: yaml.Node, ctx: Context, path: Path) -> Any:
        ctx.lines[path] = node.start_mark.line + 1
        return self.convert(node, ctx, path)

    def convert(self, node: yaml.Node, ctx: Context, path: Path) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema of what this spec accepts, for editors (see sources/yamlschema.py).

        Every spec says it next to how it reads, so the published schema cannot drift from the reader.
        """
        raise NotImplementedError(f"{type(self).__name__} has no json_schema(): editors could not check its keys")


_SCALAR_TYPES = ["string", "number", "boolean", "null"]
_ENV = {"type": "string", "pattern": r"\$\{"}
"""A scalar holding `${VAR}` is checked only once expanded, so editors accept any."""


def _scalar(*forms: dict[str, Any]) -> dict[str, Any]:
    """A scalar in one of `forms`, empty (null), or written with `${VAR}`."""
    return {"anyOf": [*forms, {"type": "null"}, _ENV]}


def ecma_escape(text: str) -> str:
    """`text` as a literal in a JSON Schema pattern (ECMA-262, where `re.escape`'s `\\-` is an error)."""
    return "".join(f"\\{c}" if c in "\\^$.|?*+()[]{}/" else c for c in text)


def _words_pattern(*phrases: str) -> str:
    """A pattern matching any of the phrases as `Choice` and `Boolean` do: in any case, with spaces,
    `_` or `-` between words, and blanks around (in the regular-expression syntax JSON Schema uses)."""

    def word(text: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else ecma_escape(c) for c in text)

    options = ["[\\s_-]+".join(word(w) for w in re.split(r"[\s_-]+", p.strip()) if w) for p in phrases]
    return r"^\s*(" + "|".join(options) + r")\s*$"


class Scalar(Spec):
    """A scalar read as text (after `${VAR}` expansion), then parsed by `parse`."""

    def convert(self, node: yaml.Node, ctx: Context, path: Path) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            raise ctx.error(node, path, f"expected {self.expected}, got a {_kind(node)}")
        if _is_null(node):
            return None
        try:
            text = envvars.expand(node.value, ctx.environ)
        except envvars.MissingVariable as missing:
            raise ctx.error(
                node,
                path,
                f"environment variable {missing.name} is not set",
                hint=f"set it, or give a default with ${{{missing.name}:-default}}",
            ) from None
        try:
            return self.parse(text)
        except ValueError as problem:
            shown = node.value if len(node.value) <= 60 else node.value[:57] + "..."
            detail = f": {problem}" if str(problem) else ""
            raise ctx.error(node, path, f"expected {self.expected}, got {shown!r}{detail}") from None

    def parse(self, text: str) -> Any:
        return text


class Text(Scalar):
    expected = "text"

    def parse(self, text: str) -> str | None:
        return text if text.strip() else None

    def json_schema(self) -> dict[str, Any]:
        return {"type": list(_SCALAR_TYPES)}  # numbers and booleans are read as the text they are written as


class Shaped(Text):
    """Text of a given shape (`users-service/users.id`). The reader checks the shape where it reads
    the value (with its own message and hint) through `matches`; the schema states the same pattern."""

    def __init__(self, pattern: str) -> None:
        self.pattern = re.compile(pattern)
        """Written in the syntax Python and JSON Schema (ECMA-262) share."""

    def matches(self, text: str) -> bool:
        return self.pattern.search(text) is not None

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "string", "pattern": self.pattern.pattern}, {"type": "null"}, _ENV]}


class Boolean(Scalar):
    expected = "true or false"
    _VALUES: ClassVar[dict[str, bool]] = {
        "true": True,
        "yes": True,
        "on": True,
        "false": False,
        "no": False,
        "off": False,
    }

    def parse(self, text: str) -> bool | None:
        if not text:
            return None
        try:
            return self._VALUES[text.strip().lower()]
        except KeyError:
            raise ValueError() from None

    def json_schema(self) -> dict[str, Any]:
        words = {"type": "string", "pattern": _words_pattern(*self._VALUES) + "|^$"}
        return _scalar({"type": "boolean"}, words)


class Integer(Scalar):
    expected = "a whole number"

    def __init__(self, minimum: int | None = 0, maximum: int | None = None) -> None:
        self.minimum, self.maximum = minimum, maximum

    def parse(self, text: str) -> int | None:
        if not text.strip():
            return None
        value = int(text.strip().replace("_", ""))
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"must be at least {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"must be at most {self.maximum}")
        return value

    def json_schema(self) -> dict[str, Any]:
        number: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            number["minimum"] = self.minimum
        if self.maximum is not None:
            number["maximum"] = self.maximum
        return _scalar(number, {"type": "string", "pattern": r"^\s*[+-]?[0-9][0-9_]*\s*$|^\s*$"})


_COUNT = re.compile(r"^[~≈]?\s*(\d+(?:[.,]\d+)*)\s*([kKmMbB]?)\+?$")
_COUNT_UNITS = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9}


class Count(Scalar):
    """A row count or estimate: 1200, 1_200, "12,000", "~1.2M", "500k"."""

    expected = "a count such as 1200, 1.2M or ~500k"

    def parse(self, text: str) -> int | None:
        if not text.strip():
            return None
        match = _COUNT.match(text.strip().replace("_", ""))
        if not match:
            raise ValueError()
        number, unit = match.groups()
        # With a unit a comma is a decimal mark (1,5M); without one it separates thousands (12,000).
        number = number.replace(",", ".") if unit else number.replace(",", "")
        return round(float(number) * _COUNT_UNITS[unit.lower()])

    def json_schema(self) -> dict[str, Any]:
        written = r"^\s*[~≈]?\s*[0-9_]+(?:[.,][0-9_]+)*\s*[kKmMbB]?\+?\s*$|^\s*$"
        return _scalar({"type": "number", "minimum": 0}, {"type": "string", "pattern": written})


_SIZE = re.compile(r"^[~≈]?\s*(\d+(?:\.\d+)?)\s*([kKmMgGtTpP]?)(i?)([bB]|bytes?)?$")
_SIZE_POWERS = {"": 0, "k": 1, "m": 2, "g": 3, "t": 4, "p": 5}


class Size(Scalar):
    """A size: 2 GB, 512MB, 1.5 TiB, ~40 GB, 512 bytes, or a number of bytes.

    Units are powers of 1024 whether written GB or GiB, as `pg_size_pretty` and MySQL tools print them.
    """

    expected = "a size such as 512 MB or 2 GB"

    def parse(self, text: str) -> int | None:
        if not text.strip():
            return None
        match = _SIZE.match(text.strip())
        if not match:
            raise ValueError()
        number, unit = match.group(1), match.group(2)
        return round(float(number) * (1 << (10 * _SIZE_POWERS[unit.lower()])))

    def json_schema(self) -> dict[str, Any]:
        written = r"^\s*[~≈]?\s*[0-9]+(?:\.[0-9]+)?\s*[kKmMgGtTpP]?i?(?:[bB]|bytes?)?\s*$|^\s*$"
        return _scalar({"type": "number", "minimum": 0}, {"type": "string", "pattern": written})


class When(Scalar):
    """A date or a date and time in ISO 8601 (2024-03-01, 2024-03-01 12:30)."""

    expected = "a date such as 2024-03-01"

    def parse(self, text: str) -> date | datetime | None:
        text = text.strip()
        if not text:
            return None
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)

    def json_schema(self) -> dict[str, Any]:
        return _scalar({"type": "string", "pattern": r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.+Z -]*)?$|^\s*$"})


class Choice(Scalar):
    """One of a fixed set of words, matched without regard to case, spaces or dashes."""

    def __init__(self, *values: str, aliases: Mapping[str, str] | None = None) -> None:
        self.values = values
        self.aliases = dict(aliases or {})
        self.expected = "one of " + ", ".join(values)

    def parse(self, text: str) -> str | None:
        key = re.sub(r"[\s_-]+", " ", text.strip().lower())
        if not key:
            return None
        for value in self.values:
            if key == re.sub(r"[\s_-]+", " ", value.lower()):
                return value
        if key in self.aliases:
            return self.aliases[key]
        close = difflib.get_close_matches(key, self.values, n=1)
        raise ValueError(f"did you mean {close[0]!r}?" if close else "")

    def json_schema(self) -> dict[str, Any]:
        # The enum is what editors offer to complete; the pattern accepts every spelling `parse` does.
        spelled = {"type": "string", "pattern": _words_pattern(*self.values, *self.aliases) + "|^\\s*$"}
        return _scalar({"enum": list(self.values)}, spelled)


class DocReference(str):
    """`{doc: name}` where a text was expected: the name of a reusable block, replaced by its text
    once every file of the catalog is read (sources/docblocks.py)."""

    __slots__ = ()


class Reusable(Spec):
    """A text, or `{doc: name}`: a reusable description written once in a `docs:` block."""

    def __init__(self) -> None:
        self.text = Text()
        self.reference = Obj({"doc": Text()}, required=("doc",), what="{doc: name} mapping")
        self.expected = self.text.expected

    def convert(self, node: yaml.Node, ctx: Context, path: Path) -> str | None:
        if not isinstance(node, yaml.MappingNode):
            text: str | None = self.text.convert(node, ctx, path)
            return text
        if not any(difflib.get_close_matches(key, ["doc"], cutoff=0.6) for key in _keys(node)):
            raise ctx.error(node, path, "expected text, got a mapping", hint="a reusable description is {doc: name}")
        name = DocReference(self.reference.convert(node, ctx, path)["doc"].strip())
        ctx.doc_references[path] = name
        return name

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [self.text.json_schema(), self.reference.json_schema()]}


class ListOf(Spec):
    """A list; a single scalar is taken as a one-item list when `single` is set."""

    def __init__(self, item: Spec, single: bool = True) -> None:
        self.item, self.single = item, single
        self.expected = f"a list of {_plural(item.expected)}"

    def convert(self, node: yaml.Node, ctx: Context, path: Path) -> tuple[Any, ...]:
        if _is_null(node):
            return ()
        if self.single and not isinstance(node, yaml.SequenceNode):
            return (self.item.read(node, ctx, path + (0,)),)
        if not isinstance(node, yaml.SequenceNode):
            raise ctx.error(node, path, f"expected {self.expected}, got a {_kind(node)}")
        return tuple(self.item.read(child, ctx, path + (i,)) for i, child in enumerate(node.value))

    def json_schema(self) -> dict[str, Any]:
        item = self.item.json_schema()
        forms = [{"type": "array", "items": item}, {"type": "null"}]
        return {"anyOf": [*forms, item] if self.single else forms}


def _mapping_items(node: yaml.MappingNode, ctx: Context, path: Path) -> list[tuple[str, yaml.Node]]:
    """Key/value pairs with merge keys (`<<: *base`) applied and duplicate keys refused."""
    items: list[tuple[str, yaml.Node]] = []
    seen: dict[str, int] = {}
    key_lines = ctx.key_lines
    for key_node, value_node in node.value:
        tag = key_node.tag
        if tag != _STR:
            if tag == _MERGE:
                return _mapping_items(_flattened(node, ctx, path), ctx, path)
            if not isinstance(key_node, yaml.ScalarNode) or tag == _NULL:
                raise ctx.error(key_node, path, "keys must be names, not lists, mappings or null")
        key = key_node.value
        if key in seen:
            raise ctx.error(key_node, path + (key,), f"duplicate key (first written on line {seen[key]})")
        seen[key] = key_lines[path + (key,)] = key_node.start_mark.line + 1
        items.append((key, value_node))
    return items


def _flattened(node: yaml.MappingNode, ctx: Context, path: Path) -> yaml.MappingNode:
    """The mapping with its merge keys (`<<: *base`) applied, as YAML 1.1 defines them."""
    try:
        yaml.SafeLoader.flatten_mapping(_FLATTENER, node)
    except yaml.MarkedYAMLError as problem:
        raise ctx.error(node, path, f"invalid merge key: {problem.problem}") from None
    return node


_FLATTENER = yaml.SafeLoader("")


class MapOf(Spec):
    """A mapping from names (tables, columns, extensions) to values of one spec."""

    def __init__(self, value: Spec) -> None:
        self.value = value
        self.expected = f"a mapping of names to {_plural(value.expected)}"

    def convert(self, node: yaml.Node, ctx: Context, path: Path) -> dict[str, Any]:
        if _is_null(node):
            return {}
        if not isinstance(node, yaml.MappingNode):
            raise ctx.error(node, path, f"expected {self.expected}, got a {_kind(node)}")
        return {key: self.value.read(value, ctx, path + (key,)) for key, value in _mapping_items(node, ctx, path)}

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "object", "additionalProperties": self.value.json_schema()}, {"type": "null"}]}


class Obj(Spec):
    """A mapping with known keys. Missing keys read as None (or the field's empty value).

    `shorthand` names the field a bare scalar fills: `id: Primary key` is `id: {description: ...}`.
    """

    def __init__(
        self,
        fields: Mapping[str, Spec],
        *,
        required: tuple[str, ...] = (),
        shorthand: str | None = None,
        what: str = "mapping",
        hints: Mapping[str, str] | None = None,
        free_prefix: str | None = None,
    ) -> None:
        self.fields = dict(fields)
        self.required = required
        self.shorthand = shorthand
        self.hints = dict(hints or {})
        self.free_prefix = free_prefix
        """Keys starting with it are ignored (`x-` at the top of a file: a place for YAML anchors)."""
        self.what = what
        self._template = {key: _empty_value(spec) for key, spec in self.fields.items()}
        self.expected = f"a {what}" + (f" or {self.fields[shorthand].expected}" if shorthand else "")

    def convert(self, node: yaml.Node, ctx: Context, path: Path) -> dict[str, Any]:
        if _is_null(node):
            node = yaml.MappingNode("tag:yaml.org,2002:map", [], node.start_mark, node.end_mark)
        elif self.shorthand and (
            isinstance(node, (yaml.ScalarNode, yaml.SequenceNode))
            # `email: {doc: email}` is the shorthand for `email: {description: {doc: email}}`
            or (isinstance(self.fields[self.shorthand], Reusable) and _keys(node) == ["doc"])
        ):
            values = self._empty()
            values[self.shorthand] = self.fields[self.shorthand].convert(node, ctx, path)
            return values
        if not isinstance(node, yaml.MappingNode):
            raise ctx.error(node, path, f"expected {self.expected}, got a {_kind(node)}")
        values = self._empty()
        for key, value_node in _mapping_items(node, ctx, path):
            spec = self.fields.get(key)
            if spec is None and self.free_prefix and key.startswith(self.free_prefix):
                continue
            if spec is None:
                close = difflib.get_close_matches(key, self.fields, n=1, cutoff=0.6)
                if key in self.hints:
                    close = [self.hints[key]]
                hint = f"did you mean {close[0]!r}?" if close else "known keys: " + ", ".join(self.fields)
                raise ctx.error(_key_node(node, key), path + (key,), "unknown key", hint=hint)
            values[key] = spec.read(value_node, ctx, path + (key,))
        for key in self.required:
            if values.get(key) in (None, "", (), {}):
                raise ctx.error(node, path, f"{key!r} is required", hint=f"expected {self.fields[key].expected}")
        return values

    def _empty(self) -> dict[str, Any]:
        return self._template.copy()

    def json_schema(self) -> dict[str, Any]:
        properties = {key: spec.json_schema() for key, spec in self.fields.items()}
        for key in self.required:
            properties[key] = {"allOf": [properties[key], FILLED]}
        mapping: dict[str, Any] = {"type": "object", "title": self.what, "properties": properties}
        if self.required:
            mapping["required"] = list(self.required)
        if self.free_prefix:
            mapping["patternProperties"] = {"^" + ecma_escape(self.free_prefix): {}}
        mapping["additionalProperties"] = False
        forms = [mapping]
        if not self.required:
            forms.append({"type": "null"})  # `backup:` with nothing under it reads as empty
        if self.shorthand:
            forms.append(self.fields[self.shorthand].json_schema())
        return forms[0] if len(forms) == 1 else {"anyOf": forms}


_EMPTY = {
    "anyOf": [
        {"type": "null"},
        {"type": "string", "pattern": r"^\s*$"},
        {"type": "array", "maxItems": 0},
        {"type": "object", "maxProperties": 0},
    ]
}
FILLED = {"not": _EMPTY}
"""What a required key must be: `Obj` treats null, blank text and empty lists or mappings as missing."""


def _empty_value(spec: Spec) -> Any:
    if isinstance(spec, ListOf):
        return ()
    if isinstance(spec, MapOf):
        return MappingProxyType({})  # shared by every copy of a template: must not be mutable
    return None


def _keys(node: yaml.Node) -> list[str]:
    """The scalar keys of a mapping node, as written (none for other nodes)."""
    if not isinstance(node, yaml.MappingNode):
        return []
    return [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]


def _key_node(node: yaml.MappingNode, key: str) -> yaml.Node:
    return next(k for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value == key)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "value"


def _plural(expected: str) -> str:
    for article in ("a ", "an "):
        if expected.startswith(article):
            return expected[len(article) :]
    return expected


_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_STR, _NULL, _MERGE = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:merge"


class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser (5-10x faster, still with marks) without YAML 1.1 type guessing.

    Specs parse scalars from their text themselves, so the only tags that matter are null and merge
    (`<<`); skipping PyYAML's regex-based resolver per scalar halves the time to read a large file.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            if value in _NULLS:
                return "tag:yaml.org,2002:null"
            if value == "<<":
                return "tag:yaml.org,2002:merge"
        if kind is yaml.MappingNode:
            return "tag:yaml.org,2002:map"
        if kind is yaml.SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:str"


def read_text(path: FsPath, file: str) -> str:
    """A YAML file's text; one that is not UTF-8 is an error at the line of the first byte that is not."""
    try:
        data = path.read_bytes()
    except OSError as problem:
        raise CatalogError(f"cannot be read: {problem.strerror or problem}", where=file) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data.count(b"\n", 0, problem.start) + 1
        column = problem.start - (data.rfind(b"\n", 0, problem.start) + 1) + 1
        raise CatalogError(
            f"is not UTF-8: byte 0x{data[problem.start]:02x} in column {column} is not valid UTF-8",
            where=file,
            line=line,
            hint="save the file as UTF-8; it looks like another encoding, such as Latin-1 or Windows-1252",
        ) from None


def _tab_indented(text: str, line: int, problem: yaml.MarkedYAMLError) -> bool:
    """Whether the error comes from a tab in indentation (PyYAML says "cannot start any token")."""
    lines = text.splitlines()
    around = [lines[n - 1] for n in (line, line - 1) if 0 < n <= len(lines)]
    indented = any("\t" in row[: len(row) - len(row.lstrip(" \t"))] for row in around)
    return indented or "'\\t'" in str(problem.problem)


def compose(text: str, file: str) -> yaml.Node | None:
    """Parse one YAML document into nodes; a syntax error names the file and line."""
    try:
        documents = list(yaml.compose_all(text, Loader=_TextLoader))
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        line = mark.line + 1 if mark else None
        if line is not None and _tab_indented(text, line, problem):
            raise CatalogError(
                "a tab is used for indentation: YAML indents with spaces only",
                where=file,
                line=line,
                hint="replace the tab with spaces",
            ) from None
        raise CatalogError(
            f"not valid YAML: {problem.problem or problem.context}", where=file, line=line
        ) from None
    except yaml.YAMLError as problem:
        raise CatalogError(f"not valid YAML: {problem}", where=file) from None
    if len(documents) > 1:
        second = documents[1]
        raise CatalogError(
            "holds more than one YAML document",
            where=file,
            line=second.start_mark.line + 1 if second is not None else None,
            hint="write one database per file",
        )
    return documents[0] if documents else None
