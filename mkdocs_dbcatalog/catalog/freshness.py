"""How old a read of a database is, said the way a reader wants it: "read 3 days ago, on 2026-11-29 13:12 UTC".

A cached read stands in for a database that could not be reached; pages, build warnings and `check`
all say its age, so nobody mistakes it for today's structure.
"""

from __future__ import annotations

from datetime import datetime, timezone


def age_seconds(read_at: datetime, now: datetime | None = None) -> int:
    now = now or datetime.now(timezone.utc)
    return max(0, int((now - _utc(read_at)).total_seconds()))


def read_age(read_at: datetime | None, now: datetime | None = None) -> str:
    """`read 3 days ago, on 2026-11-29 13:12 UTC`; `read at an unknown time` without a date."""
    if read_at is None:
        return "read at an unknown time"
    seconds = age_seconds(read_at, now)
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if minutes < 1:
        ago = "less than a minute ago"
    elif hours < 1:
        ago = _plural(minutes, "minute")
    elif days < 2:
        ago = _plural(hours, "hour")
    else:
        ago = _plural(days, "day")
    return f"read {ago}, on {_utc(read_at).strftime('%Y-%m-%d %H:%M')} UTC"


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'} ago"


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)
