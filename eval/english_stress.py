"""A hand-written stress pool of paraphrased English questions (eval/english_paraphrase_stress.jsonl), to check that
changes to the English query path generalise beyond the tune sets.

    python -m eval.english_stress                 # R@1 / R@5 / MRR@10 of the pool, hybrid, dense and BM25
    python -m eval.english_stress --list          # also each row not ranked 1 in hybrid, with its ranks
    python -m eval.english_stress --list --explain  # … with the text the embedder reads and the BM25 terms
    python -m eval.english_stress --tune          # also the tune split's R@1 / MRR by language and English category
    python -m eval.english_stress --latency       # also the p50 search time over the pool (ms)

The pool (session 15, written from the transcript alone before the English changes of that session were run on it):
paraphrases of facts of the text in everyday English that a dictionary does not map word for word onto the
Chinese ('coal heaters', 'scrapped', 'wardens', 'tip off'), each with an answer substring of the passage that holds
it. Tune material only (it never reads a held-out row): the --tune figures come from eval.misses.tune_ranks.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path

from eval import metrics
from eval.command import command

POOL = Path(__file__).resolve().parent / "english_paraphrase_stress.jsonl"
MODES = ("hybrid", "dense", "bm25")
K = 10


def load_pool(path: str | Path | None = None) -> list[dict]:
    """The stress rows (JSON lines: id, question, answers), in file order."""
    with open(path or POOL, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def first_rank(texts: Sequence[str], answers: Sequence[str]) -> int | None:
    """The rank (from 1) of the first text holding an answer, None when none of them does."""
    for rank, text in enumerate(texts, start=1):
        if metrics.contains_answer(text, answers):
            return rank
    return None


def summary(ranks: Sequence[int | None]) -> dict[str, float]:
    """R@1, R@5 and MRR@10 of a list of first ranks (None: not found in the top K)."""
    n = len(ranks) or 1
    return {
        "R@1": sum(r == 1 for r in ranks) / n,
        "R@5": sum(bool(r) and r <= 5 for r in ranks) / n,
        "MRR": sum(1 / r for r in ranks if r and r <= K) / n,
    }


def line(name: str, ranks: Sequence[int | None]) -> str:
    s = summary(ranks)
    return f"{name:<34} n={len(ranks):<4} R@1 {s['R@1']:.3f}  R@5 {s['R@5']:.3f}  MRR {s['MRR']:.3f}"


def pool_ranks(retriever, rows: Sequence[dict], modes: Sequence[str] = MODES) -> dict[str, list[int | None]]:
    """{mode: first rank of each row} over the pool."""
    out: dict[str, list[int | None]] = {}
    for mode in modes:
        out[mode] = [first_rank([h.text for h in retriever.search(r["question"], k=K, mode=mode)], r["answers"])
                     for r in rows]
    return out


def latency_p50(retriever, questions: Sequence[str], repeat: int = 3) -> float:
    """The median hybrid search time (ms) over the questions, each asked `repeat` times after one warm-up."""
    retriever.search(questions[0], k=K)
    times = []
    for _ in range(repeat):
        for question in questions:
            start = time.perf_counter()
            retriever.search(question, k=K)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2]


def tune_lines(retriever) -> list[str]:
    """R@1 / R@5 / MRR of the tune split (eval.misses.tune_ranks): Chinese, English by category, all."""
    from eval.misses import tune_ranks

    rows = tune_ranks(retriever)
    groups: dict[str, list[int | None]] = {}
    for q, found in rows:
        rank = found["hybrid"][0]
        groups.setdefault("tune/ALL", []).append(rank)
        groups.setdefault(f"tune/lang={q.lang}", []).append(rank)
        if q.lang == "en":
            groups.setdefault(f"tune/en/{q.category}", []).append(rank)
    return [line(name, ranks) for name, ranks in sorted(groups.items())]


@command
def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from eval.run import opened_retriever
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.english_stress", description=__doc__.splitlines()[0])
    parser.add_argument("--pool", default=None, help="a JSON-lines pool (default eval/english_paraphrase_stress.jsonl)")
    parser.add_argument("--index", default=None)
    parser.add_argument("--list", action="store_true", help="print each row not ranked 1 in hybrid")
    parser.add_argument("--explain", action="store_true", help="with --list: the embedded text and BM25 terms")
    parser.add_argument("--tune", action="store_true", help="also the tune split's figures by language")
    parser.add_argument("--latency", action="store_true", help="also the p50 hybrid search time over the pool")
    args = parser.parse_args(argv)
    rows = load_pool(args.pool)
    with opened_retriever(args.index) as retriever:
        ranks = pool_ranks(retriever, rows)
        for mode in MODES:
            print(line(f"stress/{mode}", ranks[mode]))
        if args.list:
            for i, row in enumerate(rows):
                if ranks["hybrid"][i] != 1:
                    found = " ".join(f"{m}={ranks[m][i]}" for m in MODES)
                    print(f"  {row['id']} {found}  {row['question']}")
                    if args.explain:
                        parsed = retriever.parse(row["question"])
                        print(f"     embed: {parsed.search_text}")
                        print(f"     terms: {' '.join(parsed.terms)}")
        if args.tune:
            for text in tune_lines(retriever):
                print(text)
        if args.latency:
            print(f"p50 hybrid search {latency_p50(retriever, [r['question'] for r in rows]):.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
