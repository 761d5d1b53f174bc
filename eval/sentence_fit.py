"""Fit the answer-sentence weights (retriever/answer_sentence.py WEIGHTS) on the tune split, and cross-validate them.

Every candidate highlight of the first ANSWER_DEPTH passages of answer(k=5) is a row of features; the candidate
is right when it contains an answer string. A conditional logit (one softmax over each question's candidates,
L2-penalised) is fitted; the printed weights are the ones to paste into WEIGHTS. Tune split only: held-out
questions are never read. Usage:

    python -m eval.sentence_fit [--sets gold,readers] [--file eval/sets/readers5.jsonl] [--l2 0.1] [--folds 5] [--repeats 3]

The penalty (session 8): over the tune split of all four sets, 5 folds x 6, 0.1 scores 0.908, 0.3 0.902, 0.03 0.909
(0.03 is within noise of 0.1 and less regularised). Session 5: fitted on gold + readers alone, 0.3 chose the right sentence for 63 of the 72 answerable tune
questions of eval/sets/readers2.jsonl (written later, blind) where 0.03 chose it for 60 and the weights before
for 59; cross-validated over all three sets, 0.3 scores 0.899, 0.1 0.894, 1.0 0.889 and 0.03 0.889.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import numpy as np

from eval.command import command
from eval.metrics import contains_answer
from eval.questions import DEFAULT_SETS, load_questions

ANSWER_K = 5


@dataclass(frozen=True)
class Rows:
    """One question's candidates: feature matrix (FEATURES order) and whether each holds an answer."""

    id: str
    features: np.ndarray
    right: np.ndarray
    set: str = ""


def question_rows(retriever, questions, k: int = ANSWER_K) -> list[Rows]:
    """The candidate features of each answerable question, as answer(k) sees them (hybrid, no filter)."""
    from index.store.base import NO_FILTER
    from retriever.answer_sentence import ANSWER_DEPTH, FEATURES, asked_for, word_weights
    from retriever.highlight import candidates, may_answer, passage_contexts
    from retriever.service import entity_names, owned_by_asked, search, subjects
    from retriever.types import Mode

    hosts = {name for name, s in retriever.speakers.items() if "主持" in s.title or s.role.startswith("主持")}
    rows = []
    for q in questions:
        if not q.answerable:
            continue
        parsed = retriever.parse(q.question)
        searched = search(retriever, parsed, k, Mode.HYBRID, NO_FILTER)
        chunks = retriever.backend.chunks.get([h.chunk_id for h in searched.hits])
        cosines = [searched.sentences[c.chunk_id] for c in chunks]
        asked = asked_for(
            parsed.text, parsed.terms, retriever.backend.lexicon, entity_names(retriever), subjects(retriever, chunks)
        )
        weights = word_weights(asked, chunks)
        features, right = [], []
        kinds = [h.kind for h in searched.hits]
        lead_ins = [h.citation.speaker in hosts for h in searched.hits]
        owned = owned_by_asked(retriever, parsed.text, chunks, parsed.lang)
        allowed = may_answer(
            asked, kinds[:ANSWER_DEPTH], lead_ins[:ANSWER_DEPTH], None if owned is None else owned[:ANSWER_DEPTH]
        )
        contexts = passage_contexts(chunks, cosines, asked, weights, kinds, lead_ins)
        for i, (chunk, cos, where) in enumerate(list(zip(chunks, cosines, contexts))[:ANSWER_DEPTH]):
            if not allowed[i]:
                continue  # as retriever.highlight.answer_highlights
            for c in candidates(chunk, cos, asked, weights, where):
                features.append(c.features)
                right.append(contains_answer(chunk.text[c.start : c.end], q.answers))
        rows.append(Rows(q.id, np.array(features, dtype=float).reshape(-1, len(FEATURES)), np.array(right, dtype=float), q.set))
    return rows


def fit(rows: list[Rows], l2: float) -> np.ndarray:
    """Conditional-logit weights: maximise each question's probability of its right candidates."""
    from scipy.optimize import minimize

    usable = [r for r in rows if len(r.right) and r.right.any() and not r.right.all()]
    size = usable[0].features.shape[1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = l2 * float(w @ w), 2 * l2 * w
        for r in usable:
            s = r.features @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            right = float((p * r.right).sum())
            value -= np.log(right + 1e-12)
            grad -= r.features.T @ (p * r.right / (right + 1e-12) - p)
        return value, grad

    return minimize(loss, np.zeros(size), jac=True, method="L-BFGS-B").x


def accuracy(rows: list[Rows], w: np.ndarray) -> int:
    """How many questions' best-scored candidate holds an answer."""
    return sum(bool(len(r.right)) and bool(r.right[int(np.argmax(r.features @ w))]) for r in rows)


def cross_validate(rows: list[Rows], l2: float, folds: int, repeats: int) -> float:
    """Mean accuracy on the left-out folds (questions split at random, `repeats` times)."""
    hits = 0
    for seed in range(repeats):
        order = np.random.default_rng(seed).permutation(len(rows))
        for part in np.array_split(order, folds):
            test = set(part.tolist())
            w = fit([r for i, r in enumerate(rows) if i not in test], l2)
            hits += accuracy([rows[i] for i in sorted(test)], w)
    return hits / repeats / len(rows)


@command
def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(DEFAULT_SETS), help="the sets whose tune split is fitted on")
    parser.add_argument("--file", action="append", default=[], help="also a reader file's tune rows")
    parser.add_argument("--l2", type=float, default=0.1)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    from index.build import ensure_default_index
    from retriever import Retriever
    from retriever.answer_sentence import FEATURES, WEIGHTS

    retriever = Retriever.load(ensure_default_index(print))
    sets = tuple(name.strip() for name in args.sets.split(",") if name.strip())
    from eval.sentence_misses import tune_rows

    questions = load_questions(sets, split="tune") + [q for path in args.file for q in tune_rows(path)]
    rows = question_rows(retriever, questions)
    current = np.array([WEIGHTS[f] for f in FEATURES])
    fitted = fit(rows, args.l2)
    reachable = sum(bool(r.right.any()) for r in rows)
    print(f"{len(rows)} answerable tune questions; a right candidate among the first passages for {reachable}")
    print(f"current WEIGHTS: {accuracy(rows, current)} right; fitted: {accuracy(rows, fitted)} right (in sample)")
    print(f"cross-validated ({args.folds} folds x {args.repeats}): {cross_validate(rows, args.l2, args.folds, args.repeats):.3f}")
    print("fitted WEIGHTS:")
    for name, value in zip(FEATURES, fitted):
        print(f'    "{name}": {value:.2f},')


if __name__ == "__main__":
    main()
