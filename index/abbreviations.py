"""Official shorthand of a question → the organisations the text names in full: 省厅 → 省环保厅, 部里 → 环境保护部.

Readers and officials speak of the bodies they deal with by a shorthand: the level of government and the organ's
kind (省厅 'the provincial department', 市局 'the city bureau'), or the organ alone with 里 ('at the ministry': 部里,
局里, 厅里). A text of the genre writes them in full (湖南省环保厅, 大连市环保局, 环境保护部). No dictionary lists
the shorthand, but each one is the level character and the head character of a name the text writes, so it is found
from the text itself:

- organ words are CC-CEDICT words that end in an organ character and whose gloss names a body (环保厅 '(provincial)
  department of environmental protection', 环境保护部 'Ministry of Environmental Protection'); organ characters are
  the single characters CC-CEDICT glosses so (部 'ministry', 厅 'provincial government department', 局 'office',
  署, 处, 司, 委 'council');
- a mention is an organ word written in the text, not as the start of a longer word (环保部门 is no 环保部: 部门 is
  a word);
- a mention right after a level character (湖南省环保厅, 大连市环保局) gives the shorthand level + head (省厅 → 省环保厅,
  市局 → 市环保局); every mention gives head + 里 (部里 → 环境保护部).

The one hand table is LEVELS, the characters that end the name of a level of government (a closed class). The pairs
are saved in the index's lexicon under ABBREVIATION_PREFIX keys (``ab:省厅`` → [省环保厅]): a question's shorthand
that is no index term is found in a passage by the full names (retriever.answerability.units) and searched by their
words (retriever.query). Nothing about one transcript: only what its text writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from index.lexicon_terms import lexicon_terms, prefixed
from index.normalize import CJK_RUN, canonical

ABBREVIATION_PREFIX = "ab:"  # lexicon keys of shorthand: ab:省厅 → [省环保厅]
ABBREVIATIONS_ID = "organ-shorthand-1"
LEVELS = "省市县区"  # a level of government, the last character of its place's name (湖南省, 大连市)
IN = "里"  # 部里, 局里: at the organ, spoken for the organ itself
# Gloss words that name a body of government (a ministry, a department, a bureau, an office, a committee).
_ORGANS = r"(?:ministry|department|bureau|office|commission|committee|council|administration)"
_ORGAN_GLOSS = re.compile(rf"\b{_ORGANS}\b")
# A character's gloss that is the organ itself ('ministry', 'provincial government department'), not a verb about
# one ('to dismiss from office') or an old office ('government office (old)').
_ORGAN_NOUN = re.compile(rf"(?:(?!to\b)[a-z]+ ){{0,2}}{_ORGANS}")
_MAX_LEN = 8


def _names_body(gloss: str) -> bool:
    return bool(_ORGAN_GLOSS.search(gloss.lower()))


def _is_organ(gloss: str) -> bool:
    """A character's gloss that names an organ of government: 'office', 'provincial government department'."""
    return "(old)" not in gloss and bool(_ORGAN_NOUN.fullmatch(re.sub(r"\([^)]*\)", "", gloss.lower()).strip()))


@lru_cache(maxsize=1)
def organ_tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(organ characters, organ words, the two-character words an organ character starts: 部门, 局长), from CC-CEDICT.
    Cached (index/cedict_tables.py)."""
    from index.cedict_tables import cached

    heads, words, joined = cached("organs", _derive_organs)
    return frozenset(heads), frozenset(words), frozenset(joined)


def _derive_organs() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    from index.lexicon import _cedict

    entries = [(e["simplified"], e["definitions"]) for e in _cedict().get_entries()]
    heads = {w for w, glosses in entries if len(w) == 1 and CJK_RUN.fullmatch(w) and any(map(_is_organ, glosses))}
    heads -= set(LEVELS)  # 省 'province' is a level, not an organ
    words, joined = set(), set()
    for word, glosses in entries:
        if not CJK_RUN.fullmatch(word):
            continue
        if len(word) == 2 and word[0] in heads:
            joined.add(word)
        if 2 <= len(word) <= _MAX_LEN and word[-1] in heads and _names_body(glosses[0] if glosses else ""):
            words.add(word)
    return tuple(sorted(heads)), tuple(sorted(words)), tuple(sorted(joined))


def mentions(text: str) -> list[tuple[str, str]]:
    """The organ words a text writes, each with the level character right before it ('' for none), in order.

    Args:
        text: any text (whitespace and line breaks are ignored: a PDF's text breaks words across lines).
    """
    heads, words, joined = organ_tables()
    folded = re.sub(r"\s+", "", canonical(text))
    found = []
    for head in re.finditer(f"[{''.join(sorted(heads))}]", folded):  # an organ word ends in its head character
        end = head.end()
        if folded[end - 1 : end + 1] in joined:  # 部门, 局长: the head starts another word
            continue
        word = next((folded[end - n : end] for n in range(min(_MAX_LEN, end), 1, -1) if folded[end - n : end] in words), "")
        if word:
            before = folded[end - len(word) - 1] if end > len(word) else ""
            found.append((word, before if before in LEVELS else ""))
    return found


def build_abbreviations(texts: Iterable[str], terms: Iterable[str] = ()) -> dict[str, list[str]]:
    """The shorthand of every organ the texts name, each with the full names it stands for (see the module).

    Args:
        texts: the documents' texts.
        terms: the BM25 vocabulary; a shorthand that is itself an index term keeps its exact match alone.

    Returns:
        {shorthand: sorted full names}, e.g. {'省厅': ['省环保厅'], '部里': ['环境保护部']}.
    """
    return shorthand([m for text in texts for m in mentions(text)], terms)


def shorthand(found: Iterable[tuple[str, str]], terms: Iterable[str] = ()) -> dict[str, list[str]]:
    """build_abbreviations from the texts' mentions (mentions)."""
    vocabulary = set(terms)
    out: dict[str, set[str]] = {}
    for word, level in found:
        head = word[-1]
        if level:
            out.setdefault(level + head, set()).add(level + word)
        out.setdefault(head + IN, set()).add(word)
    return {key: sorted(found) for key, found in sorted(out.items()) if key not in vocabulary}


def lexicon_entries(found: Iterable[tuple[str, str]], terms: Iterable[str] = ()) -> dict[str, list[str]]:
    """shorthand as lexicon entries: each shorthand under its ABBREVIATION_PREFIX key."""
    return prefixed(ABBREVIATION_PREFIX, shorthand(found, terms))


def english_keys(found: Iterable[tuple[str, str]], terms: Iterable[str]) -> dict[str, set[str]]:
    """The English keys of the organ words the text writes across index words (环保厅, cut 环保 | 厅): each gloss
    phrase of the word that names the organ (index.lexicon.gloss_keys: 'environment protect depart', not 'protect')
    → the index words it is cut into, so that an English question naming the organ ('the Provincial Environmental
    Protection Department') searches them."""
    from index.lexicon import gloss_keys
    from index.tokenize import tokenize
    from index.wordforms import stem

    organ_stems = {stem(w) for w in _ORGANS.strip("(?:)").split("|")}
    vocabulary = set(terms)
    out: dict[str, set[str]] = {}
    for word in sorted({word for word, _ in found if word not in vocabulary}):
        parts = [t for t in dict.fromkeys(tokenize(word)) if t in vocabulary and t != word]
        for key in gloss_keys(word) if parts else ():
            words = key.split()
            if len(words) >= 2 and organ_stems & set(words):
                out.setdefault(key, set()).update(parts)
    return out


def expansions(word: str, lexicon: Mapping[str, list[str]] | None) -> list[str]:
    """The full names a shorthand of a question stands for ('省厅' → ['省环保厅']); [] for any other word or a
    lexicon built without them."""
    return lexicon_terms(ABBREVIATION_PREFIX, word, lexicon)
