"""Turns that correct the latest question, and people or places named by description rather than by name.

A correction says what the latest question should have named (不对，我问的是济宁的; 不是锅炉，是黄标车; no sorry, I
meant Jining; not Zhang, the other guy from Hunan): the corrected question is the latest one with the new entity or
topic in place of the old and everything else kept, so it is asked as the ellipsis 那济宁呢？ / What about Jining? would
be (retriever/rewrite.py). A correction that is a whole question of its own (不对，我问的是济宁拆了多少台) is that
question.

People name a speaker they do not remember by where they come from (the guy from Hunan, the one from Shandong) and an
entity of the conversation by contrast (the other city, 另一个城市, the other guy): described() puts the name in the
description's place, so the rest of the rules read a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.normalize import is_chinese
from retriever.conversation.knowledge import EntityKind, Knowledge
from retriever.conversation.pronouns import Want
from retriever.conversation.referents import Turn, label_of, linked_to

# what opens a correction: a denial or an apology (不对，, 不是的，, 搞错了，, no sorry,, oops,)
_ZH_OPEN = (
    r"(?:(?:不对|不是的|不是不是|错了|搞错了|说错了|弄错了|问错了|抱歉|不好意思|对不起|哦|噢|呃|额|啊|嗯|sorry)[，,。！!\s]*)"
)
_ZH_SAY = r"(?:我|俺)?(?:刚才|其实|本来)?(?:(?:问|说|指|想问|要问|想说)的是|是(?:问|说|指|想问)(?:的是)?)"
# the other one (另一个, 另外那位局长): a bare other in a correction (fu8)
_ZH_OTHER_ONE = r"(?:另一个|另外一个|另外那个|另一位|另外那位|另外一位|另外的|另一)(?:人|个人|位|局长|嘉宾)?"
_ZH_CORRECTION = (
    # 不是大连，是济宁 / 不是锅炉，我说的是黄标车 / 不是张海冰，是湖南那位
    re.compile(rf"^{_ZH_OPEN}*(?:我(?:问|说|指)的)?不是(?P<old>[^，,。？?！!]{{1,12}})[，,。\s]*(?:而|我)?(?:{_ZH_SAY}|是)(?P<new>.+)$"),
    # 不是张海冰，另一个呢 / 不是他，另外那位 (fu8): the other one, with no 是 before it
    re.compile(
        rf"^{_ZH_OPEN}*不是(?P<old>[^，,。？?！!]{{1,12}})[，,。\s]*(?:那|那么)?"
        rf"(?P<new>{_ZH_OTHER_ONE})(?:呢|吧)?[。？?！!\s]*$"
    ),
    # 不对，我问的是济宁的 / 我问的是济宁，不是大连 / 我是说黄标车
    re.compile(rf"^{_ZH_OPEN}*{_ZH_SAY}(?P<new>[^，,。？?！!]+?)(?:[，,]\s*(?:而)?不是(?P<old>[^，,。？?！!]{{1,12}}))?[。？?！!\s]*$"),
    # 是济宁，不是大连 / 济宁，不是大连
    re.compile(r"^(?:是|应该是)?(?P<new>[^，,。？?！!]{1,12})[，,]\s*(?:而)?不是(?P<old>[^，,。？?！!]{1,12})[。！!？?\s]*$"),
    # 不对，是济宁 / 搞错了，应该是济宁 / 不对，济宁 (after a denial only) / 应该是济宁
    re.compile(rf"^(?:{_ZH_OPEN}+(?:应该是|应该问|是)?|应该是|应该问)(?P<new>[^，,。？?！!]+?)(?:才对)?[。？?！!\s]*$"),
    # 换成大连说说 / 换成济宁呢 / 改问南阳
    re.compile(r"^(?:那|那么)?(?:换成|换到|改成|改问|换作)(?P<new>[^，,。？?！!]+?)(?:说说|讲讲|看看|呢|吧|的)*[。？?！!\s]*$"),
)
_ZH_NEW_TAIL = re.compile(r"(?:的|呢|吧|啊|呀|那个|那边|这个|的情况|的呢)+$")
_ZH_QUESTION = re.compile(r"多少|几|什么|啥|怎么|怎样|如何|哪|谁|吗|为何|为什么|是否|有没有")

_EN_OPEN = (
    r"(?:(?:no|nope|nah|sorry|oops|whoops|wait|oh|ah|er|erm|um|actually|my\s+bad|my\s+mistake|pardon)(?:[,.!;:\s]|[-—–]+)+)"
)
_EN_MEANT = (
    r"(?:i\s+(?:meant|mean|was\s+asking\s+about|was\s+asking|asked\s+about|wanted\s+to\s+ask\s+about|was\s+talking\s+about"
    r"|wanted|want)|make\s+(?:that|it)|rather|i'm\s+asking\s+about|i\s+am\s+asking\s+about)"
)
_EN_CORRECTION = (
    # not Dalian, Jining / not Zhang, the other guy from Hunan / Not boilers, I meant the yellow-label vehicles.
    re.compile(rf"(?i)^{_EN_OPEN}*not\s+(?P<old>[^,;.?!]{{1,40}}?)\s*[,;.]\s*(?:but\s+)?(?:{_EN_MEANT}\s+)?(?P<new>[^?!]+?)[\s?.!]*$"),
    # no sorry, I meant Jining / I meant Jining, not Dalian / make that Jining
    re.compile(rf"(?i)^{_EN_OPEN}*{_EN_MEANT}\s+(?P<new>[^,;?!]+?)(?:\s*[,;]?\s*(?:and\s+)?not\s+(?P<old>[^,;.?!]+?))?(?:\s+instead)?[\s?.!]*$"),
    # Jining, not Dalian
    re.compile(
        r"(?i)^(?!(?:how|what|who|whom|whose|which|where|when|why|is|are|was|were|do|does|did|can|could|has|have)\b)"
        r"(?P<new>[A-Z][^,;?!]{1,40}?)\s*[,;]\s*(?:and\s+)?not\s+(?P<old>[^,;.?!]+?)[\s?.!]*$"
    ),
    # sorry, Jining (after an apology or a denial only) / no, Jining, not Dalian
    re.compile(rf"(?i)^{_EN_OPEN}+(?P<new>[^,;?!]+?)(?:\s*[,;]\s*not\s+(?P<old>[^,;.?!]+?))?(?:\s+instead)?[\s?.!]*$"),
)
_EN_NEW_OPEN = re.compile(r"(?i)^(?:about|for|in|on|of|the\s+question\s+(?:about|for))\s+")
_EN_QUESTION = re.compile(
    r"(?i)^(?:how|what|who|whom|whose|which|where|when|why|is|are|was|were|do|does|did|can|could|has|have)\b"
)
_EN_NOT_NEW = re.compile(r"(?i)^(?:i|it|that|this|problem|worries|thanks|thank\s+you|ok|okay|right|yes|yeah|sure|fine)$")


@dataclass(frozen=True)
class Correction:
    """What a correcting turn names instead (new) and what it takes back (old, '' when unsaid); question when new is a
    whole question of its own."""

    new: str
    old: str = ""
    question: bool = False
    typed: str = ""  # the new part as typed, with its 的 (提标改造的: the ellipsis reads it as 那提标改造的呢？)


# (session 30) a self-correction that names the one meant, then asks a question of its own (搞错了，我想问南阳，南阳是几级？,
# 我弄混了，应该是湘潭，湘潭抽了几十名吧？, 不对，我是说济宁，…)
_ZH_FIX_HEAD = re.compile(
    r"^(?:(?:我)?(?:弄混了|搞混了|记混了|记错了|说错了|搞错了|弄错了|问错了|口误了?)[，,。！!\s]*|" + _ZH_OPEN + r")+"
    r"(?:我)?(?:想问的?是?|要问的?是?|是说|是问|问的是|说的是|指的是|应该是|应该问|是)?(?P<new>[^，,。？?！!]{2,12}?)(?:才对)?[，,]\s*"
    r"(?P<rest>.+)$"
)


def named_then_asked(text: str) -> tuple[str, str] | None:
    """(the name a Chinese self-correction gives, the question it then asks) (搞错了，我想问南阳，南阳是几级？ → ('南阳',
    '南阳是几级？')), or None; whether the name is one the index knows is for the caller to check."""
    match = _ZH_FIX_HEAD.match(text.strip())
    if match is None or not _ZH_QUESTION.search(match.group("rest")):
        return None
    return match.group("new").strip(), match.group("rest").strip()


def correction(text: str, chinese: bool) -> Correction | None:
    """The correction a turn makes of the latest question, or None for any other turn (pure)."""
    text = text.strip()
    if chinese:
        for pattern in _ZH_CORRECTION:
            if (match := pattern.match(text)) is None:
                continue
            new = match.group("new").strip()
            question = bool(_ZH_QUESTION.search(new))
            typed = re.sub(r"(?:呢|吧|啊|呀)+$", "", new.rstrip("？?！!。.… ")) if not question else new
            if not question:
                new = _ZH_NEW_TAIL.sub("", new.rstrip("？?！!。.… "))
            old = (match.groupdict().get("old") or "").strip()
            if len(new) < 2 or new == old or (question and pattern is _ZH_CORRECTION[-1]):
                return None  # 换成济宁说说 names a place; 换成…的是哪个？ is a question of its own, asked as typed
            return Correction(new, old, question, typed)
        return None
    for pattern in _EN_CORRECTION:
        if (match := pattern.match(text)) is None:
            continue
        new = _EN_NEW_OPEN.sub("", match.group("new").strip())
        old = (match.groupdict().get("old") or "").strip()
        if not new or _EN_NOT_NEW.match(new) or new.lower() == old.lower():
            return None
        return Correction(new, old, bool(_EN_QUESTION.match(new)) and len(new.split()) > 2)
    return None


_DENIAL = re.compile(
    r"(?i)不对|不是|错了|我问的|我说的|我是问|我是说|我指的|应该是|\bi\s+meant?\b|\bnot\b|^no\b|\bnope\b|\bsorry\b|\bmake\s+that\b"
    r"|\bi\s+was\s+asking\b|\bmy\s+(?:bad|mistake)\b"
)


def denies(text: str) -> bool:
    """A turn that says the latest question was wrong (不对, 不是, 我问的是, no, sorry, I meant, not …), not one that only
    opens with a filler (嗯，, 哦，, Actually, Um,): only such a turn's own question is the corrected one."""
    return bool(_DENIAL.search(text))


def as_ellipsis(fix: Correction, chinese: bool) -> str:
    """The correction asked the way an ellipsis asks (那济宁呢？, What about Jining?), or its own question."""
    if fix.question:
        return fix.new if re.search(r"[？?]$", fix.new) else fix.new + ("？" if chinese else "?")
    return f"那{fix.typed or fix.new}呢？" if chinese else f"What about {fix.new}?"


def replaced(fix: Correction, last: Turn) -> str | None:
    """The latest question with what the correction takes back replaced (when it names it word for word), or None."""
    if not fix.old or fix.question or _EN_OTHER.match(fix.new) or _ZH_OTHER.match(fix.new):
        return None  # the other one, 另一位: a description no earlier turn resolves is no name to write in
    if last.chinese:
        return last.text.replace(fix.old, fix.new, 1) if fix.old in last.text else None
    pattern = re.compile(rf"(?i)\b{re.escape(fix.old)}\b(?:\s+[A-Z][a-z]+)*")  # Zhang: Zhang Haibing, the whole name
    return pattern.sub(fix.new, last.text, count=1) if pattern.search(last.text) else None


# the one from Hunan, the guy from Shandong, the Hunan guy, the director from Dalian
_EN_PERSON_NOUN = (
    r"(?:guy|man|woman|lady|gentleman|fellow|one|person|speaker|official|director|chief|head|boss|bureau\s+chief|"
    r"representative|delegate|rep)"
)
_EN_FROM_PLACE = re.compile(
    rf"(?i)\bthe\s+(?:other\s+)?{_EN_PERSON_NOUN}\s+(?:from|of|for|representing)\s+(?P<place>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)"
)
_EN_PLACE_PERSON = re.compile(rf"(?i)\bthe\s+(?:other\s+)?(?P<place>[A-Z][\w-]+)\s+{_EN_PERSON_NOUN}\b")
_EN_SHELL = re.compile(r"(?i)\s*(?:(?:and|so|but|then|ok|okay|well)[,\s]+)?(?:(?:what|how)\s+about\s+)?X(?:\s+then)?[\s?.!]*")
# the other city, the other one, 另一个城市, 另外那位
_EN_OTHER = re.compile(
    r"(?i)\bthe\s+other\s+(?P<noun>city|town|place|province|company|firm|guy|man|woman|person|speaker|director|chief|"
    r"official|one)\b(?:'s)?"
)
_ZH_OTHER = re.compile(
    r"(?:另一个|另外一个|另外那个|另一|另外那|另外一|另外的?)(?P<noun>城市|市|地方|省|公司|企业|位|个人|人|局长|嘉宾)"
)
_KIND_OF = {
    "city": Want.PLACE, "town": Want.PLACE, "place": Want.PLACE, "province": Want.PLACE, "城市": Want.PLACE,
    "市": Want.PLACE, "地方": Want.PLACE, "省": Want.PLACE, "company": Want.ORG, "firm": Want.ORG, "公司": Want.ORG,
    "企业": Want.ORG, "one": Want.ANY,
}


def described(text: str, chinese: bool, turns: list[Turn], knowledge: Knowledge) -> str:
    """The text with a person named by their place (the guy from Hunan → Su Guojun) and 'the other city' (the place
    of the conversation the latest question does not name) written as names; the text unchanged when there are
    none."""
    if not chinese:  # only as the whole fragment (What about the guy from Hunan?): the Dalian chief in a question names Dalian
        for pattern in (_EN_FROM_PLACE, _EN_PLACE_PERSON):
            match = pattern.search(text)
            if match is None or not _EN_SHELL.fullmatch(text[: match.start()] + "X" + text[match.end() :]):
                continue
            places = [m for m in knowledge.find(match.group("place")) if m.entity.kind == EntityKind.PLACE]
            person = linked_to(places[0].entity, Want.PERSON, knowledge) if places else None
            if person is not None:
                text = text[: match.start()] + label_of(person, False, turns) + text[match.end() :]
                break
    if not chinese:  # not Zhang, what about Su's?: a speaker by surname alone (as the whole fragment: 'according to
        for match in _EN_SURNAME.finditer(text):  # Ou' in a question of its own is read by the search as typed)
            if _EN_SHELL.fullmatch(text[: match.start()] + "X" + re.sub(r"^'s\b", "", text[match.end() :])):
                text = text[: match.start()] + _full_name(match, knowledge, turns) + text[match.end() :]
                break
    match = (_ZH_OTHER if chinese else _EN_OTHER).search(text)
    if match is not None and named_after(text[match.end() :], knowledge):
        # 不说湘潭了，另一个城市济宁…？, OK, that's Xiangtan. The other city, Dalian: …?: the reader names it (session 28);
        # the description and the words that turn away from the last one are left out, never a name written in
        after = text[match.end() :]
        before = (_ZH_TURNED_AWAY if chinese else _EN_TURNED_AWAY).sub("", text[: match.start()])
        return before + after[APPOSED.match(after).end() :]
    if match is not None and (other := _other(_KIND_OF.get(match.group("noun").lower(), Want.PERSON), turns, knowledge)):
        name = label_of(other, chinese, turns)
        name += "'s" if match.group().lower().endswith("'s") else ""
        text = text[: match.start()] + name + text[match.end() :]
    return text


# what may stand between a description and the name it is put next to (另一个城市，济宁; the other one, i.e. Zhuzhou)
APPOSED = re.compile(r"(?i)^\s*(?:[，,：:]\s*)?(?:(?:i\.?e\.?|namely|that\s+is|也就是|即)[，,：:]?\s*)?")


# words before 'the other one' that only turn away from the last one (不说湘潭了，, 换; OK, that's Xiangtan., Now)
_ZH_TURNED_AWAY = re.compile(r"(?:(?:先|那)?不(?:说|聊|问|管)了?[^，,。？?]{1,8}?了?[，,。]\s*|换成?|再问|说说)$")
_EN_TURNED_AWAY = re.compile(
    r"(?i)(?:(?:ok(?:ay)?|right|fine)[,.]?\s+)?(?:(?:that'?s|so\s+much\s+for|enough\s+about)\s+[^.?!]{1,30}[.!]\s*)?"
    r"(?:(?:and|now|so|then)[,\s]+)*$"
)


def mentions_other(text: str, chinese: bool) -> bool:
    """Whether a text speaks of 'the other city/one' (另一个城市, the other speaker)."""
    return bool((_ZH_OTHER if chinese else _EN_OTHER).search(text))


def named_after(after: str, knowledge: Knowledge) -> bool:
    """Whether a name of the index opens the text after a description (an appositive: 另一个城市济宁, the other city,
    Dalian)."""
    rest = after[APPOSED.match(after).end() :]
    return any(m.start == 0 for m in knowledge.find(rest))


_WANT_OF = {EntityKind.PERSON: Want.PERSON, EntityKind.PLACE: Want.PLACE, EntityKind.ORG: Want.ORG}


def other_entity(turns: list[Turn], knowledge: Knowledge):
    """The other one a bare 另一个呢？ / And the other? means: the latest entity of the latest question's kind that the
    latest question does not name (大连 after 大连…？ | 济宁呢？), or None."""
    return _other(Want.ANY, turns, knowledge)


def _other(want: Want, turns: list[Turn], knowledge: Knowledge):
    """The latest entity of the conversation of the wanted kind that the latest question does not name (as that kind),
    or None: 'the other city' after Dalian … | And Jining? is Dalian."""
    if not turns:
        return None

    def as_kind(mention):
        if want == Want.ANY:
            return mention.entity
        return linked_to(mention.entity, want, knowledge)

    latest_names = {e.name for m in turns[-1].mentions if (e := as_kind(m)) is not None}
    if want == Want.ANY:
        kinds = {m.entity.kind for m in turns[-1].mentions}
        if len(kinds) != 1:
            return None
        kind = next(iter(kinds))
    for turn in reversed(turns[:-1]):
        for mention in turn.mentions:
            entity = as_kind(mention)
            if want == Want.ANY and entity is not None and entity.kind != kind:  # (session 30) Wang Qi … | Xiangtan …?
                entity = linked_to(entity, _WANT_OF[kind], knowledge)  # | The other one?: Wang Qi's city, Nanyang
            if entity is None or entity.name in latest_names or (want == Want.ANY and entity.kind != kind):
                continue
            if want == Want.PLACE and entity.province:
                continue
            return entity
    return None


_EN_SURNAME = re.compile(r"\b(?P<surname>[A-Z][a-z]{1,5})\b(?!\s+[A-Z][a-z])")


def _full_name(match: re.Match, knowledge: Knowledge, turns: list[Turn]) -> str:
    """The English name of the one speaker whose surname a word is (Su → Su Guojun), else the word as typed."""
    word = match.group("surname")
    if knowledge.find(word):
        return word
    people = {
        e.name: e for e in knowledge.entities
        if e.kind == EntityKind.PERSON and e.display and any(
            n.split()[0] == word for n in (e.display, *(_display_of(k, e) for k in e.english)) if n
        )
    }
    return label_of(next(iter(people.values())), False, turns) if len(people) == 1 else word


def _display_of(key: str, entity) -> str:
    """A pinyin key of a person (qujinxiong) as 'Qu Jinxiong', from the display name's given name; '' when unknown."""
    given = entity.display.split()[-1].lower() if " " in entity.display else ""
    if not given or not key.endswith(given) or key == given:
        return ""
    return f"{key[: -len(given)].title()} {given.title()}"


# the whole new part a bare 'other one' (fu8): not Zhang, the other one / 不是张海冰，另一个呢
_EN_BARE_OTHER = re.compile(
    r"(?i)^(?:the\s+)?other\s+(?:one|guy|man|woman|person|speaker|director|chief|official|gentleman|lady)(?:'s)?[\s?.!]*$"
)
_ZH_BARE_OTHER = re.compile(rf"^{_ZH_OTHER_ONE}$")


def bare_other(new: str, chinese: bool) -> bool:
    """Whether a correction's new part is only 'the other one' (另一个, the other guy), naming no place or thing."""
    return bool((_ZH_BARE_OTHER if chinese else _EN_BARE_OTHER).match(new.strip()))


def other_one(fix: Correction, turns: list[Turn], knowledge: Knowledge):
    """Whom 'not Zhang, the other one' means: the latest other one of the conversation; when the conversation names
    no other, the one other entity of the index of the taken-back one's kind (a two-speaker interview); else None
    (the forum's four bureau chiefs: 'the other one' names no one, and nothing is asked in its place)."""
    other = _other(Want.PERSON, turns, knowledge) or _other(Want.ANY, turns, knowledge)
    if other is not None:
        return other
    taken = [m.entity for m in knowledge.find(fix.old)]
    if not taken and not is_chinese(fix.old):  # Zhang: the one speaker of that surname
        word = fix.old.strip().split()[0] if fix.old.strip() else ""
        match = _EN_SURNAME.match(word)
        named = _full_name(match, knowledge, turns) if match else ""
        taken = [m.entity for m in knowledge.find(named)] if named and named != word else []
    if len({e.name for e in taken}) != 1:
        return None
    old = taken[0]
    orgs = {e.name for e in knowledge.entities if e.kind == EntityKind.ORG}
    rest = {e.name: e for e in knowledge.entities if e.kind == old.kind and e.name != old.name and e.name not in orgs}
    return next(iter(rest.values())) if len(rest) == 1 else None
