"""What two kinds of Chinese question ask for that focus_units leaves out (it finds no question word next to it):

- a search-engine user's keywords (普邦园林 员工 人数, 济宁 环境APP 下载量): the words come in the order the user thinks of
  them, the thing they are about first and what they want last; words that only say what kind of answer is wanted
  (人数, 名称, 日期, 数量, 台数 …) come after it. ``keyword_asked`` gives that last key noun (员工, 下载量);
- a how-question (…是怎么招聘的？, 如何筛选…？): it asks the manner of an action; ``how_action`` gives the action's verb
  (招聘). A verb of saying (咋调侃的, 怎么形容) asks the words said, no manner: it gives none.

A text that never writes the asked noun or the action (nor a synonym, an everyday form or a word of its sound:
features.unit_known) does not report it: features.analyse counts such a word among the asked words the text never
writes (focus_known). Only nouns (keywords) and plain verbs (how-questions) are checked: a keyword user's other words,
a colloquial verb with a result complement (找到, 接上: the text writes the action in another form), a verb-object
compound (筹钱 'raise money': the text writes the deed in its own words, 融资, 筹集资金) and 怎么回事 (what happened, no
action asked) are not. Both read the question in simplified characters (老百姓咋調侃的 asks what 调侃 asks): the
judge's other checks read the canonical form, so a traditional question must not be held to words the text writes
only in simplified form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.normalize import to_simplified
from retriever.answerability.units import tagged_around

# Asking words of any kind: a query that has one is a question, not keywords.
_ASKS = re.compile(r"多少|几|什么|哪|谁|怎|如何|为何|为什么|吗|啥|是否|有没有|咋|[？?。！!，,]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Keywords that only say what kind of answer is wanted (a name, a number, a date, a place, a list), not what it is of;
# X数 counts X (台数 the number of units, 起数 of cases).
_ANSWER_WORD = re.compile(
    r"^(?:名称|名字|姓名|全称|叫法|数量|总数|个数|人数|数目|数字|数据|总量|地点|地址|位置|时间|日期|年份|哪年|金额|总额|规模|比例|"
    r"情况|原话|原文|内容|名单|具体|详情|明细|简介|介绍|措施|办法|做法|经验|[个台家起件次名位项条座辆人户]数)$"
)
_NOUN = re.compile(r"^(?:n|nz|vn|l|j)$")  # jieba tags of a common noun, a nominal verb, an idiom or an abbreviation
_HOW = re.compile(r"怎么|如何|怎样|咋")
# Verbs a how-question uses for doing anything (怎么进行整治, 如何开展): the action is the word after them.
_LIGHT = frozenset("进行 开展 做 搞 弄 去 来 实施 实现 推进 推动".split())
# A result or direction complement glued to a verb (找到, 接上, 搬走): a colloquial form of an action the text writes
# its own way.
_COMPLEMENT = re.compile(r"[到上下完好出起住成掉走来去开回过]$")


def keyword_query(question: str) -> bool:
    """Whether a Chinese query is a search-engine user's keywords: two or more words with spaces between them and no
    asking word or sentence punctuation."""
    parts = question.split()
    return len(parts) >= 2 and bool(_HAN.search(question)) and not _ASKS.search(question)


def keyword_asked(question: str, names: Sequence[str]) -> str:
    """The keyword a search-engine user asks about: the last one that is a common noun, after the words that only say
    what kind of answer is wanted (普邦园林 员工 人数 → 员工); '' when the query is no keywords, or its last key word is a
    name, a number, a Latin word or no noun."""
    if not keyword_query(question):
        return ""
    parts = to_simplified(question).split()
    while parts and _ANSWER_WORD.match(parts[-1]):
        parts.pop()
    if len(parts) < 2:
        return ""  # the thing itself, with nothing asked of it
    word = parts[-1]
    if not _HAN.search(word) or re.search(r"\d", word) or any(n and (n in word or word in n) for n in names):
        return ""
    cut = [(w, t) for w, t, _ in tagged_around(word, names) if w.strip()]
    if not cut or len(word) < 2:
        return ""
    tag = cut[-1][1] if len(cut) > 1 else cut[0][1]  # 环境APP: the head is the last piece
    return word if _NOUN.match(tag) else ""


def how_action(question: str, names: Sequence[str]) -> str:
    """The action a Chinese how-question asks the manner of (…是怎么招聘的？ → 招聘), '' when none: a question without
    how, 怎么样 / 如何 at the end (how is it: a state), 怎么回事, or a word after how that is no plain verb."""
    question = to_simplified(question)
    match = _HOW.search(question)
    if match is None:
        return ""
    rest = question[match.end() :]
    if rest.startswith(("样", "么样", "回事")) or not rest.strip("？?。!！ "):
        return ""
    cut = [(w, t) for w, t, _ in tagged_around(rest, names) if w.strip()]
    while cut and (cut[0][0] in _LIGHT or cut[0][0] in ("么", "才", "能", "会", "要", "就", "被")):
        cut = cut[1:]
    if not cut:
        return ""
    word, tag = cut[0]
    if tag not in ("v", "vn") or len(word) < 2 or _COMPLEMENT.search(word) or saying(word) or verb_object(word):
        return ""
    return word


def verb_object(verb: str) -> bool:
    """Whether a two-character verb is a verb and its object (筹钱 'raise money', 花钱 'spend money', 修路 'repair a
    road'): CC-CEDICT glosses the word as a verb phrase whose object is a meaning of its second character. Everyday
    speech names a deed by such a pair where a report writes it in its own words (湘潭是怎么筹钱的 of a text that writes
    融资 and 筹集资金), so the pair is no word the text must write."""
    from retriever.answerability.heads import meanings

    if len(verb) != 2:
        return False
    objects = {m.lower() for m in meanings(verb[1], every=True)}
    for gloss in meanings(verb, every=True):
        head, _, rest = gloss.lower().partition(" ")
        if head and rest and re.sub(r"^(?:a|an|the|one's|sb's) ", "", rest) in objects:
            return True
    return False


# CC-CEDICT's senses of verbs of saying (调侃 'ridicule', 形容 'describe', 戏称 'jokingly call', 打趣 'make fun of')
_SAYING = re.compile(
    r"^(?:\w+ly )?(?:say|speak|talk|tell|call|name|describe|comment|remark|joke|tease|ridicule|mock|jeer|make fun|"
    r"satirize|roast|praise|complain|criticize|nickname|refer)\b"
)


def saying(verb: str) -> bool:
    """Whether a verb is one of saying (老百姓咋调侃的, 怎么形容的): a how-question then asks the words said, which the
    text quotes (流行一句口头语：河水可以当墨水卖) without writing the verb, no manner of an action."""
    from retriever.answerability.heads import meanings

    return any(_SAYING.match(m) for m in meanings(verb))


__all__ = ["how_action", "keyword_asked", "keyword_query", "verb_object"]
