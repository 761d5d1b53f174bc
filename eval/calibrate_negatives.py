"""Generated unanswerable questions for training the answerability model: entity, attribute, focus and kind swaps."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from index.normalize import fold, search_key
from retriever.answerability.entities import Entity
from retriever.answerability.features import (
    Evidence,
    IndexFacts,
    attribute_units,
    content_units,
    coverage,
    question_entities,
)

# Facts the transcript never gives, asked of each entity; each is kept only when its key word is absent.
CITY_FACTS_ZH = (
    ("常住人口", "{c}的常住人口是多少？"), ("面积", "{c}的总面积有多少平方公里？"), ("气温", "{c}冬季平均气温是多少度？"),
    ("大学", "{c}有多少所大学？"), ("邮政编码", "{c}的邮政编码是多少？"), ("利率", "{c}发行的专项债券利率是多少？"),
    ("门票", "{c}的公园门票多少钱？"), ("地铁", "{c}有几条地铁线路？"), ("机场", "{c}的机场叫什么名字？"),
)
PERSON_FACTS_ZH = (
    ("出生", "{p}是哪一年出生的？"), ("电话", "{p}的电话号码是多少？"), ("工资", "{p}每月工资是多少？"),
    ("毕业", "{p}毕业于哪所大学？"), ("年龄", "{p}今年的年龄是多大？"), ("籍贯", "{p}的籍贯是哪里？"),
)
# Other words that give an attribute: a person 土生土长 in a city has told his native place.
FACT_EVIDENCE = {"籍贯": ("籍贯", "土生土长", "祖籍", "老家")}
CITY_FACTS_EN = (
    ("人口", "What is the population of {C}?"), ("面积", "How many square kilometres does {C} cover?"),
    ("气温", "What is the average winter temperature in {C}?"), ("大学", "How many universities does {C} have?"),
    ("利率", "What interest rate do the bonds of {C} pay?"), ("门票", "How much does a park ticket cost in {C}?"),
    ("地铁", "How many subway lines does {C} have?"),
)
PERSON_FACTS_EN = (
    ("出生", "When was {P} born?"), ("电话", "What is {P}'s phone number?"), ("工资", "What is {P}'s monthly salary?"),
    ("毕业", "Which university did {P} graduate from?"), ("年龄", "How old is {P}?"),
)


SURNAMES = {"区": "ou", "单": "shan", "仇": "qiu", "解": "xie", "曾": "zeng", "查": "zha", "朴": "piao", "盖": "ge", "乐": "yue"}


@dataclass(frozen=True)
class Example:
    """One training question: its text, label (1: the text answers it) and where it came from."""

    question: str
    label: int
    origin: str
    group: str = ""  # examples of one group share a cross-validation fold (a question, its twin, its swaps)


def english_forms(alias: str, person: bool) -> list[str]:
    """How an English question writes a Chinese name: 'Dalian', 'Wang Qi' (pypinyin's reading)."""
    from pypinyin import lazy_pinyin

    syllables = [s for s in lazy_pinyin(alias) if s.isascii() and s.isalpha()]
    if len(syllables) != len(alias):
        return []
    if person and len(syllables) >= 2:
        syllables[0] = SURNAMES.get(alias[0], syllables[0])
        return [f"{syllables[0].title()} {''.join(syllables[1:]).title()}"]
    return ["".join(syllables).title()]


def entity_forms(entity: Entity, speakers: dict) -> dict[str, list[str]]:
    """The entity's names by kind: 'person' and 'city' (Chinese and English forms)."""
    from retriever.answerability.entities import cities_of

    speaker = speakers[entity.speaker]
    if speaker.name in speaker.organisation:  # the host newspaper (中国环境报) is no person
        return {}
    cities = cities_of(speaker)
    forms = {"person_zh": [speaker.name], "person_en": english_forms(speaker.name, True)}
    if cities:
        forms |= {"city_zh": cities, "city_en": [f for c in cities for f in english_forms(c, False)]}
    return forms


def absent_from(entity: Entity, question: str, lang: str, terms: Sequence[str], facts: IndexFacts, chunks) -> bool:
    """True when no passage of the entity holds every asked word of the question (the swapped fact is absent)."""
    evidence = Evidence(question=question, lang=lang, terms=tuple(terms), passages=(), sentence_cosines=(), top_dense=0.0)
    attribute = attribute_units(content_units(evidence, facts.lexicon), [entity])
    if not attribute:
        return False
    return all(coverage(attribute, fold(c.text)) < 1.0 for c in chunks if entity.owns(c))


def entity_swaps(retriever, questions, facts: IndexFacts, rng: random.Random, per_question: int = 4) -> list[Example]:
    """Answerable questions moved to another entity whose passages lack the fact.

    Only questions that a passage of their own entity answers word for word are moved: a paraphrase's words are
    missing from every passage, so their absence from the new entity's would not make it unanswerable.
    """
    speakers = retriever.speakers
    chunks = retriever.chunks
    entities = [e for e in facts.entities if e.speaker in speakers]
    forms = {e.speaker: entity_forms(e, speakers) for e in entities}
    out = []
    for q in questions:
        lang = "zh" if q.lang == "zh" else "en"
        parsed = retriever.parse(q.question)
        question = Evidence(q.question, parsed.lang, parsed.terms, (), (), 0.0)
        asked = [e for e in question_entities(question, facts) if e.speaker in speakers]
        if len(asked) != 1:
            continue
        if absent_from(asked[0], q.question, parsed.lang, parsed.terms, facts, chunks):
            continue  # its words are not the text's (a paraphrase): their absence elsewhere would prove nothing
        source = forms[asked[0].speaker]
        swaps = []
        for kind in ("city", "person"):
            for old in source.get(f"{kind}_{lang}", []):
                pattern = re.compile(re.escape(old).replace(r"\ ", r"\s?-?"), re.I)
                if not pattern.search(q.question):
                    continue
                for target in entities:
                    new = forms[target.speaker].get(f"{kind}_{lang}", [])
                    if target is asked[0] or not new:
                        continue
                    text = pattern.sub(new[0], q.question)
                    terms = retriever.parse(text).terms
                    if absent_from(target, text, parsed.lang, terms, facts, chunks):
                        swaps.append(text)
        for text in rng.sample(sorted(set(swaps)), min(per_question, len(set(swaps)))):
            out.append(Example(text, 0, f"entity swap of {q.id}", q.id))
    return out


def attribute_swaps(retriever, facts: IndexFacts) -> list[Example]:
    """Each entity asked for facts the transcript never gives (the key word occurs in none of its passages)."""
    speakers = retriever.speakers
    chunks = retriever.chunks
    out = []
    for entity in facts.entities:
        if entity.speaker not in speakers:
            continue
        forms = entity_forms(entity, speakers)
        own = [fold(c.text) for c in chunks if entity.owns(c)]
        for kind, facts, key in (
            ("city_zh", CITY_FACTS_ZH, "c"), ("person_zh", PERSON_FACTS_ZH, "p"),
            ("city_en", CITY_FACTS_EN, "C"), ("person_en", PERSON_FACTS_EN, "P"),
        ):
            for name in forms.get(kind, [])[:1]:
                for word, template in facts:
                    if not any(w in text for text in own for w in FACT_EVIDENCE.get(word, (word,))):
                        out.append(Example(template.format(**{key: name}), 0, f"attribute swap ({word})", f"fact {word}"))
    return out


# Attributes the transcript is not expected to give, put in place of a written question's asked attribute (its
# focus): the question keeps every other word of the text, so only the asked attribute tells it from an answerable
# one. A replacement is used only when no passage (of the asked entity, when the question names one) holds it.
ABSENT_ZH = (
    "常住人口", "利率", "邮政编码", "地铁线路", "门票价格", "平均气温", "出生年份", "电话号码", "月工资", "员工人数",
    "大学", "机场", "股票代码", "降雨量", "医院", "房价", "人均收入", "专利", "足球场", "酒店",
)


def focus_swaps(retriever, questions, facts: IndexFacts, rng: random.Random, per_question: int = 2) -> list[Example]:
    """Answerable questions whose asked attribute (focus) is replaced by one the text never gives
    (大连拆除了多少台燃煤锅炉 -> 大连拆除了多少台医院): every other word still matches the text.

    Only a Chinese focus the question writes word for word is replaced; the new question is kept only when no
    passage of its entity (of the whole text when it names none) holds every asked word. English questions are left
    alone: the lexicon maps only the index's own words, so an English word the text lacks has no gloss, and a
    word without a gloss is no evidence that the text lacks it (soot, when the text writes 烟尘).
    """
    from retriever.answerability.features import focus_units

    chunks = retriever.chunks
    out = []
    for q in questions:
        parsed = retriever.parse(q.question)
        evidence = Evidence(q.question, parsed.lang, parsed.terms, (), (), 0.0)
        units = content_units(evidence, facts.lexicon)
        if parsed.lang != "zh":
            continue
        entities = question_entities(evidence, facts)
        labels = [u.label for u in focus_units(q.question, "zh", units, entities)]
        found = "".join(labels) if "".join(labels) in q.question else (labels[0] if labels else "")
        if not found or found not in q.question or len(entities) > 1:
            continue
        kept = []
        for word in ABSENT_ZH:
            text = q.question.replace(found, word, 1)
            terms = retriever.parse(text).terms
            if entities and absent_from(entities[0], text, parsed.lang, terms, facts, chunks):
                kept.append(text)
            elif not entities and _nowhere(text, parsed.lang, terms, facts, chunks):
                kept.append(text)
        for text in rng.sample(kept, min(per_question, len(kept))):
            out.append(Example(text, 0, f"focus swap of {q.id}", q.id))
    return out


def _nowhere(question: str, lang: str, terms, facts: IndexFacts, chunks) -> bool:
    """True when no passage holds every content word of the question."""
    evidence = Evidence(question=question, lang=lang, terms=tuple(terms), passages=(), sentence_cosines=(), top_dense=0.0)
    units = content_units(evidence, facts.lexicon)
    return bool(units) and all(coverage(units, fold(c.text)) < 1.0 for c in chunks)


# Another kind of answer asked about a written question's topic (大连拆除了多少台燃煤锅炉 -> 大连拆除燃煤锅炉一共花了多少钱？):
# what the real near misses do most (大连的燃煤锅炉整治一共花了多少钱, 济宁智慧环保监管平台是哪家公司开发的). Each asked
# kind, its answer check and its question.
KIND_TEMPLATES_ZH = (
    ("元", "{t}一共花了多少钱？"),
    ("time", "{t}是哪一年开始的？"),
    ("公司", "{t}是哪家公司负责的？"),
    ("person", "{t}是由哪位领导负责的？"),
)
_MARKER_ZH = re.compile(r"(多少|几|什么|哪|谁)")
_TAIL_ZH = re.compile(r"(?:一共|总共|共|都|是|的|了|有|为|到底|究竟|大概|大约|约)+$")
_AFTER_ZH = re.compile(r"^(?:多少|几)[台名家个项次起件辆座条吨元人所处类种]?((?:\d+[\u4e00-\u9fff]{1,3})?[\u4e00-\u9fff]{2,8})")
_TOPIC_END = re.compile(r"^(?:n|nz|nt|ns|nr|j|vn|l|eng)")  # a topic ends in a noun


def question_topic(question: str) -> str:
    """What a Chinese question asks about, ending in a noun, without its question word (大连市今年拆除了多少台燃煤锅炉 ->
    大连市今年拆除燃煤锅炉; 济宁的智慧环保监管平台是哪一年上线的 -> 济宁的智慧环保监管平台); '' when it has none."""
    from retriever.answerability.units import pos_tagger

    text = re.sub(r"[？?！!。\s]+$", "", question)
    match = _MARKER_ZH.search(text)
    if not match:
        return ""
    cut = [(w, t) for w, t in pos_tagger().cut(_TAIL_ZH.sub("", text[: match.start()]))]
    while cut and not (_TOPIC_END.match(cut[-1][1]) or cut[-1][0] in "”》」"):
        cut.pop()  # 南阳彻底取缔, 大连淘汰黄标车动用: the question's own verb is no topic
    before = "".join(w for w, _ in cut)
    after = _AFTER_ZH.match(text[match.start() :])
    noun = after.group(1) if after else ""
    topic = before + (noun if noun not in before else "")
    return topic if "，" not in topic and "," not in topic else ""


def kind_absent(kind: str, topic_words, chunks) -> bool:
    """True when no sentence (clause, for money) of the passages gives an answer of the kind beside all the topic's
    words: the text does not answer the new question."""
    from retriever.answerability.answer_check import clause_number, stated_answer

    if kind == "元":
        return clause_number("元", topic_words, chunks, topic_words) < 1.0
    named = ("公司",) if kind == "公司" else ()
    asked_kind = "name" if kind == "公司" else kind
    return stated_answer(asked_kind, topic_words, chunks, (), named, kind == "person") < 1.0


def kind_swaps(retriever, questions, facts: IndexFacts, rng: random.Random, per_question: int = 2) -> list[Example]:
    """Answerable Chinese questions about one entity, asked for another kind of answer about the same topic (money, a
    year, a company, a person) that no sentence of the entity's passages gives beside the topic's words: every content
    word still matches the text, only the asked kind is missing, as in the near misses people write."""
    chunks = retriever.chunks
    out = []
    for q in questions:
        parsed = retriever.parse(q.question)
        if parsed.lang != "zh":
            continue
        evidence = Evidence(q.question, parsed.lang, parsed.terms, (), (), 0.0)
        entities = question_entities(evidence, facts)
        topic = question_topic(q.question)
        if len(entities) != 1 or not topic:
            continue
        if not entities[0].named_in(search_key(topic)):  # 大连拆除了多少台燃煤锅炉: the topic 燃煤锅炉 is 大连's
            name = next((a for a in entities[0].aliases if a in search_key(q.question)), "")
            if not name or not re.fullmatch(r"[\u4e00-\u9fff]+", name):
                continue
            topic = name + topic
        own = [c for c in chunks if entities[0].owns(c)]
        kept = []
        for kind, template in KIND_TEMPLATES_ZH:
            text = template.format(t=topic)
            about = Evidence(topic, "zh", tuple(retriever.parse(topic).terms), (), (), 0.0)
            words = attribute_units(content_units(about, facts.lexicon), entities)  # the topic's words, not the template's
            if words and fold(text) != fold(q.question) and kind_absent(kind, words, own):
                kept.append(text)
        for text in rng.sample(kept, min(per_question, len(kept))):
            out.append(Example(text, 0, f"kind swap of {q.id}", q.id))
    return out
