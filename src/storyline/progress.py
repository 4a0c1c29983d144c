"""Progress bars for long work: rich on a terminal, silent otherwise."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
StepCallback = Callable[[str], None]

log = logging.getLogger(__name__)


def track(items: Iterable[T], description: str, total: int | None = None, *, enabled: bool | None = None) -> Iterator[T]:
    """Yield items, drawing a progress bar on stderr only when it is a terminal."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield from items
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from rich.console import Console

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    ) as progress:
        task = progress.add_task(description, total=total)
        for item in items:
            yield item
            progress.advance(task)


class Steps:
    """A bar over the named steps of one long piece of work (the corpus step), drawn on stderr when it is a
    terminal; each step is also logged (``-v``) with the seconds the previous one took.

        with Steps("Corpus", total=5) as step:
            step("resolving entities")
            ...
    """

    def __init__(self, description: str, total: int, *, enabled: bool | None = None) -> None:
        self.description = description
        self.total = total
        self.show = sys.stderr.isatty() if enabled is None else enabled
        self.done = 0
        self._progress: Any = None
        self._task: Any = None
        self._started = time.monotonic()
        self._current: str | None = None

    def __enter__(self) -> Steps:
        if self.show:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), console=Console(stderr=True), transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task(self.description, total=self.total)
        return self

    def __call__(self, name: str) -> None:
        """Start step ``name`` (the previous one is done)."""
        now = time.monotonic()
        if self._current is not None:
            self.done += 1
            log.info("%s: %s took %.1f s", self.description, self._current, now - self._started)
        self._current, self._started = name, now
        if self._progress is not None:
            self._progress.update(self._task, completed=self.done, description=f"{self.description}: {name}")

    def __exit__(self, *exc_info: object) -> None:
        if self._current is not None:
            self.done += 1
            log.info("%s: %s took %.1f s", self.description, self._current, time.monotonic() - self._started)
        if self._progress is not None:
            self._progress.update(self._task, completed=self.done)
            self._progress.__exit__(*exc_info)


def no_steps(name: str) -> None:
    """A step callback that reports nothing."""
