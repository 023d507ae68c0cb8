"""XLSX (openpyxl): one sheet per database, one row per column, a frozen header and an autofilter.

Text is stored as text cells (openpyxl would store a string starting with `=` as a formula): a
spreadsheet shows it and never evaluates it. Characters XML cannot hold are dropped. The file's
timestamps are fixed, so the same catalog gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile

from ..catalog.model import Catalog, Database
from .rows import HEADER, rows

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_FIXED = "2000-01-01T00:00:00Z"
_WIDTHS = {"table_description": 40, "description": 60, "type": 24, "default": 24, "keys": 30}


def sheet_names(databases: list[Database]) -> list[str]:
    """Each database's name as Excel allows a sheet name: 31 characters, none of []:*?/\\, unique."""
    taken: set[str] = set()
    names = []
    for database in databases:
        base = _SHEET_FORBIDDEN.sub("_", database.name).strip("'")[:31] or "database"
        name, n = base, 1
        while name.lower() in taken or name.lower() == "history":
            n += 1
            name = f"{base[: 31 - len(str(n)) - 1]}~{n}"
        taken.add(name.lower())
        names.append(name)
    return names


def write(catalog: Catalog, databases: list[Database]) -> bytes:
    # openpyxl is imported here, not with the plugin: most builds never write a spreadsheet.
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    for empty in book.worksheets:  # the one a new workbook starts with
        book.remove(empty)
    bold = Font(bold=True)
    for database, name in zip(databases, sheet_names(databases), strict=True):
        sheet = book.create_sheet(name)
        sheet.append(HEADER)
        for cell in sheet[1]:
            cell.font = bold
        for values in rows(database):
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":  # text that looks like a formula stays text
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADER))}{max(sheet.max_row, 1)}"
        for i, title in enumerate(HEADER, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(title, 16)
    out = io.BytesIO()
    book.save(out)
    return _fixed_times(out.getvalue())


def _fixed_times(data: bytes) -> bytes:
    """The workbook with its zip entries and document properties dated at one fixed moment."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + _FIXED.encode(), content)
            target.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
