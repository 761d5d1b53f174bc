"""The asker's framing around a question: words addressed to the reader that ask nothing of the text.

Readers open a question politely or say who they are (请问、我想了解一下、麻烦问下、我是做环保的，想问一下：; Could you tell
me …, I'd like to know, Quick question -) and close it with thanks (谢谢; thanks). None of those words is asked about:
counted as content words (想, 了解, 环保, like, quick) they lower every coverage, move which passage best covers the asked
attribute and so flip the number and answer checks, and an English question no longer starts with its question word
(when …, who …). ``unframed`` takes that framing off before the question's features are computed, and before the
search reads the question (retriever/query.py parse_query).
"""

from __future__ import annotations

import re

_SEP = r"[\s,，:：;；、!！。.~\-–—]*"
_ZH_OPENINGS = (
    r"(?:你好|您好|老师好|大家好)",
    r"请问(?:一下|下)?",
    r"(?:麻烦|劳驾)(?:你|您)?(?:问(?:一下|下|问)|告诉我|说(?:一下|下)|讲(?:一下|下)|请教(?:一下|下)?)?",
    r"(?:我|我们)?(?:很|特别|非常|就)?(?:想|想要|希望|打算)(?:问|请教|咨询|了解|知道|打听|确认|弄清楚|搞清楚)(?:一下|下|问)?",
    r"(?:我|我们)?(?:想)?(?:请教|咨询|打听|顺便问|再问|问)(?:一下|下|个问题|一个问题)",
    r"(?:你|您)(?:知道|晓得|清楚)",
    r"(?:你|您)?(?:能|可以|能不能|可不可以)(?:请你|麻烦你)?(?:告诉我|说说|讲讲|介绍一下)",
    r"(?:有人|有谁|谁)(?:知道|清楚)",
    r"(?:我是|本人是|作为一[名个位])[^，,：:。？?！!]{1,14}[，,：:]",  # 我是做环保的，作为一名学生，: who asks, not what
)
_EN_OPENINGS = (
    r"(?:hi|hello|hey|dear \w+)(?!\w)",
    r"(?:(?:a|one|just a|quick|simple|another) )*question(?!\w)",
    r"(?:could|can|would|will) you (?:please |kindly )?(?:tell|let) me(?: know)?",
    r"(?:could|can|would|will) you (?:please |kindly )?(?:explain|say|clarify)",
    r"(?:do|does) (?:you|anyone|anybody) (?:happen to )?know",
    r"i(?:'d| would) (?:like|love) to (?:know|ask|find out|understand)",
    r"i (?:want|wanted|need|needed|am trying|'m trying) to (?:know|ask|find out|understand)",
    r"i(?:'m| am) (?:curious|wondering)(?: about)?|i wonder(?:ed)?|just (?:curious|wondering)",
    r"(?:(?:please|pls|kindly)(?: tell me| let me know)?|tell me)(?!\w)",
    r"(?:i(?:'m| am)|as) (?:a|an) [a-z][a-z \-]{1,30}?[,:;]",  # I'm a student, / As an engineer,: who asks
)
_OPENING = re.compile(rf"^{_SEP}(?:{'|'.join(_ZH_OPENINGS + _EN_OPENINGS)}){_SEP}", re.I)
_CLOSING = re.compile(
    r"[\s,，。.!！~]*(?:谢谢|多谢|感谢|thanks|thank you|thx|please)(?:你|您|啦|了|a lot|so much)?[\s.。!！~]*(?=[？?]?$)", re.I
)
_WORDS = re.compile(r"[\w\u4e00-\u9fff]")


def unframed(question: str) -> str:
    """The question without the asker's opening and closing words (请问、我想了解一下、Could you tell me, thanks).

    At most three openings come off (请问，我是做环保的，想问一下：); the question is returned as typed when less than two
    word characters would be left (请问 alone is no question, and stays what it is).
    """
    text = question
    for _ in range(3):
        stripped = _OPENING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = _CLOSING.sub("", text)
    return text if len(_WORDS.findall(text)) >= 2 else question
