"""Text that leaves the program for a terminal, a build log or a CI runner.

Names and messages hold what databases and YAML files say, so before they are printed every
secret is masked (structurally, see `urls`) and every control character is shown as an escape
(`\\n`, `\\x1b`): a name can neither start a line of its own, which GitHub Actions would read as a
workflow command (`::error ...`), nor move the cursor or recolour the terminal. One function,
`printable`, for every log line, error and text output; the `github` format encodes on top of it.
"""

from __future__ import annotations

import logging

from mkdocs.plugins import PrefixedLogger, get_plugin_logger

from .urls import mask_text

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(code: int) -> str:
    char = chr(code)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
"""Direction overrides and isolates, which reorder what a terminal shows."""
_CONTROLS = {c: _escape(c) for c in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *_BIDI)}
"""C0 and C1 controls (Unicode's Cc), the line and paragraph separators, and the bidi controls."""


def printable(text: object) -> str:
    """One line of text, fit to print: secrets masked, control characters as visible escapes."""
    return mask_text(str(text)).translate(_CONTROLS)


class _Printable(logging.Filter):
    """Makes every record of a logger printable, whatever the call site passed."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = printable(record.getMessage()), None
        return True


def plugin_logger(name: str) -> PrefixedLogger:
    """MkDocs' plugin logger for `name`, every message of which is made `printable`."""
    log = get_plugin_logger(name)
    if not any(isinstance(f, _Printable) for f in log.logger.filters):
        log.logger.addFilter(_Printable())
    return log


__all__ = ["plugin_logger", "printable"]
