"""Answerability: does the transcript answer the question? One calibrated model over features of the evidence.

features.py computes the features from the search already run, model.py evaluates the stored
model (a logistic regression fitted by eval/calibrate.py), judge.py turns its probability into the
abstention and a one-line reason.
"""

from retriever.answerability.features import FEATURES, Analysis, Evidence, IndexFacts, analyse
from retriever.answerability.judge import Answerability, Verdict
from retriever.answerability.model import AnswerabilityModel, AnswerabilityModelError, model_for

__all__ = [
    "FEATURES",
    "Analysis",
    "Answerability",
    "AnswerabilityModel",
    "AnswerabilityModelError",
    "Evidence",
    "IndexFacts",
    "Verdict",
    "analyse",
    "model_for",
]
