"""``sentence_lift``: how far the best sentence of the top passage stands above the question's typical sentence.

A cross-lingual question (English over a Chinese text) scores lower cosines with every sentence, not only with the
answering one, so the raw cosine (top_sentence) reads an English question's evidence as weaker than it is. Measured
against the median cosine of all the evidence passages' sentences, the same question's best sentence is judged by
how much it stands out, whatever the language (a dense feature: the generic model leaves it out).
"""

from __future__ import annotations

import numpy as np


def sentence_lift(sentence_cosines) -> float:
    """The best sentence cosine of the top passage less the median of every evidence sentence's cosine (0 without
    sentences)."""
    scored = [np.asarray(c, dtype=float) for c in sentence_cosines if len(c)]
    if not scored or not len(sentence_cosines[0]):
        return 0.0
    return float(np.max(sentence_cosines[0]) - np.median(np.concatenate(scored)))
