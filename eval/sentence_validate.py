"""Check the answer-sentence weights on a writer they were not fitted on: fit on every tune set but one, test on it.

    python -m eval.sentence_validate [--sets gold,readers,readers2,readers3] [--file eval/sets/readers5.jsonl]
        [--l2 0.1] [--drop F,...] [--ablate]

Each set was written by someone else, in their own words; a set left out of the fit is what a new reader's questions
are to the weights (eval/sentence_fit.py's random folds mix every writer into the fit and flatter it, as
eval/calibrate_validate.py found for answerability). The weights are fitted as eval/sentence_fit.py fits them (the
same candidates and conditional logit) on the tune questions of all sets but one and scored on that one's tune
questions; the pooled figure over the sets is the decision metric for a change of the sentence features or weights.
``--ablate`` also scores the fit without each feature in turn (fewer, robust features over more weights).

Tune splits only: held-out questions are never read.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import numpy as np

from eval.questions import DEFAULT_SETS, load_questions
from eval.sentence_fit import Rows, accuracy, fit, question_rows
from eval.sentence_misses import tune_rows


def keep_columns(rows: Sequence[Rows], columns: Sequence[int]) -> list[Rows]:
    """The rows with only the given feature columns."""
    return [Rows(r.id, r.features[:, list(columns)], r.right, r.set) for r in rows]


def log_loss(rows: Sequence[Rows], w: np.ndarray) -> float:
    """The summed -log probability the weights' softmax gives each question's right candidates (questions with
    a right candidate only): smoother than the count right, so it shows a change that moves no question yet."""
    total = 0.0
    for r in rows:
        if not len(r.right) or not r.right.any():
            continue
        s = r.features @ w
        p = np.exp(s - s.max())
        total -= float(np.log((p * r.right).sum() / p.sum() + 1e-12))
    return total


def cross_set(rows: Sequence[Rows], l2: float) -> dict[str, tuple[int, int, float]]:
    """For each set: (questions right, questions, log loss) when the weights are fitted on every other set's rows.

    Args:
        rows: every tune question's candidates (eval.sentence_fit.question_rows), with their set.
        l2: the fit's penalty.
    """
    out = {}
    for name in dict.fromkeys(r.set for r in rows):
        test = [r for r in rows if r.set == name]
        w = fit([r for r in rows if r.set != name], l2)
        out[name] = (accuracy(test, w), len(test), log_loss(test, w))
    return out


def pooled(result: dict[str, tuple]) -> float:
    """The share right over all sets' questions."""
    right, total = (sum(v[i] for v in result.values()) for i in (0, 1))
    return right / total if total else 0.0


def describe(result: dict[str, tuple]) -> str:
    """'0.905, log loss 0.312 per question (gold 120/130, readers ...)'."""
    parts = ", ".join(f"{name} {v[0]}/{v[1]}" for name, v in result.items())
    loss = [v[2] for v in result.values() if len(v) > 2]
    per = f", log loss {sum(loss) / sum(v[1] for v in result.values()):.3f}" if loss else ""
    return f"{pooled(result):.3f}{per} ({parts})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.sentence_validate", description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS), help="the sets whose tune split is used")
    parser.add_argument("--file", action="append", default=[], help="also a reader file's tune rows, as one more set")
    parser.add_argument("--l2", default="0.1", help="the fit's penalty; several, comma-separated, to compare them")
    parser.add_argument("--drop", default="", help="comma-separated features left out of the fit")
    parser.add_argument("--ablate", action="store_true", help="also score the fit without each feature in turn")
    args = parser.parse_args(argv)
    from retriever.answer_sentence import FEATURES

    drop = [f for f in args.drop.split(",") if f]
    unknown = [f for f in drop if f not in FEATURES]
    if unknown:
        parser.error(f"--drop {','.join(unknown)}: no such feature; use some of {', '.join(FEATURES)}")
    try:
        penalties = [float(x) for x in args.l2.split(",") if x]
    except ValueError:
        parser.error(f"--l2 {args.l2!r}: not a number; use e.g. --l2 0.1 or --l2 0.03,0.1,0.3")
    from eval.command import run_command

    return run_command(lambda: _report(args, drop, penalties))


def _report(args: argparse.Namespace, drop: Sequence[str], penalties: Sequence[float]) -> None:
    """Print the in-sample and cross-set figures (the question files are read before the index is loaded)."""
    from index.build import ensure_default_index
    from retriever import Retriever
    from retriever.answer_sentence import FEATURES, WEIGHTS

    sets = tuple(name.strip() for name in args.sets.split(",") if name.strip())
    questions = load_questions(sets, split="tune") + [q for path in args.file for q in tune_rows(path)]
    sets += tuple(dict.fromkeys(q.set for q in questions if q.set not in sets))
    retriever = Retriever.load(ensure_default_index(print))
    rows = question_rows(retriever, questions)
    current = np.array([WEIGHTS[f] for f in FEATURES])
    in_sample = {
        s: (accuracy(part, current), len(part), log_loss(part, current))
        for s in sets
        for part in [[r for r in rows if r.set == s]]
    }
    print(f"{len(rows)} answerable tune questions; current WEIGHTS in sample: {describe(in_sample)}")
    kept = [i for i, f in enumerate(FEATURES) if f not in drop]
    base = keep_columns(rows, kept)
    for l2 in penalties:
        print(f"cross-set (fit on the other sets, L2 {l2}{', without ' + ','.join(drop) if drop else ''}): "
              f"{describe(cross_set(base, l2))}")
    if args.ablate:
        for i in kept:
            result = cross_set(keep_columns(rows, [j for j in kept if j != i]), penalties[0])
            print(f"  without {FEATURES[i]:16s} {describe(result)}")


if __name__ == "__main__":
    raise SystemExit(main())
