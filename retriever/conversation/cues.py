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
    (r"(?<!其)(?:他|她)(?:所在的?|的)(?:城市|市|地方)", Want.PLACE),
    (r"(?<!其)(?:他|她)(?:所在的?|的)(?:公司|企业|单位)", Want.ORG),
    (r"(?:该|这个|那个|这座|那座|此)(?:城市|市|地方)|该地|该市", Want.PLACE),
    (r"(?:该|这|那|此)(?:家|个)?(?:公司|企业)", Want.ORG),
    (r"(?<!其)(?:他们|她们)", Want.ANY),
    (r"(?<![其吉])(?:他|她)(?!人|国|乡)", Want.PERSON),
    (r"(?:这|那|该)(?:个|些|项|条|份|种|座|次|批)(?=[\u4e00-\u9fff])", Want.OWNER),
)
_EN_PRONOUNS: tuple[tuple[str, Want], ...] = (
    (r"\b(?:his|her|their)\s+(?:city|town|hometown|municipality)\b", Want.PLACE),
    (r"\b(?:that|this|the same)\s+(?:city|town|place|municipality)\b", Want.PLACE),
    (r"\b(?:his|her|their)\s+(?:company|firm|business|employer)\b", Want.ORG),
    (r"\b(?:that|this|the)\s+(?:company|firm|business)\b", Want.ORG),
    (r"\b(?:he|she|him)\b", Want.PERSON),
    (r"\b(?:his|her)\b", Want.POSSESSIVE),
    (r"\b(?:they|them|their|it|its)\b", Want.ANY),
    (r"\b(?:that|these|those)\s+(?=[a-z])", Want.OWNER),
)
_ZH_PRONOUN_RES = [(re.compile(p), w) for p, w in _ZH_PRONOUNS]
_EN_PRONOUN_RES = [(re.compile(p, re.IGNORECASE), w) for p, w in _EN_PRONOUNS]

_ZH_ELLIPSIS = re.compile(r"^(?:那么|那|还有|而|至于|那在)?(?P<x>.{1,16}?)(?:的情况|的数据|的数字)?呢[？?！!。.…]*$")
_EN_ELLIPSIS = re.compile(
    r"^(?:and|but|so)?[\s,]*(?:what|how)\s+about\s+(?P<x>.+?)[\s?.!]*$|^(?:and|also)[\s,]+(?P<y>.+?)[\s?.!]*$", re.IGNORECASE
)
_EN_VERB = re.compile(
    r"\b(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|say|said|tell|mean|get|got)\b", re.IGNORECASE
)
_ZH_CONTINUE = re.compile(r"^(?:那么|那|还|又|也|另外|此外|再|同时|而且|并且|以及|其中)")
_ZH_WH_END = re.compile(r"(?:多少|几)(?:台|名|家|个|项|次|起|件|辆|座|条|吨|元|万元|亿元|亿|种|批|位)?[？?]*$")
_EN_CONTINUE = re.compile(r"^(?:and|also|then|so)\b[\s,]*", re.IGNORECASE)


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
        return match.group("x").strip() if match else None
    match = _EN_ELLIPSIS.match(question.strip())
    if not match:
        return None
    fragment = (match.group("x") or match.group("y") or "").strip()
    if match.group("y") and (len(fragment.split()) > 8 or _EN_VERB.search(fragment)):
        return None  # 'And how many vehicles were scrapped?' is a question of its own
    return fragment or None


def continues(question: str) -> bool:
    """A Chinese question that opens with a word that carries on from the last turn (还, 又, 其中 …)."""
    return bool(_ZH_CONTINUE.match(question))


def continues_english(question: str) -> bool:
    """An English question that opens with And/Also/Then/So: it carries on from the last turn."""
    return bool(_EN_CONTINUE.match(question))


def strip_continuation(question: str) -> str:
    """The question without its opening And/Also/Then/So."""
    return _EN_CONTINUE.sub("", question, count=1)


def opens_with_verb(question: str, tags: dict[str, str], first_word: str) -> bool:
    """A Chinese question whose first word is a verb (配备了多少名网格员？): its subject is left out."""
    return (tags.get(first_word) or "").startswith("v") and len(question) <= 24


def asks_bare_quantity(question: str) -> bool:
    """A Chinese question ending in 多少/几 with no noun after it (济宁发了多少？)."""
    return bool(_ZH_WH_END.search(question))
