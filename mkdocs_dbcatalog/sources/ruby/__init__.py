"""Rails' Ruby DSL (db/schema.rb, migration statements) read with a grammar (ruby.lark), never run.

`parse(text)` gives the file's top-level calls as a tree of `Call`s: `create_table "users", id:
:serial do |t| ... end` is a Call named `create_table` with one argument, one keyword argument and
a block of `t.string ...` calls. A migration's `class CreateUsers < ActiveRecord::Migration[7.1]`
is a Call named `class` (arguments: its name and superclass) whose block is its body, its `def
change` a Call named `def` (receiver `self` for `def self.up`), an assignment a Call named `=`, and
a call on another call's result (`User.where(...).update_all`) a Call whose receiver is
`(expression)`. Literals become Python values (str, int, float, bool, None, `Symbol`, lists, dicts,
`Lambda`); anything else a call's arguments compute (a method call, a constant) is kept as a
`Call`, so a reader can say what it does not understand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import grammars

__all__ = ["Call", "Lambda", "RubySyntaxError", "Symbol", "parse"]


@dataclass(frozen=True)
class Symbol:
    """`:cascade`."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Lambda:
    """`-> { "CURRENT_TIMESTAMP" }`: a default the database computes."""

    value: Any


@dataclass(frozen=True)
class Call:
    name: str
    receiver: str | None = None
    """`t` in `t.string`, `ActiveRecord::Schema[7.1]` in `...define`; None for a bare call."""
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    block: tuple[Call, ...] = ()
    params: tuple[str, ...] = ()
    """The block's parameters: `("t",)` for `do |t|`."""
    line: int = 0

    def arg(self, index: int, default: Any = None) -> Any:
        return self.args[index] if index < len(self.args) else default


class RubySyntaxError(ValueError):
    """Text that is not the Ruby subset Rails' schema DSL uses, with the line where it stops."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


_HEREDOC = re.compile(r"<<([~-]?)(['\"]?)([A-Z_][A-Z0-9_]*)\2")


def parse(text: str) -> list[Call]:
    """The top-level calls of a Ruby file written in Rails' schema DSL."""
    import lark

    source = _without_heredocs(text) + "\n"
    try:
        tree = grammars.parser(__package__, "ruby.lark").parse(source)
    except lark.exceptions.UnexpectedInput as problem:
        raise RubySyntaxError(problem.line, grammars.unexpected(problem, source)) from None
    return [_statement(node) for node in tree.children]


def _statement(node: Any) -> Call:
    kind = getattr(node, "data", None)
    if kind == "class_def":
        name, *rest = [c for c in node.children if getattr(c, "type", None) == "CONSTANT" or hasattr(c, "data")]
        body = tuple(_statement(c) for c in rest if c.data in _STATEMENTS)
        parent = next((_receiver(_wrap(c)) for c in rest if c.data == "constant"), None)
        return Call("class", None, (str(name), parent), block=body, line=name.line)
    if kind == "method_def":
        names = [c for c in node.children if getattr(c, "type", None) == "NAME"]
        body = tuple(_statement(c) for c in node.children if getattr(c, "data", None) in _STATEMENTS)
        receiver = str(names[0]) if len(names) > 1 and names[0].end_pos + 1 == names[1].start_pos else None
        method = names[1] if receiver is not None else names[0]
        return Call("def", receiver, (str(method),), block=body, line=method.line)
    if kind == "conditional":  # what runs depends on the run
        line = next((v.line for v in node.scan_values(lambda v: hasattr(v, "line"))), 0)
        return Call("if", _CHAIN, line=line)
    if kind == "assignment":
        parts = list(node.children)
        receiver = _receiver(parts.pop(0)) if getattr(parts[0], "data", None) == "receiver" else None
        name = parts[0]
        value = parts[1] if len(parts) == 2 else None  # else `x = Model.new a: 1`: code
        return Call("=", receiver, (str(name), _value(value) if value is not None else None), line=name.line)
    if kind == "call" and getattr(node.children[0], "data", None) == "chained":
        node = node.children[0]
        name = [c for c in node.children if getattr(c, "type", None) == "NAME"][-1]
        return Call(str(name), _CHAIN, line=name.line)  # `Model.where(...).update_all(...)`: code
    return _call(node)


_STATEMENTS = ("call", "class_def", "method_def", "assignment", "conditional")
_CHAIN = "(expression)"
"""The receiver of a call on the result of another call: not a name a reader can know."""


def _without_heredocs(text: str) -> str:
    """`<<~SQL ... SQL` replaced by a string literal on its first line; the body's lines kept empty,
    so every line keeps its number."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _HEREDOC.search(line) if "<<" in line else None
        if match is None:
            out.append(line)
            i += 1
            continue
        end = match.group(3)
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != end:
            body.append(lines[j])
            j += 1
        literal = '"' + "\n".join(body).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        out.append(line[: match.start()] + literal + line[match.end() :])
        out.extend("" for _ in range(j + 1 - (i + 1)))
        i = j + 1
    return "\n".join(out)


def _call(node: Any) -> Call:
    target = next(c for c in node.children if getattr(c, "data", None) == "target")
    receiver = None
    parts = target.children
    if len(parts) == 2:
        receiver = _receiver(parts[0])
    name = str(parts[-1])
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    block: tuple[Call, ...] = ()
    params: tuple[str, ...] = ()
    for child in node.children:
        kind = getattr(child, "data", None)
        if kind == "arguments":
            _collect(child.children, args, kwargs)
        elif kind == "block":
            params = tuple(
                str(t) for c in child.children if getattr(c, "data", None) == "block_params" for t in c.children
            )
            block = tuple(_statement(c) for c in child.children if getattr(c, "data", None) in _STATEMENTS)
        elif kind not in ("target", None):
            _collect([child], args, kwargs)
    return Call(name, receiver, tuple(args), kwargs, block, params, parts[-1].line)


def _receiver(node: Any) -> str:
    inner = node.children[0]
    if getattr(inner, "data", None) == "constant":
        return "".join(f"[{t}]" if t.type == "NUMBER" else str(t) for t in inner.children)
    return str(inner)


def _collect(children: list[Any], args: list[Any], kwargs: dict[str, Any]) -> None:
    for child in children:
        if getattr(child, "data", None) in ("pair", "first_pair"):
            key, value = _pair(child)
            kwargs[str(key)] = value
        else:
            args.append(_value(child))


def _pair(node: Any) -> tuple[Any, Any]:
    first, second = node.children
    if getattr(first, "type", None) == "KEY":
        return str(first)[:-1], _value(second)
    key = _value(first)
    return (key.name if isinstance(key, Symbol) else key), _value(second)


def _value(node: Any) -> Any:
    kind = getattr(node, "data", None)
    if kind == "string":
        return _string(str(node.children[0]))
    if kind == "symbol":
        text = str(node.children[0])[1:]
        return Symbol(_string(text) if text.startswith('"') else text)
    if kind == "number":
        text = str(node.children[0]).replace("_", "")
        return float(text) if any(c in text for c in ".eE") else int(text)
    if kind in ("true", "false", "nil"):
        return {"true": True, "false": False, "nil": None}[kind]
    if kind == "array":
        return [_value(c) for c in node.children]
    if kind == "words":
        text = str(node.children[0])
        words = text[3:-1].split()
        return [Symbol(w) for w in words] if text[1] == "i" else words
    if kind == "hash":
        return dict(_pair(c) for c in node.children)
    if kind == "lambda":
        return Lambda(_value(node.children[0]))
    if kind == "variable":
        return Call(str(node.children[0]), _CHAIN, line=node.children[0].line)
    if kind == "inner_call":
        parts = list(node.children)
        if len(parts) == 1 and getattr(parts[0], "data", None) == "constant":
            return Call(_receiver(_wrap(parts[0])), None)
        receiver: str | None = None
        if getattr(parts[0], "data", None) == "inner_call":
            base = parts.pop(0).children  # `Issue.where(...)`: a constant's method, or a chain (code)
            constant = len(base) == 1 and getattr(base[0], "data", None) == "constant"
            receiver = _receiver(_wrap(base[0])) if constant else _CHAIN
        elif len(parts) > 1 and getattr(parts[1], "type", None) == "NAME":
            receiver = str(parts.pop(0))
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        _collect(parts[1:], args, kwargs)
        return Call(str(parts[0]), receiver, tuple(args), kwargs, line=parts[0].line)
    return str(node)


class _wrap:
    """A constant node seen as a receiver node."""

    def __init__(self, constant: Any) -> None:
        self.children = [constant]


def _string(literal: str) -> str:
    quote, body = literal[0], literal[1:-1]
    if quote == "'":
        return re.sub(r"\\([\\'])", r"\1", body)
    escapes = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "e": "\x1b", "s": " "}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(1)), body, flags=re.S)
