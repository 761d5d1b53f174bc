"""Generated follow-ups in the turn patterns of session 25's blind set (tune material only), scored like
eval.followups_generated:

    python -m eval.followups_patterns                  # figures per pattern and language
    python -m eval.followups_patterns --failures       # also each row not rewritten or answered as it should be
    python -m eval.followups_patterns --rewrite-only   # only the rewrites (fast: no answers)

The sources are eval.followups_generate.tune_sources() (tune questions only). Patterns:

- ``backref``: a question about one entity, a question about another, then a turn that goes back to the first
  (回到刚才第一个问题，… / 还是第一个问题，… / Back to the first question, … / As I asked before, …) and asks the source
  question with its subject left out (or as a pronoun): the first turn is the frame, not the last;
- ``backref_about``: the same, going back to the question about X (回到刚才问济宁的那个问题，…, Back to the question about
  Jining: …);
- ``same``: the source question about another entity, then "same question for X" (同样的问题，X呢？, 同样的问题换成X,
  X也一样吗？, Same question for X., What about X, same thing?), X sometimes the linked speaker of the source's city
  (换成许伟呢？ for 济宁: the kind of the frame's name is kept);
- ``same_own``: "same question for X" followed by a question of its own (同样的问题，湘潭呢？湘潭把…？): the question;
- ``why``: a yes/no form of a why-question, then 为什么？ / Why?;
- ``list``: a how-many form of a which-ones question, then 具体是哪几个？ / Which ones? / List them.;
- ``format``: a question, then a turn that only says how to answer (只说数字, 用一句话说, Just the number, please.):
  the last question again;
- ``format_own``: a question about the entity, then how to answer and the source question with its subject left out
  (只说数字，配备了多少名网格员？, Just the number, please: how many …?, In one sentence: what …?);
- ``correct``: the source question about another entity, then a turn that corrects it (不对，我问的是X / 不是Y，是X /
  No, I meant X. / Not Y, X.), X sometimes the linked speaker of the source's city (session 27);
- ``detail``: a question, then a turn that asks for more detail of it (具体说说 / 能展开说说吗？ / Elaborate on that. /
  Can you say more?): the last question again (session 27);
- ``other``: a turn that names two entities and asks about one of them (先问济宁，再问大连。济宁拆除了…？ / I want to ask about
  Jining and Dalian. How many … did Jining …?), then "the other one" (另一个呢？ / 另一个城市呢？ / And the other one? /
  What about the other city?): the question about the one not asked about (session 27);
- ``other_own``: the same two framings (a statement naming both, or a question about X then one about Y), then "the
  other one" followed by a question of its own with a pronoun or no subject (另一个呢？它…？ / And the other one? What did
  it …?): the source question (session 28);
- ``other_named``: a question about Y, then "the other city" with the name after it (不说Y了，另一个城市X…？ / OK, that's
  Y. The other city, X: …?): the source question, the name said once (session 28);
- ``confirm``: a question about the entity, then a turn that confirms a name and asks on with a pronoun (是许伟吧？他…？ /
  对，济宁。该市…？ / Right, Jining. How many … did that city …?): the source question (session 28);
- ``quote``: a question about the entity, then a turn that quotes the last answer back and asks a question of its own
  that names its subject (你刚说的那个，济宁…？ / You said that: how many … did Jining …?): the source question (session 28);
- ``narrow``: a question about part of a place (大连市区…, … in the urban districts) asked first of the whole place
  (大连全市…, … citywide, or with the part left out), then a turn that narrows it (那只要市区的呢？ / 光市区呢？ / Just
  the urban districts?): the source question (session 29);
- ``widen`` (session 30): a question about part of a place (大连市区…, … in the urban districts) asked first, then a turn
  that widens it to the whole place (全市呢？ / 整个大连呢？ / And citywide?): the source question, which asks of the whole
  place (大连全市…, … citywide);
- ``clipped`` (session 30): another question about the same entity that names a two-word noun (湘潭发了多少亿元…专项债券？),
  then the source question with its subject left out and that noun clipped after a demonstrative (那债券是哪个流域的？,
  那平台…): the source question;
- ``answer_person``: a question whose answer is a speaker (济宁的环保局长是谁？ / Who spoke for Jining?), then the
  source question about that speaker with a pronoun for them (他说…？ / What did he say …?): the source question
  (session 29).

Each row's reference is the source question; every figure here is a tune figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from eval.command import command
from eval.followups_generate import (
    _linked,
    _name,
    _omitted,
    _opener,
    _others,
    _pronoun,
    _row,
    _subject,
    _swap,
    tune_sources,
)
from retriever.conversation.knowledge import EntityKind, Knowledge, word_tags

PATTERNS = ("backref", "backref_about", "same", "same_own", "why", "list", "format", "format_own", "correct", "detail", "other",
            "other_own", "other_named", "confirm", "quote", "narrow", "answer_person", "widen", "clipped")
ZH_BACK = ("回到刚才第一个问题，", "回到第一个问题，", "还是刚才第一个问题，", "再问回第一个问题，", "回到最开始那个问题，",
           "说回第一个问题，", "回到一开始的问题，", "我再问回第一个，")
EN_BACK = ("Back to the first question, ", "Going back to the first question: ", "As I asked before, ",
           "Going back to my first question, ", "Back to the first one: ", "Returning to the first question, ")
ZH_BACK_ABOUT = ("回到刚才问{x}的那个问题，", "再说回{x}那个问题，", "还是问{x}的那个问题，")
EN_BACK_ABOUT = ("Back to the question about {x}: ", "Going back to the one about {x}, ", "Returning to {x}'s question, ")
ZH_SAME = ("同样的问题，{x}呢？", "同样的问题换成{x}", "同样的问题，换成{x}呢？", "{x}也一样吗？", "还是同样的问题，{x}呢？",
           "一样的问题，问{x}", "{x}呢？同样的问题。", "同样的问题问一下{x}")
EN_SAME = ("Same question for {x}.", "What about {x}, same thing?", "Same question but for {x}?", "Same question, {x}?",
           "{x}, same question?", "And the same for {x}?", "Same thing for {x}?", "Ask the same about {x}.")
ZH_SAME_OWN = ("同样的问题，{x}呢？", "换成{x}呢？", "同样的问题换成{x}，")
EN_SAME_OWN = ("Same question for {x}: ", "What about {x}? ", "Same question but for {x}. ")
ZH_WHY = ("为什么？", "为什么呢？", "为啥？", "这是为什么？")
EN_WHY = ("Why?", "Why is that?", "How come?", "Why so?")
ZH_LIST = ("具体是哪几个？", "分别是哪些？", "都有哪些？", "具体是哪些？", "能列一下吗？", "是哪几个？")
EN_LIST = ("Which ones?", "List them.", "Name them, please.", "What are they?", "Can you list them?")
ZH_FORMAT_NUMBER = ("只说数字", "只要数字就行", "直接说数字吧", "给个数就行")
ZH_FORMAT = ("用一句话说", "简单说一下", "说简短点", "一句话概括一下")
EN_FORMAT_NUMBER = ("Just the number, please.", "Only the number.", "Just give me the figure.", "Number only.")
EN_FORMAT = ("In one sentence, please.", "Briefly?", "Keep it short.", "Short answer please.")
ZH_CORRECT = ("不对，我问的是{x}", "不是{y}，是{x}", "我问的是{x}，不是{y}", "搞错了，我是问{x}的", "不对，应该是{x}",
              "说错了，是{x}", "不是{y}，我说的是{x}", "哦不对，{x}")
EN_CORRECT = ("No, I meant {x}.", "Sorry, I meant {x}, not {y}.", "Not {y}, {x}.", "No sorry, I was asking about {x}.",
              "Wait, make that {x}.", "Oops, {x}, not {y}.", "No, {x}.", "I meant {x}, not {y}.")
ZH_DETAIL = ("具体说说", "详细讲讲？", "能展开说说吗？", "具体一点呢？", "再详细说一下", "能说得具体些吗？", "详细介绍一下吧",
             "能不能具体讲讲？")
EN_DETAIL = ("Elaborate on that.", "Can you say more?", "Tell me more.", "Could you go into more detail?",
             "More details, please.", "Can you expand on that?", "Go into more detail, please.", "Say more about that?")
ZH_BOTH = ("先问{y}，再问{x}。", "{y}和{x}我都想了解一下。", "我想问问{y}和{x}。", "{y}和{x}两边都问一下：")
EN_BOTH = ("I want to ask about {y} and {x}. ", "Two places I'm curious about: {y} and {x}. ", "First {y}, then {x}. ",
           "Let me ask about both {y} and {x}. ")
ZH_OTHER = {EntityKind.PLACE: ("另一个呢？", "那另一个城市呢？", "另外那个呢？", "另一个地方呢？"),
            EntityKind.PERSON: ("另一个呢？", "那另一位呢？", "另外那位呢？", "另一个人呢？"),
            EntityKind.ORG: ("另一个呢？", "另一家呢？", "另外那个呢？", "那另一个呢？")}
EN_OTHER = {EntityKind.PLACE: ("And the other one?", "What about the other city?", "The other one?", "And the other city?"),
            EntityKind.PERSON: ("And the other one?", "What about the other speaker?", "The other one?", "And the other guy?"),
            EntityKind.ORG: ("And the other one?", "What about the other company?", "The other one?", "And the other?")}
ZH_OTHER_OWN = ("另一个呢？", "那另一个呢？", "另外那个呢？", "另一个呢，")
EN_OTHER_OWN = ("And the other one? ", "What about the other one? ", "The other one? ", "And the other? ")
ZH_OTHER_NAMED = {EntityKind.PLACE: ("不说{y}了，另一个城市{x}", "另一个城市{x}，", "那另外那个城市{x}呢？", "换另一个城市，{x}，"),
                  EntityKind.PERSON: ("不说{y}了，另一位{x}", "另一位嘉宾{x}，", "那另外那位{x}呢？", "换另一位，{x}，"),
                  EntityKind.ORG: ("不说{y}了，另一家{x}", "另一家公司{x}，", "那另外那家{x}呢？", "换另一家，{x}，")}
EN_OTHER_NAMED = {EntityKind.PLACE: ("OK, that's {y}. The other city, {x}: ", "Now the other city, {x}: ", "The other one, {x}: "),
                  EntityKind.PERSON: ("OK, that's {y}. The other speaker, {x}: ", "Now the other one, {x}: ", "The other guest, {x}: "),
                  EntityKind.ORG: ("OK, that's {y}. The other company, {x}: ", "Now the other firm, {x}: ", "The other one, {x}: ")}
ZH_CONFIRM = ("是{x}吧？", "对，{x}。", "哦，{x}啊。", "嗯，是{x}。", "就是{x}对吧？")
EN_CONFIRM = ("Right, {x}. ", "OK, {x}. ", "{x}, right? ", "Yes, {x}. ", "So that's {x}. ")
ZH_QUOTE = ("你刚说的那个，", "你刚才说的那个数，", "你刚说的那些，我想问", "刚才你说的，", "你刚提到的那个，")
EN_QUOTE = ("You said that: ", "About what you just said, ", "You mentioned that. ", "Going by your last answer, ")
ZH_NARROW = ("那只要{a}的呢？", "光{a}呢？", "只算{a}的呢？", "{a}的呢？", "只看{a}呢？", "那{a}那块儿呢？", "仅{a}呢？")
EN_NARROW = ("Just the {a}?", "Only the {a}?", "And the {a} alone?", "What about just the {a}?", "Only in the {a}, please?")
ZH_WHOLE = ("全市", "全市范围内", "")
EN_WHOLE = (" citywide", " across the whole city", "")
_ZH_PART = re.compile(r"^(?P<de>的)?(?P<a>市区|城区)(?!周边|外围|四周|周围)")
_EN_PART = re.compile(r"(?i)\s+(?:in|within)\s+(?:the|its)\s+(?P<a>urban\s+(?:districts|area))\b")
ZH_WHO = {"局长": ("{c}的环保局长是谁？", "{c}来的那位局长是谁？", "谁代表{c}发言的？", "{c}那边是谁在讲？"),
          "副总裁": ("{o}的副总裁是谁？", "谁代表{o}发言的？", "{o}来的那位是谁？")}
EN_WHO = {"局长": ("Who is {c}'s environmental bureau chief?", "Who spoke for {c}?", "Who represented {c} at the forum?"),
          "副总裁": ("Who is the vice president of {o}?", "Who spoke for {o}?", "Who came from {o}?")}
ZH_WIDEN = ("全市呢？", "那全市一共呢？", "整个{x}呢？", "全市范围呢？", "那全市的呢？")
EN_WIDEN = ("And citywide?", "What about the whole city?", "Citywide?", "And across the whole city?", "What about citywide?")
_ZH_WHOLE_SAID = re.compile(r"^(?:的)?(?P<w>全市(?:范围内?)?)(?:一共|总共)?")
_EN_WHOLE_SAID = re.compile(r"(?i)\s+(?P<w>citywide|across\s+the\s+whole\s+city|in\s+the\s+whole\s+city)(?=\s*(?:[?,.]|$))")
ZH_PARTS = ("市区", "光市区就", "城区", "光城区")
EN_PARTS = (" in the urban districts", " in the urban area", " just in the urban districts")
_ZH_NUMBER = re.compile(r"多少|几")
_EN_NUMBER = re.compile(r"(?i)\bhow\s+(?:many|much)\b")


def _chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _why_history(question: str) -> str:
    """A yes/no form of a why-question (济宁市年初为什么会面临空前的压力？ → 济宁市年初会面临空前的压力吗？; Why was Jining
    under so much pressure …? → Was Jining under so much pressure …?), or ''."""
    if _chinese(question):
        if not re.search(r"为什么|为何", question) or question.startswith(("为什么说", "为何说")):
            return ""
        body = re.sub(r"(?:为什么|为何)(?:要)?", "", question).rstrip("？?。 ")
        return body + "吗？" if len(body) >= 4 else ""
    match = re.match(r"(?i)^why\s+(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\s+(.+?)[?.!\s]*$", question)
    if not match:
        return ""
    return f"{match.group(1).title()} {match.group(2)}?"


def _list_history(question: str) -> str:
    """A how-many form of a which-ones question (济宁开通了哪些新媒体平台？ → 济宁开通了几个新媒体平台？; What measures did
    Jining take? → How many measures did Jining take?), or ''."""
    if _chinese(question):
        if not re.search(r"哪些|哪几", question) or re.search(r"哪些(?:人|地方|方面)|哪几(?:年|天|月)", question):
            return ""
        return re.sub(r"哪(?:些|几(?:个|项|家|类|条|种)?)", "几个", question, count=1)
    match = re.match(r"(?i)^(?:what|which)\s+([a-z-]+s)\s+(do|does|did|has|have|had|are|were)\s+(.+)$", question)
    if not match or match.group(1).lower() in ("is", "was", "has", "does"):
        return ""
    return f"How many {match.group(1)} {match.group(2)} {match.group(3)}"


def _clipped(question: str, mention, sources: list[dict], subjects: dict, n: int) -> tuple[str, str] | None:
    """(another question about the same entity naming a two-word noun of this one, this question with its subject left
    out and the noun clipped after 那: 专项债券 → 那债券), or None. Two-word nouns only (专项 + 债券), so that the
    clipping is one a reader makes of a word they just heard."""
    from index.tokenize import tokenize

    omitted = _omitted(question, mention, True)
    if not omitted:
        return None
    words = tokenize(question)
    tags = word_tags()
    for noun in (w for w in words if len(w) == 4 and re.fullmatch(r"[\u4e00-\u9fff]{4}", w)):
        head, tail = noun[:2], noun[2:]
        if (head not in words or tail not in words or noun not in omitted or omitted.find(noun) < 1
                or head not in tags or not tags.get(tail, "").startswith("n") or tags.get(noun, "n")[:1] not in "nv"
                or tail in ("时间", "问题", "情况") or any(noun in w and w != noun for w in words)
                or omitted[omitted.find(noun) - 1] in "那这个些"):
            continue  # a noun of two words (专项 + 债券), its tail a noun (债券), not part of a longer word
        for other in sources:
            m = subjects.get(other["id"])
            if (other["question"] == question or m is None or m.entity.name != mention.entity.name
                    or noun not in other["question"]):
                continue
            clip = "那" + tail  # 那债券, 那平台 (a one-character clip, 那债, is seeded by tests: generated ones read oddly)
            return other["question"], omitted.replace(noun, clip, 1)
    return None


def generate(knowledge: Knowledge, sources: Iterable[dict]) -> list[dict]:
    """The rows of every pattern (see the module docstring), in a fixed order."""
    sources = list(sources)
    subjects = {s["id"]: _subject(s["question"], knowledge) for s in sources}
    rows: list[dict] = []
    for n, source in enumerate(sources):
        q, sid, chinese = source["question"], source["id"], _chinese(source["question"])
        if chinese and re.search(r"[A-Za-z]{3,}", q):
            continue  # mixed-language questions are no frames
        form = "zh" if chinese else "en"
        mention = subjects[sid]
        if mention is not None:
            entity = mention.entity
            others = _others(entity, knowledge)
            linked = _linked(entity, knowledge) | {entity.name}
            opener = _opener(source, entity, sources, subjects, knowledge, n)
            other = others[n % len(others)] if others else None
            between = _opener(source, other, sources, subjects, knowledge, n) if other is not None else None
            if between and linked & {m.entity.name for m in knowledge.find(between)}:
                between = None
            follow = _omitted(q, mention, chinese) or _pronoun(q, mention, chinese, n) or ""
            if chinese and follow and not _omitted(q, mention, chinese):
                follow = ""  # a Chinese pronoun after 回到…问题，reads oddly; the subject left out is how people say it
            if opener and between and follow:
                heads = ZH_BACK if chinese else EN_BACK
                head = heads[n % len(heads)]
                text = head + (follow if chinese else follow[:1].lower() + follow[1:])
                rows.append(_row(f"{sid}-backref", [opener, between], text, source, "backref", q) | {"lang": form})
                abouts = ZH_BACK_ABOUT if chinese else EN_BACK_ABOUT
                about = abouts[n % len(abouts)].format(x=_name(entity, chinese))
                third = _opener(source, other, sources, subjects, knowledge, n + 1)
                history = [opener, between] + ([third] if third and third != between and n % 2 else [])
                text = about + (follow if chinese else follow[:1].lower() + follow[1:])
                rows.append(_row(f"{sid}-backref-about", history, text, source, "backref_about", q) | {"lang": form})
            omitted = _omitted(q, mention, chinese)
            if opener and omitted:  # 只说数字，配备了多少名网格员？
                number = bool((_ZH_NUMBER if chinese else _EN_NUMBER).search(q))
                heads = (ZH_FORMAT_NUMBER if number else ZH_FORMAT) if chinese else (EN_FORMAT_NUMBER if number else EN_FORMAT)
                head = heads[(n + 1) % len(heads)]
                text = (f"{head}，{omitted}" if chinese else f"{head.rstrip('.?')}: {omitted[:1].lower() + omitted[1:]}")
                rows.append(_row(f"{sid}-format-own", [opener], text, source, "format_own", q) | {"lang": form})
            if other is not None:
                frame = _swap(q, mention, _name(other, chinese))
                x = _name(entity, chinese)
                if n % 3 == 1 and entity.kind == EntityKind.PLACE and entity.speaker:  # 换成许伟呢？ for the city
                    x = entity.speaker if chinese else next(
                        (e.label(False) for e in knowledge.entities if e.name == entity.speaker), x)
                templates = ZH_SAME if chinese else EN_SAME
                rows.append(_row(f"{sid}-same", [frame], templates[n % len(templates)].format(x=x), source, "same", q)
                            | {"lang": form})
                owns = ZH_SAME_OWN if chinese else EN_SAME_OWN
                earlier = between or frame
                rows.append(_row(f"{sid}-same-own", [earlier], owns[n % len(owns)].format(x=x) + q, source, "same_own", q)
                            | {"lang": form})
            if other is not None:  # 不对，我问的是济宁 after the question about another city
                x = _name(entity, chinese)
                if n % 4 == 1 and entity.kind == EntityKind.PLACE and entity.speaker:  # 不对，我问的是许伟 (the city's)
                    x = entity.speaker if chinese else next(
                        (e.label(False) for e in knowledge.entities if e.name == entity.speaker), x)
                fixes = ZH_CORRECT if chinese else EN_CORRECT
                text = fixes[n % len(fixes)].format(x=x, y=_name(other, chinese))
                rows.append(_row(f"{sid}-correct", [_swap(q, mention, _name(other, chinese))], text, source, "correct", q)
                            | {"lang": form})
                boths, others_ = (ZH_BOTH, ZH_OTHER) if chinese else (EN_BOTH, EN_OTHER)
                both = boths[n % len(boths)].format(x=_name(entity, chinese), y=_name(other, chinese))
                asked_other = _swap(q, mention, _name(other, chinese))
                turn = others_[entity.kind][n % len(others_[entity.kind])]
                rows.append(_row(f"{sid}-other", [both + asked_other], turn, source, "other", q) | {"lang": form})
                follow = _pronoun(q, mention, chinese, n) or _omitted(q, mention, chinese)
                if follow:  # 另一个呢？它…？: the other one, then a question of its own about it
                    heads = ZH_OTHER_OWN if chinese else EN_OTHER_OWN
                    framing = [both + asked_other] if n % 2 else [opener or q, asked_other]
                    rows.append(_row(f"{sid}-other-own", framing, heads[n % len(heads)] + follow, source, "other_own", q)
                                | {"lang": form})
                omitted = _omitted(q, mention, chinese)
                kind_heads = (ZH_OTHER_NAMED if chinese else EN_OTHER_NAMED)[entity.kind]
                head = kind_heads[n % len(kind_heads)].format(x=_name(entity, chinese), y=_name(other, chinese))
                rest = omitted or (_pronoun(q, mention, chinese, n) if not chinese else "")
                if rest:  # 不说大连了，另一个城市济宁…？: the other one named right after the description
                    text = head + (rest if chinese else rest[:1].lower() + rest[1:])
                    rows.append(_row(f"{sid}-other-named", [asked_other], text, source, "other_named", q) | {"lang": form})
            follow = _pronoun(q, mention, chinese, n + 1)
            if opener and follow:  # 是许伟吧？他…？: a name confirmed, then a question with a pronoun for it
                x = _name(entity, chinese)
                confirms = ZH_CONFIRM if chinese else EN_CONFIRM
                head = confirms[n % len(confirms)].format(x=x)
                text = head + (follow if chinese else follow[:1].upper() + follow[1:])
                rows.append(_row(f"{sid}-confirm", [opener], text, source, "confirm", q) | {"lang": form})
            if opener:  # 你刚说的那个，济宁…？: the last answer quoted back, then a question naming its own subject
                quotes = ZH_QUOTE if chinese else EN_QUOTE
                head = quotes[n % len(quotes)]
                text = head + (q if chinese else q[:1].lower() + q[1:])
                rows.append(_row(f"{sid}-quote", [opener], text, source, "quote", q) | {"lang": form})
        if mention is not None and mention.entity.kind == EntityKind.PLACE:  # 大连全市…？ then 那只要市区的呢？
            end = mention.start + len(mention.entity.name) if q[mention.start :].startswith(mention.entity.name) else mention.end
            if chinese and (part := _ZH_PART.match(q[end:])):  # 大连市区: the alias 大连市 ends inside 市区
                whole = ZH_WHOLE[n % len(ZH_WHOLE)]
                asked = q[:end] + whole + q[end + part.end() :]
                turn = ZH_NARROW[n % len(ZH_NARROW)].format(a=part.group("a"))
                rows.append(_row(f"{sid}-narrow", [asked], turn, source, "narrow", q) | {"lang": form})
            elif not chinese and (part := _EN_PART.search(q)):
                asked = q[: part.start()] + EN_WHOLE[n % len(EN_WHOLE)] + q[part.end() :]
                turn = EN_NARROW[n % len(EN_NARROW)].format(a=part.group("a").lower())
                rows.append(_row(f"{sid}-narrow", [asked], turn, source, "narrow", q) | {"lang": form})
        if mention is not None and mention.entity.kind == EntityKind.PLACE:  # 大连市区…？ then 全市呢？ (session 30)
            end = mention.start + len(mention.entity.name) if q[mention.start :].startswith(mention.entity.name) else mention.end
            if chinese and (whole := _ZH_WHOLE_SAID.match(q[end:])):
                asked = q[:end] + ZH_PARTS[n % len(ZH_PARTS)] + q[end + whole.end() :]
                turn = ZH_WIDEN[n % len(ZH_WIDEN)].format(x=mention.entity.name)
                rows.append(_row(f"{sid}-widen", [asked], turn, source, "widen", q) | {"lang": form})
            elif not chinese and (whole := _EN_WHOLE_SAID.search(q)):
                asked = q[: whole.start()] + EN_PARTS[n % len(EN_PARTS)] + q[whole.end() :]
                rows.append(_row(f"{sid}-widen", [asked], EN_WIDEN[n % len(EN_WIDEN)], source, "widen", q) | {"lang": form})
        if mention is not None and chinese and (clip := _clipped(q, mention, sources, subjects, n)) is not None:
            earlier, turn = clip  # 湘潭发了多少亿元…专项债券？ then 那债是哪个流域的？ (session 30)
            rows.append(_row(f"{sid}-clipped", [earlier], turn, source, "clipped", q) | {"lang": form})
        if mention is not None and mention.entity.kind == EntityKind.PERSON and mention.entity.title in ZH_WHO:
            person = mention.entity  # 济宁的环保局长是谁？ then 他…？: the pronoun is the answer's person
            follow = _pronoun(q, mention, chinese, 0 if n % 2 else 4)  # 他 / the guest, he
            city = next((e for e in knowledge.entities if e.name == person.city), None)
            org = next((e for e in knowledge.entities if e.name == person.org), None)
            if follow and (city or org):
                whos = (ZH_WHO if chinese else EN_WHO)[person.title]
                who = whos[n % len(whos)].format(c=_name(city, chinese) if city else "", o=_name(org, chinese) if org else "")
                text = follow if chinese else follow[:1].upper() + follow[1:]
                rows.append(_row(f"{sid}-answer-person", [who], text, source, "answer_person", q) | {"lang": form})
        if source["answers"] and n % 3 == 1:  # 具体说说, Elaborate on that.: the last question again
            details = ZH_DETAIL if chinese else EN_DETAIL
            rows.append(_row(f"{sid}-detail", [q], details[n % len(details)], source, "detail", q) | {"lang": form})
        if source["answers"] and (asked := _why_history(q)):
            whys = ZH_WHY if chinese else EN_WHY
            rows.append(_row(f"{sid}-why", [asked], whys[n % len(whys)], source, "why", q) | {"lang": form})
        if source["answers"] and (asked := _list_history(q)):
            lists = ZH_LIST if chinese else EN_LIST
            rows.append(_row(f"{sid}-list", [asked], lists[n % len(lists)], source, "list", q) | {"lang": form})
        if n % 3 == 0:
            number = bool((_ZH_NUMBER if chinese else _EN_NUMBER).search(q))
            formats = (ZH_FORMAT_NUMBER if number else ZH_FORMAT) if chinese else (EN_FORMAT_NUMBER if number else EN_FORMAT)
            rows.append(_row(f"{sid}-format", [q], formats[n % len(formats)], source, "format", q) | {"lang": form})
    return rows


def evaluate(retriever, per_kind: int, answers: bool = True) -> dict:
    """The figures per pattern and language (eval.followups_generated.figures), with each row."""
    from eval.followups_generate import sample
    from eval.followups_generated import scored
    from retriever.conversation import knowledge_for

    rows = sample(generate(knowledge_for(retriever), tune_sources()), per_kind)
    return scored(retriever, rows, PATTERNS, ("zh", "en"), answers)


@command
def main(argv: Sequence[str] | None = None, log: Callable[[str], None] = print) -> int:
    """python -m eval.followups_patterns: print the figures (writes nothing)."""
    import argparse

    from eval.followups_generated import log_results, per_kind_count
    from index.env import apply_defaults

    apply_defaults()
    parser = argparse.ArgumentParser(prog="python -m eval.followups_patterns", description=__doc__.splitlines()[0])
    parser.add_argument("--index", default=None, help="index folder (default: the bundled transcript's)")
    parser.add_argument("--per-kind", default="40", help="rows per pattern (default 40)")
    parser.add_argument("--rewrite-only", action="store_true", help="score the rewrites only (no answers)")
    parser.add_argument("--failures", action="store_true", help="list each row rewritten or answered wrongly")
    args = parser.parse_args(argv)
    per_kind = per_kind_count(args.per_kind)
    from eval.run import open_retriever

    retriever, _ = open_retriever(args.index, log=log)
    results = evaluate(retriever, per_kind, answers=not args.rewrite_only)
    log_results(results, args.failures, log)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
