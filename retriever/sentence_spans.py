"""The candidate highlights of a passage: which sentences may answer and which go with them.

A candidate is a sentence that does not ask, extended by the next sentence when it is only a heading ('二是突出治理
重点。', '一是坚持科学监管，…') or a line without a sentence end (a title, '辽宁省大连市环保局' above '局长张海冰'), and
by the one after when that one points back (这决定了…, 因此…, 其中…, 围绕这一主线…, 《规定》明确了… after the full
title). A sentence that opens a list ('我们做了大量工作。一是…') takes no item with it: each item heads its own
sentence. A sentence that follows a speaker's rhetorical question is scored with the question it answers, and
highlighted without it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

SHORT_SENTENCE = 25  # a sentence this short ('三是创新融资机制。') is a heading: highlighted with the next one
HEADING_MAX = 40  # an enumerating sentence ('一是坚持科学监管，积极探索…') up to this long is a heading too
_HEADING = re.compile(r"^(?:[一二三四五六七八九十][是要]|首先|其次|第[一二三四五六七八九十])")
# A sentence's end; in English a full stop after a word (…in 2026.), so an English passage's sentences are highlights
# of their own, not each a fragment running on into the next.
_SENTENCE_END = re.compile(r"(?:[。！？!?；;…]|[A-Za-z0-9%)]\.[\"”’']?)\s*$")
# A table's row ends where its line does (北郊水厂|46|100%|无, Riverside 28 310): each row is a highlight of its own.
_ROW = re.compile(r"[^|\s]\s?\|\s?[^|\s]|\d[\d,.]*%?\s+[-+]?\d[\d,.]*%?\s*$")
# A line of a field list (时间：2026年11月12日上午9:30, 地点：…, Venue: …) ends where its line does: a highlight of its own.
_FIELD = re.compile(
    r"^\s*(?:时间|日期|地点|地址|会议时间|会议地点|会址|主持|出席|列席|参加人员|记录|议题|date|time|venue|place|location)"
    r"\s*[：:]\s*\S[^\n]{0,60}\n?$", re.I
)
_SPEAKER = re.compile(r"^\s*(?:[\u4e00-\u9fff]{2,8}|[问答])[：:]\s*")  # 王奇：, and an interview's 问： / 答：
# A questioner introducing themselves before asking (记者：我是晨报记者。请问…？): part of the question, no answer.
_INTRODUCTION = re.compile(r"^(?:我是|我来自)[^，,。！？!?]{1,24}[。.]?\s*$")
# A sentence that opens by pointing back (这决定了…, 因此…, 此…, 其中 'of which', an opening phrase on 这个/这些/这一:
# 围绕这一主线, 通过这些综合整治) says nothing alone: it is shown with the one before it, and so is one that opens with a
# short title (《规定》明确了…) when the one before writes it in full (《…职责规定（试行）》). 这一代 (this generation) and
# 这两年 (these two years) point at nothing.
_BACK_REFERENCE = re.compile(
    r"^(?:这(?![两几一]年)|此(?!外)|由此|因此|所以|为此|对此|其中"
    r"|(?:如今|现在|目前)?(?:通过|围绕|作为|经过|按照|根据|针对|基于|有了)这[个些种一场项样](?![两几]|一?[年代]))"
)
_SHORT_TITLE = re.compile(r"^《([^《》]{1,4})》")


def is_question(sentence: str) -> bool:
    """True when the sentence asks (ends with a question mark, before closing quotes or brackets)."""
    return sentence.rstrip().rstrip("”’」』）)").endswith(("？", "?"))


def speaker_prefix(sentence: str) -> int:
    """Length of the speaker's name that opens a turn ('王奇：' -> 3), 0 when there is none (a field's name, 时间：, is
    none: it says what the line gives)."""
    if _FIELD.match(sentence):
        return 0
    match = _SPEAKER.match(sentence)
    return match.end() if match and match.end() < len(sentence) else 0


# A line naming who prepared the document (index/structure/generic.py reads it as a byline of its own).
PREPARED = re.compile(
    r"^\s*(?:(?:prepared|compiled|written|edited|issued|published|produced|submitted)\s+(?:jointly\s+)?by|by)\s+\S"
    r"|^\s*[^，。；！？,;:：\n]{2,30}(?:编制|编写|编印|撰写|撰稿|编著|主编|制作|出品|发布|印发)\s*$", re.I
)


def records(sentence: str) -> bool:
    """A line that records its document (Prepared by …, 市环境监测中心编制; 时间：…, 地点：…): read with its title."""
    return bool(_FIELD.match(sentence) or PREPARED.match(sentence))


def is_row(sentence: str) -> bool:
    """A table's row (北郊水厂|46|无, Riverside 28 310)."""
    return bool(_ROW.search(sentence))


def sentence_body(sentence: str) -> str:
    """The sentence without the speaker's name that opens a turn."""
    return sentence[speaker_prefix(sentence) :]


def refers_back(sentence: str, before: str = "") -> bool:
    """True when the sentence opens by pointing back at the one before it (这决定了…, 因此…, 此举…, or 《规定》…
    when `before` writes the full title)."""
    body = sentence_body(sentence)
    short = _SHORT_TITLE.match(body)
    if short:
        return any(short.group(1) in full and full != short.group(1) for full in re.findall(r"《([^《》]+)》", before))
    return bool(_BACK_REFERENCE.match(body))


def _ends(sentence: str) -> bool:
    """Whether a sentence ends where it stops: a sentence's end, or a table row's line."""
    return bool(_SENTENCE_END.search(sentence) or _ROW.search(sentence) or _FIELD.match(sentence))


def spans(sentences: Sequence[str]) -> list[tuple[int, int, int]]:
    """The candidate highlights of a passage: (first sentence scored, first sentence shown, last sentence shown).

    A question is no candidate unless every sentence asks (a questioner's '我是晨报记者。' before it asks too, and is
    no candidate itself); a line without a sentence end continues into the next
    one, a heading takes the next sentence with it (not a list's first item: 我们做了大量工作。一是…), and a sentence
    that points back (这决定了…, 因此…, 其中…) is shown only with the one before it.
    """
    asking = [is_question(s) for s in sentences]
    introducing = [not asking[i] and bool(_INTRODUCTION.match(sentence_body(s))) for i, s in enumerate(sentences)]
    introduced = any(asking) and all(a or b for a, b in zip(asking, introducing))  # '我是晨报记者。' then questions
    if introduced:
        asking = [a or b for a, b in zip(asking, introducing)]  # the turn only asks: its questions are candidates
    back = [not asking[i] and i > 0 and not asking[i - 1] and refers_back(s, sentences[i - 1]) for i, s in enumerate(sentences)]
    out = []
    for i in range(len(sentences)):
        continued = i > 0 and (not _ends(sentences[i - 1]) or back[i])
        if continued or (asking[i] and not all(asking)) or (introduced and introducing[i]):
            continue
        last = i
        while last + 1 < len(sentences) and not asking[last + 1] and last - i < 5:
            body = sentence_body(sentences[last])
            fragment = not _ends(sentences[last])
            heading = len(sentences[last]) < SHORT_SENTENCE or (_HEADING.match(body) and len(body) < HEADING_MAX)
            heading = heading and not _ROW.search(sentences[last]) and not _FIELD.match(sentences[last])  # nor a field
            if heading and _HEADING.match(sentence_body(sentences[last + 1])):
                heading = False  # it opens a list ('我们做了大量工作。一是…'): each item heads its own sentence
            if not (fragment or heading):
                break
            last += 1
            if not fragment:
                break
        if last + 1 < len(sentences) and back[last + 1]:
            last += 1
        scored = i - 1 if i > 0 and asking[i - 1] and not all(asking) else i  # a rhetorical question and its answer
        out.append((scored, i, last))
    return out
