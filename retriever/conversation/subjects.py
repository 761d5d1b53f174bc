"""Completing a follow-up that leaves out its subject: the conversation's latest person, place or organisation (or
the last question's leading noun phrase) is put in front of it.

    配备了多少名网格员？ after 济宁设立了多少个网格？          → 济宁配备了多少名网格员？
    又罚了多少钱？ after 济宁环保系统立案处罚了多少起…？       → 济宁环保系统又罚了多少钱？
    And how many vehicles were scrapped? after … Dalian …?   → How many vehicles were scrapped in Dalian?
    烟尘削减了多少？ after 大连锅炉整治削减了多少二氧化硫？     → 大连锅炉整治烟尘削减了多少？

Each function returns (the completed question, why) or None when the cue is not there; the cues themselves are in
retriever/conversation/omission.py.
"""

from __future__ import annotations

import re

from index.tokenize import tokenize
from retriever.conversation import clauses, omission
from retriever.conversation.knowledge import Knowledge, word_tags
from retriever.conversation.pronouns import Want
from retriever.conversation.referents import Turn, label_of, latest

Completed = tuple[str, str] | None  # (question, reason)
_PROPER = ("ns", "nr", "nt", "nrt", "nrfg")  # jieba's tags of place, person and organisation names
MAX_SUBJECT = 12  # a longer leading noun phrase of the last question is more than its subject
_NA = re.compile(r"^(?:那么|那)")


def names_own_subject(text: str) -> bool:
    """A Chinese question that opens with a proper name (of a place, person or organisation) the index may not know."""
    return (word_tags().get(clauses.words(text)[0]) or "") in _PROPER


def subject_of(entity, turns: list[Turn], body: str = "") -> str:
    """What a Chinese question that leaves out its subject (body) is about: the last question's leading noun phrase
    when it opens with the entity and the body carries on its topic without repeating the phrase (又罚了多少钱？ after
    济宁环保系统立案处罚了多少起…？ → 济宁环保系统), else the entity's name (淘汰黄标车动用了多少交警？ after
    大连新来的张局长…？ → 大连; 锅炉整治削减了多少烟尘？ after 大连锅炉整治…？ → 大连)."""
    last = turns[-1]
    if not last.chinese or not any(m.entity.name == entity.name and m.start == 0 for m in last.mentions):
        return entity.name
    surfaces = [m.surface for m in last.mentions]
    subject = clauses.subject(last.text, word_tags(), surfaces)
    if not 0 < len(subject) <= MAX_SUBJECT:
        return entity.name
    if body:
        rest = set(clauses.words(subject)) - set(surfaces)
        mine = {w for w in clauses.words(body) if len(w) >= 2}
        topic = {w for w in clauses.words(last.text[len(subject) :]) if len(w) >= 2}
        if not rest or rest & mine or not (mine & topic or omission.carries_on(clauses.words(body))):
            return entity.name
        if not (word_tags().get(clauses.words(subject)[-1]) or "").startswith(("n", "j", "vn", "eng")):
            return entity.name  # 大连新来: no noun to be the subject
    return subject


def omitted_chinese(text: str, turns: list[Turn], knowledge: Knowledge) -> Completed:
    """A Chinese question that names nothing and opens with a word that carries on or with a verb (配备了多少名网格员？,
    那要建立什么机制？, 其中关停了多少家？), with the latest entity (or the last question's topic for 其中) put first."""
    first = clauses.words(text)[0]
    after_na = _NA.sub("", text)  # 那要建立…: jieba reads 那要 as one word
    second = clauses.words(after_na)[0] if after_na and after_na != text else ""
    if not (
        omission.continues(first)
        or omission.opens_with_verb(text, word_tags(), first)
        or (second and omission.opens_with_verb(after_na, word_tags(), second))
    ):
        return None
    entity = latest(turns, Want.ANY, knowledge)
    if entity is None:
        return None
    body = after_na
    if body.startswith("其中"):
        topic = clauses.topic(turns[-1].text)
        if topic:  # 其中关停了多少家？ → 济宁纳入导则体系整治的污染源中关停了多少家？
            return topic + "中" + body[2:], f"ellipsis: 其中 = {topic}"
    subject = subject_of(entity, turns, body)
    return subject + body, f"omitted subject: {subject}"


def omitted_english(text: str, turns: list[Turn], knowledge: Knowledge) -> Completed:
    """An English question that names nothing and opens with And/Also/Then/So (And how many vehicles were scrapped?),
    with 'in' + the latest entity at its end."""
    if not omission.continues_english(text):
        return None
    entity = latest(turns, Want.ANY, knowledge)
    if entity is None:
        return None
    body = omission.strip_continuation(text).rstrip("?. ")
    label = label_of(entity, False, turns)
    return body[:1].upper() + body[1:] + f" in {label}?", f"omitted subject: {label}"


def same_topic(text: str, turns: list[Turn], knowledge: Knowledge, chinese: bool) -> Completed:
    """A short question that names nothing but carries on the latest question's topic gets its subject.

    It carries on when it shares a content word with the latest question (烟尘削减了多少？ after
    大连锅炉整治削减了多少二氧化硫？; How many inspectors work in the grid cells? after … grid cells did
    Jining set up?), or when it says so (又, 还, 也; 这样, 这么).
    """
    names = {t for m in turns[-1].mentions for t in tokenize(m.surface)}
    shared = {t for t in set(tokenize(text)) & set(tokenize(turns[-1].text)) - names if len(t) >= 2 and not t.isdigit()}
    if not chinese:
        shared = stems(text) & stems(turns[-1].text) - {_stem(t) for t in names}
    short = len(text) <= omission.MAX_OMITTED_SUBJECT if chinese else len(text.split()) <= omission.MAX_OMITTED_SUBJECT_WORDS
    words = clauses.words(text)
    leans = chinese and (omission.carries_on(words) or omission.ends_with_bare_count(text, word_tags(), clauses.words))
    if not short or not (shared or leans):
        return None
    entity = latest(turns[-1:] if shared else turns, Want.ANY, knowledge)
    if entity is None:
        return None
    reason = f"same topic as 「{turns[-1].text}」: "
    if chinese:
        subject = subject_of(entity, turns)
        return subject + _NA.sub("", text), reason + subject
    label = label_of(entity, False, turns)
    body = omission.strip_continuation(text).rstrip("?. ")
    return body[:1].upper() + body[1:] + f" in {label}?", reason + label


_EN_STOP = frozenset(
    "how many much what which who whom where when why did does do is are was were has have had the a an of in on at for to "
    "by from with about and or it its they their this that these those be been any some too also well".split()
)


def _stem(word: str) -> str:
    return re.sub(r"(?:ies|es|s|ed|ing)$", "", word.lower()) if len(word) > 4 else word.lower()


def stems(text: str) -> set[str]:
    """The content words of an English text, crudely stemmed (cells → cell, assigned → assign)."""
    return {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]+", text) if w.lower() not in _EN_STOP}
