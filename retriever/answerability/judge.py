"""The decision: the model's probability that the text answers, the abstention and a one-line reason."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from retriever.answerability.entities import entities_from_knowledge
from retriever.answerability.features import Analysis, Evidence, IndexFacts, analyse
from retriever.answerability.model import AnswerabilityModel, model_for
from retriever.answerability.specificity import passage_keys
from retriever.answerability.subjects import subject_entities, subject_texts
from retriever.answerability.years import document_years
from retriever.holding import TRANSCRIPT, Holding


@dataclass(frozen=True)
class Verdict:
    """The probability that the transcript answers the question, whether to abstain, and why (one line)."""

    probability: float
    abstained: bool
    reason: str
    analysis: Analysis


def reason(analysis: Analysis, contributions: dict[str, float], holding: Holding = TRANSCRIPT) -> str:
    """The user's one-line reason for an abstention: the evidence that weighed most against answering, naming
    what the index holds (holding: the transcript, one document's title, or the documents)."""
    values = analysis.values
    zh, en, verb = holding.zh, holding.en, holding.verb
    if values["nonsense"] and analysis.wordless:
        return "问题中没有可以查找的词语 (the question has no words to look up)"
    if values["nonsense"]:
        return f"{zh}中没有出现问题中的任何词语 (none of the question's words occurs in {en})"
    if values.get("quote_absent") and analysis.unquoted:
        zh_quotes = "、".join(f"“{q}”" for q in analysis.unquoted)
        en_quotes = ", ".join(f'"{q}"' for q in analysis.unquoted)
        return f"{zh}中没有这句话：{zh_quotes} ({en} never {verb('says', 'say')} {en_quotes})"
    if analysis.unknown:
        names = analysis.unknown
        return f"{zh}中没有提到：{'、'.join(names)} ({en} never {verb('mentions', 'mention')} {', '.join(names)})"
    never_speaks = verb("speaks", "speak")
    against = sorted((v, k) for k, v in contributions.items() if v < 0)
    for _, name in against:
        # only the words the text never writes; a word without a gloss is no proof
        absent = list(analysis.unwritten) or [w for w in analysis.focus if w not in analysis.unmapped]
        if name == "focus_known" and absent:
            if analysis.entities and all(e.startswith("《") for e in analysis.entities):  # a subject's article
                who, en_who = "、".join(analysis.entities), ", ".join(e.strip("《》") for e in analysis.entities)
                return (f"{zh}中关于{who}的段落没有谈到：{'、'.join(absent)} "
                        f"(the passages about {en_who} never speak of {', '.join(absent)})")
            return f"{zh}中没有谈到：{'、'.join(absent)} ({en} never {never_speaks} of {', '.join(absent)})"
        if name == "focus_sentence" and analysis.unit is not None:
            return f"{zh}中没有找到这个数字 (no passage gives this number)"
        if name in ("attr_cover", "entity_top", "focus_sentence", "fact_elsewhere") and analysis.entities:
            who = "、".join(analysis.entities)
            if all(e.startswith("《") for e in analysis.entities):  # documents' subjects (subjects.py), not speakers
                en_who = ", ".join(e.strip("《》") for e in analysis.entities)
                return f"{zh}中关于{who}的段落没有谈到这一点 (the passages about {en_who} do not give this)"
            return f"{zh}中{who}的发言没有谈到这一点 (what {who} said does not give this)"
        if name == "absent_noun" and analysis.absent:
            words = analysis.absent
            return f"{zh}中没有谈到：{'、'.join(words)} ({en} never {never_speaks} of {', '.join(words)})"
        if name == "place_absent" and analysis.elsewhere:
            places = analysis.elsewhere
            return (f"{zh}中谈到这一点的段落没有提到：{'、'.join(places)} "
                    f"(the passages that speak of this do not mention {', '.join(places)})")
        if name == "year_absent":
            return f"{zh}中谈到这一点的段落说的不是问题问的年份 (the passages that speak of this speak of another year)"
        if name == "kind_named":
            return f"{zh}中没有给出这个名称 ({en} {verb('gives', 'give')} no such name)"
        if name == "unit_missing":
            return f"{zh}中没有找到这个数字 (no passage gives this number)"
        if name in ("cover_top", "known", "attr_cover", "focus_sentence"):
            return f"{zh}中没有谈到问题中的这些内容 ({en} {verb('does', 'do')} not speak of what is asked)"
    return not_close(holding)


def not_close(holding: Holding = TRANSCRIPT) -> str:
    """The reason when no one feature weighed most: nothing the index holds is close to the question."""
    return f"{holding.zh}中没有与此相关的内容 (nothing in {holding.en} is close enough to this question)"


class Answerability:
    """Judge whether an index's transcript answers a question, from the evidence of one search."""

    def __init__(
        self,
        model: AnswerabilityModel | Callable[[], AnswerabilityModel],
        facts: IndexFacts | Callable[[], IndexFacts],
        holding: Holding = TRANSCRIPT,
    ) -> None:
        self._model = model
        self._facts = facts
        self.holding = holding  # what the reasons name: the transcript, one document's title or the documents
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
            chunks = backend.chunks.all()
            subjects = subject_entities(retriever.index.manifest.docs)
            entities = entities_from_knowledge(names)
            return IndexFacts(
                entities, names, backend.chunks.contains_text, backend.lexicon, retriever._known,
                subjects, document_years(chunks), english=retriever.english_text(chunks),
                subject_texts=subject_texts(subjects, chunks),
                doc_titles={d.doc: d.title for d in retriever.index.manifest.docs},
                passage_keys=passage_keys(chunks, entities),
            )

        return cls(lambda: model_for(retriever.embedder.id), facts, retriever.holding)

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
        # Nothing to look up, or a quoted phrase nobody wrote (who said it has no answer): no evidence can make the
        # text answer it (the rules outside the model; quotes.py).
        ruled = analysis.values["nonsense"] or analysis.values["quote_absent"]
        probability = 0.0 if ruled else self.model.probability(analysis)
        abstained = probability < self.model.threshold
        why = reason(analysis, self.model.contributions(analysis), self.holding) if abstained else ""
        return Verdict(round(probability, 4), abstained, why, analysis)

    def settings(self) -> dict:
        """What the evaluation records about the model."""
        return {"model": self.model.source, "threshold": self.model.threshold, "features": list(self.model.features)}
