"""Ellipsis: a fragment (那济宁呢？, 烟尘呢？, What about Jining?) takes the place of the matching part of an earlier
question: a name replaces a name of the question that shares the fragment's other words, else a thing replaces the
thing asked about (多少二氧化硫 → 多少烟尘) or the subject."""

from __future__ import annotations

import re

from index.normalize import is_chinese
from index.tokenize import tokenize
from retriever.conversation import asking, asking_again, clauses, fragments
from retriever.conversation.knowledge import Entity, EntityKind, Knowledge, Mention, word_tags
from retriever.conversation.pronouns import Want
from retriever.conversation.referents import KIND_WANT, Turn, label_of, latest, linked_to
from retriever.conversation.thread import FILLER, thread_root
from retriever.query import query_terms


def _terms(text: str, lexicon, bilingual: bool) -> set[str]:
    """BM25 terms of a text; with bilingual, an English text's words are mapped to Chinese terms too."""
    return set(query_terms(text, lexicon or {}) if bilingual else tokenize(text))


def complete_ellipsis(fragment: str, turns: list[Turn], knowledge: Knowledge, lexicon) -> str | None:
    """The latest question with the fragment in place of what it replaces."""
    chinese = is_chinese(fragment)
    if chinese and turns[-1].chinese and (done := _coverb_object(fragment, turns[-1], knowledge)):
        return done  # 那跟郑州呢？ after 南阳跟陕西、湖北建了什么机制？: 郑州 takes the place of 陕西、湖北
    mentions = knowledge.find(fragment)
    if not mentions and chinese and (place := _unknown_place(fragment, knowledge)) is not None:
        mentions = [place]  # 那杭州呢？: a place the index does not know is still a place, not a thing asked about
    if mentions and (person := _person_of_place(fragment, mentions[0], knowledge)) is not None:
        fragment, mentions = person.name, knowledge.find(person.name)  # 湖南那位呢？: the speaker from Hunan
    if mentions:
        return _swap_entity(fragment, mentions[0], turns, knowledge, lexicon)
    last = turns[-1]
    ordinal = fragments.ordinal(fragment, chinese)
    if ordinal:  # 第二点呢？, And the second point?: that point of what the latest speaker said
        entity = latest(turns, Want.ANY, knowledge)
        if entity is not None:
            name = label_of(entity, chinese, turns)
            return f"{name}提到的{fragment}是什么？" if chinese else f"What is {name}'s {ordinal}?"
    if asking.asked_kind(last.text) is not None and (entity := latest(turns, Want.THING, knowledge)) is not None:
        # 核心价值观呢？ after 区锦雄在哪家公司工作？: the thing of the company the last question asked for
        thing = re.sub(r"(?i)^(?:the|its|their)\s+", "", fragment)
        name = label_of(entity, chinese, turns)
        return f"{name}的{thing}是什么？" if chinese else f"What {_be(thing)} {name}'s {thing}?"
    if last.chinese and not chinese and (term := _one_chinese_term(fragment, lexicon)) and _counts_like(fragment, last.text):
        fragment, chinese = term, True  # And the soot? after …削减了多少氮氧化物？: 烟尘 takes 氮氧化物's place
    if not chinese and not re.search(r"[a-z]{2}", fragment):  # PM2.5呢？, GDP: no word of either language
        chinese = last.chinese
    if chinese != last.chinese and (entity := latest(turns, Want.ANY, knowledge)) is not None:
        # What about fishermen? after 湘潭关停了多少家化工企业？: asked in the fragment's own language of the latest
        # entity, as the Chinese question asked (多少 → How many), not the Chinese question with English glued on
        across = _asked_across_zh if chinese else _asked_across
        return across(fragment, last.text, entity, turns)
    if chinese != last.chinese:
        return f"{last.text.rstrip('？?')} {fragment}" + ("？" if last.chinese else "?")
    if chinese:
        if _time_words(fragment) == clauses.words(fragment):  # 现在呢？ after …以前有什么问题？ → …现在有什么问题？
            earlier = _time_words(last.text)
            return last.text.replace(earlier[0], fragment, 1) if earlier else fragment + last.text
        if (area := _ZH_PART_OF_PLACE.match(fragment)) and (place := _place_named(last)) is not None:
            # 市区呢？ after 大连提标改造了多少台燃煤锅炉？: the same question of part of that place (大连市区…)
            return last.text[: place.end] + area.group("area") + last.text[place.end :]
        if _PLACE_LIKE.search(fragment):
            head = clauses.subject(last.text, word_tags(), [m.surface for m in last.mentions])
            if head:  # 湘江湘潭段: the head read as 湘江湘潭 keeps its place suffix
                rest = re.sub(r"^(?:地区|区域|片区|流域|段|港|县|区|镇|村|乡)", "", last.text[len(head) :])
                return fragment + rest
        if _AMOUNT.search(fragment) and re.search(r"多少|几", last.text):  # 罚款金额呢？: the amount is asked, not counted
            head = clauses.subject(last.text, word_tags(), [m.surface for m in last.mentions])
            thing = clauses.asked_thing(last.text)  # 罚款总额呢？ after …立案处罚了多少起环境违法行为？: the cases' fines
            owned = f"{thing}的" if len(thing) >= 2 and thing not in fragment and not fragment.startswith(thing) else ""
            counted = _COUNT.sub("", fragment).removesuffix("的") if _COUNT.search(fragment) else ""
            if len(counted) >= 2 and not _ends_with_verb(counted):
                owned = ""  # 监测微站的数量呢？ counts 监测微站, not the 网格员 asked about before (处理的人数: theirs)
            if head and not fragment.startswith(head):
                return head + _amount_asked(fragment.removesuffix("的"), owned)
        if _TITLE.search(fragment) and not _ASKS_WHO.search(last.text):  # 副总裁呢？ after …有多少年历史？: who holds it
            head = clauses.subject(last.text, word_tags(), [m.surface for m in last.mentions])
            owner = head or (label_of(e, True, turns) if (e := latest(turns, Want.ANY, knowledge)) else "")
            if owner and not fragment.startswith(owner):
                return f"{owner}的{fragment.removeprefix('的')}是谁？"
        if _new_relation(fragment, last.text):  # 合作的高校呢？ after …对多少个点位进行监控？: a thing of its own verb
            head = clauses.subject(last.text, word_tags(), [m.surface for m in last.mentions])
            if head and not fragment.startswith(head):
                return f"{head}{fragment}{own_tail(fragment)}"
        if _AMOUNT.search(fragment) and not re.search(r"多少|几", last.text):  # 供水量呢？ after …是什么类别？: how much
            head = clauses.subject(last.text, word_tags(), [m.surface for m in last.mentions])
            if head and not fragment.startswith(head):
                return f"{head}的{fragment.removeprefix('的').removesuffix('的')}是多少？"
        if _agent_clause(fragment) and (tail := _asked_tail(last.text, fragment=fragment)):  # 国家给的资金呢？
            head = clauses.subject(last.text, word_tags(), [m.surface for m in last.mentions])
            if head:
                return f"{head}{fragment}{tail}"
        # 提标改造的 qualifies the thing asked about; 烟尘的 replaces it
        modifier = fragment.endswith("的") and _ends_with_verb(fragment.removesuffix("的"))
        replaced = clauses.replace_object(last.text, fragment if modifier else fragment.removesuffix("的"), modifier=modifier)
        if replaced:
            return replaced
        head = clauses.subject(last.text, word_tags(), [m.surface for m in last.mentions])  # 南阳的水源地 + 水质
        if head and (tail := _asked_tail(last.text, amounts=False, fragment=fragment)):  # 营业收入呢？ after …是什么？
            return f"{head}的{fragment.removeprefix('的')}{tail}"
        return f"{head}{fragment}怎么样？" if head else f"{last.text.rstrip('？?')}，{fragment}？"
    fragment = _HOW_MANY_PHRASE.sub("", fragment)  # how many in the urban districts: the phrase is what is new
    if _PHRASE_HOW_MANY.match(fragment) and (done := asking_again.ask_with(last.text, fragment)):
        return done  # In how many zones did Xiangtan pick key cleanup projects?
    return (  # 'from the banks' replaces the question's own 'from …'; 'the fines' the thing asked about
        clauses.replace_phrase(last.text, fragment)
        or _narrowed(last, fragment)
        or clauses.replace_head(last.text, fragment)
        or clauses.replace_object(last.text, fragment)
        or clauses.replace_means(last.text, fragment)
        or clauses.add_phrase(last.text, fragment)
        or clauses.replace_after_verb(last.text, fragment, max((m.end for m in last.mentions), default=0))
        or _owned_by_latest(fragment, turns, knowledge)
        or f"{last.text.rstrip('?')}, and {fragment}?"
    )


# Prepositions and the conjunction 和 that take a partner, a source or a target (跟陕西、湖北, 向国家, 和株洲): a fragment
# opening with one (那跟郑州呢？) names another partner of the same relation.
_COVERB_TAGS = ("p", "c")
_COVERBS = frozenset("跟 和 与 同 向 对 给 从".split())
_JOINERS = frozenset("、 和 及 与 以及 跟".split())


# 那位/这位 (+ a title) after a place: the person from there (湖南那位, 山东这位局长), as people name a speaker they
# do not remember by name
_ONE_FROM = re.compile(r"^(?:那|这)(?:位|个人)")
_ONE_FROM_TITLED = re.compile(r"^(?:那|这)(?:位|个人)(?:[\u4e00-\u9fff]{1,4}?(?=说|讲|提|介绍|谈|的|在|是))?")


def _person_of_place(fragment: str, mention: Mention, knowledge: Knowledge) -> Entity | None:
    """The speaker a place with 那位/这位 stands for (湖南那位 → 苏国军, 山东这位局长 → 许伟); None for anything else
    (a place alone, a place's thing: 湖南那边, 山东的网格员)."""
    rest = fragment[mention.end :].strip()
    match = _ONE_FROM.match(rest)
    if mention.entity.kind != EntityKind.PLACE or match is None or mention.start > 2:
        return None
    title = rest[match.end() :].removesuffix("的")
    if title and not _TITLE.search(title) and title not in ("领导", "嘉宾", "代表", "专家", "老总", "副总"):
        return None
    return linked_to(mention.entity, Want.PERSON, knowledge)


def _coverb_object(fragment: str, last: Turn, knowledge: Knowledge) -> str | None:
    """The latest question with the fragment's object in place of the object of the same preposition (那跟郑州呢？
    after 南阳跟陕西、湖北建了什么机制？ → 南阳跟郑州建了什么机制？; 那向银行呢？ after 湘潭向国家申请了多少资金？ →
    湘潭向银行申请…), or None: the fragment opens with no preposition, the question has none of it, or its object is
    no run of nouns and names followed by more of the question."""
    from retriever.answerability.units import tagged_around

    names = [a for e in knowledge.entities for a in e.aliases]
    head = tagged_around(fragment, names)
    if len(head) < 2 or head[0][0] not in _COVERBS or head[0][1] not in _COVERB_TAGS:
        return None
    prep, obj = head[0][0], fragment[len(head[0][0]) :].strip()
    cut = tagged_around(last.text, names)
    for i, (word, tag, start) in enumerate(cut):
        if word != prep or tag not in _COVERB_TAGS or i == 0:
            continue
        j = i + 1
        while j < len(cut) and (cut[j][1] in ("known", "j", "eng") or cut[j][1].startswith("n") or cut[j][0] in _JOINERS):
            j += 1
        if j == i + 1 or j >= len(cut) or cut[j - 1][0] in _JOINERS or cut[j][1] == "x":
            return None  # no object, or the object ends the question
        end = cut[j][2]
        return last.text[: start + len(word)] + obj + last.text[end:]
    return None


def _unknown_place(fragment: str, knowledge: Knowledge) -> Mention | None:
    """A fragment that is one place name the index does not know (杭州, 郑州: jieba's dictionary tags it a place), as a
    mention of a place entity of that name; else None."""
    if not 2 <= len(fragment) <= 6 or (word_tags().get(fragment) or "") != "ns":
        return None
    entity = Entity(EntityKind.PLACE, fragment, (fragment,))
    return Mention(entity, 0, len(fragment), fragment)


# Part of a place that names no place of its own (市区, 农村, the urban districts alone): the latest question's place,
# narrowed.
_ZH_PART_OF_PLACE = re.compile(
    r"^(?:光|仅|只|单|单是|仅仅|光是|只是|其中)?(?P<area>市区|城区|主城区|中心城区|市里|县里|县区|郊区|农村|乡村|城市)$"
)
_EN_PART_OF_PLACE = re.compile(
    r"(?i)^(?:in\s+|within\s+|for\s+)?(?P<area>(?:the\s+)?(?:urban|rural|inner[- ]city|downtown|suburban|outlying|central|"
    r"city)\s+(?:districts?|areas?|core|centre|center|counties|county|villages?|towns?|parts?)"
    r"|(?:the\s+)?(?:countryside|suburbs|city\s+proper))"
    r"(?:\s+(?:alone|only|by\s+themselves|by\s+itself|on\s+(?:its|their)\s+own))?$"
)


def _place_named(turn: Turn) -> Mention | None:
    """The first place the latest question names, or None."""
    return next((m for m in turn.mentions if m.entity.kind == EntityKind.PLACE), None)


def _narrowed(last: Turn, fragment: str) -> str:
    """How many of Dalian's coal boilers were retrofitted … in the urban districts? for 'And the urban districts alone?'
    after a question that names Dalian: part of the question's place narrows it, it is no new subject; else ''."""
    match = _EN_PART_OF_PLACE.match(fragment.strip())
    if match is None or _place_named(last) is None:
        return ""
    return f"{last.text.rstrip('?. ')} in {match.group('area')}?"


def _owned_by_latest(fragment: str, turns: list[Turn], knowledge: Knowledge) -> str:
    """What is Jining's reward rules for tip-offs? for 'And the reward rules for tip-offs?' after a question about
    Jining's platform that none of the clause rules fit: the new thing of the latest entity, not the old question with
    the new thing glued on (the judge then looks for one sentence holding both), '' without an entity or with a verb."""
    if _EN_CLAUSE_VERB.search(fragment) or _PLACE_LIKE.search(fragment):  # the Huai River: a place is added, not owned
        return ""
    if (entity := latest(turns, Want.ANY, knowledge)) is None:
        return ""
    thing = re.sub(r"(?i)^(?:the|its|their)\s+", "", fragment)
    name = label_of(entity, False, turns)
    return "" if name.lower() in thing.lower() else f"What {_be(thing)} {name}'s {thing}?"


_EN_CLAUSE_VERB = re.compile(r"(?i)\b(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b|ed\b")


_HOW_MANY_PHRASE = re.compile(r"(?i)^how\s+(?:many|much)\s+(?=(?:in|on|at|from|through|by|for|with|to|about|via)\s)")
_PHRASE_HOW_MANY = re.compile(r"(?i)^(?:in|on|at|from|through|by|for|with|to|across|among)\s+how\s+(?:many|much)\s+\w")


def _switch_linked(frame: Turn, target: Mention, new: str, entity: Entity, knowledge: Knowledge, turns) -> str:
    """The frame with the target name replaced by new, and the other names of the same speaker by the new entity's
    (许伟介绍了济宁的什么经验？ + 王奇 → 王奇介绍了南阳的什么经验？)."""
    old_speaker, out, last = target.entity.speaker, [], 0
    for m in frame.mentions:
        if m is target:
            out.append(frame.text[last : m.start] + new)
        elif old_speaker and m.entity.speaker == old_speaker and m.entity.name != entity.name:
            want = KIND_WANT[m.entity.kind]
            linked = linked_to(entity, want, knowledge)
            if linked is None:
                continue
            out.append(frame.text[last : m.start] + label_of(linked, frame.chinese, turns))
        else:
            continue
        last = m.end
    return "".join(out) + frame.text[last:]


# the middle-route source in …: a part of a place named before its place, which a place-like fragment replaces whole
_EN_PLACE_PART = re.compile(
    r"(?i)\bthe\s+(?:[\w-]+\s+){0,3}(?:source|sources|area|stretch|section|river|reservoir|basin|region|district|zone|"
    r"reach|lake)\s+(?:in|of|at|near)\s+$"
)
_TIME_WORDS = frozenset("以前 之前 以后 之后 过去 当时 目前 现在 今后 将来 未来 此前 后来".split())


# A fragment that names part of a place (湘江湘潭段, 锰矿地区, the Xiangtan stretch of the Xiang River) stands for a place.
_PLACE_LIKE = re.compile(
    r"(?:地区|区域|地方|水源地|基地|段|港|县|区|镇|村|乡|流域|片区)$|\b(?:stretch|section|area|region|district|county|town|village|"
    r"river|basin|port|reach)\b",
    re.IGNORECASE,
)


# A title one person holds (副总裁, 组长, 总召集人, 主持人): a fragment naming one asks who holds it, whatever the last
# question asked (how many years, where); a class of people (网格员, 干部, 交警) is counted like any thing.
_TITLE = re.compile(
    r"(?:(?<![增延成生擅专加助拉])[局组市县省处部厅科院校社队州区镇乡村董事行]长|总裁|书记|主任|主席|经理|总监|编辑|主持人|"
    r"召集人|负责人|发言人|创始人|董事|一把手|老总|掌门人|带头人)的?$"
)
_PERSON_WORD = re.compile(r"(?:人|员|者|们|干部|领导|官员|代表|专家|嘉宾|交警|群众|居民|市民|前任|继任)的?$|" + _TITLE.pattern)
_ASKS_WHO = re.compile(r"谁|哪位")
_MONEY = re.compile(r"(?:资金|金额|钱|款|费|投资|收入|预算|债券)的?$")


# A fragment that names an amount (罚款金额, 投资总额, 人数) asks how much of it, not how many of it.
_AMOUNT = re.compile(r"(?:金额|数额|总额|总量|数量|总数|人数|面积|比例|比重|规模|费用|经费|期限|长度|(?<=[^数总])量)的?$")


# Nouns that name no topic of their own (南阳的做法呢？, Dalian's approach): the fragment asks the same question.
_GENERIC = frozenset(
    "做法 情况 方面 经验 数据 数字 答案 那边 这边 approach situation case one side experience practice figure figures "
    "number numbers data answer view story record".split()
)


def _amount_asked(fragment: str, owned: str) -> str:
    """The amount a fragment asks for, without the word that only says 'amount' (罚款总额 → 罚款是多少？, 处理的人数 →
    处理了多少人？): the transcript gives the figure, rarely the word 总额 or 人数, and the judge reads that word as a
    topic the transcript never speaks of."""
    word = _AMOUNT.search(fragment)
    stem = fragment[: word.start()].removesuffix("的") if word else ""
    if len(stem) < 2:
        return f"{owned}{fragment}是多少？"
    if word.group().startswith(("数量", "总数", "个数")):  # 监测微站的数量: how many of them
        return f"{owned}{stem}有多少？"
    if word.group().startswith("人数"):  # 处理的人数: how many people were dealt with
        if _ends_with_verb(stem):
            return f"{owned.removesuffix('的')}{stem}了多少人？"
        return f"{owned}{stem}有多少人？"
    return f"{owned}{stem}是多少？"


# An amount word that counts the thing before it (监测微站的数量, 网格员人数), not a thing of the one asked about.
_COUNT = re.compile(r"的?(?:数量|总数|个数|人数)的?$")


def _one_chinese_term(fragment: str, lexicon) -> str:
    """The one Chinese term a short English fragment stands for (烟尘 of 'the soot'), '' when none or several, or when a
    word of the fragment has none (網格 stands for 'grid' of 'the grid officers', not for the officers)."""
    if len(fragment.split()) > 3 or not lexicon:
        return ""
    found = [t for t in query_terms(fragment, lexicon) if is_chinese(t)]
    if len(found) != 1:
        return ""
    content = [w for w in re.findall(r"[A-Za-z][\w-]*", fragment) if w.lower() not in _EN_DETERMINERS]
    covered = all(found[0] in query_terms(w, lexicon) for w in content)  # each word says it (soot → 烟尘)
    return found[0] if covered or found[0] in lexicon.get(" ".join(content).lower(), ()) else ""  # sulphur dioxide


# A measure word that counts things one by one (台, 名, 起): what takes the counted thing's place must be counted so too.
_ZH_CLASSIFIER = re.compile(r"(?:多少|几)(?:台|名|家|个|项|次|起|件|辆|座|条|种|批|位|人|处|所)")
# Nouns that name a sum (the budget, fines, the cost): asked what it is, never counted one by one (money and funding are
# a mass: How much money …?).
_EN_AMOUNT = re.compile(
    r"(?i)\b(?:budgets?|costs?|fines?|penalt(?:y|ies)|fees?|prices?|salar(?:y|ies)|pay|wages?|revenues?|expenses?|"
    r"expenditures?)$"
)


def _counts_like(fragment: str, question: str) -> bool:
    """True when an English fragment can take the place of what a Chinese question counts: always, unless the question
    counts one by one (多少台燃煤锅炉, 多少起违法行为) and the fragment is no plural of things (the budget, fines, soot):
    拆除了多少台 does not carry over to a budget, which is asked of the subject in English instead."""
    if not _ZH_CLASSIFIER.search(question):
        return True
    head = _en_head(re.sub(r"(?i)^(?:the|its|their)\s+", "", fragment.strip().rstrip("?.! ")))
    last = head.split()[-1] if head.split() else ""
    return bool(_EN_PLURAL.search(last)) and not _EN_AMOUNT.search(last) and not _EN_MASS.search(last)


_EN_DETERMINERS = frozenset("the a an its their his her this that these those and so also what how about".split())
_EN_MASS = re.compile(
    r"(?i)\b(?:money|funding|funds?|investment|budget|spending|cost|capital|water|pollution|emissions?|revenue|"
    r"subsid(?:y|ies)|support|land|area)\b"
)
_EN_PERSONISH = re.compile(
    r"(?i)(?:mayor|chief|head|director|official|secretary|leader|chair(?:man|woman|person)?|president|convener|host|"
    r"spokes(?:man|woman|person)|manager|boss|founder)s?$"
)


def _asked_across(fragment: str, question: str, entity: Entity, turns: list[Turn]) -> str:
    """An English fragment after a Chinese question, asked as an English question of the latest entity the way the
    Chinese one asks (多少 → How many/How much, 谁 → Who, 什么/哪 → What; else What about): the fragment names a
    new thing, the Chinese question's verb does not carry over, and a Chinese question with English words glued on
    matches the old question's passage. 'ones' is the thing the Chinese question counted."""
    thing = re.sub(r"(?i)^(?:the|its|their)\s+", "", fragment.strip().rstrip("?.! "))
    head = _en_head(thing)
    plural = any(_EN_PLURAL.search(w) for w in head.split()) and not _EN_MASS.search(head.split()[-1] if head else "")
    if re.search(r"(?i)\bones\b", thing) and (counted := clauses.asked_thing(question)):
        thing = re.sub(r"(?i)\bones\b", counted, thing, count=1)
    name = re.sub(r"^The\b", "the", label_of(entity, False, turns))  # according to the moderator
    joint = {EntityKind.PERSON: "according to", EntityKind.ORG: "at"}.get(entity.kind, "in")
    where = "" if name.lower() in thing.lower() else f" {joint} {name}"
    if re.search(r"多少|几", question):
        if head and _EN_AMOUNT.search(head.split()[-1]):  # the budget, fines: an amount, asked what it is
            return f"What {_be(thing)} the {thing}{where}?"
        if plural:
            return f"How many {thing}{where}?"
        if head and _EN_MASS.search(head.split()[-1]):
            return f"How much {thing}{where}?"
        return f"What {_be(thing)} the {thing}{where}?"
    if re.search(r"谁|哪位", question) and _EN_PERSONISH.search(thing):
        return f"Who {_be(thing)} the {thing}{where}?"
    if re.search(r"什么|哪", question):
        return f"What {_be(thing)} the {thing}{where}?"
    return f"What about the {thing}{where}?"


# a plural head noun (stations, fishermen, people, ones), not a mass or singular one (money, quality, status)
_EN_PLURAL = re.compile(r"(?i)(?:(?<![su])s|(?<=[^aeiou]u)s|men|people|police|staff|personnel|children)$")
_EN_HEAD_END = re.compile(
    r"(?i)^(?:of|in|on|at|from|by|for|with|to|around|near|under|over|across|that|which|who|whose|they|we|[a-z-]+ed|"
    r"[a-z-]+ing)$"
)


def _en_head(phrase: str) -> str:
    """The words of an English noun phrase before a preposition, relative or participle, the head noun last
    (micro-stations of the micro-stations around the city, water quality of the water quality of the Xiang River)."""
    found = phrase.split()
    for i, word in enumerate(found[1:], start=1):
        if _EN_HEAD_END.match(word):
            return " ".join(found[:i])
    return " ".join(found)


def _asked_across_zh(fragment: str, question: str, entity: Entity, turns: list[Turn]) -> str:
    """A Chinese fragment after an English question (烟尘呢？ after How much NOx did Dalian cut?), asked as a Chinese
    question of the latest entity: 大连的烟尘是多少？."""
    thing = fragment.removeprefix("的").removesuffix("的")
    name = label_of(entity, True, turns)
    owner = "" if name in thing else f"{name}的"
    if re.search(r"(?i)\bhow\s+many\b", question) and (_COUNTABLE.search(thing) or _PERSON_WORD.search(thing)):
        return f"{owner}{thing}有多少？"  # 工作小组呢？ after How many cadres …?: how many groups
    if re.search(r"(?i)\bhow\s+much\b", question):
        return f"{owner}{thing}是多少？"  # 烟尘呢？ after How much NOx …?
    if re.search(r"(?i)\b(?:who|whom)\b", question) and _PERSON_WORD.search(thing):
        return f"{owner}{thing}是谁？"
    return f"{owner}{thing}{own_tail(thing)}"  # 核心价值观呢？ after How many years …?: what they are


# Things counted one by one (工作小组, 监测站, 企业): how many of them, where a thing asked after 'how many' is no amount.
_COUNTABLE = re.compile(r"(?:组|站|点|所|厂|企业|公司|单位|项目|部门|网点|点位|车辆|锅炉|设施)$")


def _be(thing: str) -> str:
    """'are' for a plural English noun phrase (core values), else 'is'."""
    last = thing.split()[-1].lower() if thing.split() else ""
    return "are" if last.endswith("s") and not last.endswith(("ss", "us", "is")) else "is"


def _asking_tail(question: str) -> str:
    """How a Chinese question asks, to close a fragment with: 是谁？, 有多少？ or 怎么样？."""
    if re.search(r"谁|哪位", question):
        return "是谁？"
    return "有多少？" if re.search(r"多少|几", question) else "怎么样？"


def _asked_tail(question: str, amounts: bool = True, fragment: str = "") -> str:
    """How a Chinese question asks when it asks for a thing (是谁？, 是多少？, 是什么？), '' when it asks how something is:
    a fragment put in its place asks the same (a vague 怎么样 would pass for answered by whatever is near). Without
    amounts, '' after 多少 too (水质呢？ after …供水约多少？: water quality is no amount). After a question asking who,
    a fragment that names no person asks what it is (治理的重点呢？, 约束性指标呢？), or how much for an amount (罚款金额呢？)."""
    if re.search(r"谁|哪位", question):
        if fragment and not _PERSON_WORD.search(fragment):
            return "是多少？" if _AMOUNT.search(fragment) or _MONEY.search(fragment) else "是什么？"
        return "是谁？"
    if re.search(r"多少|几", question):
        return "是多少？" if amounts else ""
    return "是什么？" if re.search(r"什么|哪", question) else ""


def _time_words(text: str) -> list[str]:
    """The time words of a Chinese text (现在, 以前, 今年), as jieba's dictionary tags them."""
    return [w for w in clauses.words(text) if (word_tags().get(w) or "") == "t" or w in _TIME_WORDS]


def _agent_clause(fragment: str) -> bool:
    """True when a Chinese fragment names a thing by who did what (国家给的资金, 省里下达的任务): it brings its own
    doer and verb, so the latest question's verb does not carry over to it."""
    match = re.match(r"^(?P<clause>[^的]{2,10})的(?P<noun>[^的]{1,8})$", fragment)
    if not match:
        return False
    found = clauses.words(match.group("clause"))
    tags = word_tags()
    last = tags.get(found[-1]) or "" if found else ""  # 给 is tagged a preposition: before 的 it is the verb
    return len(found) >= 2 and (tags.get(found[0]) or "").startswith("n") and last.startswith(("v", "p"))


def _new_relation(fragment: str, question: str) -> bool:
    """True when a Chinese fragment names a thing by a verb the question does not use (合作的高校, 下达的任务 after a
    question about what was monitored): the thing stands in its own relation, so the question's verb and question
    word (多少个…进行监控) do not carry over to it."""
    match = re.match(r"^(?P<clause>[^的]{2,10})的(?P<noun>[^的]{2,8})$", fragment)
    if not match or _agent_clause(fragment):
        return False
    found = clauses.words(match.group("clause"))
    verb = found[-1] if found else ""
    return (word_tags().get(verb) or "").startswith("v") and len(verb) >= 2 and verb not in question


def own_tail(fragment: str) -> str:
    """How a fragment that stands in its own relation is asked: who for a person, how much for an amount, else what."""
    if _PERSON_WORD.search(fragment):
        return "是谁？"
    return "是多少？" if _AMOUNT.search(fragment) or _MONEY.search(fragment) else "是什么？"


def _ends_with_verb(phrase: str) -> bool:
    """True when a Chinese phrase's last word is a verb (提标改造), as jieba's dictionary tags it."""
    found = clauses.words(phrase)
    return bool(found) and (word_tags().get(found[-1]) or "").startswith("v")


def _swap_entity(fragment: str, mention: Mention, turns: list[Turn], knowledge: Knowledge, lexicon) -> str | None:
    """The question the fragment's name replaces a name in: the latest sharing the fragment's other words."""
    entity = mention.entity
    rest = (fragment[: mention.start] + " " + fragment[mention.end :]).strip()
    chinese = is_chinese(fragment)
    rest_terms = {t for t in _terms(rest, lexicon, False) if not FILLER.match(t) and t.lower() not in _GENERIC} if rest else set()
    entity_terms = {t for m in knowledge.entities for t in (m.name, *m.aliases)}
    frame, shared = thread_root(turns, knowledge, lexicon), False
    if rest_terms:
        for turn in reversed(turns):
            theirs = _terms(turn.text, lexicon, turn.chinese != chinese)
            mine = rest_terms if turn.chinese == chinese else _terms(rest, lexicon, True)
            if (mine & theirs) - entity_terms:
                frame, shared = turn, True
                break
    own = not shared and bool(rest_terms)  # the fragment brings its own topic: it replaces the subject
    new = fragment if own else label_of(entity, frame.chinese, turns, [mention])
    if own and frame.chinese != is_chinese(fragment):
        new = label_of(entity, frame.chinese, turns, [mention])
    if not own and any(m.entity.name == entity.name for m in frame.mentions):
        return frame.text  # the latest question already asks about it: ask it again
    same = [m for m in frame.mentions if m.entity.kind == entity.kind and m.entity.name != entity.name]
    if same:
        target = same[-1]
    else:
        target = next((m for m in reversed(frame.mentions) if m.entity.name != entity.name), None)
        if target is not None and not own and target.entity.kind != entity.kind:
            # a city in a question about a person → its speaker; a person in a question about a city → their city
            want = KIND_WANT[target.entity.kind]
            linked = linked_to(entity, want, knowledge)
            new = label_of(linked, frame.chinese, turns) if linked else new
    if target is not None and own and not _PLACE_LIKE.search(rest):
        # 那济宁的网格员呢？ after …大连拆除了多少台燃煤锅炉？: a question about its own topic (not a place in the
        # question's place: the Xiangtan stretch of the Xiang River for the middle-route source in Nanyang)
        return None if not chinese else fragment.removesuffix("的") + _asking_tail(frame.text)
    english = not frame.chinese and not chinese
    if target is not None and own and english and (part := _EN_PLACE_PART.search(frame.text[: target.start])):
        # the middle-route source in Nanyang + the Xiangtan stretch of the Xiang River: one place for another, whole
        return frame.text[: part.start()] + fragment + frame.text[target.end :]
    if target is not None:
        suffix = target.surface[-1] if frame.chinese and target.surface[-1] in "市省" else ""
        if suffix and new == entity.name and new + suffix in entity.aliases:
            new += suffix  # 大连市环保局局长 → 南阳市环保局局长
        return _switch_linked(frame, target, new, entity, knowledge, turns)
    thing = clauses.defined_thing(frame.text) if not frame.mentions else ""
    if thing:  # 南阳是怎么做的？ after 什么是河长制？: Nanyang's river chief system
        name = label_of(entity, frame.chinese, turns, [mention])
        if frame.chinese:
            return f"{name}的{thing}是怎样的？"
        if entity.kind == EntityKind.PERSON:  # What is the river chief system? + Xu Wei → What does Xu Wei say about …?
            return f"What does {name} say about {thing}?"
        return f"What {_be(thing)} {thing} like in {name}?"  # + Jining → What is the river chief system like in Jining?
    if frame.chinese:
        head = clauses.subject(frame.text, word_tags(), [])
        if head and _TITLE.search(fragment) and not _ASKS_WHO.search(frame.text) and not fragment.startswith(head):
            return f"{head}的{fragment}是谁？"  # 主持人呢？ after 论坛在哪里召开？: who held that role there
        lead = fragment if frame.chinese == is_chinese(fragment) else new
        rest = frame.text[len(head) :]
        if head and entity.kind == EntityKind.PERSON:  # 广东那位副总说的… + 苏国军: the person in place of the one before
            rest = _ONE_FROM_TITLED.sub("", rest)
        return lead + rest if head else lead + frame.text  # 济宁怎样治理农村面源污染？
    # How does the grid system work? + Jining → … work in Jining?; + Xu Wei → …, according to Xu Wei?
    joint = ", according to" if entity.kind == EntityKind.PERSON else " in"
    return f"{frame.text.rstrip('?. ')}{joint} {new}?"
