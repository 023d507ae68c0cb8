"""The SQL reader analysers are given, which loads sqlglot only when a migration has SQL to read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..operations import Analysed

if TYPE_CHECKING:
    from .sqltext import SqlText


@dataclass
class SqlReader:
    """Reads SQL text for one database engine; see `sqltext` (imported on first use: sqlglot is large)."""

    engine: str | None = None
    _reader: Any = field(default=None, init=False, repr=False)

    def read(self, text: str, line: int | None = None, file: str | None = None) -> Analysed:
        return self._text().read(text, line, file)

    def data_only(self, text: str) -> bool:
        """Whether the SQL changes rows only (see `SqlText.data_only`)."""
        return self._text().data_only(text)

    def _text(self) -> SqlText:
        if self._reader is None:
            from .sqltext import SqlText

            self._reader = SqlText(self.engine)
        reader: SqlText = self._reader
        return reader


__all__ = ["SqlReader"]
