"""Places and names a question is about that the passages judged for it never write (place_absent).

长沙拆除了多少台燃煤锅炉 / How many coal-fired boilers did Changsha remove: every asked word matches 大连's passage
of 1416台燃煤锅炉 but 长沙, which the text writes elsewhere, is none of its words: the question is about another
city. The same holds of the whole country (What is China's national standard for drinking water quality? 全国拆除了多少台
燃煤锅炉? How many boilers were removed nationwide?) when no passage found speaks of the country or its central state
(全国, 中国, 我国, 国家, 中央…): a city's or a province's figure does not answer it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

from index.normalize import canonical, search_key
from retriever.answerability.entities import Entity, names_alias
from retriever.answerability.eras import rule_on
from retriever.answerability.names import common_word, person_name
from retriever.answerability.units import Unit, name_words, pos_tagger, tagged_around

_PLACE_TAG = "ns"  # jieba's tag of place names
_NAME_TAGS = frozenset({"ns", "nr", "nt"})  # places, people, organisations
# Words for a kind of place, which the tagger tags as places: they name none (这个论坛是在哪个城市开的).
_KINDS_OF_PLACE = frozenset("城市 地方 地区 全国 国内 国外 海外 农村 城区 市区 省份 当地 本地 外地 各地 全省 全市 城乡".split())


# The whole country as a question's scope (全国拆除了多少台燃煤锅炉 / How many boilers were removed in China, nationwide,
# across the country), and the words by which a passage speaks of the country or its central state: a city's figure
# (全市共拆除1416台) is no answer to it, a passage on a national body or plan (国家重点流域, 中央的总体设计) may be.
_ZH_NATIONAL = re.compile(r"全国|全中国|我国|国内|中国")
_EN_NATIONAL = re.compile(
    r"\b(?:china|nationwide|nationally|national|countrywide|(?:the|whole|entire|our)\s+country)\b", re.IGNORECASE
)
NATIONAL_FORMS = ("全国", "中国", "我国", "国内", "国家", "中央", "国务院", "环境保护部")
NATIONAL = "全国"
# A term the question quotes (“三见”, 《规定》) names a thing as a place does: one entity's slogan or rule asked of
# another entity is another entity's fact (南阳的“三见”指的是哪三见: the text's 三见 are 大连's; readers7 tune n117).
_QUOTED = re.compile(r"[“「《\"]([^”」》\"]{2,12})[”」》\"]")


def national_scope(question: str, lang: str) -> tuple[str, str] | None:
    """(label, the words as written) when a question asks about the whole country (全国, 我国; China, nationwide,
    across the country), else None."""
    found = (_ZH_NATIONAL if lang == "zh" else _EN_NATIONAL).search(unicodedata.normalize("NFKC", question))
    return (NATIONAL if lang == "zh" else found.group(0), found.group(0)) if found else None


@lru_cache(maxsize=4096)
def is_name_term(term: str) -> bool:
    """A Chinese term that the tagger reads as one proper name (长沙, 中国, 珠江), not a kind of place (城市)."""
    cut = list(pos_tagger().cut(term))
    return len(cut) == 1 and cut[0].flag in _NAME_TAGS and term not in _KINDS_OF_PLACE


def asked_places(
    question: str, lang: str, units: Sequence[Unit], entities: Sequence[Entity], contains: Callable[[str], bool]
) -> list[tuple[str, tuple[str, ...]]]:
    """(label, written forms) of each place or name the question asks about that the transcript writes somewhere,
    other than the asked entities' names: Chinese words tagged as places (长沙, 湘江); in English, capitalised words
    after the first (not in a title-case question) that the lexicon maps to proper names the text writes (Changsha ->
    长沙; not Environmental -> 环保)."""
    aliases = [a for e in entities for a in e.aliases]

    def names_entity(word: str) -> bool:
        return names_alias(word, aliases)

    national = national_scope(question, lang)
    scope = [(national[0], tuple(f for f in NATIONAL_FORMS if contains(f)))] if national else []
    if lang == "zh":
        cut = tagged_around(canonical(question), aliases)
        words = dict.fromkeys(
            search_key(w) for i, (w, t, _) in enumerate(cut)
            if t == _PLACE_TAG and len(w) >= 2 and w not in _KINDS_OF_PLACE and not surnamed(cut, i, contains)
            and not common_word(w)
        )
        quoted = dict.fromkeys(search_key(w) for w in _QUOTED.findall(canonical(question)) if rule_on(12))  # 南阳的“三见”
        return scope + [
            (w, (w,)) for w in {**words, **quoted} if not names_entity(w) and contains(w) and w not in NATIONAL_FORMS
        ]
    raw = re.findall(r"[A-Za-z][A-Za-z0-9'-]*", unicodedata.normalize("NFKC", question))
    words, naming = name_words(question, units, entities)
    by_label = {u.label: u for u in units}
    out = []
    for i, (word, low) in enumerate(zip(raw, words)):
        unit = by_label.get(low)
        if i == 0 or not word[0].isupper() or word.isupper() or naming[i] or unit is None:
            continue
        forms = tuple(f for f in unit.forms if not f.isascii() and contains(f) and not names_entity(f) and is_name_term(f))
        if forms and all(not names_entity(f) for f in unit.forms if not f.isascii()) and not set(forms) & set(NATIONAL_FORMS):
            out.append((word.split("'")[0], forms))  # as written (Changsha)
    return scope + out


def surnamed(cut: Sequence[tuple[str, str, int]], i: int, contains: Callable[[str], bool]) -> bool:
    """Whether the tagger cut a person's name the text writes into a surname and a place (严|长寿, 林|永康 of
    严长寿的出生地在哪里, 林永康有几个孩子): the question names the person, not the place."""
    if i == 0 or len(cut[i - 1][0]) != 1:
        return False
    joined = cut[i - 1][0] + cut[i][0]
    return person_name(joined) and contains(search_key(joined))


def place_absent(
    places: Sequence[tuple[str, tuple[str, ...]]], texts: Sequence[str], closest: Sequence[str] = ()
) -> list[str]:
    """The asked places that none of the judged passages (search_key form) writes in any form; the whole country is
    also looked for in the passages closest to the asked attribute (closest), as a national fact may be worded apart
    from the question's focus (Which city has China's first national pilot zone: 全国首个…试验区)."""
    return [
        label for label, forms in places
        if not any(f in t for f in forms for t in (*texts, *(closest if is_national(forms) else ())))
    ]


def is_national(forms: Sequence[str]) -> bool:
    """Whether an asked place's forms are the whole country's (national_scope)."""
    return bool(forms) and set(forms) <= set(NATIONAL_FORMS)
