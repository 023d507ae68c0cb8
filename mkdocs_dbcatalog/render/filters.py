"""Escaping and formatting for Markdown output. Pure functions, no Jinja.

Every `{{ value }}` in a template passes through `finalize`, which escapes it unless it is `Safe`,
so a template cannot forget to escape text that came from a database or a YAML file. Escaping uses
numeric character references: they are inert in Markdown (no emphasis, link, table cell, attribute
list or snippet syntax can start from them) and render as the original character in HTML.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from markupsafe import Markup

from ..catalog.coverage import Coverage

_INLINE = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\\": "&#92;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "[": "&#91;",
    "]": "&#93;",
    "(": "&#40;",
    ")": "&#41;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
    "#": "&#35;",
    "!": "&#33;",
    "~": "&#126;",
    "^": "&#94;",
    "=": "&#61;",
    "$": "&#36;",
    ":": "&#58;",
    "+": "&#43;",
    "-": "&#45;",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# One str.translate pass (C speed) escapes, turns line breaks into <br> and drops control characters.
_INLINE_TABLE: dict[int, str | None] = {ord(k): v for k, v in _INLINE.items()}
# A lone carriage return is a line break like \n (old Mac files, some drivers): never deleted, which
# would join the words on either side. \r\n is made one \n before the table applies.
_INLINE_TABLE.update({ord("\n"): "<br>", 0x2028: "<br>", 0x2029: "<br>", ord("\r"): "<br>"})
_INLINE_TABLE.update({c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)})


class Safe(str):
    """Markdown that the renderer built itself and that must not be escaped again."""

    __slots__ = ()

    def __html__(self) -> str:
        # Escaped Markdown is valid HTML too (numeric character references): safe in an HTML block.
        return self


def escape(value: Any) -> Safe:
    """Text → Markdown that shows it literally, on one line (fit for a table cell or a heading)."""
    if isinstance(value, Safe):
        return value
    if value is None:
        return Safe("")
    text = str(value).strip().replace("\r\n", "\n")
    return Safe(text.translate(_INLINE_TABLE))


def escape_multiline(value: Any) -> Safe:
    """Like `escape`, but keeps paragraphs: for descriptions shown outside tables."""
    return Safe("\n\n".join(escape(p) for p in _paragraphs(value)))


def _paragraphs(value: Any) -> list[str]:
    if value is None:
        return []
    # \r\n is one line break, not two: normalise before looking for the blank line between paragraphs.
    paragraphs = re.split(r"\n[^\S\n]*\n\s*", str(value).strip().replace("\r\n", "\n").replace("\r", "\n"))
    return [p for p in paragraphs if p.strip()]


def code(value: Any) -> Safe:
    """Inline code (types, defaults, expressions) that cannot break out of its cell or tag."""
    if value is None or value == "":
        return Safe("")
    return Safe(f"<code>{escape(value)}</code>")


_BLOCK = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "{": "&#123;", "}": "&#125;", "`": "&#96;"}
_BLOCK_RE = re.compile("[" + re.escape("".join(_BLOCK)) + "]")


def fence(value: Any, lang: str = "") -> Safe:
    """A code block (view SQL, commands) as a raw HTML `<pre>` with every special character escaped.

    Not a Markdown fence: preprocessors such as pymdownx.snippets (`--8<-- "file"`, a valid SQL
    comment) and pymdownx.critic act on the raw text of fenced blocks too, so a view definition could
    pull a local file into the page. Raw HTML with entities is left alone by all of them.
    """
    text = _CONTROL.sub("", str(value or "")).rstrip()
    text = _BLOCK_RE.sub(lambda m: _BLOCK[m.group(0)], text)
    css = f' class="language-{lang}"' if lang and re.fullmatch(r"[a-z0-9-]+", lang) else ""
    return Safe(f"<pre><code{css}>{text}</code></pre>")


def finalize(value: Any) -> Any:
    """Jinja `finalize` hook: escape everything that is not already Safe Markdown."""
    if type(value) is str:  # the common case first: a page has hundreds of thousands of these
        return value.strip().replace("\r\n", "\n").translate(_INLINE_TABLE)
    if value is None:
        return ""
    if isinstance(value, Safe):
        return value
    if isinstance(value, bool):
        return "YES" if value else "NO"
    if isinstance(value, (int, float)):
        return str(value)
    return escape(value)


def yesno(value: bool | None) -> Safe:
    return Safe("—" if value is None else ("YES" if value else "NO"))


def rows(value: int | None) -> Safe:
    """A row estimate: 940, ~12.3k, ~4.5M."""
    if value is None or value < 0:
        return Safe("—")
    if value < 1000:
        return Safe(str(value))
    for limit, suffix in ((10**9, "B"), (10**6, "M"), (10**3, "k")):
        if value >= limit:
            number = value / limit
            shown = f"{number:.1f}".rstrip("0").rstrip(".") if number < 100 else str(round(number))
            return Safe(f"~{shown}{suffix}")
    return Safe(str(value))  # pragma: no cover


def size(value: int | None) -> Safe:
    """Bytes in the units pg_size_pretty uses (powers of 1024): 512 bytes, 8 kB, 2.1 GB. Unlike it, kB
    from 1 kB on, so a column of sizes never mixes `8192 bytes` with `16 kB`."""
    if value is None or value < 0:
        return Safe("—")
    if value < 1024:
        return Safe(f"{value} bytes")
    exponent = min(int(math.log(value, 1024)), 5)
    number = value / 1024**exponent
    unit = ("bytes", "kB", "MB", "GB", "TB", "PB")[exponent]
    shown = f"{number:.1f}".rstrip("0").rstrip(".") if number < 100 else str(round(number))
    return Safe(f"{shown} {unit}")


def page_size(value: int | None) -> Safe:
    """A size on a page: number and unit on one line, even in a narrow Size column (`21 GB`)."""
    return Safe(size(value).replace(" ", "\u00a0"))


def when(value: date | datetime | None) -> Safe:
    """Dates as ISO, times to the minute: a page should not change because of seconds."""
    if value is None:
        return Safe("—")
    if isinstance(value, datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        if value.tzinfo is not None and value.utcoffset():
            text += value.strftime(" %z")
        elif value.tzinfo is not None:
            text += " UTC"
        return Safe(text)
    return Safe(value.isoformat())


def percent(part: int, whole: int) -> Safe:
    """Coverage as every output writes it (one decimal, rounded down: see `Coverage.percent`)."""
    if whole == 0:
        return Safe("—")
    return Safe(f"{Coverage(part, whole).percent:g}%")


def plural(count: int, word: str, words: str | None = None) -> Safe:
    """`1 view`, `2 views`; `words` for an irregular plural."""
    return Safe(f"{count} {word if count == 1 else words or word + 's'}")


def join(values: Any, separator: str = ", ") -> Safe:
    """Escape each item and join: for column lists in a cell."""
    return Safe(separator.join(escape(v) for v in values if v is not None))


_TITLE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "{": "&#123;", "}": "&#125;"}
_TITLE_TABLE: dict[int, str | None] = {ord(k): v for k, v in _TITLE.items()}
_TITLE_TABLE.update({c: " " for c in (*range(0x00, 0x20), 0x7F, 0x85, 0x2028, 0x2029)})


def page_title(text: str) -> str:
    """A page or nav title as MkDocs themes take it: HTML text on one line, with every markup
    character (and Jinja's braces, for macro plugins) as an entity.

    Themes write titles into the HTML unescaped (`{{ nav_item.title }}`), so the title must be HTML
    already; MkDocs' own titles are, and so are these. Give it to MkDocs where a theme reads it
    verbatim (`page.meta.title`, a nav section's name), never where one runs `striptags` on it:
    Material's `<title>{{ page.title | striptags }}` turns entities back into markup.
    """
    return " ".join(text.translate(_TITLE_TABLE).split())


def link(text: Any, url: str, anchor: str | None = None) -> Safe:
    """A Markdown link from text (escaped) to a URL the renderer computed (never from user input)."""
    target = url + (f"#{anchor}" if anchor else "")
    return Safe(f"[{escape(text)}]({target})")


# The HTML context: generated tables are HTML placed after Markdown conversion (render/htmlblocks.py),
# which no Markdown extension ever sees, so only HTML's own specials are escaped. Line breaks and
# control characters are handled as in Markdown text, from the same table.
_HTML_SPECIAL = "&<>\"'"
_HTML_TABLE = {c: r for c, r in _INLINE_TABLE.items() if chr(c) not in _INLINE or chr(c) in _HTML_SPECIAL}


def escape_html(value: Any) -> Markup:
    """Text → HTML that shows it literally, on one line: `<br>` for line breaks, as in `escape`."""
    if hasattr(value, "__html__"):
        return Markup(value.__html__())
    if value is None:
        return Markup("")
    return Markup(str(value).strip().replace("\r\n", "\n").translate(_HTML_TABLE))


def finalize_html(value: Any) -> Any:
    """`finalize` inside an HTML block: the same values as in Markdown, escaped for HTML."""
    if type(value) is str:
        return Markup(value.strip().replace("\r\n", "\n").translate(_HTML_TABLE))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "YES" if value else "NO"
    if isinstance(value, (int, float)):
        return str(value)
    return escape_html(value)


def escape_multiline_html(value: Any) -> Markup:
    """Like `escape_multiline`, for HTML: paragraphs separated by an empty line."""
    return Markup("<br><br>").join(escape_html(p) for p in _paragraphs(value))


def code_html(value: Any) -> Markup:
    if value is None or value == "":
        return Markup("")
    return Markup(f"<code>{escape_html(value)}</code>")


def join_html(values: Any, separator: str = ", ") -> Markup:
    return Markup.escape(separator).join(escape_html(v) for v in values if v is not None)


def link_html(text: Any, url: str) -> Markup:
    """An HTML link from text (escaped) to a final URL the renderer computed (never from user input)."""
    return Markup(f'<a href="{escape_html(url)}">{escape_html(text)}</a>')
