"""The leave-one-set-out study of the answerability fit: row weights and the threshold chosen on other sets."""

import numpy as np

from eval.calibrate_negatives import Example
from eval.calibrate_study import Candidate, cost, nested_threshold, refusals, weights


def test_weights_per_set_and_per_generated_kind():
    examples = [Example("a", 1, "readers/plain r1", "r1"), Example("b", 0, "readers/near_miss r2", "r2"),
                Example("c", 1, "readers2/plain s1", "s1"), Example("d", 0, "entity swap of r1", "r1"),
                Example("e", 0, "place swap of s1", "s1")]
    member = ["readers", "readers", "readers2", "readers", "readers2"]
    w = weights(Candidate("base"), examples, member)
    assert list(w) == [1.0, 3.0, 1.0, 0.25, 0.25]  # a written negative 3, a generated one a quarter
    w = weights(Candidate("kinds", origin_weights={"place": 0.1}), examples, member)
    assert w[4] == 0.1 and w[3] == 0.25
    w = weights(Candidate("sets", per_set=True), examples, member)
    assert np.isclose(w[0] + w[1], w[2]) and np.isclose(w[2], 2.5)  # each set's written rows weigh the mean total


def test_the_threshold_is_chosen_on_the_other_sets_and_applied_to_each():
    examples = [Example("a", 1, "s1/plain a", "a"), Example("b", 0, "s1/near_miss b", "b"),
                Example("c", 1, "s2/plain c", "c"), Example("d", 0, "s2/out_of_scope d", "d")]
    result = {"rows": [0, 1, 2, 3], "p": np.array([0.6, 0.4, 0.45, 0.2]), "set_of_row": ["s1", "s1", "s2", "s2"]}
    assert refusals(result, examples, 0.5) == {"fa": (1, 2), "nm": (1, 1), "oos": (1, 1)}
    assert cost(refusals(result, examples, 0.5)) == 2.0
    total, chosen = nested_threshold(result, examples, [0.3, 0.5], cost)
    # s1 is scored at s2's best threshold (0.3: c answered, d refused) and s2 at s1's (0.5)
    assert chosen == [0.3, 0.5] and total == {"fa": (1, 2), "nm": (0, 1), "oos": (1, 1)}
