"""Generated unanswerable questions: an answerable question's city replaced by another place the text writes.

大连拆除了多少台燃煤锅炉 -> 长沙拆除了多少台燃煤锅炉; How many coal-fired boilers did Dalian remove? -> How many
coal-fired boilers did Changsha remove? The transcript writes 长沙 (湘江 flows past it) but gives no fact of it: every
asked word still matches 大连's passage, only the place tells the question from an answerable one. The English ones
keep the written question's grammar (only a name changes), unlike a template.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from eval.calibrate_negatives import Example, entity_forms
from index.normalize import fold, search_key
from retriever.answerability.entities import Entity
from retriever.answerability.features import Evidence, IndexFacts, question_entities
from retriever.answerability.places import is_name_term


def other_places(chunks, entities: Sequence[Entity]) -> list[str]:
    """Places the transcript writes that belong to no speaker (长沙, 株洲, 湖北省): names the tagger reads as places
    whose one CC-CEDICT sense is a city, county, province or island ('Changsha prefecture-level city and capital of
    Hunan'; not 新建, which is also 'new construction', nor 上市 or 深度, which the tagger reads as places too)."""
    from retriever.answerability.units import pos_tagger

    aliases = [a for e in entities for a in e.aliases]
    found = {}
    for chunk in chunks:
        for word, tag in pos_tagger().cut(chunk.text):
            if tag == "ns" and 2 <= len(word) <= 4 and is_name_term(word) and _a_place(word):
                found[word] = True
    return sorted(w for w in found if not any(w in a or a in w for a in aliases))


_PLACE_GLOSS = re.compile(r"^[A-Z][a-z]+.*\b(?:city|county|province|island)\b", re.I)


def english_place(word: str) -> str:
    """How an English question writes the place: the first word of its gloss (Hubei of 'Hubei Province ...')."""
    from index.lexicon import _all_definitions

    return re.match(r"[A-Za-z]+", _all_definitions()[word][0]).group(0)


def _a_place(word: str) -> bool:
    """CC-CEDICT glosses the word with one sense only, an administrative place or an island."""
    from index.lexicon import _all_definitions

    glosses = _all_definitions().get(word, ())
    return len(glosses) == 1 and bool(_PLACE_GLOSS.match(glosses[0])) and glosses[0][0].isupper()


def place_swaps(retriever, questions, facts: IndexFacts, rng: random.Random, per_question: int = 1) -> list[Example]:
    """Answerable questions about one speaker that name the speaker's city (not the speaker), the city replaced by a
    place of other_places that no passage holding the question's other words writes."""
    speakers = retriever.speakers
    chunks = retriever.chunks
    entities = [e for e in facts.entities if e.speaker in speakers]
    places = other_places(chunks, entities)
    out = []
    for q in questions:
        lang = "zh" if q.lang == "zh" else "en"
        parsed = retriever.parse(q.question)
        asked = [e for e in question_entities(Evidence(q.question, parsed.lang, parsed.terms, (), (), 0.0), facts)
                 if e.speaker in speakers]
        if len(asked) != 1:
            continue
        forms = entity_forms(asked[0], speakers)
        if any(re.search(re.escape(p), q.question, re.I) for p in forms.get(f"person_{lang}", [])):
            continue  # a speaker named too: another city with that speaker is a false premise, not another fact
        kept = []
        for old in forms.get(f"city_{lang}", []):
            pattern = re.compile(re.escape(old) + ("市?" if lang == "zh" else ""), re.I)
            if not pattern.search(q.question):
                continue
            for place in (p for p in places if p not in q.question):
                new = place if lang == "zh" else english_place(place)
                text = pattern.sub(new, q.question)
                if fold(text) != fold(q.question) and _nowhere_with(place, text, parsed.lang, facts, retriever, chunks):
                    kept.append(text)
        for text in rng.sample(sorted(set(kept)), min(per_question, len(set(kept)))):
            out.append(Example(text, 0, f"place swap of {q.id}", q.id))
    return out


def _nowhere_with(place: str, question: str, lang: str, facts: IndexFacts, retriever, chunks) -> bool:
    """True when no passage that writes the place also holds the question's other content words."""
    from retriever.answerability.features import content_units

    evidence = Evidence(question, lang, tuple(retriever.parse(question).terms), (), (), 0.0)
    units = [u for u in content_units(evidence, facts.lexicon) if place not in u.forms]
    key = search_key(place)
    return bool(units) and not any(
        key in fold(c.text) and all(u.found_in(fold(c.text)) for u in units) for c in chunks
    )
