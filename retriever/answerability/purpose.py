"""What the asker needs the answer for: a work product named before the question (session 30, persona28, readers26).

Session 30's readers say what they are making when they ask: a slide or minutes maker (做PPT用，…; 做会议纪要要写大连的
督察频率，…; PPT里要放：…; 做个表格，…; For my slide on Dalian: …; For the minutes: …), a translator checking a figure
or term (翻译核对：…; 翻译稿里要写…; 我在翻译这篇，…; I'm translating this piece — …; Translator's query: …) and a quiz
host reading out a round (抢答题：…; 抢答哈，…; 下一题：…; Quiz round: …; Next question: …). The work product (PPT,
纪要, 表格, 翻译稿, slide, minutes, quiz round) is no word the text writes and nothing the asker asks about: counted as a
word it was a name the text never mentions (转录稿中没有提到：ppt) or an attribute no passage covers, and the search read it
as a term. ``purposed`` takes the purpose head off and keeps what follows it, so 做PPT要一页写南阳的区位，它位于… reads
南阳的区位，它位于…; ``For my slide on Dalian: how many boilers…`` reads ``Dalian: how many boilers…``. The rule knows
no city nor question: a making verb (做、写、整理、准备) or none, a work product, then a separator or a writing verb (写、
放、填、列); in English a label or a purpose phrase before a colon or dash. It fails open: a question without such a head
is returned as typed, and so is one where fewer than two word characters would be left.
"""

from __future__ import annotations

import re

from index.lazy_pattern import lazy_compile

_HAN = r"[\u4e00-\u9fff]"
_WORDS = lazy_compile(r"[\w\u4e00-\u9fff]")
# the work product: a slide deck, minutes, a table, a report, a translation, a quiz
_PRODUCT = (
    r"(?:PPT|ppt|Ppt|幻灯片?|幻燈片?|课件|課件|(?:会议|會議)?(?:纪要|紀要)|(?:会议|會議)?(?:记录|記錄)|表格?|汇报(?:材料)?|匯報(?:材料)?"
    r"|简报|簡報|讲稿|講稿|稿子|展板|海报|海報|笔记|筆記|翻译稿?|翻譯稿?|译稿|譯稿|译文|譯文|翻译|翻譯"
    r"|抢答题?|搶答題?|竞猜题?|競猜題?|知识竞赛|知識競賽|问答题|問答題|(?:下一|上一|第[一二三四五六七八九十\d]+)[题題道])"
)
_MAKE = (
    r"(?:(?:我|我们|我們)?(?:在|正在|要|得|想|准备|準備|帮人|幫人)?(?:做|写|寫|整理|准备|準備|弄|赶|趕|出|编|編|搞)?"
    r"(?:个|個|一个|一個|一份|一页|一頁|份|页|頁|张|張|篇|这篇|這篇)?)"
)
_AFTER = (
    r"(?:用|嘛|呢|呀|啊|哈|的话|的話|时|時|的时候|的時候)?(?:里|裡|上|中)?"
    r"(?:要|得|需要|想|想要)?(?:在)?(?:一页|一頁|这页|這頁|这一页|這一頁|一栏|一欄|一格)?(?:上|里|裡)?"
    r"(?:核对|核對|确认|確認|校对|校對|查|问|問)?(?:一下|下)?"
)
_WRITE = r"(?:写|寫|放|填|列|标|標|注明|用到|引用|介绍|介紹)"
_FILLER = r"(?:这个|這個|这一条|這一條|这条|這條|一下|下)?"
_SEP = r"[\s，,：:；;—\-–]+"
_ZH_HEAD = lazy_compile(rf"^{_MAKE}{_PRODUCT}{_AFTER}(?:{_WRITE}{_FILLER}(?:{_SEP})?|{_SEP})(?=\S)")

# English: a label (Slide title:, Translator's query:, Quiz round:, For the minutes:) or a purpose phrase (For my slide on
# Dalian:, I'm translating this piece —, I'm making a PPT:) before a colon or a dash; the subject after "on"/"about" stays
_EN_PRODUCT = (
    r"(?:slides?|slide deck|deck|ppt|powerpoint|presentation|minutes|table|chart|report|handout|poster|briefing|notes"
    r"|translation|quiz(?: night| round)?|round(?: \w+)?)"
)
_EN_HEAD = lazy_compile(
    r"^(?:(?:for|in) (?:my|the|a|our|this) (?:own )?" + _EN_PRODUCT + r"(?: (?:i'?m|i am) (?:drafting|making|writing|doing))?"
    r"(?: (?:on|about) (?P<subject>[A-Z][\w'’\- ]{1,40}?))?"
    r"|(?:i'?m|i am) (?:making|writing|drafting|doing|preparing|checking) (?:a|an|my|the|this) " + _EN_PRODUCT
    + r"(?: (?:on|about) (?P<subject2>[A-Z][\w'’\- ]{1,40}?))?"
    r"|(?:i'?m|i am) translating (?:this|the|a) (?:piece|text|article|transcript|interview)"
    r"|(?:checking|proofing|proofreading) (?:my|the|a) translation|translating|translator'?s? (?:query|note|question|check)"
    r"|slide (?:title|note|heading|caption)|quiz(?: (?:night|round|time|question))?(?: \w+)?|next question"
    r"|round \w+(?:, question \w+)?|question (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten))"
    r"\s*[:—–\-,]\s+(?=\S)",
    re.I,
)


def purposed(question: str) -> str:
    """The question without the work product the asker names (the module's doc): 做PPT用，X → X; 做会议纪要要写大连的X，Y
    → 大连的X，Y; For my slide on Dalian: X → Dalian: X. As typed when no such head opens it or too little would be left."""
    text = question.strip()
    if re.search(_HAN, text):
        head = _ZH_HEAD.match(text)
        if head and head.end() < len(text):
            text = text[head.end():]
    else:
        head = _EN_HEAD.match(text)
        if head:
            subject = head.group("subject") or head.group("subject2")
            rest = text[head.end():]
            rest = rest[:1].upper() + rest[1:]
            text = f"{subject.strip()}: {rest}" if subject else rest
    return text if len(_WORDS.findall(text)) >= 2 else question
