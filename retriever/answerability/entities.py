"""The entities a question can ask about (the transcript's speakers, their cities and organisations).

An answer must come from the entity that was asked about: a number found in another city's
passage is no answer. Each speaker of the index is an entity with Chinese aliases taken from
the manifest (王奇, 南阳市, 南阳, 河南省南阳市环保局); a passage belongs to an entity when it is
cited to that speaker or its text names one of the aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from index.normalize import fold
from index.records import Chunk, Speaker

_CITY = re.compile(r"(?:^|省)([\u4e00-\u9fff]{2,4}?)市")
_COMPANY = re.compile(r"^(?:[\u4e00-\u9fff]{2}(?=[\u4e00-\u9fff]{4}))?([\u4e00-\u9fff]{2,8}?)(?:股份有限公司|有限责任公司|有限公司|集团|公司)$")
_HOST_NAME = re.compile(r"(?:总编辑|主编|记者|主持人)([\u4e00-\u9fff]{2,4})")


@dataclass(frozen=True)
class Entity:
    """A speaker and what names them: their own name, their city and their organisation (folded)."""

    speaker: str
    aliases: tuple[str, ...]
    names: tuple[str, ...] = ()  # the short aliases (name, city, company) a translated word may be part of

    def named_in(self, text: str) -> bool:
        """True when the folded text names one of the aliases."""
        return any(alias in text for alias in self.aliases)

    def owns(self, chunk: Chunk) -> bool:
        """True when the passage is this speaker's or names one of the aliases."""
        return chunk.speaker == self.speaker or self.named_in(fold(chunk.text))


def cities_of(speaker: Speaker) -> list[str]:
    """The cities in a speaker's organisation or role, without 市 (辽宁省大连市环保局 -> 大连)."""
    return sorted({c for text in (speaker.organisation, speaker.role) for c in _CITY.findall(text)})


def aliases_of(speaker: Speaker) -> tuple[str, ...]:
    """The Chinese names of a speaker: name, city (with and without 市), organisation and its short name.

    Args:
        speaker: a speaker of the manifest (name, role, organisation).

    Returns:
        Folded aliases, longest first (河南省南阳市环保局, 南阳市, 王奇, 南阳).
    """
    names = {speaker.name}
    for city in cities_of(speaker):
        names.update({city, city + "市"})
    for text in (speaker.organisation, speaker.role):
        company = _COMPANY.match(text)
        if company:
            names.add(company.group(1))
        names.update(_HOST_NAME.findall(text))
    if speaker.organisation:
        names.add(speaker.organisation)
    return tuple(sorted({fold(n) for n in names if len(n) >= 2}, key=lambda n: (-len(n), n)))


def entities_from_speakers(speakers: Mapping[str, Speaker]) -> tuple[Entity, ...]:
    """One entity per speaker (Retriever.speakers); aliases shared by two speakers are dropped."""
    raw = {name: aliases_of(s) for name, s in speakers.items()}
    counts: dict[str, int] = {}
    for aliases in raw.values():
        for alias in aliases:
            counts[alias] = counts.get(alias, 0) + 1
    entities = []
    for name, aliases in sorted(raw.items()):
        unique = tuple(a for a in aliases if counts[a] == 1)
        organisation = fold(speakers[name].organisation)
        entities.append(Entity(name, unique, tuple(a for a in unique if a != organisation)))
    return tuple(entities)


def asked_entities(folded_question: str, translations: Iterable[str], entities: Iterable[Entity]) -> list[Entity]:
    """The entities a question names, in its own words or (English) through the lexicon's translations.

    Args:
        folded_question: the question, folded (index.normalize.fold).
        translations: Chinese terms an English question's words map to (empty for Chinese).
        entities: the index's entities.
    """
    entities = list(entities)
    names = set()
    for term in (fold(t) for t in translations):
        owners = [e for e in entities if term in e.aliases or (len(term) >= 2 and any(term in a for a in e.names))]
        if len(owners) == 1:  # a part of one entity's short name (国军 of 苏国军, 'Su Guojun'), not a shared word
            names.add(owners[0].speaker)
    return [e for e in entities if e.speaker in names or e.named_in(folded_question)]
