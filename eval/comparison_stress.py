"""Comparative questions stress pool (eval/comparison_stress.jsonl): R@1, R@5, false abstention, answer sentence hits
and near-miss refusal, by script (simplified / traditional / English).

    python -m eval.comparison_stress                  # the figures by script
    python -m eval.comparison_stress --list           # also each refused, missed or answered-near-miss row, with the
                                                      # judge's reason and the features that weighed most against it
    python -m eval.comparison_stress --index DIR      # another index

The pool (session 16, written from the transcript alone and committed before any run): comparisons that one
speaker's passage answers — two figures of the same turn (比…多吗, 多出多少, 哪个更多, 翻了几倍), a figure against a
target (是否超过), before and after (前后对比) — in simplified, traditional and English, each with an answer substring
of its passage (the eval/sets answer-string rules), and near misses whose one side of the comparison the text never
gives (last year's figure, another city's) marked ``kind: near_miss`` with ``answers: []``. Tune material only: it
reads no held-out row.

Session 16 (compare1), the session-15 model unchanged: false abstention 0.145 -> 0.016 (simplified 0.214 -> 0.036,
traditional 0.167 -> 0), near-miss refusal 0.250 -> 0.500, R@1 0.984 and R@5 1.000 unchanged, with
retriever/answerability/comparison.py (几倍, 哪个更多, 比…多吗 for each side, 比去年, the asker's yardstick).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eval import metrics
from eval.command import command

POOL = Path(__file__).resolve().parent / "comparison_stress.jsonl"
SCRIPTS = ("simplified", "traditional", "english")
ANSWER_K = 5
SHOWN = 4  # the features that weighed most against answering (--list)


def load_pool(path: str | Path | None = None) -> list[dict]:
    """The pool rows (id, question, answers, kind, script, speaker, form), in file order."""
    with open(path or POOL, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Outcome:
    """One asked row: the rank of the first answering passage, refused or not, and whether the sentence holds it."""

    row: dict
    rank: int | None
    refused: bool
    sentence_hit: bool
    confidence: float
    sentence: str = ""
    reason: str = ""
    against: str = ""


def ask(retriever, row: dict, explain: bool = False) -> Outcome:
    """Ask one row with retriever.answer (k=ANSWER_K) and score it."""
    answer = retriever.answer(row["question"], k=ANSWER_K)
    answers = row["answers"]
    rank = next((i for i, hit in enumerate(answer.passages, start=1) if metrics.contains_answer(hit.text, answers)),
                None) if answers else None
    sentence = answer.highlights[answer.answer_index].sentence if answer.highlights else ""
    out = Outcome(row, rank, answer.abstained, bool(answers) and metrics.contains_answer(sentence, answers),
                  answer.confidence, sentence)
    wrong = answer.abstained if answers else not answer.abstained
    if explain and wrong:
        from retriever.service import evidence_for

        judge = retriever.answerability
        analysis = judge.analyse(evidence_for(retriever, row["question"]))
        ranked = sorted(judge.model.contributions(analysis).items(), key=lambda kv: kv[1])
        out.reason = answer.notice
        out.against = ", ".join(f"{k} {v:+.2f}" for k, v in ranked[:SHOWN] if v < 0)
    return out


def figures(outcomes: Sequence[Outcome]) -> dict[str, float | int]:
    """R@1, R@5, false abstention and answer-sentence hits over the comparisons, near-miss refusal over the rest."""
    asked = [o for o in outcomes if o.row["kind"] == "comparison"]
    near = [o for o in outcomes if o.row["kind"] == "near_miss"]
    n = len(asked) or 1
    return {
        "n": len(asked),
        "R@1": sum(o.rank == 1 for o in asked) / n,
        "R@5": sum(o.rank is not None for o in asked) / n,
        "FA": sum(o.refused for o in asked) / n,
        "sentence": sum(o.sentence_hit for o in asked) / n,
        "nm_n": len(near),
        "NM": sum(o.refused for o in near) / (len(near) or 1),
    }


def line(name: str, outcomes: Sequence[Outcome]) -> str:
    f = figures(outcomes)
    return (f"{name:<12} n={f['n']:<3} R@1 {f['R@1']:.3f}  R@5 {f['R@5']:.3f}  false abstention {f['FA']:.3f}  "
            f"sentence {f['sentence']:.3f}  | near misses n={f['nm_n']:<3} refused {f['NM']:.3f}")


def table(outcomes: Sequence[Outcome]) -> str:
    """One line per script and one for all rows."""
    lines = [line(script, [o for o in outcomes if o.row["script"] == script]) for script in SCRIPTS]
    return "\n".join([*lines, line("ALL", outcomes)])


def listing(outcomes: Sequence[Outcome]) -> str:
    """Each comparison refused, ranked below 1 or with a sentence miss, and each near miss answered."""
    out = []
    for o in outcomes:
        r = o.row
        if r["kind"] == "comparison" and (o.refused or o.rank != 1 or not o.sentence_hit):
            flags = f"{'REFUSED ' if o.refused else ''}rank={o.rank} sentence={'hit' if o.sentence_hit else 'miss'}"
        elif r["kind"] == "near_miss" and not o.refused:
            flags = "ANSWERED"
        else:
            continue
        out.append(f"{r['id']} [{r['script']}] {flags} p={o.confidence:.2f}: {r['question']}")
        if not o.sentence_hit and r["kind"] == "comparison" or r["kind"] == "near_miss":
            out.append(f"    sentence: {o.sentence[:90]}")
        if o.reason or o.against:
            out.append(f"    against: {o.against or '-'}; {o.reason}")
    return "\n".join(out)


@command
def main(argv: Sequence[str] | None = None) -> int:
    from eval.run import opened_retriever
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.comparison_stress", description=__doc__.splitlines()[0])
    parser.add_argument("--pool", default=None, help="a JSON-lines pool (default eval/comparison_stress.jsonl)")
    parser.add_argument("--index", default=None)
    parser.add_argument("--list", action="store_true", help="print each refusal, miss and answered near miss")
    args = parser.parse_args(argv)
    rows = load_pool(args.pool)
    with opened_retriever(args.index) as retriever:
        outcomes = [ask(retriever, row, explain=args.list) for row in rows]
    print(table(outcomes))
    if args.list:
        print(listing(outcomes))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
