"""sentence_lift: the top passage's best sentence against the median of every evidence sentence."""

import numpy as np
import pytest

from retriever.answerability.lift import sentence_lift


def test_lift_is_the_best_sentence_of_the_top_passage_over_the_median():
    cosines = (np.array([0.80, 0.86]), np.array([0.78, 0.79, 0.81]))
    assert sentence_lift(cosines) == pytest.approx(0.86 - 0.80)


def test_a_lower_cross_lingual_scale_keeps_the_lift():
    chinese = (np.array([0.90, 0.86]), np.array([0.84, 0.85]))
    english = tuple(c - 0.06 for c in chinese)  # every cosine lower, the same stand-out
    assert sentence_lift(english) == pytest.approx(sentence_lift(chinese))


def test_no_sentences_no_lift():
    assert sentence_lift(()) == 0.0
    assert sentence_lift((np.array([]), np.array([0.8]))) == 0.0


def test_the_median_is_numpys_to_the_bit():
    """lift.median (which spares a cold question numpy.ma's import) equals np.median exactly: odd and even sizes,
    ties, tiny and large values, NaN."""
    from retriever.answerability.lift import median

    rng = np.random.default_rng(7)
    for size in range(1, 120):
        for trial in range(6):
            values = rng.normal(size=size) * (10.0 ** rng.integers(-4, 4))
            if trial == 1:
                values = np.round(values, 1)
            if trial == 2 and size > 1:
                values[rng.integers(size)] = np.nan
            theirs = float(np.median(values))
            assert median(values) == theirs or (np.isnan(theirs) and np.isnan(median(values)))


def test_the_lift_is_numpys_to_the_bit_for_float32_cosines():
    """The embedder's float32 cosines: the lift subtracts in float64, as np.median's float64 result made it."""
    rng = np.random.default_rng(11)
    for size in range(1, 60):
        cosines = tuple(rng.random(rng.integers(1, 9)).astype(np.float32) for _ in range(1 + size % 4))
        scored = [np.asarray(c, dtype=float) for c in cosines]
        assert sentence_lift(cosines) == float(np.max(cosines[0]) - np.median(np.concatenate(scored)))
