"""Building large object graphs without the cyclic garbage collector in the way."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause CPython's cyclic collector while a catalog is read or its pages are rendered.

    A 2,000-table catalog allocates millions of small objects (YAML nodes and their marks, model
    objects, Markdown strings). Every overflow of the youngest generation made the collector walk the
    growing heap: composing the YAML took 3.3 s instead of 0.8 s. Nothing built here forms reference
    cycles that must be freed early, and the collector runs as usual again on exit.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
