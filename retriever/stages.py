"""A search's independent stages on two cores: a helper thread runs one stage while the caller runs the other.

At a million passages a hybrid search spends about 6 ms in the passage ANN search, 3 ms in the sentence ANN search and
3 ms in BM25 (eval/reports/bench.md). FAISS and the numpy work of BM25 release the GIL, so the sentence search and
BM25 run in the helper while the caller searches the passages. There is one helper thread per process and it is
used only when idle: when requests run at once and the helper is busy, the stage runs in the caller's thread, as it
would without a helper, so a loaded server does no more work per request and nothing queues behind the helper.
Small indexes (the transcript) never use it: a hand-off costs about as much as their whole search.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

PARALLEL_MIN = 50_000  # passages from which a search hands a stage to the helper (below it takes a few ms in all)


class Pending:
    """A stage started in the helper (a Future), or to run in the caller's thread when its result is asked for."""

    def __init__(self, call: Callable[[], object], future: Future | None = None) -> None:
        self._call, self._future = call, future

    def result(self):
        return self._call() if self._future is None else self._future.result()


class Helper:
    """One helper thread, started on first use, that takes a stage only when it is idle."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._busy = False
        self._pool: ThreadPoolExecutor | None = None

    def start(self, call: Callable[[], object]) -> Pending:
        """Run call in the helper when it is idle, else later in the caller's thread (Pending.result)."""
        with self._lock:
            if self._busy:
                return Pending(call)
            self._busy = True
            if self._pool is None:
                self._pool = ThreadPoolExecutor(1, thread_name_prefix="forumqa-stage")
        try:
            return Pending(call, self._pool.submit(self._run, call))
        except RuntimeError:  # the interpreter is shutting down: no new threads
            self._idle()
            return Pending(call)

    def _run(self, call: Callable[[], object]):
        try:
            return call()
        finally:
            self._idle()

    def _idle(self) -> None:
        with self._lock:
            self._busy = False


HELPER = Helper()


def start(call: Callable[[], object], parallel: bool) -> Pending:
    """The stage started in the shared helper when parallel (a large index), else run when its result is asked for."""
    return HELPER.start(call) if parallel else Pending(call)
