"""A bare question word (为什么？, 怎么做到的？, Why?, How come?, When was that?) asked of the latest question, as a
question a reader would type: 为什么？ after 大连拆除了多少台燃煤锅炉？ → 大连为什么拆除燃煤锅炉？; Why? after How many
coal-fired boilers did Dalian dismantle? → Why did Dalian dismantle coal-fired boilers?. A question whose shape has
no place for the new question word keeps its words and asks it at the end (…，为什么？, …, and why?)."""

from __future__ import annotations

import re
from collections.abc import Collection

from retriever.conversation import clauses
from retriever.conversation.knowledge import word_tags

_ZH_WH = (  # the question word a bare follow-up asks with, as the rewrite asks it
    (re.compile(r"为什么|为啥|为何"), "为什么"),
    (re.compile(r"怎么"), "怎么"),
    (re.compile(r"什么时候|何时|什么时间"), "什么时候"),
)
_EN_WH = (
    (re.compile(r"(?i)^why\s+not$"), ""),  # asks it at the end
    (re.compile(r"(?i)^(?:why|how\s+come|how\s+so|why\s+(?:is\s+that|so))$"), "why"),
    (re.compile(r"(?i)^how(?:\s+did\s+they\s+do\s+(?:it|that))?$"), "how"),
    (re.compile(r"(?i)^(?:when|since\s+when|when\s+was\s+that|when\s+did\s+\w+\s+do\s+\w+)$"), "when"),
    (re.compile(r"(?i)^why\s+did\s+\w+\s+do\s+\w+$"), "why"),
    (re.compile(r"(?i)^how\s+long\b"), "how long"),  # How long did it take them? → How long did it take Dalian to …?
)
# 大连拆除了多少台燃煤锅炉？: what was done, the count, and what was counted
_ZH_COUNTED = re.compile(
    rf"^(?P<done>[^？?，,。]+?)(?:了)?(?:一共|总共|共)?(?:多少|几)(?:{clauses.UNITS})?(?P<obj>[^？?，,。]{{1,20}})[？?。]*$"
)
# How many coal-fired boilers did Dalian dismantle?, What measures has Jining taken?
_EN_COUNTED = re.compile(
    rf"(?i)^(?P<wh>how\s+(?:many|much)|what|which)\s+(?!(?:{clauses.EN_AUX})\b)(?P<obj>[a-z][\w\s'-]{{0,60}}?)\s+(?P<aux>{clauses.EN_AUX})\s+"
    r"(?P<rest>[^?]+?)[?.!\s]*$"
)
_EN_HOW = re.compile(rf"(?i)^(?:how|why|when)\s+(?P<aux>{clauses.EN_AUX})\s+(?P<rest>[^?]+?)[?.!\s]*$")
_EN_YES_NO = re.compile(rf"(?i)^(?P<aux>{clauses.EN_AUX})\s+(?P<rest>[^?]+?)[?.!\s]*$")
_EN_TAIL = re.compile(
    r"\s(?:in|on|at|from|through|by|for|with|to|about|via|under|after|before|since|during)\s[^?]*$", re.IGNORECASE
)
_BE = frozenset("is are was were".split())


def chinese_word(wh: str) -> str:
    """The question word a bare Chinese follow-up asks with (为啥 → 为什么, 怎么做到的 → 怎么, 何时 → 什么时候)."""
    return next((word for pattern, word in _ZH_WH if pattern.search(wh)), wh)


def english_word(wh: str) -> str:
    """The question word a bare English follow-up asks with (How come → why, When was that → when; why not → '')."""
    wh = re.sub(r"\s+", " ", wh.strip())
    return next((word for pattern, word in _EN_WH if pattern.match(wh)), "why")


def ask_again(last: str, wh: str, chinese: bool, names: Collection[str] = ()) -> str:
    """The latest question asked with the follow-up's question word instead of its own.

    Args:
        last: the latest earlier question, completed.
        wh: the follow-up's question word as typed (为什么, 怎么做到的, Why, How come).
        chinese: the follow-up (and the latest question) is Chinese.
        names: the names the latest question mentions (大连 is tagged an adverb by jieba's dictionary).

    Returns:
        The question to search (大连为什么拆除燃煤锅炉？, Why did Dalian dismantle coal-fired boilers?).
    """
    return _chinese(last, chinese_word(wh), names) if chinese else _english(last, english_word(wh), wh)


def _chinese(last: str, wh: str, names: Collection[str]) -> str:
    body = last.rstrip("？?。.！! ")
    match = _ZH_COUNTED.match(last.strip())
    if match:
        done = re.sub(r"(?:了|有|是)$", "", re.sub(r"一共|总共|累计", "", match.group("done")))
        subject = clauses.subject(done + "。", word_tags(), names) if done else ""
        verb = done[len(subject) :] or "有"
        if subject and not re.search(r"什么|哪|谁|怎", verb):
            return f"{subject}{wh}{verb}{match.group('obj')}？"
    if wh == "为什么" and (yes_no := re.sub(r"吗$", "", body)) != body:  # 腰杆变硬了吗？ → 为什么…腰杆变硬了？
        subject = clauses.subject(yes_no + "。", word_tags(), names)  # 区锦雄说…吗？ → 区锦雄为什么说…？: the word
        rest = yes_no[len(subject) :]  # goes after the subject, as people ask it (session 29)
        if subject and yes_no.startswith(subject) and len(rest) >= 2 and not rest.startswith(("的", "为", "，", ",")):
            return f"{subject}为什么{rest}？"
        return f"为什么{yes_no}？"
    return f"{body}，{wh}？"


def _english(last: str, wh: str, typed: str) -> str:
    body = last.strip().rstrip("?.! ")
    title = wh[:1].upper() + wh[1:]
    if wh == "how long" and re.search(r"(?i)\btake\b", typed) and (done := _took(body)):
        return done  # How long did it take them? asks the time the deed took, not how long it lasted
    if wh and (done := ask_with(body, title)):
        return done
    match = _EN_HOW.match(body)
    if wh and match:  # How did Dalian cut its emissions? → Why did Dalian cut its emissions?
        return f"{title} {match.group('aux').lower()} {match.group('rest')}?"
    match = _EN_YES_NO.match(body)
    if wh and match:  # Did Jining pay rewards? → Why did Jining pay rewards?
        return f"{title} {match.group('aux').lower()} {match.group('rest')}?"
    ending = re.sub(r"\s+", " ", typed.strip().rstrip("?.! ")).lower()
    return f"{body}, and {ending}?"


def ask_with(last: str, head: str) -> str | None:
    """An English 'how many' question asked with another head, the thing it counted put back after the verb (How many
    key cleanup projects did Xiangtan pick? + In how many zones → In how many zones did Xiangtan pick key cleanup
    projects?; + Why → Why did Xiangtan pick key cleanup projects?), or None when it counts nothing."""
    match = _EN_COUNTED.match(last.strip().rstrip("?.! "))
    if match is None or not match.group("wh").lower().startswith("how"):
        return None
    aux, rest, obj = match.group("aux").lower(), match.group("rest"), match.group("obj")
    head = head[:1].upper() + head[1:]
    if aux in _BE:  # How many vehicles were scrapped in Dalian? → Why were vehicles scrapped in Dalian?
        return f"{head} {aux} {obj} {rest}?"
    tail = _EN_TAIL.search(rest)  # the thing counted goes after the verb, before a closing phrase
    core, end = (rest[: tail.start()], rest[tail.start() :]) if tail else (rest, "")
    return f"{head} {aux} {core} {obj}{end}?"


def _took(last: str) -> str | None:
    """How long a 'how many … did X do' question's deed took (How many coal-fired boilers did Dalian dismantle? → How
    long did it take Dalian to dismantle coal-fired boilers?), or None for another shape."""
    match = _EN_COUNTED.match(last)
    if match is None or not match.group("wh").lower().startswith("how") or match.group("aux").lower() not in _DO:
        return None
    rest, obj = match.group("rest"), match.group("obj")
    tail = _EN_TAIL.search(rest)
    core, end = (rest[: tail.start()], rest[tail.start() :]) if tail else (rest, "")
    subject, _, verb = core.strip().rpartition(" ")
    if not subject or not verb.isalpha():
        return None
    return f"How long did it take {subject} to {verb} {obj}{end}?"


_DO = frozenset("do does did".split())
