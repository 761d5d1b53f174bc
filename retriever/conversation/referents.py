"""Who or what a follow-up's pronouns and omitted names refer to: the conversation's latest person, place or
organisation of the kind wanted, linked through the index's speaker roles (王奇 ↔ 南阳, 区锦雄 ↔ 普邦园林)."""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.normalize import is_chinese
from retriever.conversation import asking, clauses, pronouns
from retriever.conversation.knowledge import HOST_ENGLISH, Entity, EntityKind, Knowledge, Mention
from retriever.conversation.pronouns import Pronoun, Want

KIND_WANT = {EntityKind.PERSON: Want.PERSON, EntityKind.PLACE: Want.PLACE, EntityKind.ORG: Want.ORG}


@dataclass(frozen=True)
class Turn:
    """An earlier question, completed, with the entities it names; dependent when it asked something of its own
    about an entity it took from the ones before (a pronoun or an omitted subject), not when an ellipsis
    completed it (氮氧化物呢？ asks the same question again, of another thing)."""

    text: str
    mentions: tuple[Mention, ...]
    chinese: bool
    dependent: bool = False


def sounds_like(fragment: str, knowledge: Knowledge) -> Entity | None:
    """The entity a Chinese fragment names with a homophone slip of the input method (济凝 → 济宁, 湘谭 → 湘潭): the
    same number of characters, at least half of them the same, and a pinyin spelling in common; else None."""
    from index.pinyin import spellings

    name = re.sub(r"[市省]$", "", fragment.strip())
    if not 2 <= len(name) <= 4 or not all("\u4e00" <= c <= "\u9fff" for c in name):
        return None
    mine = set(spellings(name, limit=16))
    for entity in knowledge.entities:
        same = sum(a == b for a, b in zip(entity.name, name))
        if len(entity.name) == len(name) and 2 * same >= len(name) and mine & set(spellings(entity.name, limit=16)):
            return entity
    return None


# How a typed title matches a speaker's own (局长, 副总裁): by the character people shorten it to (张局 of 局长, 区总 of
# 副总裁); a courtesy title (先生, Mr) fits anyone. A mayor or a secretary Wang is someone else than bureau chief Wang Qi.
_COURTESY = frozenset("先生 女士 老师 mr mrs ms miss madam dr prof professor".split())
_EN_TITLE_CHAR = {"director": "局", "chief": "局", "president": "总", "chairman": "总", "chairwoman": "总", "manager": "总"}


def _title_fits(typed: str, title: str) -> bool:
    """Whether a title typed before or after a surname (局长, 总, Director) can be the speaker's title (局长, 副总裁)."""
    typed = re.sub(r"(?i)^(?:副|deputy\s+|vice[- ]?)|\.$", "", typed.strip()).lower()
    if typed in _COURTESY:
        return True
    key = _EN_TITLE_CHAR.get(typed, typed[:1])
    return bool(title) and bool(key) and key in title.removeprefix("副")


def _surnames(entity: Entity, chinese: bool) -> set[str]:
    """A speaker's surname as typed: the first character (张 of 张海冰), or its pinyin forms (zhang; ou and qu of 区)."""
    if chinese:
        return {entity.name[0]} if len(entity.name) >= 2 else set()
    parts = entity.label(False).lower().split()
    given = "".join(parts[1:])
    out = {parts[0]} if len(parts) >= 2 else set()
    return out | {k[: -len(given)] for k in entity.english if given and k.endswith(given) and len(k) > len(given)}


def titled_speakers(text: str, knowledge: Knowledge) -> tuple[str, list[str]]:
    """The text with each person named by surname and title (张局长, 区总, Director Zhang) written by the name of the one
    speaker with that surname whose title fits (张海冰, 区锦雄), and those names; a surname two speakers share, or a
    title none of them holds, is left as typed.

    Said aloud, 张局长 is how one names 张海冰; the index writes his name, not the title, so a question that keeps the
    title asks about someone the text never mentions."""
    chinese = is_chinese(text)
    people = [e for e in knowledge.entities if e.kind == EntityKind.PERSON and e.title]
    names: list[str] = []
    for start, end in sorted(pronouns.titled_people(text, chinese), reverse=True):
        typed = text[start:end]
        if chinese:
            surname, title = typed[0], typed[1:]
        else:
            words = typed.split()
            surname, title = words[-1], " ".join(words[:-1])
        fits = [e for e in people if surname.lower() in _surnames(e, chinese) and _title_fits(title, e.title)]
        if len(fits) != 1:
            continue
        name = fits[0].label(chinese)
        text, names = text[:start] + name + text[end:], [fits[0].name, *names]
    return text, names


# A question asking what a thing is called (…文件叫啥？, 叫什么名字, 名称是什么): the title its answer gives is that thing.
_ZH_ASKS_NAME = re.compile(r"叫(?:啥|什么)|名称|(?:什么|啥)名字|题目|标题")
_BOOK_TITLE = re.compile(r"《[^《》]{2,40}》")
_DOCUMENT_WORDS = frozenset("文件 文 文本 政策 规定 办法 意见 条例 方案 纲要 规划 制度 通知 决定".split())
_DOCUMENT_TITLE = re.compile(r"(?:规定|办法|意见|条例|方案|纲要|规划|制度|通知|决定|细则|导则|标准|法)》$")


def named_by_answer(text: str, found: Sequence[Pronoun], turns: list[Turn], answer_of) -> tuple[str, str] | None:
    """(the question, why) with 这/那 + a noun of the latest question written as the title the answer to that question
    gives, when it asked what the thing is called (这文件配了几项保障措施？ after 大连…出台的绿色发展纲领性文件叫啥？ →
    《关于加快绿色发展提升环境品质的意见》配了几项保障措施？), else None: the thing was named by its answer, and the
    question's own words for it (纲领性文件) are the asker's, not the text's.

    Only one 《title》 in the best passage (its short form, 《意见》, aside), and one that is the noun's kind (a 意见 for
    意见; any policy for 文件)."""
    last = turns[-1] if turns else None
    if last is None or not last.chinese or not _ZH_ASKS_NAME.search(last.text):
        return None
    for pronoun in found:
        if pronoun.want != Want.OWNER or not pronoun.text.startswith(("这", "那")):
            continue
        rest = text[pronoun.end :]
        size = next((n for n in range(min(6, len(rest)), 1, -1) if rest[:n] in last.text), 0)
        if not size:
            continue
        noun = rest[:size]
        found_titles = list(dict.fromkeys(_BOOK_TITLE.findall(answer_of(last.text))))
        # 《意见》 after 《关于…的意见》 is its short form, not another title
        titles = [t for t in found_titles if not any(t != o and t.strip("《》") in o for o in found_titles)]
        if len(titles) != 1:
            return None
        title = titles[0]
        if not (title.endswith(noun + "》") or (noun in _DOCUMENT_WORDS and _DOCUMENT_TITLE.search(title))):
            return None
        return text[: pronoun.start] + title + rest[size:], f"pronoun: {pronoun.text}{noun} = {title}"
    return None


def only_names(fragment: str, knowledge: Knowledge) -> bool:
    """True when a fragment is names and fillers only (那济宁, 南阳的)."""
    mentions = knowledge.find(fragment)
    return bool(mentions) and not re.sub(r"(?i)[那的在和与、\s]|\b(?:and|or|in|for|then)\b", "", without(fragment, mentions))


def without(text: str, mentions: list[Mention]) -> str:
    """The text with the names cut out."""
    for m in sorted(mentions, key=lambda m: -m.start):
        text = text[: m.start] + text[m.end :]
    return text


def label_of(entity: Entity, chinese: bool, turns: list[Turn], typed: Sequence[Mention] = ()) -> str:
    """The entity as written in the target language: the English form the user typed (now or earlier), if any."""
    if not chinese:
        for mentions in [typed] + [t.mentions for t in reversed(turns)]:
            for m in mentions:
                if m.entity.name == entity.name and not is_chinese(m.surface):  # moderator: the moderator (session 30)
                    return f"the {m.surface}" if m.surface.lower() in HOST_ENGLISH and m.surface.islower() else m.surface
    return entity.label(chinese)


def linked_to(entity: Entity, want: Want, knowledge: Knowledge) -> Entity | None:
    """The entity of the wanted kind that an entity stands for (许伟 → 济宁 for a place, 济宁 → 许伟 for a person)."""
    if want == Want.POSSESSIVE:  # his, her: a person's; a city or company stands for its speaker
        return linked_to(entity, Want.PERSON, knowledge) or entity
    if want == Want.THING:  # it: a place or company; a person stands for their company, else their city
        if entity.kind != EntityKind.PERSON:
            return entity
        return linked_to(entity, Want.ORG, knowledge) or linked_to(entity, Want.PLACE, knowledge)
    kind = {Want.PERSON: EntityKind.PERSON, Want.PLACE: EntityKind.PLACE, Want.ORG: EntityKind.ORG}.get(want)
    if kind is None or entity.kind == kind:
        return entity
    if kind == EntityKind.PERSON:
        return knowledge.speaker_entity(entity.speaker) if entity.speaker else None
    person = knowledge.speaker_entity(entity.speaker) if entity.kind != EntityKind.PERSON else entity
    if person is None:
        return knowledge.get(entity.city) if kind == EntityKind.PLACE and entity.city else None
    linked = knowledge.get(person.city if kind == EntityKind.PLACE else person.org)
    return linked if linked is not None and linked.kind == kind else None


# a name introduced as the source of what is asked (according to the moderator, 据主持人说, 在许伟看来): who says, not
# what the question is about
_SOURCE_BEFORE = re.compile(
    r"(?i)(?:according\s+to|in\s+the\s+(?:view|eyes|words)\s+of|as\s+told\s+by)\s+(?:the\s+)?$|(?:据|根据)$"
)


# … and one who says it (主持人说去大连…, 许伟认为…, the moderator said Dalian …): the name after is what is asked about
_SAYS_AFTER = re.compile(
    r"(?i)^(?:说|认为|觉得|提到|表示|谈到|介绍|强调|指出|讲)|^\s+(?:said|says|thinks|believes|mentioned|noted)\b"
)


def _source(text: str, mention: Mention, want: Want = Want.ANY) -> bool:
    """True when a mention names the source of what is asked rather than its subject (a name after it comes first);
    one who says it only when a place or thing is wanted (他 after 张海冰说湘潭…？ is still 张海冰)."""
    if _SOURCE_BEFORE.search(text[: mention.start]):
        return True
    if want not in (Want.PERSON, Want.POSSESSIVE) and _SAYS_AFTER.search(text[mention.end :]):
        return True
    return text[: mention.start].endswith("在") and text[mention.end :].startswith("看来")


def latest(turns: list[Turn], want: Want, knowledge: Knowledge, answered_by=None) -> Entity | None:
    """The latest entity of the conversation that can be what a pronoun wants."""
    answer_want = want
    for i, turn in enumerate(reversed(turns)):
        # a question that asked which city or company (苏国军是哪个市的局长？) makes that city or company the topic: 其, it
        asked = asking.asked_kind(turn.text)
        wanted = (asked or want) if want in (Want.ANY, Want.THING, Want.OWNER) else want
        city = asked == Want.PLACE and asking.asks_city(turn.text)
        # the first name of a question is usually its subject; a province only when it names nothing finer
        # …, and who says so (According to the moderator, what happened to Jining's air?) only when nothing else is named
        for mention in sorted(turn.mentions, key=lambda m: (_source(turn.text, m, wanted), m.entity.province)):
            if city and mention.entity.province:
                continue  # Which city lies where Henan, Hubei and Shaanxi meet?: the answer, not Henan
            entity = linked_to(mention.entity, wanted, knowledge)
            if entity is not None:
                return entity
        if i == 0 and city and wanted == Want.PLACE:
            answer_want = wanted
            break  # the city that the latest question asks for is its answer
    if answered_by is not None and turns and not (answer_want == Want.THING and asking.asked_kind(turns[-1].text) is None):
        # it/its after a question about a thing that names no one (When was the forum held? → What was its theme?): the
        # thing, not whoever speaks in the passage that answers it; after Which company …? it is the company answered
        speaker = knowledge.speaker_entity(answered_by(turns[-1].text) or "")
        if speaker is not None:
            return linked_to(speaker, answer_want, knowledge)
    return None


def _after_place(before: str, own: list) -> bool:
    """Whether a Chinese text ends with a place name (广东, 湖南: one the index knows or jieba tags as a place)."""
    from retriever.conversation.knowledge import word_tags

    if any(m.entity.kind == EntityKind.PLACE and before.endswith(m.surface) for m in own):
        return True
    words = clauses.words(before)
    return bool(words) and len(words[-1]) >= 2 and word_tags().get(words[-1], "") == "ns"


def resolve_pronouns(text, found, chinese, turns, knowledge, answered_by, answer_of=None) -> tuple[str, list[str]]:
    """The text with each pronoun replaced by what it refers to, and a note per replacement.

    answer_of gives the text of the passage that answers a question: 这个 + noun may point at a thing that answer
    named (湘潭百年锰矿地区现在变成了什么？ … 这个地质公园 …), not only at one an earlier question named.
    """
    out, names, last = [], [], 0
    for pronoun in found:
        if not pronouns.refers_back(pronoun, text, [t.text for t in turns]) and not (
            pronoun.want == Want.OWNER and answer_of is not None and turns
            and pronouns.refers_back(pronoun, text, [answer_of(turns[-1].text)])
        ):
            continue
        if names and (pronouns.possessive(pronoun) or pronoun.want in (Want.POSSESSIVE, Want.OWNER)):
            continue  # 'that firm … its values', 'this speaker … his position', 他们…那批炉子: the referent just written
        if not chinese and pronouns.is_event(pronoun, text) and not (
            pronouns.is_passive(pronoun, text) and (owner := latest(turns, Want.THING, knowledge)) is not None
            and owner.kind == EntityKind.ORG
        ):  # Did it work?, When was it signed?: what was done, no city (events.about_event); When was it founded?: the firm
            continue
        if pronouns.is_object(pronoun, text):  # Who introduced it?, How many of them …: the thing talked about, no name
            short = len(text.split()) <= pronouns.MAX_POINTING_WORDS  # a longer one names its own things for it to be
            thing = clauses.defined_thing(turns[-1].text) if turns and short else ""
            if thing:  # What is the river chief system? → Who introduced the river chief system?
                out.append(text[last : pronoun.start] + thing)
                names.append(f"{pronoun.text.strip()} = {thing}")
                last = pronoun.end
            continue
        before = text[: pronoun.start]  # a name earlier in the question itself: the pronoun is its own (许伟说他…)
        found_before = knowledge.find(before)
        if not chinese and not found_before and before != before.title():  # does su guojun think their …: a name
            found_before = knowledge.find(string.capwords(before))  # typed in lower case is a name all the same
        own = [m for m in found_before if not (m.entity.province and pronouns.names_city(pronoun))]  # 湖南省…该市
        if latest([Turn(before, tuple(own), chinese)], pronoun.want, knowledge) is not None:
            continue
        if pronouns.person_before(pronoun, text, chinese):
            continue  # The man from the listed firm: … by his account; 那家公司的副总，说他…: the person it describes
        if pronoun.want == Want.PERSON and chinese and _after_place(before, own):
            continue  # 广东那位副总裁说…: the one from the place it names, not the conversation's
        if pronoun.want != Want.OWNER and pronouns.titled_people(before, chinese):
            continue  # 许局长他们…, 苏局长说他们的…, Director Xu said they …: the person the question names by title
        if pronouns.bound_to_who(pronoun, text, chinese):
            continue  # Who moderated the dialogue, and what is his position?: his is whoever is asked for
        if not chinese and pronoun.want in (Want.PLACE, Want.ORG) and re.match(r"(?i)the\s", pronoun.text) and (
            pronoun.text.split()[-1][:1].isupper()
            or any(linked_to(m.entity, pronoun.want, knowledge) is m.entity for m in knowledge.find(text))
        ):
            continue  # … Remediation Across the City, … did Dalian …: a title's word, or the city the question names
        if not chinese and pronouns.own_referent(pronoun, text):
            continue  # How is Chengdu protecting its pandas?, Under its plan, which system did Nanyang …?
        if not chinese and pronoun.want == Want.PLACE and pronoun.text.lower() == "the city" and pronouns.own_referent(
            replace(pronoun, want=Want.ANY), text
        ):
            continue  # how many boilor Dailan goverment take away in the city districts: the city it names, misspelt
        after = text[pronoun.end :]
        if pronouns.possessive(pronoun) and latest([Turn(after, tuple(knowledge.find(after)), chinese)], pronoun.want, knowledge):
            continue
        want = pronoun.want
        if want == Want.ANY and asking.attribute_kind(text) in (Want.ORG, Want.PLACE):
            want = asking.attribute_kind(text)  # 他们作为上市企业有多少年历史？ after a question about 区锦雄: his company
        entity = latest(turns, want, knowledge, answered_by)
        if entity is None and want == Want.ORG and (plural := _ZH_THEIR_FIRMS.match(pronoun.text)):
            entity = latest(turns, Want.ANY, knowledge, answered_by)  # 他们的企业 after a city: the city's firms
            if entity is not None:
                label = label_of(entity, chinese, turns)
                out.append(text[last : pronoun.start] + f"{label}的{plural.group('noun')}")
                names.append(f"{pronoun.text.strip()} = {label}的{plural.group('noun')}")
                last = pronoun.end
                continue
        if entity is None and not chinese and (owned := _owned_by_thing(pronoun, text, turns)):
            out.append(text[last : pronoun.start] + owned)  # What was its theme? → What was the theme of the … forum?
            names.append(f"{pronoun.text.strip()} = {owned}")
            last = len(text.rstrip("?.! "))
            continue
        if entity is None:
            continue
        label = label_of(entity, chinese, turns)
        owned = possessed_subject(turns[-1]) if not chinese and pronoun.text.lower() == "it" and turns[-1].text else ""
        if owned:  # When did it open? after What did Xiangtan's manganese mining area become?: that area, not the city
            label = owned
        people = asked_people(pronoun, turns, chinese)
        if people:  # 他们的职责 after 济宁配备了多少名专职环保网格员？: the inspectors, not the city
            label = f"{label}{people}" if chinese else f"the {people} in {label}"
        if names and last == pronoun.start and text[pronoun.start - 1 : pronoun.start] != " " and out and out[-1].endswith(label):
            last = pronoun.end  # 该市那边: one place said twice
            continue
        if not chinese and names and pronoun.text.lower() in ("it", "he", "she", "they") and f"= {label}" in names[-1]:
            continue  # does that town say it tackles …: it is the town just written, left as typed
        if pronoun.want == Want.OWNER:
            label = label + ("的" if chinese else "'s ")
        elif pronoun.want == Want.POSSESSIVE or pronouns.possessive(pronoun):
            label = label + "'s"
        elif not chinese and pronoun.text.lower() == "there":
            label = "in " + label  # deployed there → deployed in Dalian
        out.append(text[last : pronoun.start] + label)
        names.append(f"{pronoun.text.strip()} = {label.strip().removesuffix('的')}")
        last = pronoun.end
    return "".join(out) + text[last:], names


_ZH_THEIR_FIRMS = re.compile(r"^(?:他们|她们)(?:所在的?|的)?(?P<noun>公司|企业|单位)$")


# People counted by a 'how many' question (网格员, 交警, staff, inspectors): 他们/they after it are those people.
_PEOPLE = re.compile(
    r"(?:员|人员|干部|交警|警察|领导|官员)$|\b(?:staff|inspectors?|officers?|officials|police|people|workers|members|cadres|"
    r"volunteers|employees|leaders)$",
    re.IGNORECASE,
)


def asked_people(pronoun: Pronoun, turns: list[Turn], chinese: bool) -> str:
    """The people the latest question counted (专职环保网格员 of 济宁配备了多少名专职环保网格员？, full-time grid staff of
    How many full-time grid staff does Jining have?) when a plural pronoun (他们, they, them) follows it, else ''."""
    plural = ("他们", "她们", "they", "them", "他们的", "这些人", "那些人", "这批人", "那批人")
    partitive = ("those", "these")  # How many of those were …: whatever the last question counted, people or not
    word = pronoun.text.lower().strip()
    if not turns or turns[-1].chinese != chinese or word not in plural + partitive:
        return ""
    thing = clauses.asked_thing(turns[-1].text).strip()
    if word in partitive:
        return thing
    return thing if _PEOPLE.search(thing) else _subject_group(turns[-1], chinese)


_EN_GROUP_SUBJECT = re.compile(
    r"(?i)^(?:what|how|when|where|why|which\s+\w+)\s+(?:did|does|do|has|have|had|is|are|was|were)\s+(?:the\s+|[A-Z][\w-]*'s\s+)"
    r"(?P<group>(?:[a-z][\w-]*\s+){0,3}(?:team|group|squad|police|inspectors|staff|officials|cadres|committee|task\s+force)s?)\b"
)
_ZH_GROUP = re.compile(r"(?P<group>[\u4e00-\u9fff]{0,4}?(?:督查组|督察组|工作组|领导小组|小组|指挥部))")


def _subject_group(turn: Turn, chinese: bool) -> str:
    """The group of people that is the subject of the latest question (the joint inspection team of What did Dalian's
    joint inspection team do?, 联合督查组 of 大连的联合督查组做了什么？): they are those people; else ''."""
    if not chinese:
        match = _EN_GROUP_SUBJECT.match(turn.text.strip())
        return match.group("group") if match else ""
    first = next((m for m in turn.mentions if m.start == 0), None)  # 大连的联合督查组…: the group right after the name
    after = turn.text[first.end :] if first is not None else ""
    match = _ZH_GROUP.match(after[1:]) if after.startswith("的") else None  # 大连的联合督查组, not 济宁那个网格员
    return match.group("group") if match else ""


_EN_POSSESSED_SUBJECT = re.compile(
    r"^(?:what|how|when|where|why|which\s+\w+)\s+(?:did|does|do|has|have|had)\s+"  # not What is X's N?: N is no subject
    r"(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)'s\s+(?P<words>(?:[a-z][\w-]*\s+){1,4})(?P<verb>[a-z]+)\s*\?*$"
)
_PERSON_NOUN = re.compile(r"(?i)(?:mayor|chief|head|director|official|secretary|leader|people|staff|police|man|woman|boss)s?$")
_EN_WHICH_THING = re.compile(  # Which Dalian document sets 13 binding indicators?: the question asks for a document
    r"^which\s+(?P<owner>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:'s)?\s+(?P<noun>[a-z][\w-]*)\s+(?!(?:did|does|do|is|are|was|were|has|have|had)\b)[a-z]"
)
_PLACE_OR_BODY = re.compile(r"(?i)^(?:city|cities|town|place|province|district|county|company|firm|bureau|department|one)$")


def possessed_subject(turn: Turn) -> str:
    """The subject of the latest English question when it is a thing someone owns (Xiangtan's manganese mining area of
    What did Xiangtan's manganese mining area become?) or the thing it asks for (the Dalian document of Which Dalian
    document sets 13 binding indicators?): it, after it, is that thing; else ''."""
    text = turn.text.strip()
    asked = _EN_WHICH_THING.match(text[:1].lower() + text[1:])
    # the owner: a name of the conversation (Dalian) or another proper noun the index need not know (Which Tsinghua
    # school advises Jining …?: the school asked for, not Jining)
    if asked and not (
        _PERSON_NOUN.search(asked.group("noun")) or _PLACE_OR_BODY.match(asked.group("noun"))
    ):  # How many main tasks does it list? after Which Dalian document sets …?: the document, not Dalian
        return f"the {asked.group('owner')} {asked.group('noun')}"
    match = _EN_POSSESSED_SUBJECT.match(text[:1].lower() + text[1:])
    if match is None or _PERSON_NOUN.search(match.group("words").strip()):
        return ""
    return f"{match.group('owner')}'s {match.group('words').strip()}"


_EN_SUBJECT = re.compile(  # When was the 2016 national forum … held?: the thing the question is about, before its participle
    r"(?i)^(?:when|where|how|why|who|what)\s+(?:was|were|is|are)\s+(?P<thing>(?:the|a|an)\s+[^?]{3,80}?)\s+"
    r"(?:[a-z]+ed|held|set|built|made|begun|run|won|founded|opened)\s*[?.!]*$"
)
_EN_CLOSING_NOUN = re.compile(r"(?i)^\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*[?.!]*$")


def _owned_by_thing(pronoun, text: str, turns: list[Turn]) -> str:
    """'the theme of the 2016 national forum …' for an English question that ends with its + a noun (What was its
    theme?) when the latest question names no one and is about a thing (When was the 2016 national forum … held?,
    What is the river chief system?); else ''."""
    if pronoun.text.lower() != "its" or not turns or turns[-1].chinese or turns[-1].mentions:
        return ""
    noun = _EN_CLOSING_NOUN.match(text[pronoun.end :])
    match = _EN_SUBJECT.match(turns[-1].text.strip())
    thing = match.group("thing") if match else clauses.defined_thing(turns[-1].text)
    if not noun or not thing or not re.match(r"(?i)(?:the|a|an)\s", thing):
        return ""
    thing = re.sub(r"(?i)^an?\s", "the ", thing)
    return f"the {noun.group('noun')} of {thing}"
