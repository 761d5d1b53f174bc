"""What a question asks for: which city, company or person (哪个城市, 哪家公司, who, which city). Such a question
stands on its own (the history's name would answer it for it), and makes the asked kind the conversation's topic."""

from __future__ import annotations

import re

from retriever.conversation.pronouns import Want

# what's the old industrial city w/ the heavy metal mess?, What city …?: which city, asked with what
_EN_WHAT_CITY = (
    r"\bwhat\s+(?:city|town)\b|\bwhat(?:'?s|\s+is|\s+was|\s+are)\s+(?:the|that)\s+(?:[\w-]+\s+){0,4}?(?:city|town)"
    r"(?=\s*(?:$|[?.,]|with\b|w/|that\b|where\b|whose\b|which\b|known\b|famous\b|in\b|on\b|of\b|called\b))"
)

# A question that asks which city, company or person did something: the history's name would answer it for it.
_ZH_ASKS_ENTITY = re.compile(r"谁|哪位|哪里|哪儿|哪(?:个|座|家|些)?(?:城市|市|地方|地区|公司|企业|单位|省|局|人)")
_EN_ASKS_ENTITY = re.compile(
    r"(?i)^\W*(?:\w+\W+){0,2}(?:who|whom|whose|where)\b"  # asked near the start: 'the town where …' is no question
    r"|\bwhich\s+(?:city|cities|town|place|company|firm|person|official|bureau|province)"
    rf"|{_EN_WHAT_CITY}"
)


_ASKS_PLACE = re.compile(
    rf"(?i)哪(?:个|座)?(?:城市|市|地方|地区|省)|哪里|哪儿|\bwhich\s+(?:city|town|province|place)\b|\bwhere\b|{_EN_WHAT_CITY}"
)
_ASKS_ORG = re.compile(
    r"(?i)哪(?:个|家)(?:公司|企业|单位)|(?:公司|企业)(?:的名字)?叫什么|什么公司|\b(?:which|what)\s+(?:company|firm|business)\b"
    r"|\bname\s+of\s+the\s+(?:[\w-]+\s+){0,3}(?:company|firm|business)\b"  # the name of the Guangzhou landscaping company
    # Which newspaper hosted …?: a body that speaks, as a company does
    r"|哪(?:个|家)(?:报社|报纸|媒体|机构)|\b(?:which|what)\s+(?:newspaper|paper|media\s+outlet|outlet|publication|agency|organi[sz]ation)\b"
)


_ASKS_CITY = re.compile(rf"(?i)哪(?:个|座)?(?:城市|市)|\bwhich\s+(?:city|town)\b|{_EN_WHAT_CITY}")


def asks_city(question: str) -> bool:
    """A question that asks which city (哪个城市, which city): a province it names is not the answer."""
    return bool(_ASKS_CITY.search(question))


def asks_for_entity(question: str, chinese: bool) -> bool:
    """A question that asks who, where or which city/company (哪个城市拆除了…？, Who mentioned …?)."""
    return bool((_ZH_ASKS_ENTITY if chinese else _EN_ASKS_ENTITY).search(question))


def asked_kind(question: str) -> Want | None:
    """Want.PLACE when a question asks which city or where (哪个市, which city), Want.ORG when it asks which
    company; else None."""
    if _ASKS_PLACE.search(question):
        return Want.PLACE
    return Want.ORG if _ASKS_ORG.search(question) else None



# Attributes that only one kind of entity has: a question that asks one of them without naming whose (是哪一年出生的？,
# 那是一家有多少年历史的企业？, 常住人口是多少？) is about the conversation's person, company or place of that kind.
_KIND_ATTRIBUTES = (
    (Want.PERSON, re.compile(
        r"(?i)出生|年纪|多大岁数|多大了|几岁|哪里人|哪儿人|老家|籍贯|年薪|工资|担任|职务|任职|年轻时|小时候|学历|毕业"
        r"|\b(?:born|age|how\s+old|salary|hometown|grow\s+up|grew\s+up|graduate|degree)\b")),
    (Want.ORG, re.compile(
        r"(?i)营业收入|营收|利润|上市|员工|总部|多少年(?:的)?历史|(?:是|为)一家|成立之初|成立时|创立|创办"
        r"|\b(?:revenue|profit|employees|staff\s+does|listed|"
        r"headquarter(?:s|ed)|founded)\b")),
    # a government is a place's (政府花了多少钱…？ after a question about 区锦雄: 广州's, not his)
    # … and a part of a place is too (区里抽了多少干部？ after a question about 苏国军: 湘潭's districts)
    (Want.PLACE, re.compile(
        r"(?i)常住人口|户籍人口|GDP|市长|市委书记|政府|市委|^(?:那么?)?(?:区里|市里|县里|省里|全市|市区|城区)"
        r"|\b(?:population|GDP|mayor|government)\b")),
)


def attribute_kind(question: str) -> Want | None:
    """The kind of entity whose attribute a question asks (出生 → a person, 营业收入 → a company, 常住人口 → a place), or
    None when its words name no such attribute."""
    return next((want for want, pattern in _KIND_ATTRIBUTES if pattern.search(question)), None)


def opens_with_attribute(question: str) -> Want | None:
    """attribute_kind() of a question that opens with the attribute (小时候在哪游泳？, 是哪里人？): it says whose by
    nothing else; one that names someone first (区锦熊年轻时…, a name the index may not know) gives None."""
    for want, pattern in _KIND_ATTRIBUTES:
        match = pattern.search(question)
        if match and match.start() <= 1:
            return want
    return None
