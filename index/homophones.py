"""Pinyin keys that spell a proper name the text never writes: 'Shanghai' is 上海, not the transcript's 伤害 (shānghài).

The lexicon keys every transcript term by its toneless pinyin (index/lexicon.py), so a capitalised English name spells
the pinyin of any common word that sounds like it. When CC-CEDICT gives that capitalised word as the head of a proper
name's gloss (上海 [Shang4 hai3] 'Shanghai municipality, …') and the key's term is no such name but a common word (伤害
[shang1 hai4] 'to injure'), the capitalised word names the place or person, not the common word. The build lists these
(pinyin key, common word) pairs under HOMOPHONES_KEY; at query time a capitalised word of the question does not map to
them (lower-case typed pinyin, 'shanghai', still may). Common English words ('Guiding', 'Long') are left alone.

General Chinese and English only: nothing here is about one text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

HOMOPHONES_KEY = "#homophones"  # 'key term' pairs: a pinyin key whose capitalised form names another word than term
_HEAD = re.compile(r"\s*([A-Z][a-z]+(?:'[a-z]+)?)\b")


@lru_cache(maxsize=1)
def _proper_names() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """(toneless spelling of a proper name's leading gloss word → its hanzi, words CC-CEDICT lists with lower-case
    pinyin, words it lists with capitalised pinyin). Cached (index/cedict_tables.py)."""
    from index.cedict_tables import cached

    return cached("names", _derive_proper_names)


def _derive_proper_names() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    from index.lexicon import _cedict

    names: dict[str, set[str]] = {}
    common, proper = set(), set()
    for entry in _cedict().get_entries():
        word, pinyin = entry["simplified"], entry["pinyin"]
        if not pinyin[:1].isupper():
            common.add(word)
            continue
        proper.add(word)
        for gloss in entry["definitions"]:
            head = _HEAD.match(gloss)
            if head:
                names.setdefault(re.sub(r"[^a-z]", "", head.group(1).lower()), set()).add(word)
    return {k: frozenset(v) for k, v in names.items()}, frozenset(common - proper), frozenset(proper)


def homophone_pairs(keys: dict[str, Iterable[str]]) -> list[str]:
    """'key term' for each pinyin key whose capitalised form heads a CC-CEDICT proper name's gloss while its term is
    a common word and no such name (shanghai 伤害). keys: pinyin key → the transcript terms it spells."""
    from index.lexicon import _english_words
    from index.pinyin import is_pinyin
    from index.wordforms import light_stem

    names, common, _ = _proper_names()
    out = []
    for key, terms in sorted(keys.items()):
        named = names.get(key)
        if not named or not is_pinyin(key) or light_stem(key) in _english_words():
            continue
        out += [f"{key} {t}" for t in sorted(terms) if t in common and t not in named]
    return out


_cache: dict[int, tuple[list, dict[str, frozenset[str]]]] = {}


def homophones(lexicon: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """pinyin key → the common words a capitalised word spelling it does not name (empty for an older lexicon)."""
    listed = lexicon.get(HOMOPHONES_KEY) or []
    cached = _cache.get(id(lexicon))
    if cached is None or cached[0] is not listed:
        table: dict[str, set[str]] = {}
        for pair in listed:
            key, term = pair.split(" ", 1)
            table.setdefault(key, set()).add(term)
        cached = _cache[id(lexicon)] = (listed, {k: frozenset(v) for k, v in table.items()})
    return cached[1]


def named_keys(written: str, lexicon: dict[str, list[str]]) -> frozenset[str]:
    """The homophone keys a question writes capitalised, alone or as a run of capitalised words ('Shanghai', 'Shang
    Hai'): there they name the proper name, not the common word."""
    table = homophones(lexicon)
    if not table:
        return frozenset()
    words = re.findall(r"[A-Za-z]+", written)
    found = set()
    for size in (1, 2, 3):
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            key = "".join(run).lower()
            if key in table and all(w[0].isupper() for w in run):
                found.add(key)
    return frozenset(found)


def name_terms(key: str, terms: Iterable[str], named: frozenset[str], lexicon: dict[str, list[str]]) -> list[str]:
    """A key's terms without the common words it does not name when the question writes it capitalised (named)."""
    if key not in named:
        return list(terms)
    drop = homophones(lexicon).get(key, frozenset())
    return [t for t in terms if t not in drop]


def homophone_names(written: str, lexicon: dict[str, list[str]], contains) -> list[str]:
    """The capitalised words of a question that name a proper name only sounding like common words of the text
    ('Shanghai 谁讲了': Shanghai), for a question whose Latin words no English check reads (a Chinese or mixed one)."""
    named = named_keys(written, lexicon)
    words = re.findall(r"[A-Za-z]+", written)
    return [w for w in words if w.lower() in named and not name_terms(w.lower(), lexicon[w.lower()], named, lexicon)
            and not contains(w.lower())]
