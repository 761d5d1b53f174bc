"""The reverse-lookup reader's and the headline writer's frames (session 29, readers25).

- The reverse-lookup reader quotes a figure of the text and asks what it refers to (“604台”在大连的讲述里指的是什么？
  “54061” 这个 number 指的是济宁的什么？ What does the number 992 count in Jining? 102 — what does that number stand
  for?). The figure is the reader's key, given, not asked: quotation marks around a figure mark no name or phrase
  (a quoted term is otherwise a name the passages must write, places.py, and a quoted phrase one they must hold,
  quotes.py), and "the number N" / "the figure N" names the key, not a number asked (a number asked must be written
  in the answering sentence: answer_check). ``reverse_asked`` writes the figure bare: “604台” → 604台, 这个 number →
  这个数, What does the number 992 count → What does 992 count, N — what does that number stand for in X? → What does
  N stand for in X?
- The headline writer asks in telegraphese: a topic, a colon and the asked thing (Dalian Boiler Purge: How Many Axed
  Citywide? Xiangtan bond: interest rate? Mayor of Nanyang: Who? Jining Grid Staff: Head Count?). The asked words
  stand before the question word, so the checks that find the asked noun after what/how many read none, and near
  misses (Pubang revenue last year: What?) were answered by the topic's passage. ``headline_asked`` writes the
  question a sentence writes: How many axed citywide in Dalian Boiler Purge? What is the interest rate of Xiangtan
  bond? Who is the mayor of Nanyang? What is the head count of Jining Grid Staff? The asked part's own title-case
  capitals go (Axed, Citywide: no names), a pinyin word (Jining) and an acronym keep theirs.

Both fail open: a question without these frames is returned as typed (a yes/no tail, a long tail, no topic).
"""

from __future__ import annotations

import re

from index.lazy_pattern import lazy_compile

_HAN = re.compile(r"[\u4e00-\u9fff]")
# --- the reverse-lookup reader
# a figure between quotation marks: digits (with 万/亿) and a measure word or a percent sign, nothing else
_ZH_QUOTED_FIGURE = lazy_compile(
    r"[“「『\"']\s*(\d[\d,.]*(?:万|亿|萬|億)?(?:[个個台家名件人辆輛项項类類吨噸元条條座所套处處次年岁歲%‰]"
    r"|万元|亿元|萬元|億元|立方米|公里|平方公里|公顷|亩|畝)?)\s*[”」』\"']"
)
_ZH_NUMBER_WORD = lazy_compile(r"(这个|這個|那个|那個|这|這|那)\s*(?:number|figure|数字|數字)\b", re.I)
_EN_KEY = r"(?:number|figure|numeral|stat|statistic|count)"
_EN_MEANS = (
    r"(?:refer(?:s)? to|stand(?:s)? for|count(?:s)?|mean(?:s)?|represent(?:s)?|denote(?:s)?|describe(?:s)?|measure(?:s)?"
    r"|signify|signifies|indicate(?:s)?|point(?:s)? to|correspond(?:s)? to)"
)
# What does the number 992 count …; What is the figure 162 about …; What is meant by the figure 162 …
_EN_THE_NUMBER = lazy_compile(rf"\b(?:the|that|this) {_EN_KEY} (\d[\d,.]*%?)(?=[\s?,;:.!—–-]|$)", re.I)
_EN_ASKS_MEANING = lazy_compile(rf"\b(?:{_EN_MEANS}|about|meant by|behind)\b", re.I)
# 102 — what does that number stand for in the forum? / "992": what does it refer to in Jining?
_EN_FIGURE_FIRST = lazy_compile(
    rf"^[\"'“‘]?(\d[\d,.]*%?)[\"'”’]?\s*(?:—|–|-|:|,)\s*what (does|do|did|is) (?:that|this|the|it)(?: {_EN_KEY})?\s+"
    rf"(.+)$",
    re.I,
)


def reverse_asked(question: str) -> str:
    """The reverse-lookup question with its figure written bare (the module's doc); as typed otherwise."""
    if _HAN.search(question):
        text = _ZH_QUOTED_FIGURE.sub(r"\1", question)
        return _ZH_NUMBER_WORD.sub(r"\1数", text) if re.search(r"\d", text) else text
    first = _EN_FIGURE_FIRST.match(question.strip())
    if first:
        rest = first.group(3)
        if _EN_ASKS_MEANING.search(rest) or rest.lower().startswith(("mean", "stand", "refer", "count")):
            return f"What {first.group(2).lower()} {first.group(1)} {rest}"
    if _EN_ASKS_MEANING.search(question) and re.match(r"\s*(?:what|which)\b", question, re.I):
        return _EN_THE_NUMBER.sub(r"\1", question)
    return question


# --- the headline writer
_WH_TAIL = lazy_compile(r"^(who|what|when|where|which|why|how)\s*\??$", re.I)
_HOW_MANY_TAIL = lazy_compile(r"^how (many|much)\b\s*(.*?)\s*\??$", re.I)
# a short noun phrase as the tail: 1–3 words, no verb of a question, no yes/no opening
_NOUN_TAIL = lazy_compile(r"^([A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*){0,2})\s*\?$")
_NOT_NOUN = frozenset(
    "is are was were do does did has have had can could will would should may might yes no true really any anyone "
    "anything who what when where which why how i you we they it he she".split()
)
_BE = {"who": "is", "what": "is", "where": "is", "which": "is", "when": "was", "why": "is", "how": "is"}


def _plain_words(text: str, pinyin: bool = False) -> str:
    """A headline part's title-case capitals written in lower case; an acronym (PPP), a mixed-case word (PM2.5) and,
    with pinyin, a word that spells pinyin (Jining, Dalian: the topic's head may be a name) keep theirs."""
    from index.pinyin import syllable_count

    def low(m: re.Match) -> str:
        word = m.group(0)
        if word.isupper() or not word[1:].islower() or (pinyin and syllable_count(word)):
            return word
        return word.lower()

    return re.sub(r"[A-Za-z][A-Za-z'-]*", low, text)


def _telegraphic(words: str) -> bool:
    """Whether a headline's asked part is telegraphese: at most three words, none an auxiliary, a question word or a
    pronoun (how many employees does his firm have is a question of its own, after a context clause)."""
    split = words.split()
    return len(split) <= 3 and not any(w.lower().strip("'") in _NOT_NOUN for w in split)


def headline_asked(question: str) -> str:
    """The headline question as a sentence (the module's doc); as typed when it is none: Chinese, no colon, an empty
    topic, or a tail that is neither a question word, how many/much …, nor a short noun phrase."""
    text = question.strip()
    if _HAN.search(text) or text.count(":") != 1:
        return question
    topic, tail = (p.strip() for p in text.split(":"))
    topic = topic.rstrip(" ,;—–-")
    if len(re.findall(r"[A-Za-z]+", topic)) < 1 or not tail.endswith("?") or len(re.findall(r"[A-Za-z0-9]+", topic)) > 12:
        return question
    if re.match(r"^(?:re|fw|fwd|q|question|eli5|tl;?dr|note|update|ps|edit)$", topic, re.I):
        return question  # a frame, not a topic (posted.py, register.py)
    wh = _WH_TAIL.match(tail)
    if wh:
        word = wh.group(1).lower()
        if word == "how":
            return question
        article = "the " if word == "who" and not re.match(r"(?i)the\b", topic) else ""
        head, _, more = topic.partition(" ")
        head = _plain_words(head, pinyin=True)
        article = article if head[:1].islower() else ""
        return f"{word.capitalize()} {_BE[word]} {article}{head}{' ' + more if more else ''}?"
    many = _HOW_MANY_TAIL.match(tail)
    if many and _telegraphic(many.group(2)):
        rest = _plain_words(many.group(2))
        return f"How {many.group(1).lower()} {rest + ' ' if rest else ''}in {topic}?"
    noun = _NOUN_TAIL.match(tail)
    if noun and _telegraphic(noun.group(1)):
        return f"What is the {_plain_words(noun.group(1))} of {topic}?"
    return question


# --- the range reader: a guess of the asked number's order after the question proper
# 大连拆除了多少台锅炉，是不是有上千台？ 大连拆除了多少台锅炉，大概上千台吧？
_ZH_ASKS_NUMBER = lazy_compile(r"多少|(?<![十百千万萬好])[几幾](?![十百千万萬亿億])")
_ZH_RANGE_GUESS = lazy_compile(
    r"[，,；;—]+\s*(?:是不是|是否|有没有|有沒有|大概|大约|大約|差不多|估计|估計|应该|應該)*(?:有|是|在|过|過|超过|超過|不到)?"
    r"(?:大概|大约|大約|差不多)?(?:上|过|過|小|好|近)?[\d〇零一二两兩三四五六七八九十百千万萬亿億几幾多来來余餘]+"
    r"[\u4e00-\u9fff]{0,2}?(?:了)?(?:吧|吗|嗎|是吧|对吧|對吧|左右|上下)?[？?]\s*$"
)
def range_guessed(question: str) -> str:
    """The Chinese question without the range reader's guess after it (the asked number's order: …多少台，是不是有上千台？)
    when what comes before asks the number; as typed otherwise. English is left as typed: a guess after an English
    question (— close to a billion yuan?) is read by the number checks, which find the text's figure by it (readers18
    tune zg057 was refused without it)."""
    if _HAN.search(question):
        guess = _ZH_RANGE_GUESS.search(question)
        if guess and _ZH_ASKS_NUMBER.search(question[: guess.start()]):
            return question[: guess.start()].rstrip() + "？"
    return question
