"""Parse, chunk and tokenize documents in worker processes while the main process embeds and writes.

jieba and the structure parser are pure Python, so one process uses one core; on a machine with more
cores, worker processes analyse the next documents while the main process embeds and writes this one.
Results come back in order, with a bounded number in flight (memory stays bounded).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator

MIN_JOBS = 8  # fewer documents than this are analysed in the main process (starting workers costs ~1 s)


def workers(jobs: int) -> int:
    """How many worker processes to use for this many documents: FORUMQA_WORKERS, else the cores less one."""
    if jobs < MIN_JOBS:
        return 0
    wanted = os.environ.get("FORUMQA_WORKERS")
    count = int(wanted) if wanted and wanted.isdigit() else (os.cpu_count() or 1) - 1
    return max(0, min(count, jobs))


def ordered_map(function: Callable, jobs: Iterable[tuple], processes: int, ahead: int = 2) -> Iterator:
    """function(*job) for each job, in order; in `processes` worker processes (0: here), at most ahead x processes
    jobs in flight."""
    if processes <= 0:
        for job in jobs:
            yield function(*job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque = deque()
        for job in jobs:
            pending.append(pool.submit(function, *job))
            if len(pending) >= ahead * processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
