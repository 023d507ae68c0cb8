"""Make sample_site/notifications.db from notifications.sql (the file is committed; run this after editing the SQL)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make(target: Path = HERE / "notifications.db") -> Path:
    target.unlink(missing_ok=True)
    connection = sqlite3.connect(target)
    try:
        connection.executescript((HERE / "notifications.sql").read_text(encoding="utf-8"))
        connection.commit()
        connection.execute("VACUUM")
    finally:
        connection.close()
    return target


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "notifications.db"))
