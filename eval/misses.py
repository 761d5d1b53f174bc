"""Retrieval misses of the TUNE split, for tuning the query path: never reads the held-out split.

``python -m eval.misses [--all] [--sets gold,readers] [--summary] [--lang en,mixed]`` lists every tune question whose first
relevant passage is not ranked 1 in hybrid mode (with --all: every tune question): its ranks in hybrid,
dense and BM25, the text the embedder reads, the BM25 terms and expansions, and the head of the top passage
and of the first relevant one. --summary prints only the R@1 / R@5 / MRR@10 of the tune split per group.
"""

from __future__ import annotations

from collections.abc import Sequence

from eval import metrics
from eval.command import command
from eval.questions import TUNE_SETS, load_questions

K = 10


def _rank(hits, answers) -> int | None:
    for rank, hit in enumerate(hits, start=1):
        if metrics.contains_answer(hit.text, answers):
            return rank
    return None


def tune_ranks(
    retriever, sets: Sequence[str] = TUNE_SETS, modes: Sequence[str] = ("hybrid",), langs: Sequence[str] = ()
) -> list[tuple]:
    """(question, {mode: (rank, hits)}) for every answerable TUNE question of the sets (of the languages, when given)."""
    out = []
    for q in load_questions(tuple(sets), split="tune"):
        if not q.answerable or q.history or (langs and q.lang not in langs):
            continue
        found = {}
        for mode in modes:
            hits = retriever.search(q.question, k=K, mode=mode)
            found[mode] = (_rank(hits, q.answers), hits)
        out.append((q, found))
    return out


def table(rows: list[tuple]) -> str:
    """R@1, R@5 and MRR@10 (hybrid) per group and overall, one line each."""
    groups: dict[str, list[int | None]] = {}
    for q, found in rows:
        rank = found["hybrid"][0]
        groups.setdefault(q.group, []).append(rank)
        groups.setdefault(f"{q.set}/ALL", []).append(rank)
        groups.setdefault("ALL", []).append(rank)
    lines = []
    for name, ranks in sorted(groups.items()):
        n = len(ranks)
        r1 = sum(r == 1 for r in ranks) / n
        r5 = sum(bool(r) and r <= 5 for r in ranks) / n
        mrr = sum(1 / r for r in ranks if r) / n
        lines.append(f"{name:<32} n={n:<4} R@1 {r1:.3f}  R@5 {r5:.3f}  MRR {mrr:.3f}")
    return "\n".join(lines)


@command
def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from eval.run import opened_retriever
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.misses", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(TUNE_SETS))
    parser.add_argument("--index", default=None)
    parser.add_argument("--all", action="store_true", help="list every tune question, not only the misses")
    parser.add_argument("--summary", action="store_true", help="only the per-group figures")
    parser.add_argument("--lang", default="", help="only questions of these languages (en,mixed or zh)")
    args = parser.parse_args(argv)
    sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    load_questions(tuple(sets), split="tune")  # an unknown set is refused before an index is opened (or built)
    with opened_retriever(args.index) as retriever:
        modes = ("hybrid",) if args.summary else ("hybrid", "dense", "bm25")
        langs = [x for x in args.lang.split(",") if x]
        rows = tune_ranks(retriever, sets, modes, langs)
        if not args.summary:
            for q, found in rows:
                rank, hits = found["hybrid"]
                if rank == 1 and not args.all:
                    continue
                parsed = retriever.parse(q.question)
                print(f"== {q.id} {q.group} hybrid={rank} dense={found['dense'][0]} bm25={found['bm25'][0]}  {q.question}")
                print(f"   answers: {list(q.answers)}")
                print(f"   embed: {parsed.search_text}")
                print(f"   terms: {' '.join(parsed.terms)} | exp: {' '.join(parsed.expansions[:20])}")
                if hits:
                    print(f"   top: [{hits[0].chunk_id}] {hits[0].text[:90]}")
                relevant = next((h for h in hits if metrics.contains_answer(h.text, q.answers)), None)
                if relevant is not None and rank != 1:
                    print(f"   rel: [{relevant.chunk_id}] {relevant.text[:90]}")
        print(table(rows))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
