"""BM25 top-k by MaxScore (index/store/bm25_topk.py) against summing every posting, on an index written by the local
writer, and the search stages run in the helper thread (retriever/stages.py) against running them in turn."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from standin import standin_store

from index.store import bm25 as bm25_module
from index.store import bm25_topk
from index.store.base import Filter
from index.store.bm25_topk import COLUMN_MAX, column_max
from retriever import Retriever
from retriever.stages import Helper


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, object]:
    """3,000 synthetic passages of the transcript's sentences (stand-in vectors), written by the local writer."""
    index, embedder, _ = standin_store(tmp_path_factory.mktemp("topk"), 3000)
    return index, embedder


def whole_lists(monkeypatch, fields, terms, k, allowed=None):
    """The top-k summing every posting (MaxScore switched off)."""
    with monkeypatch.context() as patch:
        patch.setattr(bm25_module, "large", lambda lists: False)
        return fields.top(list(terms), k, allowed)


def test_build_stores_each_posting_lists_largest_score(store):
    retriever = Retriever.load(store[0], embedder=store[1])
    for name, model in retriever.backend.sparse.fields.parts():
        stored = np.load(store[0] / "bm25" / name / COLUMN_MAX)
        assert np.array_equal(stored, column_max(model.scores["data"], model.scores["indptr"]))
        assert np.array_equal(model.column_max, stored) and stored.min() > 0


def test_maxscore_gives_the_scores_and_order_of_summing_every_posting(store, monkeypatch):
    retriever = Retriever.load(store[0], embedder=store[1])
    fields = retriever.backend.sparse.fields
    monkeypatch.setattr(bm25_topk, "SMALL", 0)  # every query of two or more lists takes MaxScore
    rng = np.random.default_rng(1)
    vocabulary = sorted(fields.vocabulary())
    queries = [retriever.parse(q).sparse_terms for q in ("大连拆除了多少台燃煤锅炉？", "河长制在湘潭是怎么落实的",
                                                          "How many grid inspectors does Jining have?")]
    queries += [[vocabulary[i] for i in rng.integers(0, len(vocabulary), rng.integers(2, 30))] for _ in range(150)]
    queries += [q + q[:2] for q in queries[:20]]  # a repeated term counts twice
    mask = rng.random(fields.num_docs) < 0.3
    few = rng.random(fields.num_docs) < 0.15  # with k = 1,000, fewer matches than k: no k-th score to prune with
    taken = []
    for terms in queries:
        for k, allowed in ((1, None), (10, None), (50, None), (10, mask), (10, mask.astype(np.float32)), (1000, few)):
            expected = whole_lists(monkeypatch, fields, terms, k, allowed)
            assert fields.top(list(terms), k, allowed) == expected, (terms, k)
            taken.append(len(expected))
    assert max(taken) > 50 and min(taken) < 10  # deep and filtered lists were compared, not only empty ones


def test_maxscore_reads_part_of_long_lists():
    """Two rare terms and a term in every passage: once the rarest list is summed, what is left cannot reach the top
    10 on its own (4 + 0.15 < 5), so the other lists are only searched for its 100 passages."""
    n = 100_000
    rare = bm25_topk.Postings(np.arange(0, n, 1000, dtype=np.int32), np.full(100, 5.0, np.float32), 1.0, 5.0)
    rarer = bm25_topk.Postings(np.arange(0, n, 5000, dtype=np.int32), np.full(20, 4.0, np.float32), 1.0, 4.0)
    scores = np.full(n, 0.25, np.float32)
    scores[7] = 0.5  # not in the rare lists: its 0.5 cannot reach the top
    common = bm25_topk.Postings(np.arange(n, dtype=np.int32), scores, 0.3, 0.5)
    found, partial, theta, summed = bm25_topk._candidates([rare, rarer, common], [0, 1, 2], np.array([9.15, 4.15, 0.15, 0.0]), 10, n, None)
    assert summed == 1 and theta == 5.0 and len(found) == 100
    top = bm25_topk.maxscore_top([common, rare, rarer], 10, n)
    assert [row for row, _ in top] == list(range(0, 50_000, 5000))
    assert top[0][1] == np.float32(float(np.float32(0.25) * np.float32(0.3)) + 5.0 + 4.0)


def test_stages_in_the_helper_give_the_same_hits_from_many_threads(store):
    retriever = Retriever.load(store[0], embedder=store[1])
    questions = ["大连拆除了多少台燃煤锅炉？", "济宁配备了多少名专职环保网格员？", "What did Nanyang do about rivers?"]
    expected = {q: retriever.answer(q, k=5) for q in questions}
    retriever._parallel = True  # as a large index does
    errors = []

    def ask(seed: int) -> None:
        for q in questions[seed % 3 :] + questions[: seed % 3]:
            if retriever.answer(q, k=5) != expected[q]:
                errors.append(q)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    for mode in ("bm25", "dense", "hybrid"):
        retriever._parallel = False
        alone = retriever.search(questions[0], k=5, mode=mode, doc=None)
        retriever._parallel = True
        assert retriever.search(questions[0], k=5, mode=mode) == alone


def test_helper_runs_a_stage_in_the_callers_thread_when_busy():
    helper = Helper()
    release = threading.Event()
    first = helper.start(lambda: (release.wait(5), threading.current_thread().name)[1])
    second = helper.start(lambda: threading.current_thread().name)
    assert second.result() == threading.current_thread().name  # the helper was busy: run here
    release.set()
    assert first.result().startswith("forumqa-stage")
    assert helper.start(lambda: threading.current_thread().name).result().startswith("forumqa-stage")


def test_a_document_filter_reads_only_its_rows_of_each_list(store, monkeypatch):
    """A document's rows are a range: each posting list is cut to it by bisection, with the results of a row mask."""
    retriever = Retriever.load(store[0], embedder=store[1])
    sparse, table = retriever.backend.sparse, retriever.backend.sparse.table
    docs = [d.doc for d in retriever.documents]
    queries = [retriever.parse(q).sparse_terms for q in ("大连拆除了多少台燃煤锅炉？", "河长制在湘潭是怎么落实的",
                                                          "How many grid inspectors does Jining have?")]
    vocabulary = sorted(sparse.fields.vocabulary())
    rng = np.random.default_rng(2)
    queries += [[vocabulary[i] for i in rng.integers(0, len(vocabulary), 12)] for _ in range(10)]
    compared = 0
    for small in (1 << 15, 0):  # the whole lists summed, and MaxScore
        monkeypatch.setattr(bm25_topk, "SMALL", small)
        for doc in docs[:: max(1, len(docs) // 12)]:
            where = Filter(doc=doc)
            for terms in queries:
                by_mask = sparse.fields.top(list(terms), 300, table.mask(where))  # every match of the document
                got = sparse.search(list(terms), 300, where)
                assert [(table.rows([cid])[0], score) for cid, score in got] == by_mask
                compared += len(by_mask)
    assert compared > 200
