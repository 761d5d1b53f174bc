"""What kind of answer a question asks (answer_kind) and which numbers it asks in words (more_number), for the answer
check (answer_check.py): a time (哪一年, when), a person (谁, 哪位, who), a name (哪家公司, which bank), a place (哪里,
where), an origin (哪里人), or a number that quantity.asked_unit does not see (多大年纪, how much did X pay, the
population).
"""

from __future__ import annotations

import re

from index.lazy_pattern import lazy_compile
from index.normalize import canonical
from retriever.answerability.comparison import compares_amounts, which_more
from retriever.answerability.eras import rule_on
from retriever.answerability.quantity import asks_person

TIME, PERSON, NAME, PLACE, ORIGIN = "time", "person", "name", "place", "origin"

# (session 28, nm9) a date or a month asked by its noun, not by a question word: 召开的日期是哪天, 具体日期, 什么月份;
# 'Please advise the date on which …', 'the exact date of …', 'in which month'. A date 'to date' (so far) or
# 'up-to-date' asks none.
_DATE_NOUN_ZH = r"(?:什么|哪个|哪一个|具体|确切|准确)(?:日期|日子|月份)|日期是(?:哪|什么|几)"
_DATE_NOUN_EN = (
    r"(?<!to )(?<!up-to-)\bthe (?:exact |specific |precise |actual )?date (?:on which|when|of|that)\b"
    r"|\b(?:exact|specific|precise) date\b|\b(?:what|which) (?:day|month)\b|\bin what month\b"
)

_ZH_KINDS = (
    (TIME, lazy_compile(r"哪一?年|哪一?天|哪个月|几月|几号|什么时候|什么时间|何时|哪个时候")),
    (TIME, _DATE_ZH := lazy_compile(_DATE_NOUN_ZH)),
    (ORIGIN, lazy_compile(r"哪里人|哪儿人|什么地方人|籍贯|老家")),
    # 在哪个机关 asks a name; 什么地方 and 哪些地方 ask what kind of site or aspect (管哪些地方: 建筑工地、煤炭堆场; 跑了
    # 什么地方: 企业、村屯、家庭), which the text answers with common nouns, not a named place: neither is a place question.
    (PLACE, lazy_compile(r"哪里|哪儿|哪个地方|何地|在哪(?![一个家所座条位种项部间些])")),
    (PERSON, lazy_compile(r"是谁|谁|哪位|什么人|哪[帮些群伙拨批]人")),
    (NAME, lazy_compile(r"哪一?[家所座条个]|叫什么|什么名字|的名字|的名称|名称是什么|名字是什么|哪个(?:公司|企业|单位|机构)")),
)
_EN_KINDS = (
    (TIME, lazy_compile(r"^\s*when\b|\bwhat year\b|\bwhich year\b|\bwhat date\b|\bwhen (?:was|were|did|does|is)\b", re.I)),
    # (session 28, nm9) the date or month asked as a noun: the date on which, the exact date of, in which month
    (TIME, _DATE_EN := lazy_compile(_DATE_NOUN_EN, re.I)),
    (ORIGIN, lazy_compile(r"\bwhere (?:is|was|does|did) .* (?:from|born)\b|\bhometown\b", re.I)),
    (PLACE, lazy_compile(r"^\s*where\b|\bwhere (?:is|was|are|were|did|does)\b", re.I)),
    (PERSON, lazy_compile(r"^\s*who\b|\bwho (?:is|was|are|were|did)\b", re.I)),
    (NAME, lazy_compile(
        r"\bwhich\s+[a-z]|\bname of\b|\bcalled\b|\bwhat (?:company|firm|bank|hotel|university|exchange)\b", re.I)),
)
# A scene-setting clause before the question itself (When an owner could not be contacted, how did Dalian …; If …,
# what …): its when/where asks nothing, the main clause after the comma does.
_EN_LEADING_CLAUSE = lazy_compile(
    r"^\s*(?:when|where|if|once|while|after|before|since)\b[^,?]*,\s*"
    r"(?=(?:what|how|why|which|who|whom|whose|where|when|did|does|do|is|are|was|were|can|could|has|have|had)\b)",
    re.I,
)
_NOT_PLACE = lazy_compile(
    r"(?:短板|问题|难点|关键|原因|区别|不同|差距|意义|作用|重点|亮点|特点|优势|不足|困难|挑战|症结|根源|出路|方向|好处|突破口|价值)"
    r"(?:主要|究竟|到底)?(?:[放落摆集中]{1,2}在|在|是)?(?:哪里|哪儿|什么地方)"
)
# A person asked for by role (湘潭市长叫什么名字, 哪位领导): the name question asks a person. 领导 before a body's noun
# (领导小组 a leading group, 领导班子 a leadership team) names the body, no person's role: who heads it (领导小组谁当组长)
# is answered by the role that does (以市长为组长), as any who-question is.
_ROLES = lazy_compile(r"长$|领导(?!小组|班子|机构|体制|机制)|书记|主任|编辑|总裁|经理|主席|老板|负责人|官员|专家|教授|记者|干部")
_EN_ROLES = r"\b(?:mayor|director|head|chief|editor|chairman|president|governor|secretary|leader)\b"
_EN_ROLES_28 = r"\b(?:minister|premier|spokesperson|spokesman|commissioner)s?\b"  # (session 28, nm9)
_EN_MONEY = lazy_compile(
    r"\bhow much (?:money\b|did\b.*\b(?:pay|spend|cost|invest|raise|earn|charge|give)\b|does\b.*\bcost\b"
    r"|is\b.*\b(?:paying|spending|charging)\b|was\b.*\b(?:paid|spent|invested|raised)\b)",
    re.I,
)

_EN_ASKS = r"\b(?:what|how much|how many|how high|how big)\b.*"
_EN_PRICE = lazy_compile(
    _EN_ASKS + r"\b(?:price|cost|salary|salaries|wages?|revenue|income|fee|fees|ticket|budget|fine|fines)\b", re.I
)
_EN_RATE = lazy_compile(_EN_ASKS + r"\b(?:rate|share|percentage|proportion)\b", re.I)
# an amount noun after a or an names a thing, not its measure (what can it do for an area: a region; session 24, parts2)
_EN_AMOUNT = lazy_compile(
    _EN_ASKS + r"(?<!\ban )(?<!\ba )\b(?:gdp|population|concentration|capacity|length|area|temperature|volume|output|level)\b",
    re.I,
)
_AGE = lazy_compile(r"多大年纪|多大岁数|多少岁|几岁|年龄|年纪|\bhow old\b|\bage\b", re.I)

def answer_kind(question: str, lang: str) -> str | None:
    """The kind of answer a non-number question asks for: TIME, PERSON, NAME, PLACE, or None (what, how, why).

    Args:
        question: the question as typed.
        lang: "zh" for a Chinese question, anything else for English.
    """
    text = canonical(question) if lang == "zh" else _EN_LEADING_CLAUSE.sub("", canonical(question))
    if lang == "zh" and which_more(text):
        return None  # 二氧化硫和烟尘哪个更多: which figure is larger (a number, more_number), no name
    for kind, pattern in _ZH_KINDS if lang == "zh" else _EN_KINDS:
        if kind == PLACE and _NOT_PLACE.search(text):
            continue  # 能力短板在哪里: where a weakness lies is no place
        if (pattern is _DATE_EN or pattern is _DATE_ZH) and not rule_on(28):
            continue
        if pattern.search(text):
            if kind == NAME and _asks_role(text, lang):
                return PERSON
            return kind
    return None


# Who said something: a speech verb in a who-question (Who talked about grid inspectors? 谁谈到了网格员?). Its answer is
# the speaker of the passage that says it, which the citation names, not a name written in the sentence.
_EN_SPEAKER = lazy_compile(
    r"^\s*(?:who|which (?:speaker|official|participant|panellist|panelist|guest|bureau chief|director|chief))\s+"
    r"(?:\w+\s+){0,2}?(?:talk(?:s|ed)?|sp[eo]k(?:e|es|en)|said|says?|mention(?:s|ed)?|discuss(?:es|ed)?|describ(?:e|es|ed)"
    r"|explain(?:s|ed)?|br(?:ing|ings|ought) up|rais(?:e|es|ed)|shar(?:e|es|ed)|present(?:s|ed)|introduc(?:e|es|ed)"
    r"|propos(?:e|es|ed)|cit(?:e|es|ed)|point(?:s|ed)? out|address(?:es|ed)?|compar(?:e|es|ed)|tell?s?|told"
    r"|recount(?:s|ed)?|stress(?:es|ed)?|emphasi[sz](?:e|es|ed)|argu(?:e|es|ed)|warn(?:s|ed)?|call(?:s|ed)? for)\b",
    re.I,
)
_ZH_SPEAKER_VERB = r"(?:(?<![约会面座洽])谈|讲|说|提到|提及|提出|介绍|分享|讨论|发言|阐述|强调|呼吁|回顾)"
_ZH_SPEAKER = lazy_compile(
    rf"(?:谁|哪位|哪个人|哪个局长|哪位局长).{{0,4}}{_ZH_SPEAKER_VERB}|{_ZH_SPEAKER_VERB}.{{0,24}}(?:的是谁|是谁|的是哪位)"
)


def asks_speaker(question: str, lang: str) -> bool:
    """Whether a who-question asks who said something (Who talked about grid inspectors? 谁谈到了网格员?): the answer
    is the speaker of a passage that speaks of it."""
    text = canonical(question)
    return bool((_ZH_SPEAKER if lang == "zh" else _EN_SPEAKER).search(text))


# What a named person said: a speech verb asking what (张三说了什么？刘玉芬谈到了哪些问题？What did Zhang San say about
# the rivers?). The answer is in that person's own words, not in a title or byline that names them.
_ZH_WORDS = lazy_compile(rf"{_ZH_SPEAKER_VERB}(?![明服])(?:了|过|到|起)*.{{0,2}}(?:什么|哪些|哪几|啥)")
_EN_WORDS = lazy_compile(
    r"\bwhat\s+(?:did|does|do|has|have|had|will|would)\s+(?:\S+\s+){1,4}?(?:say|said|talk|speak|spoke|mention|tell|told"
    r"|discuss|describe|explain|stress|emphasi[sz]e|propose|share|present|recount|argue|warn|think|bring up|point out)\b"
    r"|\bwhat\s+(?:\S+\s+){1,4}?(?:said|says|talked about|spoke about|mentioned|told)\b",
    re.I,
)


def asks_words(question: str, lang: str) -> bool:
    """Whether a question asks what someone said (张三说了什么？What did Zhang San say?), not who said it."""
    text = canonical(question)
    if asks_speaker(question, lang):
        return False
    return bool((_ZH_WORDS if lang == "zh" else _EN_WORDS).search(text))


# Who a named person is (张三是谁？张三是做什么的？Who is Zhang San?): the answer is a line that gives their role (a
# title or byline naming them: 专访市水务局局长张三), not what they said.
_ZH_IDENTITY = lazy_compile(
    r"^[^，,。？?]{2,12}?(?:是|为)(?:谁|什么人|何人|哪位|做什么的|干什么的|什么身份|什么职务|什么职位)(?:啊|呀|呢)?[？?]?$"
    r"|^[^，,。？?]{2,12}?的(?:身份|职务|职位)是什么[？?]?$"
)
_EN_IDENTITY = lazy_compile(
    r"^\s*who\s+(?:is|was)\s+(?!the\b|a\b|an\b)[^?]{2,40}\?*\s*$"
    r"|^\s*what\s+(?:is|was)\s+\S+(?:\s+\S+){0,3}'s\s+(?:job|role|position|title)\b", re.I
)


def asks_identity(question: str, lang: str) -> bool:
    """Whether a question asks who a named person is (张三是谁？Who is Zhang San?)."""
    text = canonical(question).strip()
    return bool((_ZH_IDENTITY if lang == "zh" else _EN_IDENTITY).search(text))


# A day asked (几月几号, 哪一天, on what date): the answer is a day of the calendar, which a year, a month or a quarter
# (2016年, 第一季度) does not give; a when-question (什么时候) takes any of them
_DAY_ASKED = re.compile(
    r"几月几[号日]|哪一?天|几号|(?<![多少])几日(?!内)|具体日期|\b(?:on )?(?:what|which) (?:date|day)\b|\bexact date\b", re.I
)


def asks_day(question: str) -> bool:
    """Whether a time question asks the day (几月几号, 哪一天, On what date …), not only a year or a month."""
    text = canonical(question)
    return bool(_DAY_ASKED.search(text) or rule_on(28) and _DAY_NOUN.search(text))


# (session 28, nm9) a time asked finer than a year: the day by its noun (the date on which, 召开日期是哪天), and the
# month (几月, 哪个月, 什么月份, in which month), which a month or a day answers but a year, 年初 or 年底 does not.
_DAY_NOUN = re.compile(
    r"(?<!to )(?<!up-to-)\bthe (?:exact |specific |precise |actual )?date (?:on which|when|of|that)\b|\bwhat day\b"
    r"|(?:什么|哪个|哪一个|确切|准确)(?:日期|日子)|日期是(?:哪|什么|几)",
    re.I,
)
_MONTH_ASKED = re.compile(r"几月|哪一?个月|(?:什么|哪个|哪一个)月份|\b(?:what|which) month\b|\bin what month\b", re.I)


# (session 28, nm9) a grade asked of water's or air's quality (水质类别, 几类水, 空气质量等级, water grade, the class of
# the river's water): a graded value answers it (Ⅲ类, 劣Ⅴ类, 二级, 优良), not a sentence saying the water got clean.
_GRADE_ASKED = re.compile(
    r"(?:水质|水体|水|空气质量|空气)(?:的|是|达到|达到了|为)?(?:什么|哪个|哪一|几)?(?:类别|等级|级别|类)(?:是|为)?(?:什么|多少|几|哪)"
    r"|(?:几|哪一?|什么)类水|(?:水质|空气质量)(?:类别|等级|级别)"
    r"|\b(?:water|water[- ]quality|air[- ]quality)\s+(?:grade|class|category|classification|level|rating)\b"
    r"|\b(?:grade|class|category|classification)\s+(?:of|for)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?(?:water|air)\b",
    re.I,
)


def asks_grade(question: str) -> bool:
    """Whether a question asks the grade of water's or air's quality (水质类别, 几类水, water grade)."""
    return rule_on(28) and bool(_GRADE_ASKED.search(canonical(question)))


def asks_month(question: str) -> bool:
    """Whether a time question asks the month (几月, 哪个月, in which month) and not the day (asks_day)."""
    return rule_on(28) and not asks_day(question) and bool(_MONTH_ASKED.search(canonical(question)))


def asks_role(question: str, lang: str) -> bool:
    """Whether a person question asks who holds a role it names (湘潭市长叫什么名字, who is the mayor): a role
    word then answers nothing, only a name."""
    text = canonical(question)
    if lang != "zh":
        return bool(re.search(_EN_ROLES, text) or rule_on(28) and re.search(_EN_ROLES_28, text, re.I))
    return _asks_role(text, lang)


# (session 28, nm9) the Chinese words of a role whose holder an English question asks (who was minister: 部长). A role
# the text never writes has no holder named in it; a role word not listed here (head, leader, official) asks nothing
# of the sentence's words (fail open).
_EN_ROLE_WORDS = {
    "mayor": ("市长",), "director": ("局长", "主任", "厅长", "处长", "所长", "院长"), "minister": ("部长",),
    "secretary": ("书记",), "governor": ("省长",), "chairman": ("主席", "董事长"),
    "editor-in-chief": ("总编辑",), "editor": ("编辑",),
    "president": ("主席", "总裁", "院长", "校长", "总统", "行长"), "premier": ("总理",), "spokesperson": ("发言人",),
    "spokesman": ("发言人",), "commissioner": ("专员", "主任"),
}
# the role is what is asked (who was minister, the name of the mayor, the director's name), not the doer of a deed
# asked about (who did the mayor sign with); in Chinese the role stands right before 叫什么 / 是谁 (湘潭市长叫什么名字)
_EN_ROLE_ASKED = lazy_compile(
    r"(?:\bwho(?: is|'s| was| are| were| became| served as)\s+|\bname of\s+)(?:the |its |their |[a-z]+'s )?"
    r"(?:[a-z-]+ ){0,3}?(?:(deputy|vice)[- ])?(" + "|".join(_EN_ROLE_WORDS) + r")s?\b(?!'s? )"
    r"|\b(?:(deputy|vice)[- ])?(" + "|".join(_EN_ROLE_WORDS) + r")'s name\b",
    re.I,
)
_ZH_ROLE_ASKED = lazy_compile(r"副?(?:书记|[市省县区局厅部处所院校行]长|主任|总编辑|总裁|董事长|主席|发言人|总理)$")


def asked_roles(question: str, lang: str) -> tuple[str, ...]:
    """The words of the role a who-question asks the holder of, as the text would write them (湘潭市长叫什么名字: 市长;
    who was minister: 部长): the holder's name stands by one of them. () when the role is not one of these."""
    if not rule_on(28):
        return ()
    text = canonical(question)
    if lang != "zh":
        # a deputy's role is written with 副 (deputy editor-in-chief: 副总编辑, vice-mayor: 副市长)
        found = {(bool(m.group(1) or m.group(3)), (m.group(2) or m.group(4)).lower()) for m in _EN_ROLE_ASKED.finditer(text)}
        if len(found) != 1:
            return ()
        deputy, role = found.pop()
        return tuple("副" + f for f in _EN_ROLE_WORDS[role]) if deputy and rule_on(29) else _EN_ROLE_WORDS[role]
    parts = re.split(r"叫什么|什么名字|的名字|是谁|是哪位", text)
    match = _ZH_ROLE_ASKED.search(parts[0].rstrip("的是就现在目前当时 ")) if len(parts) > 1 else None
    if match and not rule_on(29):  # (session 29) before: a deputy's 副 was not read (副市长 asked 市长)
        return (match.group(0).removeprefix("副"),)
    return (match.group(0),) if match else ()


def _asks_role(text: str, lang: str) -> bool:
    """A name question about a role (湘潭市长叫什么名字, 哪位领导, which official): a person is asked."""
    if lang != "zh":  # which official; the name of the deputy mayor, as 副市长叫什么名字
        role = r"\bname of (?:the |its |his |her |their |[a-z]+'s )?(?:[a-z'-]+ ){0,3}" + _EN_ROLES
        return bool(re.search(r"\bwhich (?:official|leader|person|expert|mayor|director|editor)\b", text)) or (
            rule_on(12) and bool(re.search(role, text, re.I))
        )
    before = re.split(r"叫什么|什么名字|的名字|是谁", text)[0]
    after = re.split(r"哪一?[家所座条个位]", text)
    role_after = len(after) > 1 and bool(re.match(rf"(?:{_ROLES.pattern})", after[1][:3]))
    return bool(_ROLES.search(before.rstrip("的是"))) or role_after


def more_number(question: str, lang: str) -> str | None:
    """The unit of a number a question asks in words that quantity.asked_unit leaves alone: '岁' for an age (多大年纪,
    how old); in English '元' for 'how much did X pay/spend/raise' and for a price, salary or revenue, '%' for a rate
    or share, '' for another amount (GDP, population, concentration); None when it asks none."""
    text = canonical(question)
    if asks_person(text):  # who talked about the boilers' age: a person, no number
        return None
    if _AGE.search(text):
        return "岁"
    if lang == "zh":
        return "" if which_more(text) or compares_amounts(text, lang) else None  # 哪个更多, 比…多吗: the figures
    if _EN_MONEY.search(text) or _EN_PRICE.search(text):
        return "元"
    if _EN_RATE.search(text):
        return "%"
    return "" if _EN_AMOUNT.search(text) or compares_amounts(text, lang) else None


# A division of a country asked by which (哪个区, 在哪个省, 哪个乡镇, which district, what province): a place's name below
# or above the city answers it, not a title or the city itself (session 21, nm2; a city is not one: 哪个城市 asks a
# city, which a speaker's own city answers)
_DIVISIONS = {"district": "区", "county": "县", "province": "省", "town": "镇", "township": "乡", "village": "村"}
_ZH_DIVISION = lazy_compile(r"哪一?个?\s*(区|县|省|乡镇|镇|乡|村)(?![长委政])|什么\s*(区|县|省)(?![长委政])")
_EN_DIVISION = lazy_compile(r"\b(?:which|what)\s+(district|county|province|township|town|village)s?\b", re.I)


def asked_division(question: str, lang: str) -> str:
    """The division whose name a question asks ('区' for 哪个区 and which district, '省' for 在哪个省); '' for none."""
    text = canonical(question)
    if lang == "zh":
        match = _ZH_DIVISION.search(text)
        return (match.group(1) or match.group(2))[-1] if match else ""
    match = _EN_DIVISION.search(text)
    return _DIVISIONS[match.group(1).lower()] if match else ""
