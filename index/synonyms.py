"""Chinese near-synonyms of the index's words, found at build time: a question's word meets the text's (烧煤 → 燃煤).

Readers write words the transcript never uses for things it does speak of: 烧煤 for its 燃煤, 案子 for its 案件. BM25
matches neither, and the answerability features count such a word as one the text never speaks of. At build time
every word of CC-CEDICT that is no term of the index is paired with the index's terms it may stand for: a word of the
same length that differs from the term in one character only (the rest is written alike), and either

- the two differing characters have the same first meaning (烧 and 燃: 'to burn') and the two words share a gloss
  word (烧煤 'to burn coal', 燃煤 'coal fuel': coal), or
- the term's first meaning is one of the word's leading meanings (the first MAX_SENSES of an entry: 案件 'case';
  案子 'long table; counter; (coll.) case'), and the differing characters share a meaning too, or the word's is a
  spoken noun ending (子, 儿, 头). A meaning further down the word's list is another sense: 影子 'shadow; reflection;
  …; influence' is no 影响 'influence', 面子 'face' (its fourth) no 面貌, 时代 no 时期.

Spoken Chinese also says a verb's result 'away' with 掉 where writing uses 除, 闭 or 停: 拆掉 is paired with 拆除 and
关掉 with 关停 and 关闭 (CC-CEDICT has neither spoken word).

The pairs are saved in the index's lexicon under SYNONYM_PREFIX keys (``zh:烧煤`` → [燃煤]), so that a question
looks its words up in a dictionary lookup, without CC-CEDICT. Only the index's own vocabulary is paired, so the
table is small (about a thousand words for a forum transcript). General Chinese only: nothing about one transcript.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from index.cedict_tables import SetTable
from index.lexicon_terms import lexicon_terms, prefixed
from index.normalize import CJK_RUN

SYNONYM_PREFIX = "zh:"  # lexicon keys of Chinese words that are no index term: zh:烧煤 → [燃煤]
SYNONYMS_ID = "one-char-cedict-v3"
MIN_LEN, MAX_LEN = 2, 4  # words of two to four characters
MAX_SENSES = 3  # a word's leading meanings: the first three of each CC-CEDICT entry (index.lexicon does the same)
_CROSS_REFERENCE = re.compile(r"^(?:see |variant of|old variant|also written|surname|cl:|abbr\.|erhua|used in)")
_NOISE = re.compile(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+(?:\|[^\x00-\x7f]+)?")
SPOKEN_RESULT, WRITTEN_RESULTS = "掉", frozenset("除闭停")  # a verb's result 'away': spoken 拆掉, written 拆除
NOUN_SUFFIXES = frozenset("子儿头")  # spoken nouns end in them: 案子 is 案件
_LEAD = re.compile(r"^(?:a|an|the) ")  # 'to' stays: 完成 'to complete' is no 完整 'complete'


def meaning(gloss: str) -> str:
    """A CC-CEDICT gloss as a meaning to compare: lower case, without notes, Chinese and a leading article; ''
    for a cross-reference ('see 大志', 'variant of 燃')."""
    gloss = gloss.strip().lower()
    if _CROSS_REFERENCE.match(gloss):
        return ""
    gloss = re.sub(r"\s+", " ", _NOISE.sub("", gloss)).strip(" .,;")
    return _LEAD.sub("", gloss).strip()


@lru_cache(maxsize=1)
def _senses() -> tuple[SetTable, SetTable, SetTable, SetTable]:
    """Of every simplified CC-CEDICT word: the first meaning of each of its entries, all its meanings, the stems of
    its gloss words, and its leading meanings (the first MAX_SENSES of each entry). Cached (index/cedict_tables.py)."""
    from index.cedict_tables import cached_packed, pack_sets
    from index.packed_table import PackedTable, pack_table

    sections = cached_packed("senses", lambda: [s for t in _derive_senses() for s in pack_table(pack_sets(t))])
    return tuple(SetTable(PackedTable(sections[at : at + 5])) for at in range(0, 20, 5))


def _derive_senses() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, set[str]], dict[str, set[str]]]:
    from index.lexicon import _cedict
    from index.stopwords import EN_STOPWORDS
    from index.wordforms import stem

    first: dict[str, set[str]] = {}
    every: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    leading: dict[str, set[str]] = {}
    for entry in _cedict().get_entries():
        word = entry["simplified"]
        meanings = [m for m in map(meaning, entry["definitions"]) if m]
        if not meanings or entry["definitions"][0][:1].isupper():  # a name (汾河 'Fen River') stands for no other
            continue
        first.setdefault(word, set()).add(meanings[0])
        every.setdefault(word, set()).update(meanings)
        leading.setdefault(word, set()).update(meanings[:MAX_SENSES])
        if len(word) >= MIN_LEN:
            found = (w for m in meanings for w in re.findall(r"[a-z]+", m) if w not in EN_STOPWORDS and len(w) > 2)
            words.setdefault(word, set()).update(stem(w) for w in found)
    return first, every, words, leading


@lru_cache(maxsize=1)
def _slots() -> Mapping[str, str]:
    """The CC-CEDICT words of MIN_LEN to MAX_LEN characters by the one character that may differ: 'before\tafter' →
    the words written so, newline-joined ('\t煤' → '烧煤\n燃煤\n…'). Cached (index/cedict_tables.py), packed
    (index/packed_table.py)."""
    from index.cedict_tables import cached_packed
    from index.packed_table import PackedTable, pack_table

    return PackedTable(cached_packed("slots", lambda: pack_table(_derive_slots())))


def _derive_slots() -> dict[str, str]:
    slots: dict[str, list[str]] = {}
    for word in _senses()[1]:
        if MIN_LEN <= len(word) <= MAX_LEN and CJK_RUN.fullmatch(word):
            for i in range(len(word)):
                slots.setdefault(f"{word[:i]}\t{word[i + 1 :]}", []).append(word)
    return {slot: "\n".join(found) for slot, found in slots.items()}


def _slot_words(slots: Mapping[str, str], before: str, after: str) -> list[str]:
    """The words of a slot (_slots): written before, one character, after."""
    found = slots.get(f"{before}\t{after}")
    return found.split("\n") if found else []


def build_synonyms(terms: Iterable[str]) -> dict[str, list[str]]:
    """Words of CC-CEDICT that are no index term, each with the index terms of the same meaning (see the module).

    Args:
        terms: the BM25 vocabulary.

    Returns:
        {word: sorted terms}, e.g. {'烧煤': ['燃煤'], '案子': ['案件']}.
    """
    vocabulary = {t for t in terms if CJK_RUN.fullmatch(t) and MIN_LEN <= len(t) <= MAX_LEN}
    first, every, words, leading = _senses()
    slots = _slots()
    out: dict[str, set[str]] = {}
    for term in sorted(vocabulary):
        for i in range(len(term)):
            for word in _slot_words(slots, term[:i], term[i + 1 :]):
                if word in vocabulary:
                    continue
                a, b = term[i], word[i]
                same_char = bool(first.get(a, set()) & first.get(b, set()))
                related = b in NOUN_SUFFIXES or bool(every.get(a, set()) & every.get(b, set()))
                if (same_char and words.get(term, set()) & words.get(word, set())) or (
                    related and first.get(term, set()) & leading.get(word, set())
                ):
                    out.setdefault(word, set()).add(term)
        if len(term) == 2 and term[1] in WRITTEN_RESULTS and term[0] + SPOKEN_RESULT not in vocabulary:
            out.setdefault(term[0] + SPOKEN_RESULT, set()).add(term)  # 拆掉 → 拆除, 关掉 → 关停, 关闭
    return {word: sorted(found) for word, found in sorted(out.items())}


def lexicon_entries(terms: Iterable[str]) -> dict[str, list[str]]:
    """build_synonyms as lexicon entries: each word under its SYNONYM_PREFIX key."""
    return prefixed(SYNONYM_PREFIX, build_synonyms(terms))


def synonyms(word: str, lexicon: Mapping[str, list[str]] | None) -> list[str]:
    """The index terms a Chinese word of a question may stand for ('烧煤' → ['燃煤']); [] for an index term itself,
    a word with none, or a lexicon built without them (lexicon_terms)."""
    return lexicon_terms(SYNONYM_PREFIX, word, lexicon)
