"""Words the transcript does not know: questions without a content word (nonsense) and unknown names."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from index.normalize import CJK, canonical
from retriever.answerability.units import Unit, chinese_units, english_units, pos_tagger

Contains = Callable[[str], bool]

_INTERJECTIONS = frozenset("嗯啊哈呵哦噢喔呀嘿喂唉哎呃额嘻咦哇嗨")
_GREETINGS = re.compile(r"你好|您好|谢谢|再见|在吗|早上好|晚上好|\b(?:hello|hi|hey|thanks?|thank you|bye|ok(?:ay)?)\b", re.I)
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890")
_FILLERS = frozenset(
    "test testing tests lol haha hehe hmm emm yes yeah nope 测试 试试 测一下 好的 是的 哈哈 呵呵 你好 您好 谢谢 再见 在吗".split()
)
_VOWEL = re.compile(r"[aeiouy]")
_NAMED_TAGS = {"ns", "nr", "nrt", "nrfg", "nt", "eng"}
_GENERIC_PLACE = re.compile(r"^[大小内外]?[河海岛山湖江]+$")  # landform words (大河, 海岛) are not named places


def is_word(unit: Unit, question: str = "") -> bool:
    """Whether a content word is a word at all: not digits, interjections, fillers or a run of keyboard keys
    (an acronym the question writes in capitals, PPP, is a word)."""
    label = unit.label
    if label in _FILLERS or re.fullmatch(r"[\d.,%]+", label):
        return False
    if CJK.search(label):
        return any(CJK.match(c) and c not in _INTERJECTIONS for c in label)
    if len(label) < 2 or not _VOWEL.search(label) or any(label in row for row in _KEYBOARD_ROWS):
        acronym = len(label) >= 2 and re.search(rf"(?<![A-Za-z]){re.escape(label.upper())}(?![A-Za-z])", question)
        return len(unit.forms) > 1 or bool(acronym)  # the lexicon knows it (pinyin), or written as an acronym
    return True


def nonsense(question: str, lexicon: dict[str, list[str]], terms: Sequence[str] | None = None) -> float:
    """1.0 when the question holds no content word: only emoji, punctuation, digits, interjections, greetings,
    fillers (test, 测试) or key runs (asdfghjkl).

    Args:
        question: the question.
        lexicon: the index's lexicon (English and pinyin words it maps).
        terms: the question's BM25 terms (default: tokenised here).
    """
    if terms is None:
        from index.tokenize import tokenize

        terms = tokenize(question)
    text = _GREETINGS.sub(" ", question)
    units = chinese_units([t for t in terms if not t.isascii()]) + english_units(text, lexicon)
    return 0.0 if any(is_word(u, question) for u in units) else 1.0


_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,5}(?![a-z])")


def _is_dictionary_word(word: str) -> bool:
    """A word of jieba's dictionary (北京) is meant as written; only other strings can be slips (黄镖)."""
    return pos_tagger().dt.tokenizer.FREQ.get(word, 0) > 0


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
    from index.lexicon import looks_known
    from index.pinyin import sounds_known

    found = []
    text = canonical(question)
    acronyms = {a.lower() for a in _ACRONYM.findall(question)}  # GDP, CEO: names, not English words
    offset = 0
    for word, tag in pos_tagger().cut(text):
        start, offset = offset, offset + len(word)
        named = tag in _NAMED_TAGS or (tag == "m" and re.search(r"\d{2,}", word))
        if tag == "ns" and _GENERIC_PLACE.search(word):
            named = False
        word = word.strip()
        if not named or len(word) < 2 or contains(word):
            continue
        if lexicon and word.isascii() and word not in acronyms and looks_known(word, lexicon):
            continue
        if known is not None and not word.isascii() and not _is_dictionary_word(word):
            # the slip may cut a word short (黄镖|车 for 黄标车): try it with a neighbouring character or two
            windows = [text[max(0, start - b) : offset + a] for b in (0, 1) for a in (0, 1, 2)]
            if any(sounds_known(w, contains, known) for w in windows):
                continue
        found.append(word)
    return found


def title_case(question: str) -> bool:
    """True when most words after the first are capitalised: capitals then say nothing about names."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", question)[1:] if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 2 > len(words)
