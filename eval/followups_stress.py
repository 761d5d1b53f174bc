"""A hand-written stress pool of follow-ups (eval/followups_stress.jsonl), to check that rewrites generalise.

    python -m eval.followups_stress              # figures per category, with history and asked alone
    python -m eval.followups_stress --failures   # also each row rewritten or answered wrongly
    python -m eval.followups_stress --pool eval/followups_stress2.jsonl   # one batch only

Tune material only: written in session 10 from the tune questions of eval/gold.jsonl, in phrasings the other sets
do not use (the attribute carried across a switch, the entity carried across an attribute change, English
there / that city / the same / what else, follow-ups after a refused turn, the entity set two turns back, bare why,
questions that stand alone); a second batch (eval/followups_stress2.jsonl) was written after the fixes made against the
first, as a check that they generalise; a fourth (eval/followups_stress4.jsonl, session 13) in shapes the others lack:
attribute-only ellipsis (烟尘呢？ 资金呢？ And the fines?), an attribute change with the entity carried, the entity two turns
back, English possessives and "the same for …", questions after a refused turn and near misses that must stay refused; a fifth (eval/followups_stress5.jsonl, session
14, written before the system was run on it) in the shapes of the follow-ups refused held out: a turn after a refused
one, a title word alone (副总裁呢？ after a 多少 question asks who), the asked thing switched away from the old question
word (治理的重点呢？ after …是谁？), English "And in Dalian?" / "How much did that cost?", the last entity with a new
asked thing, and near misses; a sixth (eval/followups_stress6.jsonl, session 15, written before the system was run
on it): questions that stand alone though a pronoun follows a title and surname (许局长他们…, 苏局长说他们…) or 那个 a
name, asked after an unrelated history; a bare English noun after a Chinese question (soot?, grid officers?, And the
bank money?); a Chinese fragment after an English question (氮氧化物呢？, 网格员？); and English near misses. A row's ``must`` lists groups of alternatives, one of which the searched question has to
contain (the entity, the asked thing), ``must_not`` strings it may not contain (the entity switched away from);
``rewrite ok`` is the share of rows meeting both. A row whose answers are null is checked on its rewrite only. R@1, R@5 and false abstention are over the answerable rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from eval import metrics
from eval.command import command
from eval.followups_score import collect, retrieval_figures

POOL = Path(__file__).resolve().parent / "followups_stress.jsonl"  # batch 1: written first, fixes were made against it
POOL2 = Path(__file__).resolve().parent / "followups_stress2.jsonl"  # batch 2: written after those fixes, a blind check
POOL3 = Path(__file__).resolve().parent / "followups_stress3.jsonl"  # batch 3: written after batch 2's fixes, blind again
POOL4 = Path(__file__).resolve().parent / "followups_stress4.jsonl"  # batch 4: new shapes, written before its fixes
POOL5 = Path(__file__).resolve().parent / "followups_stress5.jsonl"  # batch 5: refusals' shapes, written before its run
POOL6 = Path(__file__).resolve().parent / "followups_stress6.jsonl"  # batch 6: appositives, bare English, written first
POOLS = (POOL, POOL2, POOL3, POOL4, POOL5, POOL6)


def load_pool(path: str | Path | None = None) -> list[dict]:
    """The stress conversations (JSON lines), in file order."""
    with open(path or POOL, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def rewrite_ok(row: dict, searched: str) -> bool:
    """Whether what was searched names each must group (any alternative, case-insensitive) and no must_not string."""
    from index.normalize import to_simplified

    text = to_simplified(searched).lower()
    needed = all(any(to_simplified(alt).lower() in text for alt in group) for group in row["must"])
    return needed and not any(to_simplified(bad).lower() in text for bad in row["must_not"])


def figures(rows: Sequence[dict], observations: dict, chunks: dict[str, str]) -> dict:
    """n, rewrite ok, R@1, R@5 and false abstention (over answerable rows), abstention on the others."""
    out: dict = {"n": len(rows)}
    out["rewrite_ok"] = sum(rewrite_ok(r, observations[r["id"]]["rewritten"] or r["question"]) for r in rows) / len(rows)
    out.update(retrieval_figures(rows, chunks, observations))
    others = [r for r in rows if r["answers"] == []]  # None: the pool does not know; only the rewrite is checked
    if others:
        out["abstention"] = sum(observations[r["id"]]["abstained"] for r in others) / len(others)
    return out


def unfound(rows: Sequence[dict], chunks: dict[str, str]) -> list[str]:
    """Answer strings no passage contains (a slip in the pool)."""
    return [f"{r['id']}: {a}" for r in rows for a in r["answers"] or () if not any(metrics.contains_answer(t, [a]) for t in chunks.values())]


def evaluate(retriever, rows: Sequence[dict] | None = None) -> dict:
    """{"groups": {name: {"history": figures, "alone": figures}}, "rows": rows with what was searched and rank}."""
    rows = list(rows if rows is not None else load_pool())
    chunks = {c.chunk_id: c.text for c in retriever.chunks}
    seen = {condition: collect(retriever, rows, condition) for condition in ("history", "alone")}
    groups = {"all": rows} | {c: [r for r in rows if r["category"] == c] for c in dict.fromkeys(r["category"] for r in rows)}
    qrels = metrics.relevance({r["id"]: r["answers"] for r in rows if r["answers"]}, chunks)
    for row in rows:
        obs = seen["history"][row["id"]]
        row["searched"] = obs["rewritten"] or row["question"]
        row["ok"] = rewrite_ok(row, row["searched"])
        row["abstained"] = obs["abstained"]
        row["rank"] = metrics.first_relevant_rank(qrels[row["id"]], obs["ranking"]) if row["answers"] else None
    return {
        "groups": {name: {c: figures(g, seen[c], chunks) for c in seen} for name, g in groups.items()},
        "rows": rows,
        "unfound": unfound(rows, chunks),
    }


def _cell(value) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(results: dict) -> str:
    """The figures as a Markdown table."""
    columns = ("rewrite_ok", "recall@1", "recall@5", "false_abstention", "abstention")
    lines = ["| group | n | condition | rewrite ok | R@1 | R@5 | false abst. | abst. (unanswerable) |", "|---|---|---|---|---|---|---|---|"]
    for name, by_condition in results["groups"].items():
        for condition, f in by_condition.items():
            lines.append(f"| {name} | {f['n']} | {condition} | " + " | ".join(_cell(f.get(c)) for c in columns) + " |")
    return "\n".join(lines)


def failure_lines(rows: Sequence[dict]) -> list[str]:
    """One line per row whose rewrite misses its must/must_not, or whose answer is not at rank 1 or is refused."""
    out = []
    for r in rows:
        wrong = (not r["ok"]) or (r["answers"] and (r["rank"] != 1 or r["abstained"])) or (r["answers"] == [] and not r["abstained"])
        if wrong:
            out.append(f"{r['id']} [{r['category']}] {' | '.join(r['history'])} → {r['question']} ⇒ {r['searched']}"
                       f"{'' if r['ok'] else ' (rewrite wrong)'}; rank {r['rank']}, abstained {r['abstained']}")
    return out


@command
def main(argv: Sequence[str] | None = None, log: Callable[[str], None] = print) -> int:
    """python -m eval.followups_stress: print the stress pool's figures."""
    import argparse

    from eval.followups_generated import log_results
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.followups_stress", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=None, help="index folder (default: the bundled transcript's)")
    parser.add_argument("--pool", default=None, help="stress conversations (JSON lines); default every batch")
    parser.add_argument("--failures", action="store_true", help="list each row rewritten or answered wrongly")
    args = parser.parse_args(argv)
    from eval.run import open_retriever

    pools = [(pool, load_pool(pool)) for pool in ([args.pool] if args.pool else POOLS)]  # before the index
    retriever, _ = open_retriever(args.index, log=log)
    for pool, rows in pools:
        results = evaluate(retriever, rows)
        log(f"\n## {Path(pool).name}\n")
        log_results(results, args.failures, log, table, failure_lines)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
