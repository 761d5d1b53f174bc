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
