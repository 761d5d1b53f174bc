"""The social-media poster's wrapper and the northern dialect's place words around a question (session 28, readers24).

A reader posting on Weibo, Xiaohongshu or a forum wraps the question in what asks nothing of the text: a topic or a
plea as a hashtag (#求问#, #大连#, #askingforafriend), a mention (@济宁环保), an opening plea to the crowd (求问, 蹲一个,
家人们谁懂, 有没有懂的, 兄弟们, 救命; "asking for a friend:", "ELI5:", "ngl", "lowkey curious,") and a closing one
(谢谢大佬, 求科普, 在线等, 蹲一个答案; "pls", "thx in advance"). Read as words of the question they were names the
text never writes (转录稿中没有提到：科普, 谢谢, ELI5). unposted() takes them off the edges only; a topic hashtag stays as
words (#大连# → 大连，) unless the question writes it anyway, a mention stays as typed, and every rule fails open: the
question comes back as typed when less than two word characters would be left (#家人们# ngl 蹲一个 pls).

A speaker of north-eastern or south-western Mandarin points at a place with 那旮沓, 那疙瘩, 那嘎达, 这旮旯 ('over there',
'around here'): after a word it is the 那边 index.colloquial drops (大连那旮沓 = 大连), elsewhere 那里/这里. Read as
typed it was an unknown name (转录稿中没有提到：那旮沓). 问一哈, 我问哈 ('let me ask') open a question as 问一下 does.
General Chinese and English only: nothing about one transcript.
"""

from __future__ import annotations

import re

from index.lazy_pattern import lazy_compile

_SEP = r"[\s,，:：;；、!！。.~～\-–—]*"
# the poster's plea to the crowd at the opening (Chinese)
_ZH_PLEAS = (
    r"(?:小白)?求(?:问|助|解答?|教|科普|扩散|擴散|問)",
    r"蹲(?:一[个個波下]|[个個])?(?:答案|大佬|解答)?",
    r"(?:家人|姐妹|兄弟|宝子|寶子|宝宝|寶寶|集美|大佬)[们們](?:谁懂|誰懂|谁知道|誰知道|有谁知道|有誰知道)?",
    r"各位(?:大佬|家人|朋友|网友|網友|老师|老師)[们們]?",
    r"有没有(?:懂的|懂行的|大佬|人知道)|有沒有(?:懂的|懂行的|大佬|人知道)|有无大佬|有無大佬",
    r"救命|急急急|在线等|在線等",
    r"我?问一?哈|我?問一?哈",  # south-western 'let me ask'
)
# … and at the close
_ZH_CLOSES = (
    r"(?:谢谢|謝謝|感谢|感謝|多谢|多謝)(?:大佬|各位|家人|姐妹|兄弟)[们們]?",
    r"求(?:科普|解答|告知|扩散|擴散|解)",
    r"蹲(?:一[个個波])?(?:答案|解答)?",
    r"在线等|在線等",
    r"(?:[，,]?(?:挺|很)?急(?:的)?)",
    r"跪(?:求|谢|謝)",
    r"先谢了?|先謝了?",
)
_EN_PLEAS = (
    r"asking for a friend",
    r"eli5(?:\s+pls)?",
    r"(?:ok(?:ay)?\s+)?real talk",
    r"(?:honest|genuine|serious|srs) (?:question|q)",
    r"(?:lowkey|just)?\s*(?:curious|wondering)(?=[\s,:])|lowkey",
    r"ngl|tbh|fr",
)
_EN_CLOSES = (r"pls|plz|please", r"(?:thx|thanks|ty)(?:\s+in\s+advance)?", r"tia", r"ngl|tbh|lol|fr")

_ZH_OPEN = lazy_compile(rf"^{_SEP}(?:{'|'.join(_ZH_PLEAS)}){_SEP}")
_ZH_CLOSE = lazy_compile(rf"(?<=[？?。.！!，,\s])[\s,，。.!！~～]*(?:{'|'.join(_ZH_CLOSES)})[\s,，。.!！~～？?]*$")
_EN_OPEN = lazy_compile(rf"^{_SEP}(?:{'|'.join(_EN_PLEAS)})(?![\w'])[\s,:;.!\-–—]*", re.I)
_EN_CLOSE = lazy_compile(rf"(?<=[?.!\s])[\s,.!]*(?:{'|'.join(_EN_CLOSES)})(?!\w)[\s.!?]*$", re.I)
# a closed hashtag (#大连#, #求问#, #大连 燃煤锅炉#), an open one (#askingforafriend, #Jining), a mention (@济宁环保)
_TAG_CLOSED = r"#([^#\n]{1,20})#"
_TAG_OPEN = r"#([A-Za-z][\w]{1,30})"
_MENTION = r"@[^\s@#，,：:？?]{1,20}"
_EDGE_TAG = lazy_compile(rf"^{_SEP}(?:{_TAG_CLOSED}|{_TAG_OPEN}|(?P<mention>{_MENTION})){_SEP}")
_END_TAG = lazy_compile(rf"[\s,，。.!！~～]*(?:{_TAG_CLOSED}|{_TAG_OPEN})[\s,，。.!！~～]*$")
_WORDS = lazy_compile(r"[\w\u4e00-\u9fff]")
# what is left must still ask: a question mark, a Chinese question word, an English question word or auxiliary first
_ASKS = lazy_compile(
    r"[？?]|多少|[几幾]|什么|什麼|谁|誰|哪|怎|如何|为何|為何|为啥|為啥|吗|嗎|呢|是否|啥|咋|有没有|有沒有"
    r"|^\W*(?:what|which|who|whom|whose|where|when|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will"
    r"|would|should)(?!\w)",
    re.I,
)
_HAN = lazy_compile(r"[\u4e00-\u9fff]")

# north-eastern / south-western place demonstratives: after a word they point at it (大连那旮沓), else 'there/here'
_PLACE_WORD = r"(?:旮沓|旮旯|疙瘩|嘎达|嘎哒|圪崂|旮旯儿|嘎达儿|疙瘩儿)"
_DIALECT_AFTER = lazy_compile(rf"(?<=[\u4e00-\u9fff])[那这這]{_PLACE_WORD}(?=[\u4e00-\u9fff])")
_DIALECT_THERE = lazy_compile(rf"([那这這]){_PLACE_WORD}")


def _plea_word(tag: str) -> bool:
    """A hashtag's text that is itself a plea (#求问#, #家人们#, #askingforafriend, #help): no topic."""
    tag = tag.strip()
    if _ZH_OPEN.sub("", tag) == "" or _ZH_CLOSE.sub("", "？" + tag) == "？":
        return True
    return re.fullmatch(r"(?i)(?:asking ?for ?a ?friend|help|question|eli5|ngl|tbh|pls|lowkey)", tag) is not None


def unposted(question: str) -> str:
    """The question without the poster's hashtags, mentions and pleas at its edges (#求问# 家人们大连拆了多少台锅炉？谢谢大佬
    → 大连拆了多少台锅炉？; #askingforafriend ELI5: how many … pls → how many …); a topic hashtag the question does not
    write stays as its words (#湘潭# 专项债多少亿 → 湘潭，专项债多少亿); as typed when fewer than two word characters would be
    left."""
    if "#" not in question and "@" not in question and not (_ZH_OPEN.search(question) or _EN_OPEN.search(question)
                                                           or _ZH_CLOSE.search(question) or _EN_CLOSE.search(question)):
        return question
    text, topics, mention = question, [], ""
    for _ in range(6):  # the opening: tags, a mention, pleas, in any order
        m = _EDGE_TAG.match(text)
        if m:
            tag = m.group(1) or m.group(2)
            if m.group("mention"):
                mention = mention or m.group("mention")
            elif not _plea_word(tag):
                topics.append(tag.strip())
            text = text[m.end() :]
            continue
        stripped = _EN_OPEN.sub("", _ZH_OPEN.sub("", text, count=1), count=1)
        if stripped == text:
            break
        text = stripped
    for _ in range(4):  # the close: pleas and tags
        m = _END_TAG.search(text)
        if m and m.start() > 0:
            tag = m.group(1) or m.group(2)
            if not _plea_word(tag):
                topics.append(tag.strip())
            text = text[: m.start()]
            continue
        stripped = _EN_CLOSE.sub("", _ZH_CLOSE.sub("", text))
        if stripped == text:
            break
        text = stripped
    text = re.sub(r"[\s,，]+$", "", text)
    if len(_WORDS.findall(text)) < 2 or not _ASKS.search(text):
        return question  # a plea around no question (asking for a friend: best budget phone): as typed
    # a topic the question does not write stays as its words; an English one only when it is a name (#Jining, not
    # #pollution: a lower-case tag is the poster's filing, no word of the question)
    kept = [t for t in topics if t.lower() not in text.lower() and not (t.isascii() and t[:1].islower())]
    if kept:
        joint = "，" if _HAN.search(text) else ": "
        text = " ".join(kept) + joint + text
    if mention:
        text = mention + " " + text
    return text.strip()


def undialected(question: str) -> str:
    """The question with the north-eastern / south-western place demonstratives read as written Chinese: after a word
    they go (大连那旮沓一共拆了多少台 → 大连一共拆了多少台), elsewhere 那里/这里."""
    if not re.search(_PLACE_WORD, question):
        return question
    text = _DIALECT_AFTER.sub("", question)
    return _DIALECT_THERE.sub(lambda m: ("这里" if m.group(1) in "这這" else "那里"), text)
