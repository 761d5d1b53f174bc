"""A hand-written stress pool of fact-checker and resident questions (eval/resident_stress.jsonl), to check that the
judge's reading of how those readers ask generalises beyond readers12's tune rows.

    python -m eval.resident_stress            # per kind: answerable refused / near misses answered, answer in top 5
    python -m eval.resident_stress --list     # also every wrong decision with the judge's reason

The pool (session 16, helper resident1, written from the transcript alone before the session's preamble changes were
run on it): answerable rows quote a right or a wrong figure and ask whether it is right (有人说…，这个数对吗; I read
that …. Is that accurate?), ask who said a phrase the text holds (also naming the wrong speaker: “环保工作的春天来了”是王奇
说的吗 — the passage with the real speaker answers it), or open with the asker's own context (我是大连人，家里烧了十几年
小锅炉，想问问…; I moved to Jining last year. …; phone shorthand 我济宁人 罚款 总共多少); near misses quote a phrase the
text never holds, check a claim about what it never gives, or open with personal context before an absent attribute.
Tune material only: it reads no set.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from eval import metrics
from eval.command import command

POOL = Path(__file__).resolve().parent / "resident_stress.jsonl"
ANSWER_K = 5


def load_pool(path: str | Path | None = None) -> list[dict]:
    """The stress rows (JSON lines: id, kind, question, answers; no answers: a near miss), in file order."""
    with open(path or POOL, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def ask(retriever, rows: Sequence[dict]) -> list[dict]:
    """Each row's outcome: refused or not, the answer passage in the top five, the judge's reason."""
    out = []
    for row in rows:
        answer = retriever.answer(row["question"], k=ANSWER_K)
        found = bool(row["answers"]) and any(
            metrics.contains_answer(hit.text, row["answers"]) for hit in answer.passages[:ANSWER_K]
        )
        out.append({"row": row, "refused": bool(answer.abstained), "found": found, "p": answer.confidence,
                    "reason": answer.notice})
    return out


def table(outcomes: Sequence[dict]) -> str:
    """Per kind: answerable rows refused (and with the answer passage in the top five), near misses answered."""
    lines = []
    kinds = dict.fromkeys(o["row"]["kind"] for o in outcomes)
    totals = {"fa": [0, 0], "nm": [0, 0]}
    for kind in kinds:
        rows = [o for o in outcomes if o["row"]["kind"] == kind]
        answerable = [o for o in rows if o["row"]["answers"]]
        if answerable:
            refused = sum(o["refused"] for o in answerable)
            found = sum(o["found"] for o in answerable)
            totals["fa"][0] += refused
            totals["fa"][1] += len(answerable)
            lines.append(f"{kind:<20} answerable {len(answerable):>3}  refused {refused:>3}  answer in top 5 {found:>3}")
        else:
            answered = sum(not o["refused"] for o in rows)
            totals["nm"][0] += answered
            totals["nm"][1] += len(rows)
            lines.append(f"{kind:<20} near miss  {len(rows):>3}  answered {answered:>3}")
    (fa, n_fa), (nm, n_nm) = totals["fa"], totals["nm"]
    lines.append(f"false abstention {fa}/{n_fa} ({fa / max(n_fa, 1):.3f}); near misses refused {n_nm - nm}/{n_nm} "
                 f"({(n_nm - nm) / max(n_nm, 1):.3f})")
    return "\n".join(lines)


def pool_main(argv: Sequence[str] | None, pool: Path, prog: str, description: str) -> int:
    """The command line of a hand-written stress pool scored by ``ask`` and ``table`` (this module, eval.prompt_stress):
    --index, --pool (another file), --list (every wrong decision with the judge's reason)."""
    from eval.run import opened_retriever
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--index", default=None)
    parser.add_argument("--pool", default=None)
    parser.add_argument("--list", action="store_true", help="print every wrong decision with the judge's reason")
    args = parser.parse_args(argv)
    rows = load_pool(args.pool or pool)
    with opened_retriever(args.index) as retriever:
        outcomes = ask(retriever, rows)
    print(table(outcomes))
    if args.list:
        for o in outcomes:
            row = o["row"]
            wrong = o["refused"] if row["answers"] else not o["refused"]
            if wrong or (row["answers"] and not o["found"]):
                what = "refused" if o["refused"] else "answered"
                print(f"{row['id']} [{row['kind']}] {what} p={o['p']:.2f} top5={'yes' if o['found'] else 'no'}: "
                      f"{row['question']}\n    {o['reason']}")
    return 0


@command
def main(argv: Sequence[str] | None = None) -> int:
    return pool_main(argv, POOL, "python -m eval.resident_stress", __doc__.splitlines()[0])


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
