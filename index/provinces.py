"""The places of each Chinese province (广东 → 广州, 深圳 …), from CC-CEDICT's glosses ('capital of Guangdong').

A reader names a speaker's city by its province (广东那位); retriever/answerability/roles.py asks this table. It is
derived once per machine and cached with the other CC-CEDICT tables; a build derives it (index/question_tables.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

_PROVINCE = re.compile(r"^([A-Z][a-z]+) (?:province|Province)\b|^([A-Z][a-z]+), province\b")
_CITY_GLOSS = re.compile(r"\b(?:city|capital|county|district|prefecture)\b")


@lru_cache(maxsize=1)
def places_by_province() -> dict[str, frozenset[str]]:
    """Chinese province -> the places CC-CEDICT sets in it, worked out once per machine and cached."""
    from index.cedict_tables import cached

    return cached("province_places-1", _derive_places_by_province)


def _derive_places_by_province() -> dict[str, frozenset[str]]:
    """Chinese province -> the cities, counties and districts (jieba ns, 2+ characters) whose CC-CEDICT gloss sets
    them in it ('prefecture-level city in Henan', 'capital of Guangdong'); not mountains or rivers (五岳, 珠江)."""
    from index.lexicon import _all_definitions
    from index.tokenize import posseg

    definitions = _all_definitions()
    provinces = {}
    for word, glosses in definitions.items():
        match = _PROVINCE.match(glosses[0]) if glosses and len(word) >= 2 else None
        if match:
            provinces[word] = match.group(1) or match.group(2)
    names = "|".join(sorted(set(provinces.values())))
    # 'in Hainan' but not 'in Hainan Tibetan autonomous prefecture' (a prefecture of another province)
    pattern = re.compile(rf"\b(?:in|of) ({names})\b(?! [A-Z])")
    tagger = posseg()
    list(tagger.cut("初始化"))  # its first cut loads the tag table
    tags = tagger.dt.word_tag_tab
    places: dict[str, set[str]] = {}
    for word, glosses in definitions.items():
        if len(word) < 2 or tags.get(word) != "ns" or word in provinces:
            continue
        for gloss in glosses:
            if _CITY_GLOSS.search(gloss):
                for match in pattern.finditer(gloss):
                    places.setdefault(match.group(1), set()).add(word)
    return {province: frozenset(places.get(name, ())) for province, name in provinces.items()}
