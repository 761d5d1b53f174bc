"""Answers of a kind: a question that asks for a list ('which two zones', 哪两块), for a document's name ('which
rulebook', 什么文件), about before or after, and whether a text gives one.

A list is a clause naming two or more items apart (竹埠港、锰矿地区、吴家巷工业区); when the question counts them
('which four areas', 哪四个), the list holds that many items or writes the count (四大片区). A document's name is a
full title in 《》 (《大连市环境保护管理职责规定（试行）》), not the short form that refers back to it (《规定》).
A question about before (以前, 当年, before) is answered by a text that tells of the past (过去, 年轻时, 上世纪90年代,
从人大机关到…), one about what came after (以后, 后来, after) by a text that tells it (项目建成后，…; 后来…; 变成了…),
one asking why (为什么, why, what pushed…) by a text that gives a reason or purpose (因为, 由于, 为了, 这决定了…).
One asking what is lacking (缺什么, 短板, what does it lack) by a text that says something falls short (不足, 缺乏, 没有).
A question that names a speaker is about that speaker, who tells of himself in the first person (我从人大机关到…).
A question asking how something is done (如何, 怎么, 咋, how did…) is answered by the means, not by the count of what
was done (查处环境违法案件76件, 排查率做到了100%).
"""

from __future__ import annotations

import re

from index.lazy_pattern import lazy_compile
from index.normalize import chinese_number

ANY_COUNT = 0  # a list is asked for, of any length

_EN_COUNTS = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
_EN_LIST = lazy_compile(
    r"\b(?:which|what)\s+(?:(?:are|were)\s+(?:the\s+)?)?(two|three|four|five|six|seven|eight|nine|ten|\d+|kinds|types|sorts)\b",
    re.I,
)
_ZH_LIST = lazy_compile(r"哪([两二三四五六七八九十]+|\d+|些|几)")
_EN_DOCUMENT = lazy_compile(
    r"\b(?:which|what)\b(?:\s+[\w'-]+){0,2}?\s+(?:rulebooks?|rules|regulations?|documents?|papers?|policy|policies|plans?"
    r"|opinions?|guidelines?|agreements?|laws?|programmes?|programs?|schemes?|provisions?|charters?)\b"
    r"|\b(?:name|title) of (?:the|its|their|that)\b",  # not 'what measures' (what was done)
    re.I,
)
_ZH_DOCUMENT = lazy_compile(
    r"(?:哪[个部份项一]?|什么|啥)(?:样的)?(?:文件|规定|意见|方案|办法|条例|规划|协议|法规|纲要|制度文件)"
    r"|(?:文件|规定|意见|方案|办法|条例|规划|协议)(?:叫|的名字|名称|全称)"
)
_TITLE = lazy_compile(r"《([^《》]{5,})》")  # a full title; 《规定》, 《意见》 only refer back to one
_CLAUSE = lazy_compile(r"[，,；;。！？!?：:]")
_AND = lazy_compile(r"和|及|与|以及")


def asked_list(question: str) -> int | None:
    """How many items the question asks for as a list (ANY_COUNT when it does not say), None when it asks for none.

    Args:
        question: the question as typed (cleaned).
    """
    for pattern, counts in ((_EN_LIST, _EN_COUNTS), (_ZH_LIST, None)):
        match = pattern.search(question)
        if match is None:
            continue
        word = match.group(1).lower()
        if word.isdigit():
            return int(word)
        if counts is not None:
            return counts.get(word, ANY_COUNT)
        value = chinese_number(word) if word not in ("些", "几") else None
        return int(value) if value else ANY_COUNT
    return None


def asks_document(question: str) -> bool:
    """True when the question asks for a document's name (which rulebook, 什么文件, 规定叫什么)."""
    return bool(_EN_DOCUMENT.search(question) or _ZH_DOCUMENT.search(question))


def gives_document(text: str) -> bool:
    """True when the text writes a document's full title in 《》."""
    return bool(_TITLE.search(text))


def _items(clause: str) -> int:
    """How many items a clause lists: the parts between 、 (and a last 和/及), 2 for 'A和B' alone, else 1."""
    parts = clause.split("、")
    return len(parts) + int(bool(_AND.search(parts[-1]))) if len(parts) > 1 else 1 + int(bool(_AND.search(clause)))


def gives_list(text: str, count: int) -> bool:
    """True when a clause of the text lists items: `count` of them, or says it has that many (四大片区, 两个);
    any two or more apart (A、B) when count is ANY_COUNT."""
    for clause in _CLAUSE.split(text):
        items = _items(clause)
        if count == ANY_COUNT and "、" in clause:
            return True
        if count and (items == count or _says_count(clause, count)):
            return True
    return False


def _says_count(clause: str, count: int) -> bool:
    for match in re.finditer(r"([两二三四五六七八九十]+|\d+)(?=[大个项类块方省市县区条种家座])", clause):
        word = match.group(1)
        value = int(word) if word.isdigit() else chinese_number(word)
        if value == count:
            return True
    return False


# The past asked about (以前, 当年, before, used to) and told (过去, 年轻时, 上世纪90年代, 昔日, 从人大机关到环保系统);
# retriever/framing.py reads the same: a caption gives present positions, what someone did before is in their words.
_ASKS_PAST = lazy_compile(
    r"以前|过去|之前|原来|早先|早年|曾经|当年|从前|\bbefore\b|\bused to\b|\bpreviously\b|\bformerly\b|\bin the past\b"
    r"|\bearlier\b|\bprior\b",
    re.I,
)
_TELLS_PAST = lazy_compile(r"过去|以前|之前|曾|当年|早年|年轻时|上世纪|原来|昔日|从前|那时|以往|\d+\s*年代|从[^，,。；;]{1,8}到")


def asks_past(question: str) -> bool:
    """True when the question asks how something was before (以前, 当年, before, used to)."""
    return bool(_ASKS_PAST.search(question))


def tells_past(text: str) -> bool:
    """True when the text tells of the past (过去, 年轻时, 上世纪90年代, 从人大机关到…)."""
    return bool(_TELLS_PAST.search(text))


# What came after (以后, 后来, after) asked about and told (项目建成后，…; 后来…; 矿山变成了地质公园).
# a sequence asked by its next step (签完责任书，下面接着干了啥; 然后呢, 随后, next) as well; 经过督察，… tells what came of it
_ASKS_AFTER = lazy_compile(
    r"以后|之后|后来|过后|接着|紧接着|随后|然后|跟着|下一步|\bafter\b|\bafterwards\b|\blater\b", re.I
)
_TELLS_AFTER = lazy_compile(r"后来|此后|随后|之后|以后|[^，,。；;]{1,8}后[，,]|经过[^，,。；;]{1,8}[，,]|变成|变为")


def asks_after(question: str) -> bool:
    """True when the question asks what came after something (以后, 后来, after)."""
    return bool(_ASKS_AFTER.search(question))


def tells_after(text: str) -> bool:
    """True when the text tells what came after (项目建成后，…; 后来…; 变成了…)."""
    return bool(_TELLS_AFTER.search(text))


# Why asked (为什么 but not 列为什么工程, 为何, why, what caused…) and a reason told (因为, 由于, 为了, 所以, 是为了, 确保…).
_ASKS_REASON = lazy_compile(
    r"(?<![列成作称定视选评改认])为什么|为何|为啥|怎么会|原因|凭什么|\bwhy\b"
    r"|\bwhat (?:pushed|prompted|caused|led|drove|made|forced|spurred|triggered)\b|\breasons?\b",
    re.I,
)
_TELLS_REASON = lazy_compile(
    r"因为|由于|为了|所以|因此|因而|原因|之所以|是为|目的|以便|从而|确保|才能|在于|导致|迫使|决定了|后[，,]"
)


def asks_reason(question: str) -> bool:
    """True when the question asks why (为什么, 为何, why, what caused…)."""
    return bool(_ASKS_REASON.search(question))


def tells_reason(text: str) -> bool:
    """True when the text gives a reason or purpose (因为, 由于, 为了, 所以, 是为了, 确保…, 这决定了…)."""
    return bool(_TELLS_REASON.search(text))


# The first person singular (我到环保局工作时间不长), not 我们, 我市, 我国 (we, our city, our country).
_FIRST_PERSON = lazy_compile(r"我(?![们市国省区县局公])")


def tells_of_self(text: str) -> bool:
    """True when the speaker tells of himself in the first person (我…, not 我们 or 我市)."""
    return bool(_FIRST_PERSON.search(text))


# How something is done (如何, 怎么, 怎样, 咋, how did…), not how much, how long or how it is (怎么样, 咋样), nor why
# (怎么会) or what is going on (怎么回事).
_ASKS_HOW = lazy_compile(
    r"如何|怎么(?!样|会|回事)|怎样(?!的)|咋(?!样|回事)"
    r"|\bhow\b(?!\s+(?:long|often|frequently|many|much|far|old|big|large|tall|soon|come)\b)",
    re.I,
)
# A count of what was done: a number with its counter or a percentage (76件, 102人, 1416台, 100%).
_COUNT = lazy_compile(r"\d+(?:\.\d+)?\s*(?:[%％]|[件起人名家个台万亿吨])")


def asks_how(question: str) -> bool:
    """True when the question asks how something is done (如何, 怎么, 咋, how did…; not how many, 怎么样)."""
    return bool(_ASKS_HOW.search(question))


def gives_count(text: str) -> bool:
    """True when the text counts what was done (查处案件76件, 处理102人, 排查率做到了100%)."""
    return bool(_COUNT.search(text))


# What is lacking asked (缺什么, 短板, lack, shortage) and told (执法人员不足, 缺乏, 没有抓手). Whether something is
# enough (人手够不够, 钱够用吗, 是否充足, is there enough staff) asks it too: the answer says what falls short, or not.
_ASKS_LACK = lazy_compile(
    r"缺什么|缺啥|缺少|缺乏|短板|不足|欠缺|\black(?:s|ing)?\b|\bshort(?:age|fall)s?\b|\bshort of\b|\bmissing\b"
    r"|\bweak(?:ness|nesses)?\b"
    r"|够不够|够用吗|够吗|(?:是否|能否)(?:足够|充足|够用)|(?:足够|充足|够用)(?:吗|不|与否)"
    r"|\b(?:enough|sufficient|adequate|understaffed|short-?handed)\b",
    re.I,
)
_TELLS_LACK = lazy_compile(r"不足|缺乏|缺少|短缺|不够|匮乏|欠缺|短板|薄弱|没有")


def asks_lack(question: str) -> bool:
    """True when the question asks what is lacking (缺什么, 短板, what does it lack) or whether something is enough
    (人手够不够用, is there enough staff)."""
    return bool(_ASKS_LACK.search(question))


def tells_lack(text: str) -> bool:
    """True when the text says something falls short (执法人员不足, 缺乏, 没有抓手)."""
    return bool(_TELLS_LACK.search(text))
