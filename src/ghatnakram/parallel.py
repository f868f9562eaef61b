"""Run a pure per-item function in worker processes, ahead of a sequential consumer.

Ingest cleans and analyses each article (pure: the article alone decides the result) and
then stores it (sequential: each article sees the store as the earlier ones left it).
:func:`ordered_map` lets worker processes do the first part for the articles coming next
while this process does the second, and hands the results back in input order, so the
sequential part runs exactly as it would without workers.

Workers are forked, so they share the models this process has loaded. At most
``lookahead`` items are read ahead of the consumer: memory stays bounded on any input.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from contextlib import contextmanager
from functools import partial
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
A = TypeVar("A")
R = TypeVar("R")

CHUNK_SIZE = 16  # items per task: large enough that passing them costs little, small enough to balance
LOOKAHEAD = 1024  # items handed to workers ahead of the consumer


def default_workers() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_workers(workers: int) -> int:
    """``workers`` if it is a usable number of processes, else ValueError saying what to pass."""
    if not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a whole number of processes, 1 or more (1 = no worker processes), not {workers!r}")
    return workers


def ordered_map(
    function: Callable[[A], R],
    items: Iterable[T],
    workers: int,
    *,
    task: Callable[[T], A | None] = lambda item: item,
    chunk_size: int | None = None,
    lookahead: int | None = None,
    chunk_function: Callable[[list[A]], list[R]] | None = None,
) -> Iterator[tuple[T, A | None, R | None]]:
    """``(item, task(item), function(task(item)))`` for each item, in input order.

    ``task`` runs in this process when an item is read and gives what ``function`` gets;
    where it gives None, the item is passed through with ``(item, None, None)``. With
    ``workers`` > 1, ``function`` runs in that many forked processes on chunks of
    ``chunk_size`` items, at most ``lookahead`` items ahead of the consumer. ``function``
    must be a module-level function that does not raise (return a value that says what
    went wrong instead). An exception raised while reading ``items`` is raised here when
    the consumer reaches its place, as without workers. With ``workers`` == 1 everything
    runs in this process, item by item, and so does an input shorter than one chunk
    (starting processes would cost more than it saves). ``chunk_function``, when given, does
    a worker's chunk at once (it must give what ``function`` gives for each item).
    """
    check_workers(workers)
    if workers == 1:
        yield from _in_process(function, items, task)
        return
    chunk_size = chunk_size or CHUNK_SIZE
    window = max(1, (lookahead or LOOKAHEAD) // chunk_size)
    items = iter(items)
    first, error = _read_chunk(items, chunk_size)
    if error is not None or len(first) < chunk_size:  # the whole input is shorter than one chunk
        yield from _in_process(function, first, task)
        if error is not None:
            raise error
        return
    with _pool(workers) as pool:
        yield from _ordered_chunks(pool, chunk_function or partial(_apply, function), chain(first, items), task,
                                   chunk_size, window)


def _in_process(function, items: Iterable, task) -> Iterator[tuple]:
    for item in items:
        argument = task(item)
        yield item, argument, function(argument) if argument is not None else None


def _ordered_chunks(pool, chunk_function, items: Iterator, task, chunk_size: int, window: int) -> Iterator[tuple]:
    pending: deque = deque()  # (items, their tasks, async result or None, read error or None)
    exhausted = False
    while True:
        while not exhausted and len(pending) < window:
            chunk, error = _read_chunk(items, chunk_size)
            exhausted = error is not None or len(chunk) < chunk_size
            arguments = [task(item) for item in chunk]
            todo = [argument for argument in arguments if argument is not None]
            pending.append((chunk, arguments, pool.apply_async(chunk_function, (todo,)) if todo else None, error))
        if not pending:
            return
        chunk, arguments, result, error = pending.popleft()
        results = iter(result.get() if result is not None else ())
        for item, argument in zip(chunk, arguments):
            yield item, argument, next(results) if argument is not None else None
        if error is not None:
            raise error


def _read_chunk(items: Iterator, size: int) -> tuple[list, BaseException | None]:
    """Up to ``size`` items, and the exception that stopped the reading early, if one did."""
    chunk: list = []
    try:
        chunk.extend(islice(items, size))
    except BaseException as exc:  # raised later, in order: the items before it are still processed
        return chunk, exc
    return chunk, None


def _apply(function, chunk: list) -> list:
    return [function(item) for item in chunk]


@contextmanager
def _pool(workers: int):
    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_ignore_interrupts)
    try:
        yield pool
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
