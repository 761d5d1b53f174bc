"""The session-5 search path against the one before it, in one process on one index, question by question.

``python -m eval.scale_compare --setup S --index I --questions Q [--rounds 2]`` loads the index once and asks each
question with the stages *before* (passage search, sentence search and BM25 one after the other; BM25 summing every
posting of its terms; contains_text folding each candidate's chunk line) and *now* (the sentence search and BM25 in
the helper thread, retriever/stages.py; BM25 by MaxScore, index/store/bm25_topk.py; candidates checked in
ngrams/texts.bin), alternating which goes first; every call starts with empty chunk and text caches. It prints wall-clock and CPU p50/p95 of
``Retriever.search`` (hybrid, dense, bm25) and ``answer()``, and whether both gave the same results: on a busy machine
the ratio within one run is what can be compared. An index built before bm25/column_max.npy existed has its maxima
computed here, in memory, as a build now writes them.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

from eval.command import command


def _configure(retriever, now: bool, parallel: bool, texts) -> None:
    """'before' or 'now', and empty chunk and text caches (each call starts as a new question would, both ways)."""
    from index.store import bm25_topk
    from index.store.local import DiskChunks

    retriever._parallel = now and parallel
    bm25_topk.SMALL = (1 << 15) if now else sys.maxsize  # 'before': every query sums its whole lists
    chunks = retriever.backend.chunks
    chunks.bigrams.texts = texts if now else None  # 'before': candidates folded from their chunk lines
    for cached in (DiskChunks.chunk, DiskChunks.folded, DiskChunks.contains_text):
        cached.cache_clear()


def compare(setup: Path, index: Path, questions: list[str], rounds: int = 1) -> dict:
    """{call: {before|now: {wall/cpu p50/p95 ms}}, 'same': {call: bool}} over the questions."""
    from eval.scale import load_setup
    from index.store.bm25_topk import column_max
    from retriever import Retriever

    embedder, _ = load_setup(setup)
    retriever = Retriever.load(index, embedder=embedder, verify=False)
    parallel, texts = retriever._parallel, retriever.backend.chunks.bigrams.texts
    for model in retriever.backend.sparse.fields.models.values():
        if getattr(model, "column_max", None) is None:
            model.column_max = column_max(model.scores["data"], model.scores["indptr"])
    calls = {
        "search_hybrid": lambda q: retriever.search(q, k=5),
        "search_dense": lambda q: retriever.search(q, k=5, mode="dense"),
        "search_bm25": lambda q: retriever.search(q, k=5, mode="bm25"),
        "answer": lambda q: retriever.answer(q, k=5),
    }
    for q in questions[:10]:  # warm-up: the FAISS indexes, the page cache, the helper thread
        for now in (False, True):
            _configure(retriever, now, parallel, texts)
            retriever.answer(q)
    times: dict = {}
    results: dict = {}
    for _ in range(rounds):
        for i, q in enumerate(questions):
            for now in (True, False) if i % 2 else (False, True):
                for name, call in calls.items():
                    _configure(retriever, now, parallel, texts)
                    wall, cpu = time.perf_counter(), time.process_time()
                    out = call(q)
                    times.setdefault((name, now), []).append((time.perf_counter() - wall, time.process_time() - cpu))
                    results.setdefault((name, now), []).append(repr(out))
    _configure(retriever, True, parallel, texts)
    report: dict = {"n": retriever.index.manifest.chunk_count, "questions": len(questions), "rounds": rounds,
                    "parallel": parallel, "same": {}}
    for name in calls:
        report["same"][name] = results[(name, False)] == results[(name, True)]
        for now in (False, True):
            ms = np.asarray(times[(name, now)]) * 1000
            report.setdefault(name, {})["now" if now else "before"] = {
                "wall_p50_ms": float(np.median(ms[:, 0])), "wall_p95_ms": float(np.percentile(ms[:, 0], 95)),
                "cpu_p50_ms": float(np.median(ms[:, 1])), "cpu_p95_ms": float(np.percentile(ms[:, 1], 95)),
            }
    return report


def throughput(setup: Path, index: Path, questions: list[str], clients: int) -> dict:
    """Hybrid searches per second with clients threads asking at once, the stages in turn against the helper (BM25 by
    MaxScore both ways): under load the helper must not cost throughput."""
    import threading

    from eval.scale import load_setup
    from retriever import Retriever

    embedder, _ = load_setup(setup)
    retriever = Retriever.load(index, embedder=embedder, verify=False)
    parallel = retriever._parallel
    for q in questions[:20]:  # warm-up
        retriever.search(q, k=5)
    out = {}
    for label, flag in (("in turn", False), ("helper", parallel), ("in turn again", False)):
        retriever._parallel = flag
        start = time.perf_counter()
        threads = [threading.Thread(target=lambda i=i: [retriever.search(q, k=5) for q in questions[i::clients]])
                   for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        out[label] = len(questions) / (time.perf_counter() - start)
    retriever._parallel = parallel
    return out


@command
def main(argv: list[str]) -> int:
    import argparse

    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.scale_compare", description=__doc__.splitlines()[0])
    parser.add_argument("--setup", type=Path, required=True, help="the setup folder of python -m eval.scale")
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True, help="a JSON list of questions")
    parser.add_argument("--rounds", type=int, default=1, help="times each question is asked each way")
    parser.add_argument("--clients", type=int, default=0, help="instead: searches/s with this many threads at once")
    args = parser.parse_args(argv)
    questions = json.loads(args.questions.read_text(encoding="utf-8"))
    if args.clients:
        rates = throughput(args.setup, args.index, questions, args.clients)
        print(", ".join(f"{label}: {rate:.1f} searches/s" for label, rate in rates.items()), f"({args.clients} clients)")
        return 0
    report = compare(args.setup, args.index, questions, args.rounds)
    for name in ("search_hybrid", "search_dense", "search_bm25", "answer"):
        for way in ("before", "now"):
            r = report[name][way]
            print(f"{name:14s} {way:6s} wall p50 {r['wall_p50_ms']:6.2f} p95 {r['wall_p95_ms']:6.2f}  "
                  f"cpu p50 {r['cpu_p50_ms']:6.2f} p95 {r['cpu_p95_ms']:6.2f} ms")
    print("same results before and now:", report["same"])
    print(json.dumps(report))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
