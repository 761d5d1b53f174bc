"""List the tune questions whose abstention is wrong, with the features and what weighed most, for tuning answerability.

Tune split only (held-out questions are never read or printed): answerable questions that abstain (false
abstentions) and unanswerable ones that are answered (near misses, out of scope, nonsense), from gold, readers and
the follow-ups (asked with their history, judged on the question as rewritten). Usage:

    python -m eval.abstention_misses [--sets gold,readers,followups] [--features] [--lang en,mixed]

These are in-sample figures of a model fitted on the same split: ``python -m eval.calibrate`` prints the out-of-fold
ones (its folds keep a fact's questions together), which are the ones to decide on.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from eval.command import command
from eval.questions import TUNE_SETS, load_questions

ANSWER_K = 5
SHOWN = 4  # the features that weighed most, each way


@dataclass(frozen=True)
class Miss:
    """One tune question whose abstention is wrong: what was asked and searched, the probability and why."""

    id: str
    group: str
    question: str
    searched: str  # the question as rewritten from the history ('' when it stands alone)
    answerable: bool
    probability: float
    reason: str
    values: dict[str, float]
    contributions: dict[str, float]


def abstention_misses(retriever, questions) -> tuple[list[Miss], dict[str, tuple[int, int]]]:
    """The questions whose abstention is wrong, and per group (wrong, total).

    Args:
        retriever: a loaded retriever.Retriever.
        questions: eval.questions.EvalQuestion list (pass the tune split only).
    """
    from retriever.service import evidence_for

    judge = retriever.answerability
    misses, counts = [], {}
    for q in questions:
        answer = retriever.answer(q.question, k=ANSWER_K, history=list(q.history) if q.history else None)
        wrong = answer.abstained == q.answerable
        bad, total = counts.get(q.group, (0, 0))
        counts[q.group] = (bad + wrong, total + 1)
        if not wrong:
            continue
        analysis = judge.analyse(evidence_for(retriever, answer.rewritten or q.question))
        misses.append(Miss(
            q.id, q.group, q.question, answer.rewritten, q.answerable, answer.confidence, answer.notice,
            analysis.values, judge.model.contributions(analysis),
        ))
    return misses, counts


def describe(miss: Miss, threshold: float, features: bool = False) -> str:
    """Two lines (more with features) about one miss: the question, and the contributions that weighed most."""
    kind = "false abstention" if miss.answerable else "answered"
    lines = [f"{miss.id} [{miss.group}] {kind} p={miss.probability:.2f} (threshold {threshold:.2f}): {miss.question}"]
    if miss.searched:
        lines.append(f"    searched as: {miss.searched}")
    ranked = sorted(miss.contributions.items(), key=lambda kv: kv[1])
    against = ", ".join(f"{k} {v:+.2f}" for k, v in ranked[:SHOWN] if v < 0)
    for_ = ", ".join(f"{k} {v:+.2f}" for k, v in reversed(ranked[-SHOWN:]) if v > 0)
    lines.append(f"    against: {against or '-'}; for: {for_ or '-'}" + (f"; {miss.reason}" if miss.reason else ""))
    if features:
        lines.append("    " + ", ".join(f"{k}={v:.3g}" for k, v in miss.values.items()))
    return "\n".join(lines)


@command
def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.abstention_misses", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join((*TUNE_SETS, "followups")))
    parser.add_argument("--features", action="store_true", help="print every feature value of each miss")
    parser.add_argument("--lang", default="", help="only questions of these languages (en,mixed or zh)")
    args = parser.parse_args(argv)
    from index.build import ensure_default_index
    from retriever import Retriever

    retriever = Retriever.load(ensure_default_index(print))
    langs = [x for x in args.lang.split(",") if x]
    questions = [q for q in load_questions(tuple(args.sets.split(",")), split="tune") if not langs or q.lang in langs]
    misses, counts = abstention_misses(retriever, questions)
    for group, (bad, total) in sorted(counts.items()):
        print(f"{group:<32} wrong {bad:>3} of {total:<4} ({bad / total:.3f})")
    threshold = retriever.answerability.model.threshold
    for miss in misses:
        print("\n" + describe(miss, threshold, args.features))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
