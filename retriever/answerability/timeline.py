"""The timeline reader's questions (session 23, readers19): which period, quarter or year something happened in.

哪个季度, 哪个时期, 哪个阶段 ask when, as 哪一年 does: the answer is a time (第一季度, “十三五”时期), never the name of
a thing of that kind, so the name check (kinds.asked_kind: 哪家酒店 asks a hotel's name) must not read the period as a
kind whose name the text lacks. A kind is a period when one of CC-CEDICT's meanings of it is a stretch of time
(季度 'quarter of a year', 时期 'period', 年份 'particular year', 月份 'month', 日期 'date', 年代 'decade of a century').

General Chinese: the dictionary decides, nothing here is about one text.
"""

from __future__ import annotations

_TIME_MEANINGS = frozenset({
    "time", "period", "period of time", "time period", "date", "day", "week", "month", "year", "particular year",
    "quarter of a year", "season", "decade of a century", "era", "phase", "stage", "time interval", "semester",
})


def a_period(kind: str) -> bool:
    """A kind that is, or opens with, a stretch of time (季度, 时期, 年份, 月份, 日期): 哪个季度 asks when, not a name of
    the kind; the nouns jieba runs on after it (哪个季度主要污染指标反弹) are what the question is about."""
    from retriever.answerability.heads import meanings
    from retriever.answerability.units import pos_tagger

    first = next((w for w, _ in pos_tagger().cut(kind) if w.strip()), kind)
    return any(meanings(k, every=True) & _TIME_MEANINGS for k in dict.fromkeys((kind, first)) if len(k) >= 2)
