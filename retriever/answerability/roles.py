"""People and bodies named by role, province or kind of organisation instead of by name.

A reader who does not remember names writes 广东那位副总裁 for the vice-president from Guangzhou, 做园林的那家上市公司
for the listed landscaping firm the text calls 上市企业, "the man from the listed landscaping firm" for its speaker.
Such words are no unknown names:

- a province the text never writes is known when the text writes a place in it (广东 where it writes 广州: CC-CEDICT
  glosses 广州 'capital of Guangdong'): the asker names the speaker's city by its province;
- a kind of body (上市公司, 国有企业) is known when the text writes its modifier with another word for a body (上市企业):
  公司, 企业, 集团 … are one kind of thing to such a reader;
- an organisation's kind, written with a word for a firm ("the landscaping firm", 做园林的那家公司), refers to the one
  organisation of the index whose name ends in that kind (普邦园林: 园林 'landscape'), and so to its speaker.

General Chinese and English only: the places, kinds and organisations come from CC-CEDICT and the index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

Contains = Callable[[str], bool]

# Words for a body (an organisation): a kind of body may be written with any of them (上市公司 / 上市企业).
BODY_HEADS = ("公司", "企业", "集团", "单位", "机构", "厂家", "厂商", "商家")


def _places_by_province() -> dict[str, frozenset[str]]:
    from index.provinces import places_by_province

    return places_by_province()


def province_written(word: str, contains: Contains) -> bool:
    """Whether a province the text never writes (广东) is the province of a place it writes (广州)."""
    word = re.sub(r"省$", "", word)
    return any(contains(place) for place in sorted(_places_by_province().get(word, ())))


def body_kind_written(word: str, contains: Contains) -> bool:
    """Whether a kind of body the text never writes (上市公司) is written with another word for a body (上市企业)."""
    head = next((h for h in BODY_HEADS if word.endswith(h)), "")
    modifier = word[: len(word) - len(head)]
    return bool(head) and len(modifier) >= 2 and any(contains(modifier + other) for other in BODY_HEADS if other != head)


def province_entities(question: str, entities: Sequence) -> list:
    """The answerability entities a Chinese question names by the province of their city (广东那位副总裁 for the speaker
    whose alias is 广州), when the text writes no such province and no other entity has a city in it."""
    from index.normalize import search_key

    folded = search_key(question)
    found = []
    for province, places in _places_by_province().items():
        if province not in folded:
            continue
        owners = [e for e in entities if any(a in places for a in e.aliases) and province not in e.aliases]
        if len(owners) == 1 and not any(province in e.aliases for e in entities):
            found.append(owners[0])
    return found


_FIRM_EN = re.compile(r"\b(?:firm|company|enterprise|business|corporation|group|companies|firms)\b", re.I)
_FIRM_ZH = re.compile(r"公司|企业|集团|那家|这家")


def firm_by_kind(question: str, lang: str, knowledge, entities: Sequence) -> list:
    """The answerability entities of the one organisation a question names by its kind and a word for a firm
    ("the listed landscaping firm", 做园林的那家上市公司): the organisation of the index whose Chinese name ends in
    that kind (普邦园林: 园林) or whose English forms end in its stem (pubanglandscap: 'landscaping'). [] when no
    organisation, or more than one, fits.

    Args:
        question: the question as typed.
        lang: "zh" or another language.
        knowledge: the index's conversation Knowledge (its organisations, with their English forms).
        entities: the answerability entities (one per speaker).
    """
    firm = (_FIRM_ZH if lang == "zh" else _FIRM_EN).search(question)
    if not firm:
        return []
    fits = {org.speaker for org in _organisations(knowledge) if org.speaker and _kind_written(question, lang, org)}
    if len(fits) != 1:
        return []
    return [e for e in entities if e.speaker in fits]


def _organisations(knowledge) -> Iterable:
    from retriever.conversation.knowledge import EntityKind

    return [e for e in knowledge.entities if e.kind == EntityKind.ORG]


def _kind_written(question: str, lang: str, org) -> bool:
    """Whether the question writes the organisation's kind: the last two characters of its name when they are a word
    (园林 of 普邦园林), or in English the stem a form adds to the name's own part (landscap of pubanglandscap)."""
    if lang == "zh":
        kind = org.name[-2:]
        return len(org.name) >= 4 and kind in question and not _FIRM_ZH.fullmatch(kind)
    from index.lexicon import stem

    own = org.display or ""
    kinds = {f[len(own):] for f in org.english if own and f.startswith(own) and len(f) - len(own) >= 4}
    words = {stem(w.lower()) for w in re.findall(r"[A-Za-z]+", question)}
    return bool(kinds & words)
