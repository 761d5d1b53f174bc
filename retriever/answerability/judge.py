"""The decision: the model's probability that the text answers, the abstention and a one-line reason."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from retriever.answerability.entities import entities_from_knowledge
from retriever.answerability.features import Analysis, Evidence, IndexFacts, analyse
from retriever.answerability.model import AnswerabilityModel, model_for

NOT_CLOSE = "转录稿中没有与此相关的内容 (nothing in the transcript is close enough to this question)"


@dataclass(frozen=True)
class Verdict:
    """The probability that the transcript answers the question, whether to abstain, and why (one line)."""

    probability: float
    abstained: bool
    reason: str
    analysis: Analysis


def reason(analysis: Analysis, contributions: dict[str, float]) -> str:
    """The user's one-line reason for an abstention: the evidence that weighed most against answering."""
    values = analysis.values
    if values["nonsense"] and analysis.wordless:
        return "问题中没有可以查找的词语 (the question has no words to look up)"
    if values["nonsense"]:
        return "转录稿中没有出现问题中的任何词语 (none of the question's words occurs in the transcript)"
    if analysis.unknown:
        names = analysis.unknown
        return f"转录稿中没有提到：{'、'.join(names)} (the transcript never mentions {', '.join(names)})"
    against = sorted((v, k) for k, v in contributions.items() if v < 0)
    for _, name in against:
        absent = [w for w in analysis.focus if w not in analysis.unmapped]  # a word without a gloss is no proof
        if name == "focus_known" and absent:
            return f"转录稿中没有谈到：{'、'.join(absent)} (the transcript never speaks of {', '.join(absent)})"
        if name == "focus_sentence" and analysis.unit is not None:
            return "转录稿中没有找到这个数字 (no passage gives this number)"
        if name in ("attr_cover", "entity_top", "focus_sentence", "fact_elsewhere") and analysis.entities:
            who = "、".join(analysis.entities)
            return f"转录稿中{who}的发言没有谈到这一点 (what {who} said does not give this)"
        if name == "absent_noun" and analysis.absent:
            words = analysis.absent
            return f"转录稿中没有谈到：{'、'.join(words)} (the transcript never speaks of {', '.join(words)})"
        if name == "place_absent" and analysis.elsewhere:
            places = analysis.elsewhere
            return (f"转录稿中谈到这一点的段落没有提到：{'、'.join(places)} "
                    f"(the passages that speak of this do not mention {', '.join(places)})")
        if name == "kind_named":
            return "转录稿中没有给出这个名称 (the transcript gives no such name)"
        if name == "unit_missing":
            return "转录稿中没有找到这个数字 (no passage gives this number)"
        if name in ("cover_top", "known", "attr_cover", "focus_sentence"):
            return "转录稿中没有谈到问题中的这些内容 (the transcript does not speak of what is asked)"
    return NOT_CLOSE


class Answerability:
    """Judge whether an index's transcript answers a question, from the evidence of one search."""

    def __init__(
        self, model: AnswerabilityModel | Callable[[], AnswerabilityModel], facts: IndexFacts | Callable[[], IndexFacts]
    ) -> None:
        self._model = model
        self._facts = facts
        self._lock = threading.Lock()

    @classmethod
    def for_retriever(cls, retriever) -> Answerability:
        """The model of the retriever's embedder (or the generic one) over its index's entities and lexicon.

        Both are read on the first judgement: the model file (so that eval/calibrate.py can compute features
        while the stored model is stale) and the entities (the conversation Knowledge reads every passage once).
        """

        def facts() -> IndexFacts:
            from retriever.conversation import knowledge_for

            names = knowledge_for(retriever)
            backend = retriever.backend
            return IndexFacts(
                entities_from_knowledge(names), names, backend.chunks.contains_text, backend.lexicon, retriever._known
            )

        return cls(lambda: model_for(retriever.embedder.id), facts)

    @property
    def model(self) -> AnswerabilityModel:
        """The answerability model (loaded on first use).

        Raises:
            AnswerabilityModelError: the model file is missing or does not fit this forumqa.
        """
        with self._lock:
            if callable(self._model):
                self._model = self._model()
            return self._model

    @property
    def facts(self) -> IndexFacts:
        """The index's entities, lexicon and text lookup."""
        with self._lock:
            if callable(self._facts):
                self._facts = self._facts()
            return self._facts

    def analyse(self, evidence: Evidence) -> Analysis:
        """The features of one question's evidence (no model needed)."""
        return analyse(evidence, self.facts)

    def judge(self, evidence: Evidence) -> Verdict:
        """The verdict on one question's evidence."""
        analysis = self.analyse(evidence)
        # Nothing to look up: no evidence can make the text answer it (the one rule outside the model).
        probability = 0.0 if analysis.values["nonsense"] else self.model.probability(analysis)
        abstained = probability < self.model.threshold
        why = reason(analysis, self.model.contributions(analysis)) if abstained else ""
        return Verdict(round(probability, 4), abstained, why, analysis)

    def settings(self) -> dict:
        """What the evaluation records about the model."""
        return {"model": self.model.source, "threshold": self.model.threshold, "features": list(self.model.features)}
