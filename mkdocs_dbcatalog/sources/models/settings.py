"""What a database file says about its models (`models:`); kept apart so reading YAML imports no ORM."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ORMS = ("prisma", "django", "sqlalchemy", "rails")
RUNS_CODE = ("django", "sqlalchemy")
"""Readers that import the application (in a subprocess): opt-in with the plugin's `import_models`."""


@dataclass(frozen=True)
class ModelSettings:
    orm: str
    """prisma, django, sqlalchemy or rails."""
    target: str
    """A file relative to `root` (prisma, rails), a settings module (django) or `module:attribute`."""
    root: Path
    """The database file's folder: files and `path` entries are relative to it."""
    apps: tuple[str, ...] = ()
    """Django: the app labels whose models are read; empty reads every installed app."""
    database: str = "default"
    """Django: the `DATABASES` alias whose engine the column types are computed for."""
    path: tuple[str, ...] = ()
    """Folders put first on the subprocess's sys.path, relative to `root`."""

    @property
    def runs_code(self) -> bool:
        return self.orm in RUNS_CODE

    @property
    def file(self) -> Path | None:
        """The file read (schema.prisma, schema.rb); None for the readers that import code."""
        return None if self.runs_code else (self.root / self.target)

    def folders(self) -> list[Path]:
        return [(self.root / entry).resolve() for entry in self.path]

    def described(self) -> str:
        """What was read, for the database page: `shop.settings (orders, billing)`, `shop.models:Base`."""
        if self.orm == "django":
            return f"{self.target} ({', '.join(self.apps)})" if self.apps else self.target
        return self.target


__all__ = ["ORMS", "RUNS_CODE", "ModelSettings"]
