"""CSV: one row per column (export/rows.py), safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`): such text from a database
or a YAML file gets a leading `'`, as OWASP advises, so it shows as text and never runs. Numbers
are written as numbers.
"""

from __future__ import annotations

import csv
import io

from ..catalog.model import Catalog, Database
from .rows import HEADER, rows

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str | int) -> str | int:
    """A value as a spreadsheet cannot read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write(catalog: Catalog, databases: list[Database]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
    writer.writerow(HEADER)
    for database in databases:
        writer.writerows([cell(v) for v in row] for row in rows(database))
    return out.getvalue()
