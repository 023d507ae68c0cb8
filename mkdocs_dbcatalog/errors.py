"""Domain errors. The plugin turns them into MkDocs' PluginError; the CLI prints them."""

from __future__ import annotations

from .output import printable


class CatalogError(Exception):
    """A problem a user can fix, said in one message that points at its place.

    `where` is a file (with line) or a database name; `path` is the key path inside a YAML file.
    Its text is `printable`: whatever a message quotes, secrets are masked and control characters
    escaped, so an error is always one safe line.
    """

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        line: int | None = None,
        path: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.line = line
        self.path = path
        self.hint = hint

    def __str__(self) -> str:
        place = self.where or ""
        if place and self.line is not None:
            place += f":{self.line}"
        text = self.message
        if self.path:
            text = f"{self.path}: {text}"
        if place:
            text = f"{place}: {text}"
        if self.hint:
            text += f" ({self.hint})"
        return printable(text)


class DatabaseError(CatalogError):
    """A live database could not be read: unreachable, refused, timed out, missing driver."""

    def __init__(
        self,
        message: str,
        *,
        where: str | None = None,
        hint: str | None = None,
        database: str | None = None,
        unreachable: bool = False,
    ) -> None:
        super().__init__(message, where=where, hint=hint)
        self.database = database
        """The database's name in the catalog, for outputs that list it apart (check's JSON)."""
        self.unreachable = unreachable
        """No connection could be made (a cached read may stand in for it); not a refusal to read."""
