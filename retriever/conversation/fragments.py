"""Ellipsis cues: the fragment of an elliptical follow-up (那济宁呢？, What about Jining?), a question that only points
back at the last one's predicate (那王奇怎么说？, How did Xiangtan do it?) or asks for more (还有呢？, What else?).

Pure pattern matching; what a fragment replaces is decided in retriever/conversation/ellipsis.py.
"""

from __future__ import annotations

import re

_ZH_ELLIPSIS = re.compile(
    r"^(?:同样的问题|同样|一样的问题)?[，,]?(?:那么|那|还有|而|至于|那在|如果是|要是|换成|换作|对于|关于|问问|说说)?(?P<x>.{1,16}?)"
    r"(?:那边|那里|那儿|这边|这里|方面|这块|那块|的那项|那项|这项|那一项|这一项)?(?:的情况|的数据|的数字|情况)?"
    r"(?P<end>呢|怎么样了?|又怎么样|怎样|又怎样|又是怎样的?|又如何|又是如何|如何|情况如何"
    r"|(?<=数字|数据)(?:又|呢)?(?:是多少|有多少|多少))[？?！!。.…]*$"  # 那济宁的数字是多少？: the same figure of another
)
# A fragment is a noun phrase: one that asks something itself (河长制是什么呢？) is a question of its own.
_ZH_ASKING = re.compile(r"什么|怎么|怎样|为什么|为何|哪|谁|多少|几|如何|吗|是否|有没有|能否")
_EN_ELLIPSIS = re.compile(  # what/how about, with the commonest slips (wat, abot)
    r"^(?:and|but|so)?[\s,]*(?:what|wat|waht|wht|how|hw)\s+(?:about|abot|abut|abt|abuot|aobut|abotu)\s+(?P<x>.+?)[\s?.!]*$"
    r"|^(?:and|also)[\s,]+(?P<y>.+?)[\s?.!]*$"
    r"|^(?:and\s+)?(?:the\s+)?same(?:\s+question|\s+thing)?\s+(?:for|about|with|in|of|on)\s+(?P<z>.+?)[\s?.!]*$"
    # What's the figure for Nanyang?, What are the numbers in Dalian?: the same figure, asked of another
    r"|^(?:and|but|so)?[\s,]*(?:what(?:'s|\s+is|\s+are|\s+was|\s+were)|how\s+(?:is|are|was|were))\s+"
    r"(?P<w>the\s+(?:figure|number|count|total|tally|data|answer|picture|situation|story)s?\s+(?:for|in|at)\s+.+?)[\s?.!]*$",
    re.IGNORECASE,
)
_EN_WH_CLAUSE = re.compile(r"(?i)(?!how\s+(?:many|much)\b)(?:what|how|who|where|when|why|which)\b")
# And how many enterprises exited …?: a count whose thing does something (a verb in the past after it) asks on its own;
# And how many in the urban districts? and And how many closed? lean on the last question.
_EN_COUNT_CLAUSE = re.compile(
    r"(?i)^how\s+(?:many|much)\s+[a-z][\w'-]*(?:\s+[\w'-]+){0,3}?\s+(?:[a-z]{2,}ed|set|put|spent|paid|got|made|took|built|"
    r"went|came|left|lost|cut|won|gave|sent|sold|bought|brought|moved|shut)\b"
)
_EN_OWN_QUESTION = re.compile(r"(?i)[,;:]\s*(?:what|how|who|where|when|why|which)\b")  # …, who runs them
_EN_VERB = re.compile(
    r"\b(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|say|said|tell|mean|get|got)\b", re.IGNORECASE
)


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
    fragment = (match.group("x") or match.group("y") or match.group("z") or match.group("w") or "").strip()
    if match.group("y") and (
        len(fragment.split()) > 8 or _EN_VERB.search(fragment) or _EN_WH_CLAUSE.match(fragment)
        or _EN_COUNT_CLAUSE.match(fragment)
    ):
        return None  # 'And how many vehicles were scrapped?', 'And what happened in …?' are questions of their own
    if not (match.group("z") or match.group("w")) and _EN_OWN_QUESTION.search(fragment):
        return None  # "And Nanyang's rural sewage projects, who runs them?": a topic, then the question asked of it
    return fragment or None



# A bare noun phrase typed as a question (boilers?, grid officers?, the check rate?, 网格员？, 供水量？): the thing asked of
# the conversation's subject, the way 烟尘呢？ and And the fines? ask it; not a reply word (Really?, Sorry?, 真的？).
_EN_BARE_NOUN = re.compile(r"(?i)^(?:the\s+|its\s+|their\s+)?(?P<x>[a-z][a-z0-9-]*(?:\s+[a-z][a-z0-9-]*){0,3})\s*\?+$")
_EN_NOT_NOUN = re.compile(
    r"(?i)\b(?:really|seriously|sorry|pardon|huh|ok|okay|yes|no|yeah|nope|right|true|sure|thanks|please|what|who|how|why|"
    r"when|where|which|whose|it|they|them|he|she|him|her|this|that|these|those|there|here|anything|everything|something|"
    r"nothing|and|but|or|so|then|too|also|as\s+well|again|else|more|only|exactly|definitely|probably|[a-z]+ed)\b"
)
_ZH_BARE_NOUN = re.compile(r"^(?:那么|那)?(?P<x>[\u4e00-\u9fff]{2,10})[？?]+$")
_ZH_NOT_NOUN = re.compile(r"真的|是吗|对吗|好吗|行吗|可以|为什么|怎么|什么|多少|几|哪|谁|吗|吧|啊|呀|了|过|着|是|有|在")


def bare_noun(question: str, chinese: bool) -> str:
    """The noun phrase of a question that is only one (grid officers of 'grid officers?', 供水量 of 供水量？), else ''.

    English: up to four words, none a verb form, question word, pronoun or reply word; Chinese: two to ten characters
    whose words are nouns (as jieba's dictionary tags them; 的 may join them), with no question word or verb."""
    text = question.strip()
    if not chinese:
        match = _EN_BARE_NOUN.match(text)
        if not match or _EN_VERB.search(match.group("x")) or _EN_NOT_NOUN.search(match.group("x")):
            return ""
        return match.group("x")
    match = _ZH_BARE_NOUN.match(text)
    if not match or _ZH_NOT_NOUN.search(match.group("x")):
        return ""
    from retriever.conversation import clauses
    from retriever.conversation.knowledge import word_tags

    tags = word_tags()
    found = clauses.words(match.group("x"))
    if not found or found[0] == "的" or any((tags.get(w) or "n").startswith(_ZH_NO_NOUN_TAGS) for w in found if w != "的"):
        return ""
    verbs = [w for w in found[:-1] if len(w) >= 2 and (tags.get(w) or "") == "v"]  # 检查率: the last word's suffix
    nouns = [w for w in found if (tags.get(w) or "n").startswith(("n", "vn", "j"))]  # 好的？ names nothing
    return "" if verbs or not nouns else match.group("x")


_ZH_NO_NOUN_TAGS = ("d", "r", "p", "c", "y", "e", "o", "u", "m", "q", "f")  # adverbs, pronouns, particles, numbers…


_ZH_COUNTED_THING = re.compile(
    r"^(?:那么|那)(?P<x>[^？?，,。]{2,16}?)(?:一共|总共|共)?(?:有|是)(?:多少|几)(?P<unit>[\u4e00-\u9fff]?)[？?！!。.…]*$"
)


def counted_thing(question: str) -> tuple[str, str] | None:
    """(the thing, its measure word) of a Chinese follow-up that only asks how many of another thing (中直、省直单位
    and 个 of 那中直、省直单位有几个？), else None: it asks the last question's count of that thing instead."""
    match = _ZH_COUNTED_THING.match(question.strip())
    if not match or _ZH_ASKING.search(match.group("x")):
        return None
    return match.group("x"), match.group("unit")


# What is left of a question when its names are cut out, if it only points back at the last question's predicate:
# 那王奇怎么说？, 南阳是怎么做的？, 大连也是这样吗？, What did Xu Wei say?, How did Xiangtan do it?, Dalian too?
_ZH_PRO_PREDICATE = re.compile(
    r"^(?:那么|那|而)?(?:的)?(?:又|也|那边|那里|方面)?(?:是)?(?:怎么|如何|怎样)(?:说|看|讲|做|办|干|处理|回答)(?:的)?(?:呢|啊)?$"
    r"|^(?:那么|那)?(?:也|也是|是不是也|是否也)(?:这样|一样|如此|这么做|提到|说|有)了?(?:的)?(?:吗|呢|没有)?$"
    r"|^(?:那么|那)?(?:也|又)?(?:有没有|有|是否有|做了|采取了)(?:类似|同样|相似|相同|一样)?(?:的)?(?:做法|措施|经验|情况|举措|东西|制度|政策|机制|规定|办法|项目|工作|行动)?"
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
# what a request for more of the same answer says: 还有呢？, 还有别的措施吗？, 展开说说, 能详细讲讲吗？ (a general word for
# what was said, or none: 还有别的城市吗？ asks about another city, not more of this answer)
_ZH_MORE_THING = (
    r"(?:的)?(?P<thing>措施|办法|做法|举措|手段|经验|内容|方面|情况|工作|亮点|例子|细节|说法|观点|要点|成效|成果|数据|信息|东西"
    r"|事|事情|地方)?"
)
_ZH_ANY_THING = frozenset("内容 方面 情况 细节 信息 东西 事 事情 地方".split())  # more of whatever was asked
_ZH_MORE = re.compile(
    r"^(?:那么|那)?(?:(?:还有|另外|其他|其它|别的)(?:呢|吗|什么|哪些|别的吗|其他的吗|其它的吗|没有)?"
    rf"|(?:还有|还有没有|有没有|还)(?:别的|其他|其它|什么|哪些|更多)(?:的)?{_ZH_MORE_THING}(?:吗|呢|没有|没|啊|呀)?"
    r"|(?:请|能|能不能|可以|可不可以|麻烦|麻烦你)?(?:再)?(?:展开|详细|具体|仔细|详细地|具体地|多|再|接着|继续)(?:一点|点|一些|些)?"
    r"(?:说说|讲讲|说一下|讲一下|谈谈|介绍一下|介绍介绍|说|讲|聊聊|解释一下)?(?:吗|呢|吧|一下|看|看看|好吗|行吗|可以吗)?"
    r"|(?:请|能|能不能|可以|麻烦)?(?:再)?(?:多|再)?(?:说|讲|聊|介绍)(?:得)?(?:详细|具体|细|多)?(?:一点|点|一些|些)(?:吗|呢|吧|好吗|行吗)?"
    r"|(?:然后|后来)呢)[？?！!。.…\s]*$"
)
_EN_MORE = re.compile(
    r"(?i)^(?:(?:and|ok|okay|so|right|great|thanks)[,\s]+)?(?:tell\s+me\s+more|more|go\s+on|anything\s+else|what\s+else|anything\s+more|"
    r"what\s+more|continue|and\s+then|what\s+other\s+(?:things|measures|points)|"
    r"(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:elaborate|expand(?:\s+on\s+(?:it|that|this))?|say\s+more|"
    r"go\s+into\s+(?:more\s+)?detail|give\s+(?:me\s+)?(?:some\s+)?more(?:\s+details?)?|tell\s+me\s+more)|"
    r"(?:give\s+me\s+|any\s+)?more\s+(?:details?|info|information|on\s+(?:that|this|it))|"
    r"(?:were\s+there\s+|are\s+there\s+|was\s+there\s+)?any(?:thing)?\s+(?:other|else|more)(?:\s+(?:measures|steps|things|points|"
    r"details|examples|ideas))?(?:\s+(?:he|she|they)\s+(?:mentioned|said|talked\s+about|brought\s+up|listed|gave|described))?)"
    r"(?:\s+(?:about|on)\s+(?:it|that|this))?(?:\s*,?\s*please)?[\s?.!]*$"
)


def ordinal(fragment: str, chinese: bool) -> str:
    """The ordinal point a fragment asks for (第二点, the second point → 'second point'), or ''."""
    if chinese:
        return fragment if _ZH_ORDINAL.match(fragment) else ""
    match = _EN_ORDINAL.match(fragment.strip())
    return match.group(1) if match else ""


def asks_more(question: str, chinese: bool, last: str = "") -> bool:
    """A question that only asks for more of the same (还有呢？, 还有别的吗？, What else?, Tell me more.); a Chinese one
    that names a kind of thing (还有别的措施吗？) only when the latest question (last, if given) asked about that kind:
    after 大连拆除了多少台燃煤锅炉？ it asks what else Dalian did."""
    match = _match((_ZH_MORE, _EN_MORE), question, chinese)
    if match is None:
        return False
    thing = match.groupdict().get("thing") if chinese else None
    return not (thing and last and thing not in _ZH_ANY_THING and thing not in last)


def _match(patterns: tuple[re.Pattern, re.Pattern], question: str, chinese: bool) -> re.Match | None:
    """The Chinese or the English pattern of a pair matched against the question, stripped."""
    return patterns[0 if chinese else 1].match(question.strip())


def bare(question: str) -> str:
    """A question without its opening 那/And/So and its closing 'then' and punctuation (那济宁？ → 济宁)."""
    text = re.sub(r"(?i)^(?:那么|那|and|so|but|then)\b[\s,，]*|^(?:那么|那)", "", question.strip())
    return re.sub(r"(?i)[\s,，]*(?:\bthen\b)?[\s？?！!。.…]*$", "", text)


_ZH_BARE_WH = re.compile(
    r"^(?:那么|那)?(?:这|那)?(?:又)?(?:是)?(?P<wh>为什么|为啥|为何|怎么做到的|怎么做的|怎么办到的|怎么搞的|什么时候|何时|什么时间)(?:呢|啊)?[？?！!。.…]*$"
)
_EN_BARE_WH = re.compile(
    r"(?i)^(?:and|but|so)?[\s,]*(?P<wh>why|how|when|how\s+come|how\s+so|since\s+when|why\s+(?:is\s+that|so|not)|"
    r"how\s+did\s+they\s+do\s+(?:it|that)|when\s+was\s+that|(?:why|when)\s+did\s+(?:they|he|she)\s+do\s+(?:it|that)|"
    r"how\s+long\s+did\s+it\s+take\s+(?:them|him|her))(?:\s+then)?[\s?.!]*$"  # How long did it take? is the thing's"
)


def bare_wh(question: str, chinese: bool) -> str:
    """The question word of a follow-up that is only that (为什么？, 怎么做到的？, Why?, How come?, When was that?): it
    asks why, how or when of the latest question; else ''."""
    match = _match((_ZH_BARE_WH, _EN_BARE_WH), question, chinese)
    return match.group("wh") if match else ""
