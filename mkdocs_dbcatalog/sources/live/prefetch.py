"""Catalog queries run back to back while the rows of earlier ones are filed into the model.

A live read is a dozen queries, each answered by the server in tens of milliseconds, and each
result then filed into drafts in Python for about as long. Run in turn, the two add up; here one
worker thread sends the queries one after another on the read's own connection (so they stay in
its read-only transaction, and each is counted and timed like any other), and the reader takes
each result when it needs it. The GIL is free while the worker waits for the server, so the
server's work and ours overlap: on two cores, a read takes about the longer of the two.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql import Executable

Statement = tuple[Executable, Mapping[str, Any] | None]


class Prefetch:
    """The rows of each statement, fetched in order on a worker thread; use as a context manager."""

    def __init__(self, connection: sa.Connection, statements: Sequence[Statement]) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dbcatalog-prefetch")
        # One worker: the statements run one at a time, in order, on the one connection.
        self._results: list[Future[Sequence[sa.Row[Any]]]] = [
            self._pool.submit(_fetch, connection, statement, params) for statement, params in statements
        ]

    def rows(self, index: int) -> Sequence[sa.Row[Any]]:
        """The rows of statement `index`, waiting for them if need be; re-raises its failure."""
        return self._results[index].result()

    def __enter__(self) -> Prefetch:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, problem: BaseException | None, trace: TracebackType | None
    ) -> None:
        # On a failure, what has not started is dropped and what runs is waited for: the connection
        # is free again (to be rolled back) when this returns.
        self._pool.shutdown(wait=True, cancel_futures=True)


def _fetch(connection: sa.Connection, statement: Executable, params: Mapping[str, Any] | None) -> Sequence[sa.Row[Any]]:
    result = connection.execute(statement, dict(params)) if params is not None else connection.execute(statement)
    return result.fetchall()
