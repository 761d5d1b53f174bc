"""The retriever serves concurrent users: results from 8 threads at once equal sequential results."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold.jsonl"
THREADS = 8


def questions() -> list[str]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds = {
        "zh": [r for r in rows if r["lang"] == "zh" and r["type"] != "out_of_scope"],
        "en": [r for r in rows if r["lang"] == "en" and r["type"] != "out_of_scope"],
        "out": [r for r in rows if r["type"] == "out_of_scope"],
    }
    picked = [row["question"] for group in kinds.values() for row in group[::10][:2]]
    return picked + ["😀 <b>南阳</b> {0} %s", "why " * 200]


def calls(retriever):
    """(name, callable) pairs: answer and search in every mode, with and without a speaker filter."""
    work = []
    for i, question in enumerate(questions()):
        work.append((f"answer:{i}", lambda q=question: retriever.answer(q, k=5).to_json()))
        mode = ("hybrid", "dense", "bm25")[i % 3]
        work.append((f"search:{mode}:{i}", lambda q=question, m=mode: [h.to_json() for h in retriever.search(q, 7, m)]))
        work.append((f"speaker:{i}", lambda q=question: retriever.answer(q, k=3, speaker="王奇").to_json()))
    batch = questions()[:6]
    work.append(("batch", lambda: [[h.to_json() for h in hits] for hits in retriever.search_batch(batch, k=4)]))
    return work


def test_concurrent_calls_equal_sequential_calls(retriever):
    work = calls(retriever)
    sequential = {name: call() for name, call in work}
    retriever._parsed.cache_clear()  # the threads parse the questions again (Retriever.parse remembers them)
    start = threading.Barrier(THREADS)

    def run(offset: int) -> dict:
        start.wait()  # every thread starts at the same instant
        rotated = work[offset * len(work) // THREADS :] + work[: offset * len(work) // THREADS]
        return {name: call() for name, call in rotated}

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, range(THREADS)))
    for result in results:
        assert result.keys() == sequential.keys()
        for name in sequential:
            assert result[name] == sequential[name], name
