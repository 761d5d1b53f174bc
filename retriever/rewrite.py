"""Complete a follow-up question from the conversation so that it can be searched on its own.

    rewrite("那济宁呢？", ["大连拆除了多少台燃煤锅炉？"], knowledge) -> 济宁拆除了多少台燃煤锅炉？
    rewrite("他还提到了什么措施？", ["济宁配备了多少名专职环保网格员？"], knowledge) -> 许伟还提到了什么措施？

Each earlier question is completed first (from the ones before it), then the new one:
- ellipsis (那济宁呢？, 烟尘呢？, What about Jining?, 济宁？, Jining too?, 那王奇怎么说？, How did Xiangtan do it?):
  the fragment takes the place of the matching part of the latest question that shares its topic: a person,
  place or organisation for a name (with the other names of the same speaker switched along), else the thing
  asked about (多少二氧化硫 → 多少烟尘) or the subject (retriever/conversation/ellipsis.py);
- pronouns (他, 他们, 该市, 这家公司, 它, that company, his city, he/she/they, it, there) become the latest
  person, place or organisation of the kind they want; a person stands for their city or company and a
  city for its speaker (王奇 ↔ 南阳), as the index's speaker roles say (retriever/conversation/referents.py);
- a short question that names nothing but leans on the latest one (又发行了多少专项债券？, 烟尘削减了多少？,
  提标改造了多少台？, How many were upgraded?) gets the latest subject.
A question that names its own subject, asks which city or who, or shows none of these cues, is searched as typed.
No model is involved: only the index's speakers, places, organisations and lexicon (Knowledge).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from index.errors import InvalidQueryError
from index.normalize import is_chinese, to_simplified
from index.tokenize import tokenize
from retriever.conversation import clauses, cues
from retriever.conversation.cues import Want
from retriever.conversation.ellipsis import complete_ellipsis
from retriever.conversation.focus import Focus
from retriever.conversation.knowledge import Knowledge, word_tags
from retriever.conversation.referents import (
    Turn,
    label_of,
    latest,
    linked_to,
    only_names,
    resolve_pronouns,
    sounds_like,
    without,
)
from retriever.query import clean_query

MAX_TURNS = 5  # earlier questions looked at, latest last
AnsweredBy = Callable[[str], str]  # question -> the speaker whose passage answers it best ('' if none)
_ASKS_WHO = re.compile(r"谁|哪位|\bwho\b|\bwhom\b", re.IGNORECASE)
_ENTITY_ONLY = ("pronoun", "omitted subject", "same topic")  # completions that supply only the entity


@dataclass(frozen=True)
class Rewrite:
    """A question as it will be searched, why it differs from what was typed ('' when it does not),
    and the speaker the completed question is about (None when it names none, or several)."""

    text: str
    reason: str = ""
    focus: Focus | None = None

    @property
    def changed(self) -> bool:
        return bool(self.reason)


def rewrite(
    question: str,
    history: Sequence[str] | None,
    knowledge: Knowledge,
    answered_by: AnsweredBy | None = None,
    lexicon: dict | None = None,
    answer_of: Callable[[str], str] | None = None,
) -> Rewrite:
    """The self-contained form of a follow-up question.

    Args:
        question: the question as typed.
        history: the earlier questions of the conversation, oldest first (blank ones are skipped).
        knowledge: the index's entities (retriever.conversation.knowledge.build_knowledge).
        answered_by: gives the speaker whose passage answers an earlier question, for a pronoun
            whose referent the questions never name (Which city issued bonds? → How much did
            that city raise?); None leaves such pronouns alone.
        lexicon: the index's English/pinyin lexicon, to find topics shared across languages.
        answer_of: gives the text of the passage that best answers an earlier question, for 这个/that + a noun
            that only the answer named; None leaves such pronouns to the questions' own nouns.

    Returns:
        Rewrite(text, reason): text is the question to search (the cleaned question when it
        stands on its own, with reason '').

    Raises:
        InvalidQueryError: the question is empty or not a string.
    """
    text, _ = clean_query(question)
    turns: list[Turn] = []
    for earlier in list(history or [])[-MAX_TURNS:]:
        try:
            earlier = to_simplified(clean_query(earlier)[0])  # 大連 is 大连
        except InvalidQueryError:  # a blank or unreadable turn carries nothing
            continue
        resolved = _resolve(earlier, turns, knowledge, answered_by, lexicon, answer_of)
        dependent = resolved.changed and resolved.text != earlier and resolved.reason.startswith(_ENTITY_ONLY)
        turns.append(Turn(resolved.text, tuple(knowledge.find(resolved.text)), is_chinese(resolved.text), dependent))
    simplified = to_simplified(text) if turns else text
    result = _resolve(simplified, turns, knowledge, answered_by, lexicon, answer_of) if turns else Rewrite(text)
    if not result.changed or result.text == simplified:
        return Rewrite(text)
    if not is_chinese(result.text) and cues.continues_english(result.text):  # And what does Su Guojun think …?
        body = cues.strip_continuation(result.text)
        result = replace(result, text=body[:1].upper() + body[1:])
    return replace(result, focus=focus_of(result.text, knowledge))


def focus_of(text: str, knowledge: Knowledge) -> Focus | None:
    """The one speaker the names of a question stand for (济宁 → 许伟), or None.

    A question that asks who someone is (济宁市环保局局长是谁？) has no focus: the person is the answer.
    """
    if _ASKS_WHO.search(text):
        return None
    people = {p.name: p for m in knowledge.find(text) if (p := linked_to(m.entity, Want.PERSON, knowledge)) is not None}
    if len(people) != 1:
        return None
    return Focus(next(iter(people)))


def _resolve(text: str, turns: list[Turn], knowledge: Knowledge, answered_by, lexicon, answer_of=None) -> Rewrite:
    if not turns:
        return Rewrite(text)
    chinese = is_chinese(text)
    if cues.asks_more(text, chinese) and turns[-1].chinese == chinese:  # 还有呢？, What else?: the latest question again
        return Rewrite(turns[-1].text, f"more of 「{turns[-1].text}」")
    fragment = cues.ellipsis(text, chinese) or cues.ellipsis(text, not chinese)  # 那Qu Jinxiong呢？, What about 济宁?
    if fragment and fragment.islower() and not chinese:  # what about wang qi: a name typed in lower case
        titled = fragment.title()
        fragment = titled if len(knowledge.find(titled)) >= max(len(knowledge.find(fragment)), 1) else fragment
    if fragment and chinese and not knowledge.find(fragment) and (heard := sounds_like(fragment, knowledge)) is not None:
        text, fragment = text.replace(fragment, heard.name, 1), heard.name  # 那济凝呢？: 济宁 typed with a homophone
    if not fragment and only_names(cues.bare(text), knowledge):
        fragment = cues.bare(text)  # 济宁？, Jining?, And Jining then?
    if not fragment:
        named = knowledge.find(text)
        rest = without(text, named)
        switched = {m.entity.name for m in named} - {m.entity.name for m in turns[-1].mentions}
        if named and (cues.points_back(rest, chinese) or (switched and _repeats(rest, turns[-1], chinese))):
            fragment = named[0].surface  # 那王奇怎么说？, How did Xiangtan do it?, Dalian too?
    if fragment and cues.pronouns(fragment, chinese) and not knowledge.find(fragment):
        fragment = None  # What about his view on funding?: a question about him, not another thing in the last one's place
    if fragment and chinese and not text.rstrip("？?！!。.…").endswith("呢") and not only_names(fragment, knowledge):
        fragment = None  # 怎么样/如何 only after a bare name (那济宁怎么样？), not after a clause
    if fragment:
        done = complete_ellipsis(fragment, turns, knowledge, lexicon)
        if done and done != text:
            return Rewrite(done, f"ellipsis: 「{fragment}」 completed from 「{turns[-1].text}」")
    mentions = knowledge.find(text)
    found = cues.pronouns(text, chinese)
    if found:
        done, names = resolve_pronouns(text, found, chinese, turns, knowledge, answered_by, answer_of)
        if names:  # 他们发了多少？ → 湘潭发了多少？ → 湘潭发了多少专项债券？
            counted = _counted(done, knowledge.find(done), turns)
            return Rewrite(counted or done, "pronoun: " + ", ".join(names))
        found = [p for p in found if not cues.is_object(p, text)]  # 'work in them': the thing, not a name
    counted = _counted(text, mentions, turns) if not found else None
    if counted:
        return Rewrite(counted, f"ellipsis: what is counted, from 「{turns[-1].text}」")
    if not chinese and not mentions and not found and cues.asks_bare_passive(text):
        thing, entity = clauses.asked_thing(turns[-1].text), latest(turns, Want.ANY, knowledge)
        if thing and not is_chinese(thing) and entity is not None:  # How many were upgraded? → How many boilers were …
            head = re.match(r"^\s*how\s+(?:many|much)", text, re.IGNORECASE).group()
            label = label_of(entity, False, turns)
            done = f"{head} {thing}{text[len(head):].rstrip('?. ')} in {label}?"
            return Rewrite(done, f"ellipsis: 「{thing}」 and {label} from 「{turns[-1].text}」")
    if not chinese and not mentions and not found and cues.continues_english(text):
        entity = latest(turns, Want.ANY, knowledge)
        if entity is not None:  # And how many vehicles were scrapped? → How many vehicles were scrapped in Dalian?
            body = cues.strip_continuation(text).rstrip("?. ")
            label = label_of(entity, False, turns)
            return Rewrite(body[:1].upper() + body[1:] + f" in {label}?", f"omitted subject: {label}")
    if chinese and not mentions and not found and _names_own_subject(text):
        return Rewrite(text)  # 云南洱海保护采取了哪些措施？: a place, person or body the index does not know is its subject
    if chinese and not mentions and not found:
        first = clauses.words(text)[0]
        after_na = re.sub(r"^(?:那么|那)", "", text)  # 那要建立…: jieba reads 那要 as one word
        second = clauses.words(after_na)[0] if after_na and after_na != text else ""
        if cues.continues(first) or cues.opens_with_verb(text, word_tags(), first) or (
            second and cues.opens_with_verb(after_na, word_tags(), second)
        ):
            entity = latest(turns, Want.ANY, knowledge)
            if entity is not None:
                body = re.sub(r"^(?:那么|那)", "", text)
                if body.startswith("其中"):
                    topic = clauses.topic(turns[-1].text)
                    if topic:  # 其中关停了多少家？ → 济宁纳入导则体系整治的污染源中关停了多少家？
                        return Rewrite(topic + "中" + body[2:], f"ellipsis: 其中 = {topic}")
                subject = _subject_of(entity, turns, body)
                return Rewrite(subject + body, f"omitted subject: {subject}")
    if not mentions and not found and chinese == turns[-1].chinese and not cues.asks_for_entity(text, chinese):
        return _same_topic(text, turns, knowledge, chinese)
    return Rewrite(text)


_PROPER = ("ns", "nr", "nt", "nrt", "nrfg")  # jieba's tags of place, person and organisation names


def _names_own_subject(text: str) -> bool:
    """A Chinese question that opens with a proper name (of a place, person or organisation) the index may not know."""
    return (word_tags().get(clauses.words(text)[0]) or "") in _PROPER


MAX_SUBJECT = 12  # a longer leading noun phrase of the last question is more than its subject


def _subject_of(entity, turns: list[Turn], body: str = "") -> str:
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
        if not rest or rest & mine or not (mine & topic or cues.carries_on(clauses.words(body))):
            return entity.name
        if not (word_tags().get(clauses.words(subject)[-1]) or "").startswith(("n", "j", "vn", "eng")):
            return entity.name  # 大连新来: no noun to be the subject
    return subject


_YES_NO = frozenset("有没有 没有 是否 是不是 有无".split())


def _repeats(rest: str, last: Turn, chinese: bool) -> bool:
    """True when a question's words besides its names all come from the last question (济宁有没有发行？ after
    湘潭发行了多少专项债券？, Did Nanyang open any? after What platforms did Jining open?): it asks that again."""
    if chinese != last.chinese:
        return False
    if chinese:
        mine = set(tokenize(rest)) - _YES_NO
        return bool(mine) and mine <= set(tokenize(last.text))
    mine = _stems(rest)
    return bool(mine) and mine <= _stems(last.text)


def _counted(text: str, mentions, turns: list[Turn]) -> str | None:
    """A question that names one entity and asks how many without saying of what, with the last question's
    thing (济宁发了多少？ after 湘潭发行了多少专项债券？ → 济宁发了多少专项债券？; How many did Jining dismantle?
    → How many coal-fired boilers did Jining dismantle?), or None."""
    if len(mentions) != 1:
        return None
    chinese, thing = is_chinese(text), clauses.asked_thing(turns[-1].text)
    if not thing or is_chinese(thing) != chinese:
        return None
    if chinese and cues.asks_bare_quantity(without(text, mentions), word_tags(), clauses.words):
        return text.rstrip("？?") + thing + "？"
    if not chinese and cues.asks_bare_quantity_english(without(text, mentions)):
        head = re.match(r"^\s*how\s+(?:many|much)", text, re.IGNORECASE).group()
        return f"{head} {thing}{text[len(head):]}"
    return None


def _same_topic(text: str, turns: list[Turn], knowledge: Knowledge, chinese: bool) -> Rewrite:
    """A short question that names nothing but carries on the latest question's topic gets its subject.

    It carries on when it shares a content word with the latest question (烟尘削减了多少？ after
    大连锅炉整治削减了多少二氧化硫？; How many inspectors work in the grid cells? after … grid cells did
    Jining set up?), or when it says so (又, 还, 也; 这样, 这么).
    """
    names = {t for m in turns[-1].mentions for t in tokenize(m.surface)}
    shared = {t for t in set(tokenize(text)) & set(tokenize(turns[-1].text)) - names if len(t) >= 2 and not t.isdigit()}
    if not chinese:
        shared = _stems(text) & _stems(turns[-1].text) - {_stem(t) for t in names}
    short = len(text) <= cues.MAX_OMITTED_SUBJECT if chinese else len(text.split()) <= cues.MAX_OMITTED_SUBJECT_WORDS
    leans = chinese and (cues.carries_on(clauses.words(text)) or cues.ends_with_bare_count(text, word_tags(), clauses.words))
    if not short or not (shared or leans):
        return Rewrite(text)
    entity = latest(turns[-1:] if shared else turns, Want.ANY, knowledge)
    if entity is None:
        return Rewrite(text)
    reason = f"same topic as 「{turns[-1].text}」: "
    if chinese:
        subject = _subject_of(entity, turns)
        return Rewrite(subject + re.sub(r"^(?:那么|那)", "", text), reason + subject)
    label = label_of(entity, False, turns)
    body = cues.strip_continuation(text).rstrip("?. ")
    return Rewrite(body[:1].upper() + body[1:] + f" in {label}?", reason + label)


_EN_STOP = frozenset(
    "how many much what which who whom where when why did does do is are was were has have had the a an of in on at for to "
    "by from with about and or it its they their this that these those be been any some too also well".split()
)


def _stem(word: str) -> str:
    return re.sub(r"(?:ies|es|s|ed|ing)$", "", word.lower()) if len(word) > 4 else word.lower()


def _stems(text: str) -> set[str]:
    """The content words of an English text, crudely stemmed (cells → cell, assigned → assign)."""
    return {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]+", text) if w.lower() not in _EN_STOP}


