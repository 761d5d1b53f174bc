"""Everyday Chinese words of a question → the written terms of the text: 罚款 → 处罚, 厂子 → 企业, 冬天 → 冬季.

Readers ask as they speak (罚了多少钱, 关了几家厂子, 老百姓满意吗); reports and speeches of environmental governance
write 处罚金额, 关停, 企业, 群众. Such pairs share no character, so index.synonyms (one character differs) cannot find
them, and broad automatic sources (shared CC-CEDICT glosses) pair too many unrelated words. index/everyday.tsv is a
small reviewed table of them: general equivalences of the language, each checked against CC-CEDICT's senses, written
for no one question or transcript (its header says how to add to it).

At build time each spoken word is paired with the written terms of its line that are terms of the index
(build_everyday); the pairs are saved in the index's lexicon under EVERYDAY_PREFIX keys (``co:厂子`` → [企业]). At
query time a spoken word that is no term of the index adds its written terms to the BM25 terms
(retriever.query.parse_query: an exact match is never touched), and every spoken word is found in a passage by its
written terms too (retriever.answerability.units: 罚了多少钱 is answered where the text gives 处罚金额).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from index.lexicon_terms import lexicon_terms, prefixed
from index.normalize import canonical

EVERYDAY_FILE = Path(__file__).with_name("everyday.tsv")
EVERYDAY_PREFIX = "co:"  # lexicon keys of everyday words: co:厂子 → [企业]


@lru_cache(maxsize=1)
def entries() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """(spoken words, written terms) of each line of the table, in canonical form."""
    out = []
    for line in EVERYDAY_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        spoken, written = line.split("\t", 1)
        words = tuple(dict.fromkeys(canonical(w) for w in spoken.split()))
        terms = tuple(dict.fromkeys(canonical(t) for t in written.split()))
        if words and terms:
            out.append((words, terms))
    return tuple(out)


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A short hash of the table: part of the lexicon id, so an index is rebuilt when the table changes."""
    return hashlib.sha256(EVERYDAY_FILE.read_bytes()).hexdigest()[:10]


EVERYDAY_ID = f"everyday-{fingerprint()}"


def table() -> dict[str, tuple[str, ...]]:
    """Every spoken word with all the written terms the table gives it (over all its lines, in order)."""
    out: dict[str, list[str]] = {}
    for words, terms in entries():
        for word in words:
            found = out.setdefault(word, [])
            found += [t for t in terms if t != word and t not in found]
    return {word: tuple(terms) for word, terms in out.items() if terms}


def build_everyday(terms: Iterable[str]) -> dict[str, list[str]]:
    """The table's spoken words, each with its written terms that are terms of the index (only those that have one).

    Args:
        terms: the BM25 vocabulary.

    Returns:
        {spoken word: written terms in the table's order}, e.g. {'厂子': ['企业'], '冬天': ['冬季']}.
    """
    vocabulary = set(terms)
    out = {}
    for word, written in sorted(table().items()):
        kept = [t for t in written if t in vocabulary]
        if kept:
            out[word] = kept
    return out


def lexicon_entries(terms: Iterable[str]) -> dict[str, list[str]]:
    """build_everyday as lexicon entries: each spoken word under its EVERYDAY_PREFIX key."""
    return prefixed(EVERYDAY_PREFIX, build_everyday(terms))


def everyday(word: str, lexicon: Mapping[str, list[str]] | None) -> list[str]:
    """The index terms an everyday word of a question stands for ('厂子' → ['企业']); [] for a word the table does
    not hold, a word whose written terms the index lacks, or a lexicon built without the table (lexicon_terms)."""
    return lexicon_terms(EVERYDAY_PREFIX, word, lexicon)
