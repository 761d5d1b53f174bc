"""Pronouns of a follow-up (他, 该市, 这家公司, he, that city, its, there) and whether they can point into the
conversation rather than into their own question.

Pure pattern matching over the question's text (Chinese and English); what they refer to is decided in
retriever/conversation/referents.py.
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
    (r"(?:该|这个|那个|这座|那座|此)(?:城市|市|地方)|该地区|该地|该市|该局|该环保局|当地"
     r"|(?:(?<![\u4e00-\u9fff])|(?<=[在到去从往来那市地]))(?:那里|那边|那儿|这里|这边|这儿)",  # 银行那边: the banks' side
     Want.PLACE),
    (r"(?:该|这|此)(?:家|个)?(?:公司|企业)|那(?:家|个)(?:公司|企业)"  # 那企业代表…: 那 is 'then'
     r"|^(?:那么|那)?公司(?=的|在|是|有|叫|成立|总部|做|主要)", Want.ORG),  # 公司在哪里？: the company talked about
    (r"(?:(?:这|那|该)[位名]|该)(?:局长|副总裁|总裁|嘉宾|负责人|领导|官员|发言人)(?![\u4e00-\u9fff]{0,1}(?:企业|公司|园林))"
     r"|此人|这个人|那个人", Want.PERSON),
    (r"(?<!其)(?:他们|她们)|(?:这些|那些|这批|那批)人(?![\u4e00-\u9fff]{0,1}(?:员|士))", Want.ANY),  # 这些人: the people counted
    (r"它们?", Want.THING),
    (r"(?<![其吉])(?:他|她)(?!人|国|乡)", Want.PERSON),
    (r"^(?:它|其)(?![中他它实余次])的?", Want.OWNER),
    (r"(?:这|那|该)(?:个|些|项|条|份|种|座|次|批|笔)(?=[\u4e00-\u9fff])", Want.OWNER),
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
    # not the it of 'Is it true that …?', 'Isn't it the case …': a dummy subject that stands for the clause after it
    # nor the it of a cleft, 'Is it Peking University that serves …?', 'It was Su Guojun who …': it stands for the
    # name after it (a follow-up that checks a premise names its own subject)
    (r"\bits\b|\bit\b(?!\s+(?:(?:really|also|not|just)\s+)?(?:true|false|right|correct|so|the\s+case|possible|likely|fair"
     r"|accurate)\b)(?!(?:(?<=\bis it)|(?<=\bwas it)|(?<=\bisn't it)|(?<=\bwasn't it))\s+(?:[\w'.-]+\s+){0,6}?(?:that|who)\b)"
     r"(?!\s+(?:is|was)\s+(?:[\w'.-]+\s+){1,6}?(?:that|who)\s+(?!is\b|was\b))", Want.THING),
    # the partitive those/these (How many of those were inside the urban area?): the things the last question counted
    (r"(?<=\bof )(?:those|these)\b(?!\s+(?!(?:is|are|was|were|has|have|had|did|do|does|\w+ed)\b)(?-i:[a-z]))", Want.ANY),
    (r"\b(?:that|this|these|those)\s+(?=(?-i:[a-z]))(?!(?:is|are|was|were|has|have|had|do|does|did|can|could|will|would|should|"
     r"may|might|must|\w+ed|the|a|an|its|his|her|their|our|my|your|it|he|she|they|we|i|you|there)\b)", Want.OWNER),
    # not the relative that of 'companies that are caught', 'the year that raised',
    # nor the that of 'true that Xiangtan …' (a name after it is no noun it points with)
    # (fu8) nor the that of 'Is it true that the water …', 'Am I right that its …': an article or pronoun after it
    # not 'there were', but 'departments there were handed'; (fu8) not 'if this is in there': the transcript
    (r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!^)(?<!\bis in )(?<!'s in )\bthere\b"
     r"(?!\s+(?:is|are|was|were|be|been|has|have)\b(?!\s+[a-z]+ed\b))", Want.PLACE),
)
_ZH_PRONOUN_RES = [(re.compile(p), w) for p, w in _ZH_PRONOUNS]
_EN_PRONOUN_RES = [(re.compile(p, re.IGNORECASE), w) for p, w in _EN_PRONOUNS]

# Nouns so general that 这项/这些 + noun points at what the last turn asked about, whatever its words (这项工作, 这些措施).
_GENERIC_NOUN = re.compile(r"(?:工作|措施|举措|做法|办法|行动|政策|制度|机制|项目|事情?|经验|成效|成果|问题|钱|资金|经费|款项?)")
# it as the subject of these verbs is what was done (Did it work?, What did it cost?), not a city or company
_EN_EVENT_IT = re.compile(
    r"(?i)^\s*(?:work|works|worked|cost|costs|help|helps|helped|succeed|succeeded|pay\s+off|paid\s+off|take|took|mean|"
    r"meant|happen|happened|last|lasted|go|went|change|changed|matter|achieve|achieved|bring|brought|lead|led|result|"
    r"resulted|be\s+(?:fixed|solved|done|improved|funded)|worth|necessary|effective|successful|enough|expensive|hard|"
    r"difficult|easy)\b"
)
_EN_PREPOSITION = re.compile(r"(?i)\b(?:of|in|at|for|from|about|on|by|with|to)\s*$")
_EN_OF = re.compile(r"(?i)\bof\s*$")
_DESCRIBED = re.compile(  # the landscaping firm: a body the question describes for itself (not the bare 'the bureau')
    r"(?i)\b(?:the|a|an)\s+(?!(?:same|other|next|last|first|city|local)\b)(?:[a-z][\w-]*\s+){1,3}"
    r"(?:firm|company|enterprise|business|group|bureau|government|city|town|county|province)\b"
)
MAX_POINTING_WORDS = 7  # an object it/them stands for the last question's topic only in a short question (Who introduced it?)


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
    if chinese:  # 这文件, 该平台: a demonstrative straight before a noun, without a measure word, points as 这个 does
        for match in _ZH_BARE_DEMONSTRATIVE.finditer(question):
            if match.start() not in taken and _noun_follows(question[match.end() :]):
                taken.add(match.start())
                found.append(Pronoun(match.start(), match.end(), Want.OWNER, match.group()))
    return sorted(found, key=lambda p: p.start)


_ZH_BARE_DEMONSTRATIVE = re.compile(r"(?<![\u4e00-\u9fff])(?:那么|那|而|还有)?(?:这|该|此)(?=[\u4e00-\u9fff]{2})")


def _noun_follows(rest: str) -> bool:
    """True when the next word of a Chinese text is a noun of two characters or more (文件 of 这文件配了…, not 是 of
    这是…, nor 下岗 of 该下岗的), as jieba's dictionary tags it."""
    from retriever.conversation import clauses
    from retriever.conversation.knowledge import word_tags

    found = clauses.words(rest[:8])
    return bool(found) and len(found[0]) >= 2 and (word_tags().get(found[0]) or "").startswith("n")



# A person named by surname and title (许局长, 苏局, 王市长, 区总; Director Xu, Mayor Wang, Mr Qu): how people name
# someone they talk about, so a pronoun after it in the same question is that person (许局长他们…, 苏局长说他们的…),
# not someone of the conversation. A one-character title (局, 总) only before a pronoun, a verb of saying or 的.
_ZH_TITLES = (
    "副局长|局长|副市长|市长|书记|主任|厅长|处长|科长|副总裁|总裁|总经理|董事长|经理|部长|县长|区长|省长|主席|院长|校长|"
    "主编|总编|秘书长|先生|女士|老师|教授"
)
_ZH_TITLED = re.compile(
    rf"(?P<surname>[\u4e00-\u9fff])(?:{_ZH_TITLES}|(?:局|总)(?=他|她|那|这|说|讲|提|认为|的|们|[，,？?]|$)"
    r"|(?P<short>局|总)(?=[\u4e00-\u9fff]))"  # (persona21) 张局来…之前: checked in titled_people
)
_EN_TITLED = re.compile(
    r"\b(?:Director|Deputy\s+Director|Mayor|Deputy\s+Mayor|Secretary|Chairman|Chairwoman|Chair|President|Vice[- ]President|"
    r"Governor|Minister|Commissioner|Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Madam|Chief|Manager)\s+"
    r"(?P<surname>[A-Z][a-z]{1,6})\b(?!\s+(?:of|for|at|in)\b)"
)


def titled_people(question: str, chinese: bool) -> list[tuple[int, int]]:
    """Where a question names a person by surname and title (许局长, 苏局, Director Xu), as (start, end) spans.

    Chinese: the surname is a common one and starts a word (the character before it does not make a dictionary word
    with it: 提高总体 is no 高总; 大连市长 is no 连市长, 连 being no common surname)."""
    if not chinese:
        return [(m.start(), m.end()) for m in _EN_TITLED.finditer(question)]
    from retriever.answerability.names import SURNAMES, is_dictionary_word

    out = []
    for match in _ZH_TITLED.finditer(question):
        start = match.start()
        if match.group("surname") not in SURNAMES:
            continue
        if start > 0 and is_dictionary_word(question[start - 1 : start + 1]):
            continue
        # (persona21) 局/总 before any other word: neither it nor the surname makes a word with it (格局, 总结, 总是)
        if match.group("short") and (
            is_dictionary_word(match.group(0)) or is_dictionary_word(question[match.end() - 1 : match.end() + 1])
        ):
            continue
        out.append((start, match.end()))
    return out


_EN_WHO_CLAUSE = re.compile(r"(?i)^\s*(?:and\s+|so\s+)?(?:who|whom)\b[^,;?]*(?:[,;?]|\s+and\b)")
_ZH_WHO_CLAUSE = re.compile(r"(?:谁|哪位)[^，,；;？?]*[，,；;？?]")


def bound_to_who(pronoun: Pronoun, question: str, chinese: bool) -> bool:
    """A personal pronoun in a clause after one that asks who (Who moderated the dialogue, and what is his position?,
    普邦园林的副总裁是谁？他是哪里人？): the person asked for, not one of the conversation."""
    if pronoun.want not in (Want.PERSON, Want.POSSESSIVE) and pronoun.text.lower() not in ("his", "her", "him"):
        return False
    before = question[: pronoun.start]
    if chinese:
        return bool(_ZH_WHO_CLAUSE.search(before))
    return bool(_EN_WHO_CLAUSE.match(before))


# a person the question describes for itself before a personal pronoun (fu8): the man from the listed landscaping
# firm … his account; 做园林的那家上市公司的副总，说他…
_EN_PERSON_BEFORE = re.compile(
    r"(?i)\b(?:the|that|this)\s+(?:[\w-]+\s+){0,2}(?:man|woman|guy|gentleman|lady|person|speaker|director|official|"
    r"executive|vice[- ]president|president|boss|founder|moderator|host|panell?ist|businessman|businesswoman|"
    r"editor(?:-in-chief)?|chief|head|chairman|chairwoman|chair|mayor|secretary|manager|reporter|journalist)\b"
)
_ZH_PERSON_BEFORE = re.compile(
    r"副总裁|总裁|副总|老总|董事长|总经理|经理|局长|主任|书记|市长|嘉宾|负责人|主持人|创始人|总编辑|总编|主编|社长|记者"
)


def person_before(pronoun: Pronoun, question: str, chinese: bool) -> bool:
    """A personal pronoun (he, his, 他) after a person the question itself describes (the man from …, 那家公司的副总):
    that person, not one of the conversation; a pronoun describing one (那位局长) is not itself such a person."""
    if pronoun.want not in (Want.PERSON, Want.POSSESSIVE) or not re.fullmatch(r"(?i)他|她|he|she|him|his|her", pronoun.text):
        return False
    before = question[: pronoun.start]
    return bool((_ZH_PERSON_BEFORE if chinese else _EN_PERSON_BEFORE).search(before))


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
        before = question[: pronoun.start]
        if possessive(pronoun) and _EN_PREPOSITION.search(before) and (_EN_OF.search(before) or not _DESCRIBED.search(before)):
            return True  # 'the head of its bureau': a possessive after a preposition names no thing of the question
            # ('the landscaping firm held at its core': unless the question describes a thing of its own before it)
        if pronoun.text.lower() == "they" and _reduced_relative(question[: pronoun.start]):
            return True  # the special bonds they issued: bonds issue nothing, they are whoever issued them
        return not re.search(r"(?i)\b(?:the|a|an)\s+\w+", question[: pronoun.start])
    return True


# Words after which a pronoun starts a clause of its own (the firm said they …, the plan that they …), not a
# reduced relative clause whose subject it is (the bonds they issued).
_CLAUSE_OPENERS = frozenset(
    "said say says think thinks thought believe believes know knows claim claims hope hopes mean means report reports "
    "reported that which who whom whose and or but if when where while because so as than do does did is are was were "
    "has have had can could will would should".split()
)


def _reduced_relative(before: str) -> bool:
    """True when 'they' follows a noun phrase right away, as in 'the special bonds they issued': the subject of a
    clause that describes the noun, so it points back into the conversation, not at that noun."""
    match = re.search(r"(?i)\b(?:the|a|an|these|those)\s+((?:[a-z][\w-]*\s+){0,3})([a-z][\w-]*)\s*$", before)
    return bool(match) and match.group(2).lower() not in _CLAUSE_OPENERS and not any(
        w.lower() in _CLAUSE_OPENERS for w in match.group(1).split()
    )


_ZH_POINTED_NOUN = re.compile(r"(?:那些|这些|那个|这个|那家|这家|那批|这批)[\u4e00-\u9fff]")
_EN_AUXILIARY = re.compile(r"(?i)\b(?:is|are|was|were|be|been|did|does|do|has|have|had|can|could|will|would|should)\b")
_EN_AUXILIARY_END = re.compile(r"(?i)\b(?:is|are|was|were|be|been|did|does|do|has|have|had|can|could|will|would|should)\s*$")


def is_object(pronoun: Pronoun, question: str) -> bool:
    """An English it/them that is the object of its question (Who introduced it?, What did they do about it?,
    How many of them …): the thing the conversation is about, not a city or company."""
    if pronoun.text.lower() not in ("it", "them"):
        return False
    before, after = question[: pronoun.start], question[pronoun.end :]
    if re.search(r"(?i)\bof\s*$", before):
        return True
    # How old is it?: 'is' asks of it; How did they do it?: after an earlier auxiliary, 'do' is the verb and it its object
    auxiliary = _EN_AUXILIARY_END.search(before) and len(_EN_AUXILIARY.findall(before)) < 2
    return not auxiliary and bool(re.match(r"\s*(?:[?.!]|$|(?:in|on|at|for|to|from|with|by)\b)", after))


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



def is_event(pronoun: Pronoun, question: str) -> bool:
    """An English it, that or this that stands for what was done, not for a city or company: the subject of a verb of
    happening (Did it work?, What did it cost?, Why was that necessary?, How should that be fixed?)."""
    word = pronoun.text.lower().strip()
    if word not in ("it", "that", "this"):
        return False
    before, after = question[: pronoun.start], question[pronoun.end :]
    if word == "it":
        return bool(_EN_AUXILIARY_END.search(before)) and bool(_EN_EVENT_IT.match(after)) or is_passive(pronoun, question)
    return bool(_EN_AUXILIARY_END.search(before) or re.match(r"(?i)\s*(?:is|was|will|would|did|has|had)\b", after))


_EN_PARTICIPLE = re.compile(
    r"(?i)^\s*(?:\w+ed|built|signed|done|made|set\s+up|held|written|given|taken|paid|spent|run|chosen|drawn\s+up|"
    r"brought|begun|won|met|sent|laid\s+out|put)\b"
)


def is_passive(pronoun: Pronoun, question: str) -> bool:
    """An English it as the subject of a passive (When was it signed?, How was it funded?): a thing that was done to,
    which a company can be (it was founded) but a city or a person is not taken for."""
    if pronoun.text.lower() != "it":
        return False
    before, after = question[: pronoun.start], question[pronoun.end :]
    return bool(re.search(r"(?i)\b(?:is|was|were|are|has\s+been|had\s+been|will\s+be)\s*$", before)) and bool(
        _EN_PARTICIPLE.match(after)
    )
