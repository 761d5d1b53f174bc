"""Reader-style sets (eval/sets/readers.jsonl): retrieval and abstention per category and split.

``evaluate_sets(retriever, rows)`` is reusable (eval/run.py can fold it into the full report);
``python -m eval.sets_eval [--split tune|heldout|all] [--index DIR | --fresh]`` prints a table.
Tune on ``--split tune`` only: the held-out split is for the final figures.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from eval import metrics
from eval.command import command

READERS = Path(__file__).resolve().parent / "sets" / "readers.jsonl"
UNANSWERABLE = frozenset({"near_miss", "nonsense", "out_of_scope"})
K = 10
ANSWER_K = 5
SPLITS = ("tune", "heldout", "all")


def load_rows(path: str | Path | None = None, split: str = "tune") -> list[dict]:
    """The rows of a reader set, only those of the split ('all' keeps every row).

    Raises:
        ValueError: an unknown split.
    """
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    rows = [json.loads(line) for line in Path(path or READERS).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def _first_rank(ranking: Sequence[str], texts: Sequence[str], answers: Sequence[str]) -> int | None:
    """1-based rank of the first passage that contains an answer string, None if none in the list."""
    for rank, text in enumerate(texts, start=1):
        if metrics.contains_answer(text, answers):
            return rank
    return None


def observe(retriever, rows: Iterable[dict], mode: str = "hybrid") -> dict[str, dict]:
    """Search and answer each row's question: its first relevant rank, abstention, sentence and timings."""
    out = {}
    for row in rows:
        started = time.perf_counter()
        hits = retriever.search(row["question"], k=K, mode=mode)
        search_s = time.perf_counter() - started
        answer = retriever.answer(row["question"], k=ANSWER_K, mode=mode)
        sentence = answer.highlights[0].sentence if answer.highlights else ""
        out[row["id"]] = {
            "rank": _first_rank([h.chunk_id for h in hits], [h.text for h in hits], row["answers"]) if row["answers"] else None,
            "ranking": [h.chunk_id for h in hits],
            "abstained": bool(answer.abstained),
            "reason": answer.notice,
            "sentence_ok": bool(row["answers"]) and metrics.contains_answer(sentence, row["answers"]),
            "search_s": search_s,
        }
    return out


def summarise(rows: Sequence[dict], obs: dict[str, dict]) -> dict[str, dict]:
    """Per category (and 'answerable' overall): n, R@1, R@5, MRR@10, false abstention, answer sentence, abstention."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row["category"], []).append(row)
        if row["category"] not in UNANSWERABLE:
            groups.setdefault("answerable", []).append(row)
    table = {}
    for name, members in sorted(groups.items()):
        o = [obs[r["id"]] for r in members]
        n = len(o)
        if name in UNANSWERABLE:
            table[name] = {"n": n, "abstained": sum(x["abstained"] for x in o) / n}
            continue
        ranks = [x["rank"] for x in o]
        table[name] = {
            "n": n,
            "r1": sum(1 for r in ranks if r == 1) / n,
            "r5": sum(1 for r in ranks if r and r <= 5) / n,
            "mrr10": sum(1 / r for r in ranks if r and r <= 10) / n,
            "false_abst": sum(x["abstained"] for x in o) / n,
            "sentence": sum(x["sentence_ok"] for x in o) / n,
        }
    return table


def twin_agreement(rows: Sequence[dict], obs: dict[str, dict]) -> dict:
    """Traditional questions whose first relevant rank equals their simplified twin's (and whose top 5 is the same)."""
    by_id = {r["id"]: r for r in rows}
    pairs = [(r["id"], r["twin"]) for r in rows if r["category"] == "traditional" and r.get("twin") in by_id]
    same_rank = [a for a, b in pairs if obs[a]["rank"] == obs[b]["rank"]]
    same_top5 = [a for a, b in pairs if obs[a]["ranking"][:5] == obs[b]["ranking"][:5]]
    return {"pairs": len(pairs), "same_rank": len(same_rank), "same_top5": len(same_top5),
            "differ": sorted(set(a for a, _ in pairs) - set(same_rank))}


def evaluate_sets(retriever, rows: Sequence[dict], mode: str = "hybrid") -> dict:
    """Figures of a retriever on reader-set rows.

    Args:
        retriever: a loaded retriever.Retriever.
        rows: rows of eval/sets/readers.jsonl (see load_rows).
        mode: search mode.

    Returns:
        {'by_category': {category: figures}, 'twins': twin agreement, 'search_p50_ms', 'observations'}.
    """
    rows = list(rows)
    if rows:
        retriever.search(rows[0]["question"], k=K, mode=mode)  # warm-up
    obs = observe(retriever, rows, mode)
    times = [o["search_s"] for o in obs.values()]
    return {
        "by_category": summarise(rows, obs),
        "twins": twin_agreement(rows, obs),
        "search_p50_ms": round(1000 * statistics.median(times), 2) if times else None,
        "observations": obs,
    }


def format_table(result: dict, title: str = "") -> str:
    """The per-category figures as a Markdown table."""
    lines = [f"### {title}" if title else "", "| category | n | R@1 | R@5 | MRR@10 | false abst. | sentence | abstained |",
             "|---|---|---|---|---|---|---|---|"]
    for name, row in result["by_category"].items():
        cells = [f"{row[k]:.2f}" if k in row else "" for k in ("r1", "r5", "mrr10", "false_abst", "sentence", "abstained")]
        lines.append(f"| {name} | {row['n']} | " + " | ".join(cells) + " |")
    twins = result["twins"]
    lines.append(f"\ntraditional = simplified twin rank: {twins['same_rank']}/{twins['pairs']}, "
                 f"same top 5: {twins['same_top5']}/{twins['pairs']}; search p50 {result['search_p50_ms']} ms")
    return "\n".join(lines)


@command
def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.sets_eval", description="Evaluate on eval/sets/readers.jsonl.")
    parser.add_argument("--split", default="tune", choices=SPLITS)
    parser.add_argument("--index", default=None, help="index folder (default: the bundled transcript's)")
    parser.add_argument("--fresh", action="store_true", help="evaluate a freshly built temporary index")
    parser.add_argument("--mode", default="hybrid")
    parser.add_argument("--failures", action="store_true", help="also list the questions that miss R@1 or abstain")
    parser.add_argument("--json", default=None, help="write the figures to this JSON file")
    args = parser.parse_args(argv)
    from eval.run import opened_retriever

    rows = load_rows(split=args.split)
    with opened_retriever(args.index, None, args.fresh) as retriever:
        result = evaluate_sets(retriever, rows, args.mode)
    print(format_table(result, f"{args.mode}, split {args.split}"))
    if args.failures:
        for row in rows:
            o = result["observations"][row["id"]]
            answerable = row["category"] not in UNANSWERABLE
            if (answerable and (o["rank"] != 1 or o["abstained"])) or (not answerable and not o["abstained"]):
                print(f"{row['id']} {row['category']:<18} rank={o['rank']} abst={o['abstained']} {row['question']}  "
                      f"{o['reason'][:60]}")
    if args.json:
        Path(args.json).write_text(json.dumps({k: v for k, v in result.items() if k != "observations"}, indent=1))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
