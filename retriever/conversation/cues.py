"""The cues that a question leans on the conversation: pronouns, ellipsis and a missing subject.

Pure pattern matching over the question's text (Chinese and English); what the cues refer to
is decided in retriever/rewrite.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Want(str, Enum):
    """What a pronoun refers to."""

    PERSON = "person"  # 他, he
    PLACE = "place"  # 该市, that city, his city
    ORG = "org"  # 这家公司, that company
    ANY = "any"  # 他们, they: the latest person, place or organisation
    OWNER = "owner"  # 这个/这些 + noun, that + noun: the noun of the latest entity (湘潭的协议)
    POSSESSIVE = "possessive"  # his/her: the latest person's


@dataclass(frozen=True)
class Pronoun:
    """A pronoun found in a question: where it is and what it wants."""

    start: int
    end: int
    want: Want
    text: str


_ZH_PRONOUNS: tuple[tuple[str, Want], ...] = (
    (r"(?<!其)(?:(?:他们|她们)(?:所在的?|的)?|(?:他|她)(?:所在的?|的))(?:城市|市|地方)", Want.PLACE),  # 他们市, 他的城市
    (r"(?<!其)(?:(?:他们|她们)(?:所在的?|的)?|(?:他|她)(?:所在的?|的))(?:公司|企业|单位)", Want.ORG),
    (r"(?:该|这个|那个|这座|那座|此)(?:城市|市|地方)|该地|该市|当地|那里|那边|这里", Want.PLACE),
    (r"(?:该|这|那|此)(?:家|个)?(?:公司|企业)", Want.ORG),
    (r"(?:这|那|该)位(?:局长|副总裁|总裁|嘉宾|负责人|领导)(?![\u4e00-\u9fff]{0,1}(?:企业|公司|园林))", Want.PERSON),
    (r"(?<!其)(?:他们|她们|它们)", Want.ANY),
    (r"(?<![其吉])(?:他|她)(?!人|国|乡)", Want.PERSON),
    (r"^(?:它|其)(?![中他它实余次])的?", Want.OWNER),
    (r"(?:这|那|该)(?:个|些|项|条|份|种|座|次|批)(?=[\u4e00-\u9fff])", Want.OWNER),
)
_EN_PRONOUNS: tuple[tuple[str, Want], ...] = (
    (r"\b(?:his|her|their)\s+(?:city|town|hometown|municipality)\b", Want.PLACE),
    (r"\b(?:that|this|the same)\s+(?:city|town|place|municipality)\b|\bthe city\b", Want.PLACE),
    (r"\b(?:his|her|their)\s+(?:company|firm|business|employer)\b", Want.ORG),
    (r"\b(?:that|this|the)\s+(?:company|firm|business)\b", Want.ORG),
    (r"\b(?:he|she|him)\b", Want.PERSON),
    (r"\b(?:his|her)\b", Want.POSSESSIVE),
    (r"\b(?:they|them|their|it|its)\b", Want.ANY),
    (r"\b(?:that|these|those)\s+(?=[a-z])", Want.OWNER),
)
_ZH_PRONOUN_RES = [(re.compile(p), w) for p, w in _ZH_PRONOUNS]
_EN_PRONOUN_RES = [(re.compile(p, re.IGNORECASE), w) for p, w in _EN_PRONOUNS]

_ZH_ELLIPSIS = re.compile(
    r"^(?:那么|那|还有|而|至于|那在|如果是|要是|换成|换作|对于|关于)?(?P<x>.{1,16}?)"
    r"(?:的情况|的数据|的数字)?(?P<end>呢|怎么样|又如何|如何|情况如何)[？?！!。.…]*$"
)
# A fragment is a noun phrase: one that asks something itself (河长制是什么呢？) is a question of its own.
_ZH_ASKING = re.compile(r"什么|怎么|怎样|为什么|为何|哪|谁|多少|几|如何|吗|是否|有没有|能否")
_EN_ELLIPSIS = re.compile(
    r"^(?:and|but|so)?[\s,]*(?:what|how)\s+about\s+(?P<x>.+?)[\s?.!]*$|^(?:and|also)[\s,]+(?P<y>.+?)[\s?.!]*$", re.IGNORECASE
)
_EN_VERB = re.compile(
    r"\b(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|say|said|tell|mean|get|got)\b", re.IGNORECASE
)
_ZH_CONTINUE_WORDS = frozenset("那么 那 还 又 也 另外 此外 再 同时 而且 并且 以及 其中 还有".split())
_ZH_WH_END = re.compile(
    r"^(?P<verb>[^？?，,。]{0,4}?)(?:多少|几)(?:台|名|家|个|项|次|起|件|辆|座|条|吨|元|万元|亿元|亿|种|批|位)?[？?]*$"
)
_EN_BARE = re.compile(r"^\s*how\s+(?:many|much)\s+(?:did|do|does|has|have|had)\s+(?:'s\s+)?\S*\s*\w+[\s?.!]*$", re.IGNORECASE)
_EN_CONTINUE = re.compile(r"^(?:and|also|then|so)\b[\s,]*", re.IGNORECASE)


# Nouns so general that 这项/这些 + noun points at what the last turn asked about, whatever its words (这项工作, 这些措施).
_GENERIC_NOUN = re.compile(r"(?:工作|措施|举措|做法|办法|行动|政策|制度|机制|项目|事情?|经验|成效|成果|问题)")
_EN_PREPOSITION = re.compile(r"(?i)\b(?:of|in|at|for|from|about|on|by|with|to)\s*$")

MAX_OMITTED_SUBJECT = 14  # a question that leaves out its subject is short (配备了多少名网格员？); longer ones stand alone


def pronouns(question: str, chinese: bool) -> list[Pronoun]:
    """The pronouns of a question, left to right, without overlaps (the longest pattern wins)."""
    found: list[Pronoun] = []
    taken: set[int] = set()
    for pattern, want in _ZH_PRONOUN_RES if chinese else _EN_PRONOUN_RES:
        for match in pattern.finditer(question):
            span = set(range(match.start(), match.end()))
            if match.end() > match.start() and not span & taken:
                taken |= span
                found.append(Pronoun(match.start(), match.end(), want, match.group()))
    return sorted(found, key=lambda p: p.start)


def ellipsis(question: str, chinese: bool) -> str | None:
    """The fragment of an elliptical question (济宁 of 那济宁呢？, Jining of What about Jining?), else None."""
    if chinese:
        match = _ZH_ELLIPSIS.match(question.strip())
        if not match or _ZH_ASKING.search(match.group("x")):
            return None
        return match.group("x").strip()
    match = _EN_ELLIPSIS.match(question.strip())
    if not match:
        return None
    fragment = (match.group("x") or match.group("y") or "").strip()
    if match.group("y") and (len(fragment.split()) > 8 or _EN_VERB.search(fragment)):
        return None  # 'And how many vehicles were scrapped?' is a question of its own
    return fragment or None


def continues(first_word: str) -> bool:
    """A Chinese question whose first word carries on from the last turn (还, 又, 其中 …; not 还原, 再生)."""
    return first_word in _ZH_CONTINUE_WORDS


def refers_back(pronoun: Pronoun, question: str, history: list[str]) -> bool:
    """Whether a pronoun can point into the conversation rather than into its own question.

    这个/那个 + noun (这个协议) only when an earlier question has that noun; English it/they/them
    not when the question names a thing before it ('the landscaping firm said it stands for').
    """
    if pronoun.want == Want.OWNER and not pronoun.text.startswith(("其", "它")):
        rest = question[pronoun.end :]
        if _GENERIC_NOUN.match(rest) and not re.sub(r"^(?:那么|那|而|还有)", "", question[: pronoun.start]).strip():
            return True  # 这项工作…, 这些措施…: what the last turn was about (推行河长制这项制度: the question's own)
        if re.match(r"[A-Za-z]", rest):
            word = re.match(r"[A-Za-z]+", rest).group().lower().rstrip("s")
            return any(word in turn.lower() for turn in history)
        return any(rest[:size] in turn for turn in history for size in (2, 3) if len(rest) >= size)
    if pronoun.want == Want.ANY and re.match(r"(?i)it|its|they|them|their", pronoun.text):
        if possessive(pronoun) and _EN_PREPOSITION.search(question[: pronoun.start]):
            return True  # 'the head of its bureau': a possessive after a preposition names no thing of the question
        return not re.search(r"(?i)\b(?:the|a|an)\s+\w+", question[: pronoun.start])
    return True


def possessive(pronoun: Pronoun) -> bool:
    """An English possessive that stands for any kind of referent (its, their): written as 'Jining's'."""
    return pronoun.want == Want.ANY and pronoun.text.lower() in ("its", "their")


def asks_bare_quantity_english(question: str) -> bool:
    """An English 'how many' question with no noun after it (How many did Jining dismantle?)."""
    return bool(_EN_BARE.match(question))


def continues_english(question: str) -> bool:
    """An English question that opens with And/Also/Then/So: it carries on from the last turn."""
    return bool(_EN_CONTINUE.match(question))


def strip_continuation(question: str) -> str:
    """The question without its opening And/Also/Then/So."""
    return _EN_CONTINUE.sub("", question, count=1)


def opens_with_verb(question: str, tags: dict[str, str], first_word: str) -> bool:
    """A Chinese question whose first word is a verb (配备了多少名网格员？): its subject is left out."""
    return (tags.get(first_word) or "").startswith("v") and len(question) <= MAX_OMITTED_SUBJECT


def asks_bare_quantity(rest: str, tags: dict[str, str], words) -> bool:
    """A Chinese question, its names cut out, that is only a short verb and 多少/几 (发了多少？ of 济宁发了多少？).

    Args:
        rest: the question without its names.
        tags: jieba's part-of-speech tags by word.
        words: splits a text into jieba words.
    """
    match = _ZH_WH_END.match(rest.strip())
    if not match:
        return False
    return all(not (tags.get(w) or "").startswith(("n", "j", "l")) for w in words(match.group("verb")) if w.strip("的那在"))
