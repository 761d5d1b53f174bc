"""Quality regression: the figures per split on a fresh default index must not drop below eval/expected.json.

Gold and reader sets, tune and held-out splits, hybrid mode: retrieval (R@1, R@5, MRR@10), answer
sentence, abstention on out-of-scope, near-miss and nonsense questions, and false abstention.
Re-record after an intended change with `python -m eval --record-expected`.
"""

from __future__ import annotations

import pytest

from eval.expected import EXPECTED, RECORD_COMMAND, TOLERANCE, load_expected, regressions
from eval.questions import load_questions
from eval.run import evaluate

MODES = ("hybrid",)


@pytest.mark.skipif(not EXPECTED.exists(), reason=f"no {EXPECTED.name}; record it with {RECORD_COMMAND}")
def test_figures_do_not_drop(eval_retriever):
    expected = load_expected()
    results = evaluate(eval_retriever, load_questions(), modes=[m for m in MODES if m in expected["modes"]])
    dropped = regressions(results, expected, TOLERANCE)
    assert not dropped, (
        "quality dropped below eval/expected.json:\n  " + "\n  ".join(dropped)
        + f"\nIf the change is intended, re-record with: {RECORD_COMMAND}"
    )


def test_questions_shared_out_are_observed_as_by_one_process(eval_retriever):
    """collect(workers=2): the observations of one process,
    timings apart, in the questions' order, a repeated question once."""
    from eval.run import collect, reopenable

    assert reopenable(eval_retriever)  # else collect() would ask every question here, and this test nothing
    questions = load_questions(split="tune")[::400][:5]
    questions = [*questions, questions[0]]

    def observed(workers):
        return {qid: {key: value for key, value in seen.items() if not key.endswith("_s")}
                for qid, seen in collect(eval_retriever, questions, ["hybrid"], workers=workers)["hybrid"].items()}

    shared, alone = observed(2), observed(1)
    assert list(shared) == list(alone) == list(dict.fromkeys(q.id for q in questions))
    assert shared == alone
