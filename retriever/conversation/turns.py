"""Turns that say which earlier question they lean on, or only how to answer it (session 26).

- A back-reference (回到刚才第一个问题，…, 还是问济宁的那个问题，…, Back to the first question, …, Going back to the one
  about Jining: …, As I asked before, …): the named or numbered earlier turn is the frame, not the last one; what
  follows the head is asked of that turn (back_reference gives the turn's index and the rest).
- "Same question for X" (同样的问题，X呢？, 同样的问题换成X, 一样的问题，问X, X呢？同样的问题。, Same question but for X?,
  Same question, X?, X, same question?, Ask the same about X.): said as the plain ellipsis 那X呢？ / What about X? (the
  kind of the frame's name is kept by the ellipsis), or, when a question of its own follows the head (同样的问题，湘潭
  呢？湘潭把…？, 换成王奇呢？南阳…？), that question with X as its topic (same_question).
- A turn that only says how to answer (只说数字, 用一句话说, Just the number, please., In one sentence.): the last
  question again (format_only).
- "Which ones? / 具体是哪几项？ / List them." after a question that asked how many: the same question asking which
  (list_of); after any other question, the last question again.

Pure pattern matching; the rules that use these live in retriever/rewrite.py.
"""

from __future__ import annotations

import re

from retriever.conversation.clauses import UNITS

_ZH_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
# 回到/说回/再问回/还是 + (刚才/之前…) + 第一个 / 最开始那个 / 问X的那个 / X那个 + 问题, then a comma and the rest
_ZH_BACK = re.compile(
    r"^(?:我|那|那么|好的?|嗯)?[，,]?(?P<verb>(?:再|先)?(?:回到|回头说|回过头来?(?:说|问)?|说回|问回|返回|回去问|还是|接着问|再问|再说回|再说|再回到)"
    r"(?:到)?)(?:我)?(?:刚才|刚刚|之前|前面|上面|最早)?(?:的|说的|问的)?"
    r"(?P<which>第(?P<n>[一二两三四五1-5])(?:个|条|题)|最开始(?:那个|的)?|一开始(?:那个|的)?|最早(?:那个|的)?|开头(?:那个|的)?|头一个"
    r"|那个|问(?P<x>[^，,？?。]{1,12}?)的那个|(?P<y>[^，,？?。的]{1,12}?)(?:的)?那个)?(?:问题)?(?:上)?(?:来)?"
    r"(?:[，,：:。]\s*|(?=[？?。]*$))(?P<rest>.*)$"
)
_EN_BACK = re.compile(
    r"(?i)^(?:(?:so|ok(?:ay)?|and|well|now|right)[,\s]+)?(?:(?:(?:let'?s\s+|let\s+me\s+|i'?d\s+like\s+to\s+)?(?:go(?:ing)?|com(?:e|ing)|"
    r"get(?:ting)?|turn(?:ing)?)\s+back|back|return(?:ing)?|to\s+go\s+back)\s+to\s+(?:the|my|your|that)\s+"
    r"(?:(?P<ord>first|1st|second|2nd|third|3rd|earlier|original|previous|other|very\s+first)\s+)?(?:question|one|topic|thing\s+i\s+asked)"
    r"(?:\s+(?:about|on|for)\s+(?P<x>[^,:;?]+?))?|(?:as|like)\s+i\s+asked\s+(?:before|earlier|at\s+first|first)|"
    r"(?:back\s+to|going\s+back\s+to|returning\s+to)\s+(?P<y>[^,:;?]+?)'s\s+question)"
    r"\s*(?:[,:;.?!]|\s[-—–]|$)\s*(?P<rest>.*)$"
)
_EN_ORDINALS = {"first": 1, "1st": 1, "very first": 1, "original": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}


def back_reference(text: str, chinese: bool, names: list[list[str]]) -> tuple[int, str] | None:
    """(the index of the earlier turn a back-reference goes back to, the rest of the turn), or None.

    Args:
        text: the turn as typed.
        chinese: whether it is Chinese.
        names: for each earlier turn, oldest first, the names it mentions (to find 'the one about X').
    """
    match = (_ZH_BACK if chinese else _EN_BACK).match(text.strip())
    if not match or len(names) < 2 and not match.group("rest").strip():
        return None
    rest = match.group("rest").strip()
    about = (match.group("x") or match.group("y") or "").strip()
    if chinese:
        which, verb = match.group("which") or "", match.group("verb")
        if not which and not about:
            return None  # 还是，…/ 再说，…: no turn is named
        if match.group("n"):
            index = _ZH_NUMERALS[match.group("n")] - 1
        elif about:
            index = _named(about, names)
        elif which.startswith(("最", "一开始", "开头", "头一")):
            index = 0
        elif "还是" in verb:  # 还是刚才那个问题，…: the last one still
            index = len(names) - 1
        else:  # 回到刚才那个问题，…: one before the last
            index = max(len(names) - 2, 0)
    else:
        ordinal = (match.group("ord") or "").lower()
        if about:
            index = _named(about, names)
        elif ordinal in _EN_ORDINALS:
            index = _EN_ORDINALS[re.sub(r"\s+", " ", ordinal)] - 1
        else:  # the earlier / previous / other one, as I asked before: one before the last
            index = max(len(names) - 2, 0)
    if index is None or not 0 <= index < len(names):
        return None
    return index, rest


def _named(about: str, names: list[list[str]]) -> int | None:
    """The latest earlier turn that names what 'about' names (None when none does)."""
    folded = about.lower()
    for index in range(len(names) - 1, -1, -1):
        if any(n and (n.lower() in folded or folded in n.lower()) for n in names[index]):
            return index
    return None


# 同样的问题，X呢？ / 同样的问题换成X / 一样的问题，问X / 还是同样的问题，X呢？ / X呢？同样的问题。
# (then maybe a question of its own)
_ZH_SAME_HEAD = r"(?:还是|也是|那|那么)?(?:同样|一样|相同)的问题(?:再问一遍|问一下|问问)?"
_ZH_SAME = re.compile(
    rf"^(?:{_ZH_SAME_HEAD})[，,：:]?\s*(?:换成|换作|换到|放到|问一下|问问|问|对于|关于|说说)?(?P<x>[^，,？?。！!]{{1,16}}?)"
    r"(?:那边|这边)?(?:呢|的呢|怎么样|又如何|如何)?(?:[？?。！!，,]+|$)\s*(?P<rest>.*)$"
    r"|^(?:换成|换作)(?P<x2>[^，,？?。！!]{1,16}?)(?:那边|这边)?(?:呢|的呢)?[？?，,。]+\s*(?P<rest2>\S.*)$"
    rf"|^(?:那|那么)?(?P<x3>[^，,？?。！!]{{1,16}}?)(?:呢)?[？?，,。]+\s*(?:{_ZH_SAME_HEAD})[？?。！!]*$"
)
_EN_SAME = re.compile(
    r"(?i)^(?:(?:and|so|ok(?:ay)?|then)[,\s]+)?(?:(?:the\s+)?same\s+(?:question|thing|for|again)(?:\s+again)?(?:\s*,\s*|\s+)(?:but\s+)?"
    r"(?:(?:for|about|with|in|of|on|regarding)\s+)?(?P<x>[^,:;?.!]+?)|ask(?:\s+you)?\s+the\s+same(?:\s+question|\s+thing)?\s+"
    r"(?:about|for|of|regarding)\s+(?P<x2>[^,:;?.!]+?)|(?:(?:and\s+)?(?:what|how)\s+about\s+)?(?P<x3>[^,:;?.!]+?)\s*,\s*"
    r"(?:the\s+)?same\s+(?:question|thing)(?:\s+again)?)(?:\s*[,:;?.!]+|\s+[-—–]|$)\s*(?P<rest>.*)$"
    # What about Xu Wei? How much did Jining invest …?: a question of its own after the head (session 27)
    r"|(?i:^(?:(?:and|so|ok(?:ay)?|then)[,\s]+)?(?:what|how)\s+about\s+(?P<x4>[^,:;?.!]+?)\s*[?]\s+(?P<rest2>\S.*[?]\s*)$)"
)


def same_question(text: str, chinese: bool) -> tuple[str, str] | None:
    """(X, the question after the head or '') of a 'same question for X' turn, else None."""
    match = (_ZH_SAME if chinese else _EN_SAME).match(text.strip())
    if not match:
        return None
    x = (match.group("x") or match.group("x2") or match.group("x3") or match.groupdict().get("x4") or "").strip()
    rest = ((match.groupdict().get("rest") or "") + (match.groupdict().get("rest2") or "")).strip()
    asking = r"什么|怎么|哪|谁|多少|几|吗" if chinese else r"(?i)\b(?:what|how|who|which|why|when|where|is|are|did|does)\b"
    if not x or re.search(asking, x):
        return None
    if not chinese and re.match(r"(?i)^(?:question|thing|again|as|here|there|one|answer)$", x):
        return None
    return x, rest


# only how to answer: 只说数字, 给个数就行, 用一句话说, 简单说一下; Just the number, please. In one sentence. Keep it short.
_ZH_FORMAT = re.compile(
    r"^(?:请|麻烦|那|那么|好|嗯)?[，,]?(?:你)?(?:(?:只|就|直接|光)(?:要|说|讲|回答|告诉我|给|给我)?(?:个|一个|一下)?(?:具体)?(?:数字|数|数据|结果|答案|数值)"
    r"|(?:只|就|直接)?(?:给|告诉我|说)(?:个|一个)(?:数|数字|答案)"
    r"|(?:用|拿)?一句话(?:说|讲|概括|回答|总结|说说|讲讲)?(?:一下)?|(?:简单|简短|简要|扼要)(?:点|一点|些|地)?(?:说|讲|回答|概括|总结)?(?:一下)?(?:说|讲)?"
    r"|(?:说|讲|回答)(?:得)?(?:简短|简单|简洁|短)(?:点|一点|些)|长话短说)(?:就行|就好|就可以|即可|就够了)?(?:了|吧|呗|啊|哈)?[。.！!？?～~]*$"
)
_EN_FORMAT = re.compile(
    r"(?i)^(?:(?:ok(?:ay)?|so|and|sorry|please|um+|hmm+)[,\s]+)?(?:(?:can|could)\s+you\s+)?(?:(?:just|only)\s+)?(?:give\s+me\s+|tell\s+me\s+|say\s+)?"
    r"(?:(?:just|only)\s+)?(?:the\s+)?(?:(?:number|figure|count|total|amount|answer)(?:\s+only)?|(?:in\s+)?(?:one|a\s+single)\s+(?:sentence|line|word)|"
    r"in\s+(?:a\s+)?(?:word|short|brief|nutshell)|briefly|(?:keep|make)\s+it\s+(?:short|brief)|(?:a\s+)?short(?:er)?\s+(?:answer|version)|"
    r"(?:the\s+)?short\s+version|tl;?dr|summari[sz]e(?:\s+(?:it|that))?)(?:\s*,?\s*(?:please|thanks|pls))?[\s.!?]*$"
)


def _whole(patterns: tuple[re.Pattern, re.Pattern], text: str, chinese: bool) -> bool:
    """Whether the Chinese or the English pattern of a pair matches the whole turn (stripped)."""
    return bool(patterns[0 if chinese else 1].match(text.strip()))


def format_only(text: str, chinese: bool) -> bool:
    """True when a turn only says how to answer the last question (只说数字, 用一句话说, Just the number, please.)."""
    return _whole((_ZH_FORMAT, _EN_FORMAT), text, chinese)


_CLAUSE = re.compile(r"([，,：:；;]\s*)")
_ASKED_SO = re.compile(r"(?i)只|就|直接|一句话|简|短|\b(?:just|only|please|sentence|brief(?:ly)?|short|word|nutshell)\b")


_POLITE = re.compile(r"(?i)^\s*(?:please|thanks|thank\s+you|pls|谢谢|请|麻烦了)\s*$")


def without_format(text: str, chinese: bool) -> str:
    """A question with the clauses that only say how to answer left out (只说数字，氮氧化物那项呢？ → 氮氧化物那项呢？;
    Returning to Nanyang, in one sentence: what …? → Returning to Nanyang, what …?); the text itself when it has none.
    A clause is left out only when it says just, only, briefly, one sentence (只, 直接, 一句话, 简) and more follows."""
    parts = _CLAUSE.split(text.strip())
    pieces, seps = parts[0::2], parts[1::2] + [""]
    dropped = [format_only(p, chinese) and bool(_ASKED_SO.search(p)) for p in pieces[:-1]]
    for i, piece in enumerate(pieces[:-1]):  # Just the number, please: …: the please goes with it
        if _POLITE.match(piece) and (i and dropped[i - 1] or i + 1 < len(dropped) and dropped[i + 1]):
            dropped[i] = True
    kept = [(p, s) for p, s, d in zip(pieces[:-1], seps, dropped) if not d]
    if len(kept) == len(pieces) - 1 or not pieces[-1].strip() or _POLITE.match(pieces[-1].rstrip("。.!！?？ ")):
        return text
    return "".join(p + s for p, s in kept) + pieces[-1]


# Which ones?: 具体是哪几项？, 分别是哪些？, 都有哪些？, 是哪几个？, 能列一下吗？, 列出来;
# Which ones?, List them., Name them, What are they?
_ZH_LIST = re.compile(
    r"^(?:那|那么)?(?:具体|分别|都|各|主要)(?:有|是|包括|指)?(?:哪些|哪几(?:个|项|家|类|条|种|样|方面)?|什么|啥)(?:呢|啊)?[？?。]*$"
    r"|^(?:那|那么)?(?:有|是|包括|指)?(?:哪些|哪几(?:个|项|家|类|条|种|样|方面)?)(?:呢|啊)?[？?。]*$"
    r"|^(?:那|那么)?(?:能|可以|麻烦|请)?(?:你)?(?:具体)?(?:列|说|讲|举)(?:一下|出来|一列|举一下)(?:都是|分别是|是)?(?:哪些|哪几个)?(?:吗|吧|呢)?[？?。]*$"
    r"|^(?:那|那么)?(?:都是|分别是|具体是)(?:啥|什么)(?:呢)?[？?。]*$"
    # (session 30) the count said back, asking what they are (三个什么来着？, 五项是哪五项？, 两个都是啥呀？)
    r"|^(?:那|那么)?(?:这|那)?(?:[一二两三四五六七八九十]{1,2}|\d{1,2})(?:个|项|条|种|类|家|样|方面)(?:分别|都|具体)?(?:是)?"
    r"(?:什么|啥|哪些|哪(?:[一二两三四五六七八九十]{1,2}|\d{1,2})(?:个|项|条|种|类|家|样|方面))(?:来着|呢|啊|呀|嘛)*[？?。]*$"
)
_EN_LIST = re.compile(
    r"(?i)^(?:(?:and|so|ok(?:ay)?)[,\s]+)?(?:which\s+ones|what\s+(?:are|were)\s+they|(?:(?:can|could)\s+you\s+)?(?:please\s+)?"
    r"(?:list|name)\s+(?:them|those|these)(?:\s+all)?|list\s+please|which\s+(?:are|were)\s+they|what\s+(?:are|were)\s+those)"
    r"(?:\s*,?\s*please)?[\s.!?]*$"
)
_ZH_COUNT = re.compile(rf"(?:多少|几)(?P<unit>{UNITS})?")
_EN_COUNT = re.compile(r"(?i)^(?P<open>\W*)how\s+many\s+")


def asks_list(text: str, chinese: bool) -> bool:
    """True when a turn only asks which ones (具体是哪几项？, List them.)."""
    return _whole((_ZH_LIST, _EN_LIST), text, chinese)


def list_of(last: str, chinese: bool) -> str:
    """The last question asking which ones instead of how many (济宁开通了几个新媒体平台？ → 济宁开通了哪几个新媒体平台？;
    How many measures did Jining take? → What measures did Jining take?), else the last question as it is."""
    if chinese:
        match = _ZH_COUNT.search(last)
        if match is None:
            return last
        unit = match.group("unit") or ""
        new = f"哪几{unit}" if unit in ("个", "项", "家", "类", "条", "种", "位", "所", "处", "批") and unit else "哪些"
        return last[: match.start()] + new + last[match.end() :]
    match = _EN_COUNT.match(last)
    # What, not Which (session 30: Which principles does … list? reads as a choice among named ones and is refused)
    return f"{match.group('open')}What {last[match.end():]}" if match else last


# the other one (session 27): 另一个呢？, 那另一个城市呢？, 另外那位呢？; And the other one?, What about the other city?
_ZH_OTHER_TURN = re.compile(
    r"^(?:那|那么)?(?:另一个|另外一个|另外那个|另一位|另外那位|另外一位|另一家|另外那家|另外一家)"
    r"(?:城市|地方|市|人|局长|嘉宾|公司|企业)?(?:呢|的呢|怎么样|又如何|如何|的情况呢)?[？?。！!]*$"
)
_EN_OTHER_TURN = re.compile(
    r"(?i)^(?:(?:and|so|then|ok(?:ay)?)[,\s]+)?(?:(?:what|how)\s+about\s+)?(?:for\s+)?the\s+other(?:\s+(?:one|city|town|place|"
    r"province|company|firm|guy|man|woman|person|speaker|director|chief|official))?(?:\s+then)?[\s?.!]*$"
)


def asks_other(text: str, chinese: bool) -> bool:
    """True when a turn only asks about 'the other one' (另一个呢？, 另一个城市呢？, And the other one?)."""
    return _whole((_ZH_OTHER_TURN, _EN_OTHER_TURN), text, chinese)


# where "the other one" ends and a question of its own begins (另一个呢？它…？, 另一个呢，该市…？; And the other one? What …?)
_ZH_OTHER_END = re.compile(r"[？?。！!，,：:]\s*")
_EN_OTHER_END = re.compile(r"[?.!,:;]\s+")


def other_then_question(text: str, chinese: bool) -> str:
    """The question a turn asks after opening with only 'the other one' (另一个呢？它跟长沙签的协议叫什么？ → 它跟长沙签的
    协议叫什么？; And the other one? What did it sign? → What did it sign?), or '' when it does not open so or asks
    nothing after it."""
    text = text.strip()
    for stop in list((_ZH_OTHER_END if chinese else _EN_OTHER_END).finditer(text))[:2]:
        head, rest = text[: stop.end()].strip(), text[stop.end() :].strip()
        if not asks_other(re.sub(r"[，,：:;]$", "？" if chinese else "?", head), chinese):
            continue
        asks = head[-1:] in "？?" or (_ZH_ASKS.search(rest) if chinese else _EN_ASKS.search(rest))  # 另一个呢？请简述…
        return rest if len(rest) >= (4 if chinese else 8) and asks else ""
    return ""


# a name confirmed before a question (是许伟吧？他…？, 对，大连。该市…？, 哦，区锦雄啊。此人…？; Right, Zhang Haibing. Where did
# he …?, Jining, right? How many …?): the filler words around the name, and where the confirmation ends
_ZH_CONFIRM_WORDS = re.compile(r"^(?:对|嗯|哦|噢|是|就是|没错|好的?|明白|那)*$")
_ZH_CONFIRM_TAIL = re.compile(r"^(?:吧|啊|呀|对吧|是吧|对不对|是不是|没错|了)*$")
_EN_CONFIRM_WORDS = re.compile(r"(?i)^(?:(?:right|yes|yeah|ok(?:ay)?|so|that'?s|it'?s|ah|oh|i\s+see|got\s+it)[\s,]*)*$")
_EN_CONFIRM_TAIL = re.compile(r"(?i)^(?:[\s,]*(?:right|then|it\s+is|correct|yes))*[\s,]*$")
_ZH_CONFIRM_END = re.compile(r"[？?。！!，,]")
_EN_CONFIRM_END = re.compile(r"[?.!:]\s+")


def confirmed(text: str, chinese: bool, spans: list[tuple[int, int]]) -> tuple[int, int, str] | None:
    """A turn that opens with only a name confirmed (是许伟吧？他们那边…？ → the name's span and '他们那边…？'), given the
    spans of the names the turn holds; None for any other turn (a question of its own after the name is needed)."""
    text = text.strip()
    for stop in list((_ZH_CONFIRM_END if chinese else _EN_CONFIRM_END).finditer(text))[:2]:
        head, rest = text[: stop.start()], text[stop.end() :].strip()
        inside = [(a, b) for a, b in spans if b <= stop.start()]
        if len(inside) != 1 or not rest:
            continue
        a, b = inside[0]
        before, after = re.sub(r"[\s，,]+", "", head[:a]) if chinese else head[:a].strip(" ，,"), head[b:].strip(" ，,")
        words, tail = (_ZH_CONFIRM_WORDS, _ZH_CONFIRM_TAIL) if chinese else (_EN_CONFIRM_WORDS, _EN_CONFIRM_TAIL)
        asks = _ZH_ASKS.search(rest) if chinese else _EN_ASKS.search(rest)
        if words.match(before) and tail.match(after) and asks and len(rest) >= (4 if chinese else 8):
            return a, b, rest
        return None
    return None


# the last answer quoted back before a question of its own (你刚说的那个，…？, 刚才你说的那些，我想问…？; You said that: …?,
# About what you just said, …?)
_ZH_QUOTE = re.compile(
    r"^(?:(?:你|您)?(?:刚才|刚刚|刚|之前|前面)(?:你|您)?(?:说|提|讲)(?:到)?的[^，,：:？?。]{0,10}?)[，,：:]\s*"
)
_EN_QUOTE = re.compile(
    r"(?i)^(?:you\s+(?:just\s+)?(?:said|mentioned)(?:\s+that)?|about\s+what\s+you\s+(?:just\s+)?said|going\s+by\s+your\s+"
    r"(?:last\s+)?answer)[.:,]\s+"
)


def quoted_back(text: str, chinese: bool) -> str:
    """The question after an opening that only quotes the last answer back (你刚说的那个，济宁…？ → 济宁…？; You said that:
    how many …? → How many …?), or '' for any other turn."""
    match = (_ZH_QUOTE if chinese else _EN_QUOTE).match(text.strip())
    if match is None:
        return ""
    rest = text.strip()[match.end() :]
    rest = re.sub(r"^(?:我想问(?:一下|问)?|我想知道|请问)[，,]?", "", rest) if chinese else rest[:1].upper() + rest[1:]
    return rest if len(rest) >= (4 if chinese else 8) else ""


# a statement before the question that says what will be asked about (我想问问湘潭和济宁。湘潭…？, 先问济宁，再问大连。…;
# I want to ask about Dalian and Jining. Is it true that …?; Two places I'm curious about: Nanyang and Xiangtan. Under …?)
_ZH_STOP = re.compile(r"[。！!：:；;]")
_EN_STOP = re.compile(r"[.!:;](?=\s)")
# (session 30) an A-not-A question asks too (…名单是不是向社会公开了, 有没有…, 会不会…): spoken turns often carry no ？
_ZH_ASKS = re.compile(r"[？?]|吗|呢|什么|啥|怎么|多少|几|哪|谁|为什么|是否|([\u4e00-\u9fff])[不没]\1")
_EN_ASKS = re.compile(
    r"(?i)[?]|^\W*(?:how|what)(?:'?s)?\b|^\W*(?:who|whom|whose|which|where|when|why|is|are|was|were|do|does|did|can|could|has|have|had)\b"
)


def prefaces(text: str, chinese: bool) -> list[tuple[str, str]]:
    """The ways to read a turn as a statement that asks nothing, then its question (我想问问湘潭和济宁。湘潭年初…？ →
    [('我想问问湘潭和济宁。', '湘潭年初…？')]): cut after its first or second stop (。：; . : followed by a space), the
    statement asking nothing and the rest not empty. Whether the statement only says what will be asked about (names two
    or more entities the question picks from) is for the caller to check."""
    text = text.strip()
    out = []
    for stop in list((_ZH_STOP if chinese else _EN_STOP).finditer(text))[:2]:
        first, rest = text[: stop.end()], text[stop.end() :].strip()
        if not rest or (_ZH_ASKS.search(first) if chinese else _EN_ASKS.search(first)) or len(first) > (40 if chinese else 120):
            break
        out.append((first, rest))
    return out


# A turn that narrows the last question to part of its place (那只要市区的呢？, 光城区呢？, 只算农村的？, Just the urban
# districts?, Only the urban area?, And the rural areas alone, please?): the same question, of that part (session 29).
_ZH_AREA = r"市区|城区|主城区|中心城区|老城区|市内|城里|县城|县里|郊区|农村|乡村|乡镇"
_ZH_NARROW = re.compile(
    r"^(?:那|那么|那要是|要是|如果)?(?:只要|只看|只算|只问|只说|只讲|光看|光算|光说|光是|光|仅看|仅算|仅仅|仅|只|单看|单算|单是|单|就看|就算|就|其中)?"
    rf"(?P<area>{_ZH_AREA})(?:自己|本身)?(?:的|的话|部分|那块儿?|这块儿?|那边|这边|里面|里头|内|范围)?(?:的话)?"
    r"(?:呢|嘞|咧|嘛|啊|呀)?[？?！!。.…]*$"
)
_EN_AREA = (
    r"(?:the\s+)?(?:urban|rural|inner[- ]city|downtown|suburban|outlying|central|city)\s+"
    r"(?:districts?|areas?|core|centre|center|counties|county|villages?|towns?|parts?)"
    r"|(?:the\s+)?(?:countryside|suburbs|city\s+proper|downtown)"
)
_EN_NARROW = re.compile(
    r"(?i)^(?:(?:and|so|but|ok(?:ay)?|then)[,\s]+)?(?:(?:what|how)\s+about\s+)?(?:(?:just|only|solely|purely)\s+)?"
    rf"(?:(?:in|within|for|inside)\s+)?(?P<area>{_EN_AREA})"
    r"(?:[\s,]+(?:alone|only|by\s+themselves|by\s+itself|on\s+(?:its|their)\s+own|pls|please|then|though))*[\s?.!,]*$"
)


def narrowed(text: str, chinese: bool) -> str:
    """The part of a place a narrowing turn asks about (市区 of 那只要市区的呢？, the urban districts of Just the urban
    districts?), else ''."""
    match = (_ZH_NARROW if chinese else _EN_NARROW).match(text.strip())
    return match.group("area").strip() if match else ""


# How a question says it asks of the whole place (大连全市…, …citywide?, across the whole city): the part said next
# takes its place.
_ZH_WHOLE = re.compile(r"全市(?:范围内?|上下)?|全区|全县|全城|整个城市|整个市")
_EN_WHOLE = re.compile(
    r"(?i)\s*\b(?:citywide|city-wide|across\s+the\s+(?:whole\s+|entire\s+)?city|(?:in|throughout)\s+the\s+(?:whole|entire)\s+city"
    r"|in\s+total|in\s+all|overall|altogether)\b"
)


def narrowed_question(last: str, area: str, place_end: int | None, chinese: bool) -> str:
    """The last question asked of the part (大连全市拆了多少台？ + 市区 → 大连市区拆了多少台？; How many … did Dalian
    dismantle citywide? + the urban districts → How many … did Dalian dismantle in the urban districts?), or '' when
    the question says no whole place and names no place (place_end: the end of the place it names, or None)."""
    if chinese:
        if (whole := _ZH_WHOLE.search(last) or re.search(_ZH_AREA, last)) is not None:  # 农村 → 城区: one part for another
            return last[: whole.start()] + area + last[whole.end():]
        if place_end is None:
            return ""
        end = place_end + (1 if last[place_end:place_end + 1] == "的" else 0)
        return last[:end] + area + last[end:]
    if place_end is None and not _EN_WHOLE.search(last):
        return ""
    area = re.sub(r"(?i)^(?!the\s)(?=\w+\s+(?:districts|areas|counties|villages|towns|parts))", "the ", area)
    if (part := re.search(rf"(?i)\b(?:in|within|for|inside)\s+(?:{_EN_AREA})\b", last)) is not None:  # one part for another
        return f"{last[: part.start()]}in {area}{last[part.end():]}"
    body = _EN_WHOLE.sub("", last).rstrip("?.! ")
    return f"{body} in {area}?"


# (session 30) A turn that widens the last question from part of its place to the whole (全市呢？, 那全市一共呢？, 整个大连呢？,
# And citywide?, What about the whole city?, In total?): the same question, of the whole place.
_ZH_WIDEN = re.compile(
    r"^(?:那|那么|那要是|要是|如果)?(?:算上|加上|放到|放眼|看)?(?:全市|全城|整个城市|整个市|全市范围内?|全市上下|整个[\u4e00-\u9fff]{2,3}?市?)"
    r"(?:的话)?(?:一共|总共|合计|总的|加起来)?(?:的|的话)?(?:呢|嘞|咧|嘛|啊|呀)?[？?！!。.…]*$"
)
_EN_WIDEN = re.compile(
    r"(?i)^(?:(?:and|so|but|ok(?:ay)?|then)[,\s]+)?(?:(?:what|how)\s+about\s+)?(?:for\s+|across\s+|in\s+)?"
    r"(?:citywide|city-wide|the\s+(?:whole|entire)\s+city|all\s+of\s+(?:the\s+city|it)|in\s+total|overall|altogether)"
    r"(?:[\s,]+(?:then|please|pls))*[\s?.!,]*$"
)
_ZH_PART_SAID = re.compile(rf"(?:光|只|仅|单|就)?(?:{_ZH_AREA})(?:的)?(?:就|只|仅)?")
_EN_PART_SAID = re.compile(rf"(?i)\s*\b(?:just\s+|only\s+)?(?:in|within|for|inside)\s+(?:{_EN_AREA})(?:\s+alone)?\b")


def widened(text: str, chinese: bool, places: list[str]) -> bool:
    """Whether a turn only asks the last question of the whole place (全市呢？, 整个大连呢？, And citywide?); places: the
    names a 整个X may give (the last question's)."""
    match = (_ZH_WIDEN if chinese else _EN_WIDEN).match(text.strip())
    if not match:
        return False
    whole = re.search(r"整个([\u4e00-\u9fff]{2,3}?)市?(?:的话|一共|总共|合计|总的|加起来|的|呢|嘞|咧|嘛|啊|呀|[？?！!。.…]|$)",
                      text)
    return whole is None or whole.group(1) in ("城市",) or any(whole.group(1) in p or p in whole.group(1) for p in places)


def widened_question(last: str, chinese: bool) -> str:
    """The last question asked of the whole place (大连光市区就整治了多少台燃煤锅炉？ → 大连全市整治了多少台燃煤锅炉？; How
    many … did Dalian dismantle in the urban districts? → How many … did Dalian dismantle citywide?), or '' when it
    names no part of a place (nothing to widen: the turn falls through to the other rules)."""
    if chinese:
        part = _ZH_PART_SAID.search(last)
        return last[: part.start()] + "全市" + last[part.end():] if part else ""
    part = _EN_PART_SAID.search(last)
    if part is None:
        return ""
    return f"{last[: part.start()].rstrip()} citywide{last[part.end():]}"
