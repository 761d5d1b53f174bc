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
