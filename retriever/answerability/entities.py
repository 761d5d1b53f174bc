"""The entities a question can ask about, as answerability sees them: a speaker and the names that stand for them.

An answer must come from the entity that was asked about: a number found in another city's
passage is no answer. The people, places and organisations of an index come from the
conversation package's Knowledge (retriever/conversation/knowledge.py: a speaker's own name, the
city their role names, their company, with English and pinyin forms); here each speaker becomes
one Entity whose aliases are all of those names, and a passage belongs to it when it is cited to
that speaker or names one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from index.normalize import readable, search_key
from index.records import Chunk, Speaker

_CITY = re.compile(r"(?:^|省)([\u4e00-\u9fff]{2,4}?)市")


@dataclass(frozen=True)
class Entity:
    """A speaker and the Chinese names that stand for them (index.normalize.search_key)."""

    speaker: str
    aliases: tuple[str, ...]
    docs: tuple[str, ...] = ()  # documents all of whose passages are its own (an article about it: subjects.py)

    def named_in(self, folded_text: str) -> bool:
        """True when the text (in search_key form) names one of the aliases."""
        return any(alias in folded_text for alias in self.aliases)

    def owns(self, chunk: Chunk) -> bool:
        """True when the passage is this speaker's, of one of its documents, or names one of the aliases."""
        return chunk.speaker == self.speaker or chunk.doc in self.docs or self.named_in(folded(chunk.text))


def names_alias(word: str, aliases: Iterable[str]) -> bool:
    """True when a word names one of the aliases or is part of one (大连 of 大连市, 大连市 of 大连)."""
    return any(word in a or a in word for a in aliases)


@lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """search_key of a passage's text, kept: the same passages come back question after question."""
    return search_key(text)


def cities_of(speaker: Speaker) -> list[str]:
    """The cities in a speaker's organisation or role, without 市 (辽宁省大连市环保局 -> 大连)."""
    return sorted({c for text in (speaker.organisation, speaker.role) for c in _CITY.findall(text)})


def entities_from_knowledge(knowledge) -> tuple[Entity, ...]:
    """One Entity per speaker of a conversation Knowledge, with every alias of the people, places and
    organisations that belong to that speaker alone.

    Args:
        knowledge: retriever.conversation.knowledge.Knowledge of the index.
    """
    names: dict[str, set[str]] = {}
    for entity in knowledge.entities:
        if entity.speaker:
            names.setdefault(entity.speaker, set()).update(a for a in entity.aliases if len(a) >= 2)
    return tuple(
        Entity(speaker, tuple(sorted({search_key(a) for a in aliases}, key=lambda a: (-len(a), a))))
        for speaker, aliases in sorted(names.items())
    )


def asked_entities(question: str, knowledge, entities: Iterable[Entity]) -> list[Entity]:
    """The entities a question names, in Chinese or in English/pinyin ('Su Guojun', 'Jining').

    Args:
        question: the question as typed.
        knowledge: the conversation Knowledge of the index (its find() reads both languages).
        entities: the answerability entities of the same index.
    """
    # 大連 is 大连; an interview's one-character labels (问, 答) are nobody a question names (主要问题 is no 问)
    speakers = {m.entity.speaker for m in knowledge.find(readable(question)) if len(m.entity.speaker) >= 2}
    folded = search_key(question)
    return [e for e in entities if e.speaker in speakers or e.named_in(folded)]
