"""The product's English → Chinese domain glossary: the words of environmental policy that CC-CEDICT lacks.

CC-CEDICT is a general dictionary: it has no entry for 污染源 (pollution source), 河长 (river chief) or
网格员 (grid supervisor), glosses 烟尘 as 'smoke and dust' but never 'soot', and 污染 only as 'to pollute'.
index/glossary_en_zh.tsv lists several hundred such phrases of the genre (pollution and emissions, water,
air and soil, inspection and enforcement, finance, administration). index.lexicon merges it at build time:
a phrase becomes a key of the Chinese terms it translates, whole and stemmed, stopwords dropped ('pollution
sources' → 'pollut sourc', 'source of pollution' → 'sourc pollut'), never word by word, so 'chief' alone finds
no 河长.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from index.normalize import CJK_RUN, canonical
from index.stopwords import EN_STOPWORDS
from index.wordforms import stem

GLOSSARY_FILE = Path(__file__).with_name("glossary_en_zh.tsv")
_WORD = re.compile(r"[a-z0-9][a-z0-9.']*")


@lru_cache(maxsize=1)
def entries() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(English phrases, Chinese terms in canonical form) of each glossary line."""
    out = []
    for line in GLOSSARY_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        english, chinese = line.split("\t", 1)
        phrases = tuple(p.strip().lower() for p in english.split(";") if p.strip())
        terms = tuple(dict.fromkeys(canonical(c) for c in chinese.split()))
        if phrases and terms:
            out.append((phrases, terms))
    return tuple(out)


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A short hash of the glossary file: part of the tokenizer id, so an index is rebuilt when it changes."""
    return hashlib.sha256(GLOSSARY_FILE.read_bytes()).hexdigest()[:10]


def phrase_key(phrase: str) -> str:
    """The lexicon key of an English phrase: its content words' stems ('Sources of pollution' → 'sourc pollut'); a
    phrase of one content word and function words is keyed as written (index.phrases: 'clean up', 'at the sourc')."""
    from index.phrases import written_key

    whole = written_key(phrase)
    if whole:
        return whole
    words = _WORD.findall(phrase.lower().replace("-", " "))
    return " ".join(stem(w) for w in (re.sub(r"'s?$", "", w) for w in words) if w and w not in EN_STOPWORDS)


@lru_cache(maxsize=1)
def _by_term() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for phrases, terms in entries():
        for term in terms:
            out.setdefault(term, []).extend(phrases)
    return {term: tuple(dict.fromkeys(phrases)) for term, phrases in out.items()}


def glossary_phrases(term: str) -> tuple[str, ...]:
    """The glossary's English phrases for a Chinese term in canonical form (烟尘 → soot, smoke dust, …)."""
    return _by_term().get(term, ())


def term_keys(term: str) -> set[str]:
    """The lexicon keys the glossary gives a Chinese term (烟尘 → {'soot', 'smoke dust', 'dust', …})."""
    return {key for key in (phrase_key(p) for p in glossary_phrases(term)) if key}


def _parts(term: str, vocabulary: set[str]) -> list[str]:
    """The vocabulary words a glossary term that is no term of the vocabulary is written with (网格员 → 网格; 面源污染 →
    面源, 污染); none when the term is a word of its own that the text never uses (二氧化碳 is no 氧化: another gas)."""
    from index.tokenize import search_words

    if term in vocabulary or not CJK_RUN.match(term):
        return []
    words = search_words(term)
    if term in words:  # a dictionary word of its own, absent from the text: its pieces mean something else
        return []
    found = [w for w in words if w in vocabulary and len(w) >= 2]
    head = term[-1]
    if not any(w.endswith(head) for w in found) and _noun_character(head):
        return []  # 环境保护税 'environmental tax' is no 环境保护: its head, the noun 税, is what it names (session 24)
    return [w for w in found if not any(w != other and w in other for other in found)]


def _noun_character(char: str) -> bool:
    """A character jieba's dictionary tags a noun on its own (税, 局, 人): a compound ending in it names a kind of it,
    where a bound suffix (员 of 网格员, 化) only makes a word of what it follows."""
    from index.tokenize import posseg

    return posseg().dt.word_tag_tab.get(char, "") == "n"


def _kinds(term: str, vocabulary: set[str]) -> list[str]:
    """The vocabulary words that name a kind of a glossary term the vocabulary lacks: the term written after a word
    (环保局, 公安局 of 局 'bureau'; 总干渠 of 干渠 'canal'), as a Chinese compound's head is its last word. A word
    before a term of one character must have two characters (格局, 结局, 当局 are no bureaus); the word before is
    one of CC-CEDICT's (index.lexicon.cedict_words)."""
    from index.lexicon import cedict_words

    if term in vocabulary or not CJK_RUN.fullmatch(term):
        return []
    words = cedict_words()
    return sorted(
        w for w in vocabulary
        if len(w) > len(term) and w.endswith(term) and CJK_RUN.fullmatch(w)
        and len(w) - len(term) >= (1 if len(term) >= 2 else 2) and w[: -len(term)] in words
    )


def glossary_keys(terms: Iterable[str]) -> dict[str, set[str]]:
    """Keys of glossary entries whose Chinese is no single term of the vocabulary, mapped to the terms it is written
    with (index._parts: 网格员 → 网格 when the index only has 网格), and to the terms naming a kind of it (_kinds:
    bureau → 环保局 where the glossary's 局 is no term of the index; session 24).

    Args:
        terms: the BM25 vocabulary.
    """
    vocabulary = set(terms)
    out: dict[str, set[str]] = {}
    for phrases, chinese in entries():
        for term in chinese:
            parts = _parts(term, vocabulary) or _kinds(term, vocabulary)
            if not parts:
                continue
            for key in (phrase_key(p) for p in phrases):
                if key:  # a word of one word is its Chinese's head: garbage is 垃圾 of 生活垃圾, not 生活 (session 24)
                    heads = [w for w in parts if term.endswith(w)] if " " not in key else parts
                    out.setdefault(key, set()).update(heads or parts)
    return out
