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
    # the maximum as a float64 before the subtraction, as np.median's float64 made it (cosines may be float32)
    return float(np.max(sentence_cosines[0])) - median(np.concatenate(scored))


def median(values: np.ndarray) -> float:
    """np.median of a non-empty 1-D float array, to the bit (the middle value, or the two middle values' sum halved;
    NaN when one is NaN), without np.median's NaN check, whose first call imports numpy.ma (~20 ms of a cold question)."""
    ordered = np.sort(values)  # NaN sorts last
    if np.isnan(ordered[-1]):
        return float("nan")
    middle = len(ordered) // 2
    return float(ordered[middle]) if len(ordered) % 2 else (float(ordered[middle - 1]) + float(ordered[middle])) / 2
