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
    THING = "thing"  # it, 它: a place or organisation, never a person (a person stands for their company or city)
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
    (r"(?:他们|她们|他|她)(?:那里|那边|那儿|这里|当地)", Want.PLACE),
    (r"(?:该|这个|那个|这座|那座|此)(?:城市|市|地方)|该地区|该地|该市|该局|该环保局|当地|那里|那边|这里", Want.PLACE),
    (r"(?:该|这|此)(?:家|个)?(?:公司|企业)|那(?:家|个)(?:公司|企业)", Want.ORG),  # 那企业代表…: 那 is 'then'
    (r"(?:(?:这|那|该)[位名]|该)(?:局长|副总裁|总裁|嘉宾|负责人|领导|官员|发言人)(?![\u4e00-\u9fff]{0,1}(?:企业|公司|园林))"
     r"|此人|这个人|那个人", Want.PERSON),
    (r"(?<!其)(?:他们|她们)", Want.ANY),
    (r"它们?", Want.THING),
    (r"(?<![其吉])(?:他|她)(?!人|国|乡)", Want.PERSON),
    (r"^(?:它|其)(?![中他它实余次])的?", Want.OWNER),
    (r"(?:这|那|该)(?:个|些|项|条|份|种|座|次|批)(?=[\u4e00-\u9fff])", Want.OWNER),
)
_EN_PRONOUNS: tuple[tuple[str, Want], ...] = (
    (r"\b(?:his|her|their)\s+(?:city|town|hometown|municipality)\b", Want.PLACE),
    (r"\b(?:that|this|the same)\s+(?:city|town|place|municipality)\b|\bthe city\b", Want.PLACE),
    (r"\b(?:his|her|their)\s+(?:company|firm|business|employer)\b", Want.ORG),
    (r"\b(?:that|this|the)\s+(?:company|firm|business)\b", Want.ORG),
    (r"\b(?:this|that)\s+(?:director|official|chief|guest|speaker|vice[- ]president|executive|gentleman|man|woman|"
     r"person|panellist|panelist)\b|\bthe\s+(?:director|official|guest|speaker|vice[- ]president|executive|gentleman)\b"
     r"(?!\s+(?:of|from|in|at|for|who)\b)", Want.PERSON),
    (r"\b(?:he|she|him)\b", Want.PERSON),
    (r"\b(?:his|her)\b", Want.POSSESSIVE),
    (r"\b(?:they|them|their)\b", Want.ANY),
    (r"\b(?:it|its)\b", Want.THING),
    (r"\b(?:that|this|these|those)\s+(?=[a-z])(?!(?:is|are|was|were|has|have|had|do|does|did|can|could|will|would|should|"
     r"may|might|must|\w+ed)\b)", Want.OWNER),  # not the relative that of 'companies that are caught', 'the year that raised'

    (r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!^)\bthere\b"
     r"(?!\s+(?:is|are|was|were|be|been|has|have)\b)", Want.PLACE),
)
_ZH_PRONOUN_RES = [(re.compile(p), w) for p, w in _ZH_PRONOUNS]
_EN_PRONOUN_RES = [(re.compile(p, re.IGNORECASE), w) for p, w in _EN_PRONOUNS]

_ZH_ELLIPSIS = re.compile(
    r"^(?:同样的问题|同样|一样的问题)?[，,]?(?:那么|那|还有|而|至于|那在|如果是|要是|换成|换作|对于|关于|问问|说说)?(?P<x>.{1,16}?)"
    r"(?:那边|那里|那儿|这边|这里|方面|这块|那块)?(?:的情况|的数据|的数字|情况)?"
    r"(?P<end>呢|怎么样了?|又怎么样|怎样|又怎样|又是怎样的?|又如何|又是如何|如何|情况如何)[？?！!。.…]*$"
)
# A fragment is a noun phrase: one that asks something itself (河长制是什么呢？) is a question of its own.
_ZH_ASKING = re.compile(r"什么|怎么|怎样|为什么|为何|哪|谁|多少|几|如何|吗|是否|有没有|能否")
_EN_ELLIPSIS = re.compile(  # what/how about, with the commonest slips (wat, abot)
    r"^(?:and|but|so)?[\s,]*(?:what|wat|waht|wht|how|hw)\s+(?:about|abot|abut|abt|abuot|aobut|abotu)\s+(?P<x>.+?)[\s?.!]*$"
    r"|^(?:and|also)[\s,]+(?P<y>.+?)[\s?.!]*$"
    r"|^(?:and\s+)?(?:the\s+)?same(?:\s+question|\s+thing)?\s+(?:for|about|with|in|of|on)\s+(?P<z>.+?)[\s?.!]*$",
    re.IGNORECASE,
)
_EN_WH_CLAUSE = re.compile(r"(?i)(?!how\s+(?:many|much)\b)(?:what|how|who|where|when|why|which)\b")
_EN_VERB = re.compile(
    r"\b(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|say|said|tell|mean|get|got)\b", re.IGNORECASE
)
_ZH_CONTINUE_WORDS = frozenset("那么 那 还 又 也 另外 此外 再 同时 而且 并且 以及 其中 还有".split())
_ZH_WH_END = re.compile(
    r"^(?P<verb>[^？?，,。]{0,4}?)(?:多少|几)(?:台|名|家|个|项|次|起|件|辆|座|条|吨|元|万元|亿元|亿|种|批|位)?[？?]*$"
)
_EN_BARE = re.compile(r"^\s*how\s+(?:many|much)\s+(?:did|do|does|has|have|had)\s+(?:'s\s+)?\S*\s*\w+[\s?.!]*$", re.IGNORECASE)
_EN_BARE_PASSIVE = re.compile(
    r"^\s*how\s+(?:many|much)\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+[a-z]+(?:\s+[a-z]+)?[\s?.!]*$",
    re.IGNORECASE,
)
_EN_CONTINUE = re.compile(r"^(?:and|also|then|so)\b[\s,]*", re.IGNORECASE)


# Nouns so general that 这项/这些 + noun points at what the last turn asked about, whatever its words (这项工作, 这些措施).
_GENERIC_NOUN = re.compile(r"(?:工作|措施|举措|做法|办法|行动|政策|制度|机制|项目|事情?|经验|成效|成果|问题)")
_EN_PREPOSITION = re.compile(r"(?i)\b(?:of|in|at|for|from|about|on|by|with|to)\s*$")

MAX_OMITTED_SUBJECT = 14  # a question that leaves out its subject is short (配备了多少名网格员？); longer ones stand alone
MAX_OMITTED_SUBJECT_WORDS = 10  # the same for English, in words
MAX_POINTING_WORDS = 7  # an object it/them stands for the last question's topic only in a short question (Who introduced it?)
_ZH_CARRIES_ON = frozenset("又 还 也 再 这样 这么 那样 那么 如此".split())
# A question that asks which city, company or person did something: the history's name would answer it for it.
_ZH_ASKS_ENTITY = re.compile(r"谁|哪位|哪里|哪儿|哪(?:个|座|家|些)?(?:城市|市|地方|地区|公司|企业|单位|省|局|人)")
_EN_ASKS_ENTITY = re.compile(
    r"(?i)\b(?:who|whom|whose|where)\b|\bwhich\s+(?:city|cities|town|place|company|firm|person|official|bureau|province)"
)


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
    fragment = (match.group("x") or match.group("y") or match.group("z") or "").strip()
    if match.group("y") and (len(fragment.split()) > 8 or _EN_VERB.search(fragment) or _EN_WH_CLAUSE.match(fragment)):
        return None  # 'And how many vehicles were scrapped?', 'And what happened in …?' are questions of their own
    return fragment or None


_ASKS_PLACE = re.compile(r"(?i)哪(?:个|座)?(?:城市|市|地方|地区|省)|哪里|哪儿|\bwhich\s+(?:city|town|province|place)\b|\bwhere\b")
_ASKS_ORG = re.compile(
    r"(?i)哪(?:个|家)(?:公司|企业|单位)|(?:公司|企业)(?:的名字)?叫什么|什么公司|\b(?:which|what)\s+(?:company|firm|business)\b"
    r"|\bname\s+of\s+the\s+(?:[\w-]+\s+){0,3}(?:company|firm|business)\b"  # the name of the Guangzhou landscaping company
)


_ASKS_CITY = re.compile(r"(?i)哪(?:个|座)?(?:城市|市)|\bwhich\s+(?:city|town)\b")


def asks_city(question: str) -> bool:
    """A question that asks which city (哪个城市, which city): a province it names is not the answer."""
    return bool(_ASKS_CITY.search(question))


def asks_for_entity(question: str, chinese: bool) -> bool:
    """A question that asks who, where or which city/company (哪个城市拆除了…？, Who mentioned …?)."""
    return bool((_ZH_ASKS_ENTITY if chinese else _EN_ASKS_ENTITY).search(question))


# What is left of a question when its names are cut out, if it only points back at the last question's predicate:
# 那王奇怎么说？, 南阳是怎么做的？, 大连也是这样吗？, What did Xu Wei say?, How did Xiangtan do it?, Dalian too?
_ZH_PRO_PREDICATE = re.compile(
    r"^(?:那么|那|而)?(?:的)?(?:又|也|那边|那里|方面)?(?:是)?(?:怎么|如何|怎样)(?:说|看|讲|做|办|干|处理|回答)(?:的)?(?:呢|啊)?$"
    r"|^(?:那么|那)?(?:也|也是|是不是也|是否也)(?:这样|一样|如此|这么做|提到|说|有)了?(?:的)?(?:吗|呢|没有)?$"
    r"|^(?:那么|那)?(?:也|又)?(?:有没有|有|是否有|做了|采取了)(?:类似|同样|相似|相同|一样)?(?:的)?(?:做法|措施|经验|情况|举措|东西)?"
    r"(?:吗|呢|没有)?$"
)
_EN_PRO_PREDICATE = re.compile(
    r"^(?:and|so|but)?\s*(?:(?:what|how)\s+(?:did|does|do|has|have|would)\s+(?:say|think|do|do\s+it|do\s+that|handle\s+it|"
    r"manage\s+it|answer|see\s+it)|(?:too|as\s+well|also)|(?:did|does|do|has|have|is|was)\s+(?:the\s+same|too|as\s+well|"
    r"(?:do|say|mention)\s+(?:it|that|the\s+same)(?:\s+too)?)|(?:is|was|are|were)\s+there\s+(?:any|some)?\s*(?:in|for|at)?|"
    r"is\s+it\s+the\s+same\s+(?:in|for|at)|the\s+same\s+(?:in|for|at)|"
    r"(?:did|does|do|has|have)\s+(?:(?:do|did|done|have|had|take|taken)\s+)?(?:something|anything)\s+(?:similar|like\s+that|alike)|"
    r"(?:does|do|did|has|have)\s+(?:have|had)?\s*(?:any|some|one|them|it|that)(?:\s+too)?)$",
    re.IGNORECASE,
)


def points_back(rest: str, chinese: bool) -> bool:
    """True when a question with its names cut out (rest) only points at the last question's predicate:
    怎么说, 是怎么做的, 也是这样吗, What did … say, How did … do it, … too."""
    rest = re.sub(r"[？?！!。.…,，\s]+", " ", rest).strip()
    return bool((_ZH_PRO_PREDICATE if chinese else _EN_PRO_PREDICATE).match(rest.replace(" ", "") if chinese else rest))


_ZH_ORDINAL = re.compile(r"^第[一二三四五六七八九十\d]+(?:点|条|个|项|方面|步|件)$")
_EN_ORDINAL = re.compile(
    r"(?i)^(?:the\s+)?((?:first|second|third|fourth|fifth|last|next|other)\s+(?:point|one|step|measure|item|aspect))$"
)
_ZH_MORE = re.compile(
    r"^(?:那么|那)?(?:还有|另外|其他|其它|别的)(?:呢|吗|什么|哪些|别的吗|其他的吗|其它的吗|没有)?[？?！!。.…]*$"
)
_EN_MORE = re.compile(
    r"(?i)^(?:and\s+)?(?:tell\s+me\s+more|more|go\s+on|anything\s+else|what\s+else|anything\s+more|what\s+more|continue|"
    r"and\s+then|what\s+other\s+(?:things|measures|points))(?:\s+(?:about\s+(?:it|that)|please))?[\s?.!]*$"
)


def ordinal(fragment: str, chinese: bool) -> str:
    """The ordinal point a fragment asks for (第二点, the second point → 'second point'), or ''."""
    if chinese:
        return fragment if _ZH_ORDINAL.match(fragment) else ""
    match = _EN_ORDINAL.match(fragment.strip())
    return match.group(1) if match else ""


def asks_more(question: str, chinese: bool) -> bool:
    """A question that only asks for more of the same (还有呢？, 还有别的吗？, What else?, Tell me more.)."""
    return bool((_ZH_MORE if chinese else _EN_MORE).match(question.strip()))


def asked_kind(question: str) -> Want | None:
    """Want.PLACE when a question asks which city or where (哪个市, which city), Want.ORG when it asks which
    company; else None."""
    if _ASKS_PLACE.search(question):
        return Want.PLACE
    return Want.ORG if _ASKS_ORG.search(question) else None


def carries_on(words: list[str]) -> bool:
    """A Chinese question (as jieba words) that says it carries on from the last turn: 又, 还, 也, 这样, 这么."""
    return any(w in _ZH_CARRIES_ON for w in words)


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
    if pronoun.text.startswith("它") and _ZH_POINTED_NOUN.search(question[: pronoun.start]):
        return False  # 对那些…排污企业，…让它们付出什么代价？: the things the question itself points at
    if pronoun.want in (Want.ANY, Want.THING) and re.match(r"(?i)it|its|they|them|their", pronoun.text):
        if possessive(pronoun) and _EN_PREPOSITION.search(question[: pronoun.start]):
            return True  # 'the head of its bureau': a possessive after a preposition names no thing of the question
        return not re.search(r"(?i)\b(?:the|a|an)\s+\w+", question[: pronoun.start])
    return True


_ZH_POINTED_NOUN = re.compile(r"(?:那些|这些|那个|这个|那家|这家|那批|这批)[\u4e00-\u9fff]")
_EN_AUXILIARY_END = re.compile(r"(?i)\b(?:is|are|was|were|be|been|did|does|do|has|have|had|can|could|will|would|should)\s*$")


def is_object(pronoun: Pronoun, question: str) -> bool:
    """An English it/them that is the object of its question (Who introduced it?, What did they do about it?,
    How many of them …): the thing the conversation is about, not a city or company."""
    if pronoun.text.lower() not in ("it", "them"):
        return False
    before, after = question[: pronoun.start], question[pronoun.end :]
    if re.search(r"(?i)\bof\s*$", before):
        return True
    return not _EN_AUXILIARY_END.search(before) and bool(re.match(r"\s*(?:[?.!]|$|(?:in|on|at|for|to|from|with|by)\b)", after))


def own_referent(pronoun: Pronoun, question: str) -> bool:
    """An English pronoun after a proper noun of its own question (How is Chengdu protecting its pandas?): that
    noun is what it refers to, whether or not the index knows it."""
    if pronoun.want not in (Want.ANY, Want.THING):  # he, his: a proper noun before may be a place, not a person
        return False
    words = re.findall(r"[A-Za-z][\w'-]*", question[: pronoun.start])
    if title_case(question):  # What Cuts Came From its Boiler Campaign?: every word is capitalised, none is a name for it
        return False
    return any(w[0].isupper() and w != "I" for w in words[1:])


def title_case(question: str) -> bool:
    """An English question written in title case (What Is the Name of the Document Issued by …?)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", question)[1:] if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_NAMES_CITY = re.compile(r"(?i)市|城市|\bcity\b|\btown\b")


def names_city(pronoun: Pronoun) -> bool:
    """A pronoun that says it stands for a city (该市, 这个城市, that city): a province is not what it refers to."""
    return pronoun.want == Want.PLACE and bool(_NAMES_CITY.search(pronoun.text))


def possessive(pronoun: Pronoun) -> bool:
    """An English possessive that stands for any kind of referent (its, their): written as 'Jining's'."""
    return pronoun.want in (Want.ANY, Want.THING) and pronoun.text.lower() in ("its", "their")


def asks_bare_quantity_english(question: str) -> bool:
    """An English 'how many' question with no noun after it (How many did Jining dismantle?)."""
    return bool(_EN_BARE.match(question))


def asks_bare_passive(question: str) -> bool:
    """An English 'how many' question with no noun and no subject (How many were upgraded?)."""
    return bool(_EN_BARE_PASSIVE.match(question))


def bare(question: str) -> str:
    """A question without its opening 那/And/So and its closing 'then' and punctuation (那济宁？ → 济宁)."""
    text = re.sub(r"(?i)^(?:那么|那|and|so|but|then)\b[\s,，]*|^(?:那么|那)", "", question.strip())
    return re.sub(r"(?i)[\s,，]*(?:\bthen\b)?[\s？?！!。.…]*$", "", text)


def continues_english(question: str) -> bool:
    """An English question that opens with And/Also/Then/So: it carries on from the last turn."""
    return bool(_EN_CONTINUE.match(question))


def strip_continuation(question: str) -> str:
    """The question without its opening And/Also/Then/So."""
    return _EN_CONTINUE.sub("", question, count=1)


_UNITS = "台|名|家|个|项|次|起|件|辆|座|条|吨|元|万元|亿元|亿|种|批|位|人|处|所"
_ZH_OPENERS = frozenset("一共 总共 共 具体 主要 首先 累计 此外 另外 后来 当时 目前 现在 最后 接着 然后 多少 几".split())
_ZH_BARE_COUNT = re.compile(rf"(?:多少|几)(?:{_UNITS})?[呢啊呀]?[？?。]*$")


def opens_with_verb(question: str, tags: dict[str, str], first_word: str) -> bool:
    """A short Chinese question that opens with a verb, a preposition or an adverb (配备了多少名网格员？,
    向北方供水多少？, 首先做了什么？): its subject is left out."""
    tag = tags.get(first_word) or ""
    opens = tag.startswith(("v", "p", "d", "ad")) or first_word in _ZH_OPENERS
    return opens and len(question) <= MAX_OMITTED_SUBJECT


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
    match = _ZH_WH_END.match(rest.strip())
    if not match:
        return False
    return all(not (tags.get(w) or "").startswith(("n", "j", "l")) for w in words(match.group("verb")) if w.strip("的那在"))
