"""Cues of a follow-up that leaves out its subject: it opens with a verb, a preposition or a word that carries on
(配备了多少名网格员？, 又罚了多少钱？, And how many vehicles were scrapped?), or counts without saying what
(济宁发了多少？, How many were upgraded?).

Pure pattern matching over the question's text and jieba's tags; the subject is supplied in
retriever/conversation/subjects.py and retriever/rewrite.py.
"""

from __future__ import annotations

import re

_ZH_CONTINUE_WORDS = frozenset("那么 那 还 又 也 另外 此外 再 同时 而且 并且 以及 其中 还有".split())
_ZH_WH_END = re.compile(
    r"^(?P<verb>[^？?，,。]{0,4}?)(?:多少|几)(?:台|名|家|个|项|次|起|件|辆|座|条|吨|元|万元|亿元|亿|种|批|位)?[？?]*$"
)
_SIDE_AND_AGAIN = re.compile(r"^(?:那边|这边|那里|这里|方面)?(?:又|也|还|都)?")  # 大连那边又拆了多少？: 又拆了多少
_EN_BARE = re.compile(r"^\s*how\s+(?:many|much)\s+(?:did|do|does|has|have|had)\s+(?:'s\s+)?\S*\s*\w+[\s?.!]*$", re.IGNORECASE)
_EN_BARE_PASSIVE = re.compile(
    r"^\s*how\s+(?:many|much)\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+[a-z]+(?:\s+[a-z]+)?[\s?.!]*$",
    re.IGNORECASE,
)
_EN_CONTINUE = re.compile(
    r"^(?:and|also|then|so|ok(?:ay)?|right|well|next|by\s+the\s+way|btw|one\s+more\s+thing|another\s+question)\b"
    r"(?:[\s,:;]|[.!](?=\s))*",  # Right. And the …?: the stop after it too (session 28: not '. And …')
    re.IGNORECASE,
)

MAX_OMITTED_SUBJECT = 14  # a question that leaves out its subject is short (配备了多少名网格员？); longer ones stand alone
MAX_OMITTED_SUBJECT_WORDS = 10  # the same for English, in words
_ZH_CARRIES_ON = frozenset("又 还 也 再 这样 这么 那样 那么 如此".split())


def carries_on(words: list[str]) -> bool:
    """A Chinese question (as jieba words) that says it carries on from the last turn: 又, 还, 也, 这样, 这么."""
    return any(w in _ZH_CARRIES_ON for w in words)


def continues(first_word: str) -> bool:
    """A Chinese question whose first word carries on from the last turn (还, 又, 其中 …; not 还原, 再生)."""
    return first_word in _ZH_CONTINUE_WORDS



def asks_bare_quantity_english(question: str) -> bool:
    """An English 'how many' question with no noun after it (How many did Jining dismantle?)."""
    return bool(_EN_BARE.match(question))


_EN_BARE_DOER = re.compile(  # How many went to the police?: the counted things did it
    r"^\s*how\s+(?:many|much)\s+(?:[a-z]+ed|went|got|came|took|made|ended\s+up|remained|stayed|moved|left)\b(?!\s*\?)",
    re.IGNORECASE,
)


def asks_bare_passive(question: str) -> bool:
    """An English 'how many' question with no noun and no subject (How many were upgraded?, How many went to the
    police?)."""
    return bool(_EN_BARE_PASSIVE.match(question) or _EN_BARE_DOER.match(question))



def continues_english(question: str) -> bool:
    """An English question that opens with And/Also/Then/So/By the way…: it carries on from the last turn."""
    return bool(_EN_CONTINUE.match(question))


def strip_continuation(question: str) -> str:
    """The question without its opening And/Also/Then/So/By the way…."""
    return _EN_CONTINUE.sub("", question, count=1)


_UNITS = "台|名|家|个|项|次|起|件|辆|座|条|吨|元|万元|亿元|亿|种|批|位|人|处|所"
_ZH_OPENERS = frozenset(
    "一共 总共 共 具体 主要 首先 累计 此外 另外 后来 当时 目前 现在 最后 接着 然后 多少 几 多久 多长时间".split()
)
_ZH_BARE_COUNT = re.compile(rf"(?:多少|几)(?:{_UNITS})?[呢啊呀]?[？?。]*$")


_ZH_WH_ADVERBS = frozenset("为什么 为啥 为何 怎么 怎样 如何 何时 什么时候 啥时候 啥时".split())
_ZH_MODALS = frozenset("要 会 能 没 不 还 又 就 才 得".split())
MAX_WH_PREDICATE = 8  # 为什么要拆？ is short; 为什么要实行河长制？ names its own topic and stands alone


def asks_why_or_how(first_word: str) -> bool:
    """A Chinese question's first word asks why, how or when (为什么, 怎么, 何时)."""
    return first_word in _ZH_WH_ADVERBS


_ZH_AGENT_PREPOSITIONS = frozenset("把 将 为 从 向 给 跟 通过 针对 按照 根据 围绕".split())  # 把…列为, 从…抽调: someone did it
_ZH_ASPECT = frozenset("了 过".split())
MAX_PREDICATE = 40  # a longer question that opens with a plain predicate still leaves out its subject, up to this


def _predicate(word: str, tags: dict[str, str]) -> bool:
    """A verb, or a verb and its aspect marker as one word (建了), as jieba's dictionary tags it."""
    if (tags.get(word) or "").startswith("v"):
        return True
    return len(word) >= 2 and word[-1] in _ZH_ASPECT and (tags.get(word[:-1]) or "").startswith("v")


_PARTICLE_END = re.compile(r"[啊呀呢吧嘛哦哈]+[？?！!。.…～~\s]*$")


def opens_with_verb(question: str, tags: dict[str, str], words: list[str]) -> bool:
    """A Chinese question that opens with its predicate, so that its subject is left out: a short one that opens with
    a verb, a preposition or an adverb (配备了多少名网格员？, 向北方供水多少？, 首先做了什么？); a longer one when its first
    word is plainly a predicate: a verb with an aspect marker (出台了什么意见来推进全域水污染防治？) or a preposition that
    says what someone did (把治理突出污染问题列为什么工程？, 从市直部门抽了多少个处级干部去盯企业？).

    Args:
        question: the question.
        tags: jieba's part-of-speech tags by word.
        words: the question's jieba words.
    """
    first, second = (words + ["", ""])[:2]
    tag = tags.get(first) or ""
    if not tag and len(first) >= 2 and (tags.get(first[0]) or "") == "p":  # 按导则…: jieba reads 按导 as a word it
        tag = "p"  # does not know; the preposition 按 opens it
    question = _PARTICLE_END.sub("？", question)  # 关掉了多少家厂子啊？: the particle adds no subject
    if len(question) <= MAX_WH_PREDICATE and first in _ZH_WH_ADVERBS:  # 为什么要拆？, 怎么拆的？: why or how someone did it
        return (tags.get(second) or "").startswith("v") or second in _ZH_MODALS
    if len(question) <= MAX_OMITTED_SUBJECT:
        if tag == "a" and _predicate(second, tags):  # 配套建了几项制度？: an adjective said of how it was done
            return True
        return tag.startswith(("v", "p", "d", "ad", "f")) or first in _ZH_OPENERS  # 下面设了…: a place word
    if len(question) > MAX_PREDICATE:
        return False
    return (tag.startswith("v") and second in _ZH_ASPECT) or first in _ZH_AGENT_PREPOSITIONS


_ZH_COUNT_UNIT = re.compile(rf"(?:多少|几)({_UNITS})")


def count_unit(question: str) -> str:
    """The measure word a Chinese question counts in (台 of 拆了多少台？), or ''."""
    match = _ZH_COUNT_UNIT.search(question)
    return match.group(1) if match else ""


def ends_with_bare_count(question: str, tags: dict[str, str], words) -> bool:
    """A Chinese question that ends by asking how many of what a verb did, with nothing counted after
    (提标改造了多少台？; not 联系电话是多少？, which counts a thing it names).

    Args:
        question: the question.
        tags: jieba's part-of-speech tags by word.
        words: splits a text into jieba words.
    """
    match = _ZH_BARE_COUNT.search(question)
    if not match:
        return False
    before = [w for w in words(question[: match.start()]) if w not in ("共", "一共", "总共")]
    marked = len(before) >= 2 and before[-1] in ("了", "过")  # 配套了多少: an aspect marker makes a predicate of it
    verb = before[-2] if marked else (before[-1] if before else "")
    return bool(verb) and verb not in ("是", "为") and (marked or (tags.get(verb) or "").startswith("v"))


def asks_bare_quantity(rest: str, tags: dict[str, str], words) -> bool:
    """A Chinese question, its names cut out, that is only a short verb and 多少/几 (发了多少？ of 济宁发了多少？).

    Args:
        rest: the question without its names.
        tags: jieba's part-of-speech tags by word.
        words: splits a text into jieba words.
    """
    match = _ZH_WH_END.match(_SIDE_AND_AGAIN.sub("", rest.strip()))
    if not match:
        return False
    return all(not (tags.get(w) or "").startswith(("n", "j", "l")) for w in words(match.group("verb")) if w.strip("的那在"))


MAX_MARKER = 5  # characters of an opening that only says the question carries on (再问一下，)
_CONTENT_TAGS = ("n", "j", "l", "eng", "vn", "nz", "ns", "nt", "t")  # a word with one of these says what is asked
_ASKING = re.compile(r"什么|怎|哪|谁|多少|几|如何|吗|呢")


def discourse_marker(question: str, tags: dict[str, str], words) -> str:
    """The opening of a Chinese question, up to its first comma, that only says it carries on or asks again (另外，,
    还有，, 对了，, 再问一下，, 顺便问下，), or ''. It says nothing of its own: at most MAX_MARKER characters, no question
    word and no content word of two or more characters (回到湘潭， names a city: no marker).

    Args:
        question: the question.
        tags: jieba's part-of-speech tags by word.
        words: splits a text into jieba words.
    """
    match = re.match(r"^([^，,：:]{1,%d})[，,：:]\s*(?=\S)" % MAX_MARKER, question)
    if not match or _ASKING.search(match.group(1)):
        return ""
    content = [w for w in words(match.group(1)) if len(w) >= 2 and (tags.get(w) or "x").startswith(_CONTENT_TAGS)]
    return "" if content else match.group()
