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

from index.lexicon_query import translations
from index.normalize import canonical
from index.stopwords import ZH_QUERY_FILLER
from index.tokenize import tokenize
from retriever.conversation import asking, clauses, omission
from retriever.conversation.focus import coverage
from retriever.conversation.knowledge import EntityKind, Knowledge, word_tags
from retriever.conversation.pronouns import Want
from retriever.conversation.referents import Turn, label_of, latest, linked_to

Completed = tuple[str, str] | None  # (question, reason)
_PROPER = ("ns", "nr", "nt", "nrt", "nrfg")  # jieba's tags of place, person and organisation names
MAX_SUBJECT = 12  # a longer leading noun phrase of the last question is more than its subject
MAX_THING_SUBJECT = 16  # the same for a thing that names no one (2016全国环保厅局长论坛)
_NA = re.compile(r"^(?:那么|那(?![个些位种样边里儿家项次份条批]))")  # 'then', not the 那 of 那个/那些 (that)
_SAYING = frozenset("说 认为 觉得 提到 表示 谈到 介绍 强调 指出 透露 坦言 建议".split())  # verbs only a person does
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_WH = re.compile(r"什么|哪|怎|如何|谁")  # question words no topic is carried on by (多少 is: one count after another)
_COUNTING = frozenset({"多少"})  # … but not when the question counts a thing of its own (淘汰黄标车出动了多少名交警？)


_ASKS_ANYTHING = re.compile(r"[？?]|什么|啥|怎|哪|谁|多少|几|吗|呢|如何|为何|是否|有没有|能否|可否")


def without_then(text: str) -> str:
    """A Chinese question without its opening 那/那么 ('then'; not the 那 of 那个, 那些)."""
    return _NA.sub("", text, count=1)


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
    if _own_place(body or ""):  # 吴家港工业区也在治理名单里吗？ after 湘潭市长…？: a place of its own, in 湘潭
        return entity.name
    if body:
        rest = set(clauses.words(subject)) - set(surfaces)
        mine = {w for w in clauses.words(body) if len(w) >= 2}
        topic = {w for w in clauses.words(last.text[len(subject) :]) if len(w) >= 2 and not _WH.search(w)}  # not 什么
        shared = mine & topic
        if shared <= _COUNTING and _names_own_thing(mine - topic - rest):
            shared = set()  # 那淘汰黄标车出动了多少名交警？ after 大连…整治燃煤锅炉的任务量是多少台？: another count, of its own
        if not rest or rest & mine or not (shared or omission.carries_on(clauses.words(body))):
            return entity.name
        if not (word_tags().get(clauses.words(subject)[-1]) or "").startswith(("n", "j", "vn", "eng")):
            return entity.name  # 大连新来: no noun to be the subject
    return subject


_PLACE_HEAD = re.compile(r"(?:工业区|开发区|工业园|园区|新区|片区|区|县|镇|乡|村|港)$")


def _own_place(body: str) -> bool:
    """Whether a Chinese question opens with a place of its own (吴家港工业区也在…, 竹埠港有几家…): a word jieba tags a
    place, or its first one or two words ending in 区, 县, 镇, 港, 园区 … (three characters or more: not 区里, 市区)."""
    words = clauses.words(body) if body else []
    if not words:
        return False
    if word_tags().get(words[0]) == "ns" and len(words[0]) >= 2:
        return True
    return any(len(p := "".join(words[:k])) >= 3 and _PLACE_HEAD.search(p) for k in (1, 2))


def _names_own_thing(words: set[str]) -> bool:
    """Whether a question's words (of two characters or more) name a thing of its own: a common noun (有奖举报, 奖励),
    or a word jieba's dictionary does not know (黄标车); not a name, nor an abbreviation (一共 is tagged one)."""
    tags = [word_tags().get(w) for w in words if _HAN.fullmatch(w)]
    return any(t is None or (t.startswith(("n", "vn")) and not t.startswith(_PROPER)) for t in tags)


def _thing_subject(body: str, last: Turn) -> Completed:
    """A question that leaves out its subject after a Chinese question about a thing that names no one (在哪里开的？
    after 2016全国环保厅局长论坛是哪天召开的？): that question's leading noun phrase put first, else None."""
    if not last.chinese or last.mentions or not body:
        return None
    subject = clauses.subject(last.text, word_tags(), [])
    if not 2 <= len(subject) <= MAX_THING_SUBJECT or subject in body:
        return None
    if not (word_tags().get(clauses.words(subject)[-1]) or "").startswith(("n", "j", "vn", "eng")):
        return None
    return subject + body, f"omitted subject: {subject}"


_ASKS_NAME = re.compile(r"(?:是谁|叫什么|叫啥|名字|是哪位)")


def role_holder(text: str, turns: list[Turn], knowledge: Knowledge) -> Completed:
    """A Chinese question that asks who holds a title the index's speakers hold, naming no city or company (局长是谁？,
    这个局长叫什么名字？, 那副总裁是谁？), with the latest place or company put first (湘潭局长是谁？)."""
    body = re.sub(r"^(?:那么|那|这个|那个|这位|那位|该)", "", text)
    title = next((t for t in knowledge.titles if body.startswith(t)), "")
    if not title or not _ASKS_NAME.search(body[len(title) :]):
        return None
    entity = latest(turns, Want.THING, knowledge)
    if entity is None:
        return None
    return entity.name + body, f"omitted subject: the {title} of {entity.name}"


_INSIDE = re.compile(r"^(?:这里面|这其中|其中|里面|里头|当中)[，,]?")  # what the question looks inside of is left out
_NAMING_VERB = re.compile(r"(?:叫做|叫|名为|称为|是)$")  # …文件叫什么？ is about the document, not its naming


def omitted_chinese(text: str, turns: list[Turn], knowledge: Knowledge, carried: bool = False) -> Completed:
    """A Chinese question that names nothing and opens with a word that carries on or with a verb (配备了多少名网格员？,
    那要建立什么机制？, 其中关停了多少家？), or came after an opening that says it carries on (carried: 另外，…), with the
    latest entity (or the last question's topic for 其中) put first."""
    if not _ASKS_ANYTHING.search(text):  # 呵呵呵呵: no question at all
        return None
    words = clauses.words(text)
    after_na = _NA.sub("", text)  # 那要建立…: jieba reads 那要 as one word
    inside = _INSIDE.match(after_na)
    if inside and turns[-1].chinese and (topic := _NAMING_VERB.sub("", clauses.topic(turns[-1].text))):
        # 里面提出了多少项主要任务措施？ after …纲领性文件叫什么？: inside the thing the last question was about
        return topic + "中" + after_na[inside.end() :], f"ellipsis: {inside.group()} = {topic}"
    saying = words[0] in _SAYING  # 认为…该怎么解决？: someone said it
    kind = asking.opens_with_attribute(after_na)  # 小时候在哪游泳？: only a person has that, so it is about one
    if not (
        carried
        or saying
        or kind is not None
        or omission.continues(words[0])
        or omission.opens_with_verb(text, word_tags(), words)
        or (after_na and after_na != text and omission.opens_with_verb(after_na, word_tags(), clauses.words(after_na)))
    ):
        return None
    entity = latest(turns, Want.PERSON if saying else asking.attribute_kind(after_na) or Want.ANY, knowledge)
    if entity is None:
        return _thing_subject(after_na, turns[-1])
    body = after_na
    if body.startswith("其中"):
        topic = clauses.topic(turns[-1].text)
        if topic:  # 其中关停了多少家？ → 济宁纳入导则体系整治的污染源中关停了多少家？
            return topic + "中" + body[2:], f"ellipsis: 其中 = {topic}"
    subject = subject_of(entity, turns, body)
    return subject + _with_object(body, turns[-1]), f"omitted subject: {subject}"


def _with_object(body: str, last: Turn) -> str:
    """A question that asks why or how a verb was done with no object (为什么要拆？) with the thing the last question
    counted after the verb (为什么要拆燃煤锅炉？); else the question as it is."""
    words = clauses.words(body)
    thing = clauses.asked_thing(last.text) if last.chinese else ""
    core = re.sub(r"[呢啊呀]?[？?。]*$", "", body)
    verbs = clauses.words(core)
    if not (words and omission.asks_why_or_how(words[0]) and thing and thing not in body and verbs):
        return body
    return core + thing + "？" if (word_tags().get(verbs[-1]) or "").startswith("v") else body


def omitted_english(text: str, turns: list[Turn], knowledge: Knowledge) -> Completed:
    """An English question that names nothing and opens with And/Also/Then/So (And how many vehicles were scrapped?),
    with 'in' + the latest entity at its end."""
    if not omission.continues_english(text):
        return None
    entity = latest(turns, asking.attribute_kind(text) or Want.THING, knowledge)  # 'in' a place or company, not a person
    if entity is None:
        return None
    body = omission.strip_continuation(text).rstrip("?. ")
    label = in_label(entity, turns, knowledge)
    return body[:1].upper() + body[1:] + f" in {label}?", f"omitted subject: {label}"


def in_label(entity, turns: list[Turn], knowledge: Knowledge) -> str:
    """The English name to put after 'in' at a question's end: a place or company; for a person, their company or city
    (What is the monthly salary of a grid inspector in Jining?, not 'in Xu Wei'), else the person's name."""
    if entity.kind == EntityKind.PERSON:
        entity = linked_to(entity, Want.THING, knowledge) or entity
    return label_of(entity, False, turns)


def same_topic(text: str, turns: list[Turn], knowledge: Knowledge, chinese: bool) -> Completed:
    """A short question that names nothing but carries on the latest question's topic gets its subject.

    It carries on when it shares a content word with the latest question (烟尘削减了多少？ after
    大连锅炉整治削减了多少二氧化硫？; How many inspectors work in the grid cells? after … grid cells did
    Jining set up?), or when it says so (又, 还, 也; 这样, 这么).
    """
    names = {t for m in turns[-1].mentions for t in tokenize(m.surface)}
    shared = {t for t in set(tokenize(text)) & set(tokenize(turns[-1].text)) - names if len(t) >= 2 and not t.isdigit()}
    if not chinese:
        if any(w[0].isupper() for w in re.findall(r"[A-Za-z][\w'-]*", text)[1:]):
            return None  # How many boilers did Changsha remove?: it names its own place, one the index does not know
        shared = stems(text) & stems(turns[-1].text) - {_stem(t) for t in names}
    short = len(text) <= omission.MAX_OMITTED_SUBJECT if chinese else len(text.split()) <= omission.MAX_OMITTED_SUBJECT_WORDS
    words = clauses.words(text)
    leans = chinese and (omission.carries_on(words) or omission.ends_with_bare_count(text, word_tags(), clauses.words))
    leans = leans or (not chinese and bool(_EN_POINTS_AT_LAST.search(text)))  # … on top of that?: the last one's
    if not short or not (shared or leans):
        return None
    entity = latest(turns[-1:] if shared else turns, asking.attribute_kind(text) or Want.ANY, knowledge)
    if entity is None:
        return None
    reason = f"same topic as 「{turns[-1].text}」: "
    if chinese:
        body = _NA.sub("", text)
        subject = entity.name if _own_place(body) else subject_of(entity, turns)
        return subject + body, reason + subject
    label = in_label(entity, turns, knowledge)
    body = omission.strip_continuation(text).rstrip("?. ")
    return body[:1].upper() + body[1:] + f" in {label}?", reason + label


# An English question ending on a bare that/this (What did the banks add on top of that?, Who paid for this?) points at
# what the last question was about.
_EN_POINTS_AT_LAST = re.compile(r"(?i)\b(?:that|this)\s*[?.!]*\s*$")


OWNED = 0.5  # length-weighted share of a question's words that the passage answering it must say, for it to own it
_TOPIC_OPENING = ("n", "vn", "j", "l", "nz", "v", "b", "t")
# a question about a thing opens with a noun, a verb phrase (出的…), a word that only qualifies a noun (水污染防治责任体系…)
# or a time word (年终考核不合格咋办？)
_DEMONSTRATIVE = re.compile(r"^(?:这|那)(?:位|场|篇|家|名)")  # 这位园林企业高管…, 这场对话录…: it names its own subject
_THING_DEMONSTRATIVE = re.compile(r"^(?:这|那)(?:个|些|项|次|份|条|批)")
_SURNAME_TITLE = re.compile(r"^[\u4e00-\u9fff](?:局长|总|副总裁|总裁|主任|书记|市长|厅长|处长)")  # 张局长说…


def owned_topic(text: str, turns: list[Turn], knowledge: Knowledge, owner_of, lexicon: dict | None = None) -> Completed:
    """A question that names nothing and is about a thing (网格管理体系要杜绝哪些现象？, 城区周边装了多少个空气监测微站？,
    How much money went into the new monitoring stations in the towns?) is about the conversation's latest entity when
    the index says the thing is that entity's: the passage that best answers the question alone is the entity's
    speaker's and says at least OWNED of its (Chinese) words. The entity goes first (Chinese), or after 'in' (English:
    a place or company).

    Args:
        text: the question, naming nobody and without pronouns.
        turns: the earlier questions, completed.
        knowledge: the index's entities.
        owner_of: gives the speaker and text of the passage that best answers a question; None: no such rewrite.
        lexicon: the index's lexicon, for an English question's words in Chinese.
    """
    chinese = bool(re.search(r"[\u4e00-\u9fff]", text))
    body = _NA.sub("", text) if chinese else omission.strip_continuation(text)
    if owner_of is None or not body or not _about_a_thing(body, chinese):
        return None
    want = asking.attribute_kind(text) or (Want.ANY if chinese else Want.THING)
    entity = latest(turns, want, knowledge)
    person = linked_to(entity, Want.PERSON, knowledge) if entity is not None else None
    if person is None:
        return None
    speaker, passage = owner_of(text)
    # 那个网格要搞到啥程度？: 'that grid' points back at a thing of the conversation's; half as many words need saying
    owned = OWNED / 2 if chinese and _THING_DEMONSTRATIVE.match(body) else OWNED
    if speaker != person.name or _said(body, passage, chinese, lexicon) < owned:
        return None
    reason = f"omitted subject (the index's answer is {person.name}'s): "
    if chinese:
        return entity.name + body, reason + entity.name
    label = in_label(entity, turns, knowledge)
    return body[:1].upper() + body[1:].rstrip("?. ") + f" in {label}?", reason + label


def _said(question: str, passage: str, chinese: bool, lexicon: dict | None) -> float:
    """How much of a question a passage says: the length-weighted share of its Chinese words (two characters or more)
    in the passage; for English, the share of its content words with a Chinese term (index/lexicon_query.py) of which
    one is in the passage."""
    if chinese:
        words = [t for t in tokenize(question) if len(t) >= 2 and _HAN.fullmatch(t) and not _WH.search(t)]
        return coverage([t for t in words if t not in ZH_QUERY_FILLER], passage)  # 水质怎么样？: 水质
    glossed = [terms for _, terms in translations(canonical(question), lexicon or {}) if terms]
    return sum(any(t in passage for t in terms) for terms in glossed) / len(glossed) if glossed else 0.0


def _about_a_thing(body: str, chinese: bool) -> bool:
    """A question that opens with a thing of its own rather than pointing at or naming its subject: Chinese, a noun
    (or a quotation) first, not 这位…/那个… or a surname and title (张局长说…); English, no capitalised name after the
    first word (How much carbon dioxide did China emit?) and not in title case."""
    if not chinese:
        words = re.findall(r"[A-Za-z][\w'-]*", body)
        return bool(words) and not any(w[0].isupper() for w in words[1:]) and not re.search(r"[^\x00-\x7f]", body)
    if re.search(r"[A-Za-z]", body) or _DEMONSTRATIVE.match(body) or _SURNAME_TITLE.match(body):
        return False
    pointed = _THING_DEMONSTRATIVE.sub("", body)
    first = clauses.words(pointed or body)[0]  # 那个河长制…: the noun after 那个, a thing even if jieba does not know it
    tag = word_tags().get(first)
    if tag in _PROPER:  # a name of its own (as jieba's dictionary tags it) is the question's subject
        return False
    return first in "“《「\"" or (tag or "").startswith(_TOPIC_OPENING) or (tag is None and pointed != body)


_EN_STOP = frozenset(
    "how many much what which who whom where when why did does do is are was were has have had the a an of in on at for to "
    "by from with about and or it its they their this that these those be been any some too also well".split()
)


def _stem(word: str) -> str:
    if len(word) == 4 and re.search(r"(?i)[^sui]s$", word):  # cars → car, bus and this stay
        return word[:3].lower()
    return re.sub(r"(?:ies|es|s|ed|ing)$", "", word.lower()) if len(word) > 4 else word.lower()


def stems(text: str) -> set[str]:
    """The content words of an English text, crudely stemmed (cells → cell, assigned → assign)."""
    return {_stem(w) for w in re.findall(r"[A-Za-z][A-Za-z-]+", text) if w.lower() not in _EN_STOP}


_GENERIC_TOPIC = re.compile(
    r"^(?:那么|那)?(?:有什么|有没有|有哪些)?(?:效果|结果|成效|成果|效益|作用|影响|进展|原因|难点|难题|钱|资金|经费)"
    r"(?:呢|怎么样|怎样|如何|好不好|大不大|明显吗|是什么|有哪些|在哪里?|从哪(?:里|儿)?来的?|(?:是)?哪来的|用来干什么|用在哪(?:里|儿)?"
    r"|用到哪(?:里|儿)?去了|怎么用的?|够不够|有多少)?[呢吗啊]?[？?！!。.…]*$"
)


def generic_topic(text: str, turns: list[Turn], knowledge: Knowledge) -> Completed:
    """A short Chinese question about an outcome and nothing else (效果怎么样？, 成效如何？, 有什么效果？, 原因是什么？): the
    outcome of what the latest entity did, with the entity first (济宁的效果怎么样？)."""
    if not _GENERIC_TOPIC.match(text.strip()):
        return None
    entity = latest(turns, Want.ANY, knowledge)
    if entity is None:
        return None
    body = _NA.sub("", text.strip())
    joint = "" if body.startswith("有") else "的"
    return entity.name + joint + body, f"omitted subject: {entity.name}"
