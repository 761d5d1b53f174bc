"""Place names written in pinyin with an English generic: 'Xiang River' → 湘江, 'the Huai River' → 淮河, 'Nanyang City'
→ 南阳市, 'Xiangjiang River' → 湘江.

English writes a Chinese place as the pinyin of its proper part followed by an English word for its kind (River, Lake,
Port, District…), where Chinese writes that kind as the name's last character(s) (江/河, 湖, 港, 区…). A run of one to
three pinyin words before such a generic names the index term whose pinyin is the run's pinyin followed by the pinyin
of the generic's character(s), or the run's pinyin alone when it already ends with them (Xiangjiang River, Zhubugang
Port). Only index terms count (the lexicon keys every term's pinyin, index/lexicon.py), and only terms that the tagger
reads as one proper name: 一河 (yi + he) is no river's name.

General English only: nothing here is about one text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# An English generic → the Chinese characters that write that kind of place at the end of its name.
GENERICS: dict[str, tuple[str, ...]] = {
    "river": ("江", "河"),
    "lake": ("湖",),
    "port": ("港",),
    "harbor": ("港",),
    "harbour": ("港",),
    "mountain": ("山",),
    "mount": ("山",),
    "bay": ("湾",),
    "reservoir": ("水库",),
    "district": ("区",),
    "county": ("县",),
    "city": ("市",),
    "province": ("省",),
}
PLURALS = {"rivers": "river", "lakes": "lake", "ports": "port", "harbors": "harbor", "harbours": "harbour",
           "mountains": "mountain", "bays": "bay", "reservoirs": "reservoir", "districts": "district",
           "counties": "county", "cities": "city", "provinces": "province"}  # the Tang and Bai rivers
MAX_NAME_WORDS = 3  # pinyin words before the generic ('Dan Jiang Kou Reservoir' at most)
_NAME_TAGS = frozenset({"ns", "nr", "nt", "nz"})
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class PlaceName:
    """A place name found in a question: its character span, its words (lower case) and the index terms it names."""

    start: int
    end: int
    words: tuple[str, ...]
    terms: tuple[str, ...]


@lru_cache(maxsize=4096)
def is_proper_name(term: str) -> bool:
    """Whether the tagger reads a Chinese term as one proper name (湘江, 竹埠港), not a phrase (一河, 各区)."""
    from index.tokenize import posseg

    cut = list(posseg().cut(term))
    return len(cut) == 1 and cut[0].flag in _NAME_TAGS


def _suffix_spellings(suffix: str) -> list[str]:
    from index.pinyin import spellings

    return spellings(suffix)


def named_terms(base: str, generic: str, lexicon: dict[str, list[str]]) -> list[str]:
    """The index terms a pinyin run (joined, lower case: 'xiang') and an English generic ('river') name together."""
    found: list[str] = []
    for suffix in GENERICS.get(generic, ()):
        keys = [base + s for s in _suffix_spellings(suffix)]
        keys += [base] if any(base.endswith(s) and len(base) > len(s) for s in _suffix_spellings(suffix)) else []
        for key in keys:
            found += [t for t in lexicon.get(key, ()) if t.endswith(suffix) and len(t) > len(suffix)]
    return [t for t in dict.fromkeys(found) if is_proper_name(t)]


def place_names(question: str, lexicon: dict[str, list[str]]) -> list[PlaceName]:
    """The pinyin place names with an English generic in a question, left to right, the longest run first.

    Args:
        question: the question as typed.
        lexicon: the index's lexicon (its pinyin keys are the index's terms).
    """
    from index.pinyin import is_pinyin

    matches = list(_WORD.finditer(question))
    lows = [m.group(0).lower() for m in matches]
    out: list[PlaceName] = []
    taken = -1  # the last word already part of a name
    for j, low in enumerate(lows):
        if low in PLURALS and j > 0:
            out += _listed(question, matches, lows, j, taken, lexicon)
            taken = j if out and out[-1].end == matches[j].end() else taken
            continue
        if low not in GENERICS or j == 0:
            continue
        for size in range(min(MAX_NAME_WORDS, j), 0, -1):
            run = range(j - size, j)
            if run.start <= taken or any(question[matches[i].end() : matches[i + 1].start()].strip() for i in range(j - size, j)):
                continue  # the words must stand together, separated by spaces only
            if not all(is_pinyin(lows[i]) and lows[i] not in GENERICS for i in run):
                continue
            terms = named_terms("".join(lows[i] for i in run), low, lexicon)
            if terms:
                out.append(PlaceName(matches[run.start].start(), matches[j].end(), tuple(lows[run.start : j + 1]), tuple(terms)))
                taken = j
                break
    return out


def _listed(
    question: str, matches: list, lows: list[str], j: int, taken: int, lexicon: dict[str, list[str]]
) -> list[PlaceName]:
    """The names a plural generic follows, one pinyin word each, listed with commas and 'and' (the Tang and Bai rivers
    → 唐河, 白河); none unless every listed word names a term."""
    from index.pinyin import is_pinyin

    generic = PLURALS[lows[j]]
    found: list[PlaceName] = []
    i = j - 1
    while i > taken and is_pinyin(lows[i]) and lows[i] not in GENERICS:
        terms = named_terms(lows[i], generic, lexicon)
        if not terms:
            return []
        end = matches[j].end() if i == j - 1 else matches[i].end()
        found.insert(0, PlaceName(matches[i].start(), end, (lows[i], lows[j]) if i == j - 1 else (lows[i],), tuple(terms)))
        between = question[matches[i - 1].end() : matches[i].start()] if i > 0 else ""
        if i > 0 and lows[i - 1] == "and":
            i -= 2
        elif between.strip() in (",", "、", "&"):
            i -= 1
        else:
            break
    return found if len(found) >= 2 else []


def write_place_names(question: str, lexicon: dict[str, list[str]]) -> str:
    """The question with each pinyin place name and its generic written as the index term ('the Xiang River' → 'the
    湘江'); a name that may be several terms is left as written."""
    out, last = [], 0
    for name in place_names(question, lexicon):
        if len(name.terms) != 1:
            continue
        out.append(question[last : name.start] + name.terms[0])
        last = name.end
    return "".join(out) + question[last:]
