"""Variants of OTHER sets' tune questions in readers25's four voices, answered as the product answers them: refusal
(and R@1) per voice, for tuning the question side before and after a change.

    python -m eval.variants_readers25 --index index_store/default --out /tmp/v25 [--per-kind 25] [--seed 29]
        [--failures]

Session 29's blind readers25 asked the text's facts as a reverse-lookup reader (quoting a figure or phrase and asking
what it refers to or who said it), a how / by-what-means asker, a headline-style English writer (telegraphese with a
colon and no verb) and a reader asking a number by range or approximation. This script rewrites the answerable and
near-miss TUNE questions of every other set (readers25 itself, follow-ups and held-out rows are never read) with
general templates that know no question:

- ``reverse.zh`` / ``reverse.en``: a figure of the row's answer string (digits and their measure word: 604台, 54061个)
  quoted and asked back (“604台”在大连的讲述里指的是什么？ 992这个数说的是济宁的什么人？ What does the figure 162 refer to
  in the Jining account?), else the answer phrase itself (“抓两头带中间”说的是南阳的什么？); near misses have no answer
  and give no reverse variant;
- ``how.zh`` / ``how.en``: 怎么/如何 as 通过什么渠道/用什么办法/靠什么手段, How did X V as By what means did X V;
- ``headline.en``: "How many N did X V?" as "X V: How Many N?", "What is X's N?" as "X N: What?", title case or not;
- ``polite.zh`` / ``polite.en``: the secondary over-polite voice (冒昧请教一下，想确认一下，不知道方不方便问一下；I was
  wondering if you might know, Would it be possible to tell me, Would you mind telling me);
- ``range.zh`` / ``range.en``: the asked number guessed by its order of magnitude (上千, 几百, 过万, 小一千, 五万多;
  in the thousands, more than a thousand, roughly a hundred), rightly for answerable rows (from the answer's figure).

Every variant is asked with retriever.answer(). Printed per kind: answerable variants refused and their R@1,
near-miss variants refused; OUT/variants.jsonl holds every variant; --failures lists the misfires.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import lru_cache

from eval import voiced

SEED = 29
KINDS = ("reverse.zh", "reverse.en", "how.zh", "how.en", "headline.en", "range.zh", "range.en", "polite.zh", "polite.en")
_END = re.compile(r"[?？。.!！\s]+$")
_PLACES = ("大连市", "济宁市", "南阳市", "湘潭市", "大连", "济宁", "南阳", "湘潭", "竹埠港", "广州", "海口", "普邦")
_EN_PLACES = ("Dalian", "Jining", "Nanyang", "Xiangtan", "Zhubugang", "Guangzhou", "Haikou", "Pubang")
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)(万|亿)?(台|个|家|名|件|人|辆|项|类|吨|元|条|座|所|套|处|次|年|%)?")


def _body(text: str) -> str:
    return _END.sub("", text.strip())


@lru_cache(maxsize=1)
def _answers() -> dict[str, tuple[str, ...]]:
    return {q.question: tuple(q.answers) for q in voiced.source_questions("readers25")}


def _figure(text: str) -> tuple[str, float] | None:
    """(the figure as written in the answer with its measure word, its value) of the first number of a row's answer."""
    for a in _answers().get(text, ()):
        m = _FIGURE.search(a)
        if m and len(m.group(1)) >= 2 or (m and m.group(3)):
            value = float(m.group(1)) * {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)
            return m.group(0), value
    return None


# ---------------------------------------------------------------------------------------------- reverse
def reverse_zh(text: str, rng: random.Random) -> list[str]:
    place = next((p for p in _PLACES if p in text), "")
    fig = _figure(text)
    where = place or "论坛上"
    if fig:
        f = fig[0]
        frame = rng.choice(("“{f}”在{p}的讲述里指的是什么？", "{f}这个数说的是{p}的什么？", "“{f}”这数儿说的是{p}干了啥呀？",
                            "{p}提到的{f}指的是啥？", "“{f}”是指{p}的什么？", "{p}那个“{f}”是啥意思？"))
        return [frame.format(f=f, p=where)]
    answers = [a for a in _answers().get(text, ()) if 4 <= len(a) <= 12 and re.search(r"[\u4e00-\u9fff]", a)]
    if not answers:
        return []
    frame = rng.choice(("“{a}”说的是{p}的什么？", "“{a}”是谁说的？", "“{a}”这个说法指的是什么？", "{p}讲的“{a}”到底是啥？"))
    return [frame.format(a=answers[0], p=where)]


def reverse_en(text: str, rng: random.Random) -> list[str]:
    place = next((p for p in _EN_PLACES if p in text), "")
    fig = _figure(text)
    if not fig:
        return []
    num = re.match(r"\d+(?:\.\d+)?", fig[0]).group(0)
    if len(num) < 2:
        return []
    where = place or "the forum"
    frame = rng.choice(("What does the figure {n} refer to in the {p} account?", "What does the number {n} count in {p}?",
                        "{n} — what does that number stand for in {p}?", "In {p}, what is the {n} about?",
                        "What is meant by the figure {n} for {p}?"))
    return [frame.format(n=num, p=where)]


# -------------------------------------------------------------------------------------------------- how
_ZH_HOW = (("是怎么", ("是通过什么渠道", "是用什么办法", "是靠什么手段")), ("怎么", ("通过什么办法", "用什么方式", "靠什么")),
           ("如何", ("通过什么渠道", "用什么办法", "靠什么手段")), ("采取了什么措施", ("用了什么办法", "靠的是什么手段")))


def how_zh(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    for plain, means in _ZH_HOW:
        if plain in body:
            return [body.replace(plain, rng.choice(means), 1) + "？"]
    return []


def how_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    m = re.match(r"(?i)how (did|does|do|was|were|is|are|has|have|can) (.+)$", body)
    if m:
        frame = rng.choice(("By what means {a} {r}?", "Through what channel {a} {r}?", "How exactly {a} {r}?",
                            "What method {a} {r}?"))
        return [frame.format(a=m.group(1).lower(), r=m.group(2))]
    return []


# --------------------------------------------------------------------------------------------- headline
def _title(words: str, on: bool) -> str:
    small = {"a", "an", "the", "of", "in", "on", "for", "to", "and", "by", "at"}
    if not on:
        return words
    return " ".join(w if (w.lower() in small and i) or w[:1].isupper() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words.split()))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline_en(text: str, rng: random.Random) -> list[str]:
    body = re.sub(r"(?i)\b(?:the|a|an)\s+", "", _body(text))
    title = rng.random() < 0.6
    m = re.match(r"(?i)how (many|much) (.+?) (?:did|does|do|has|have|had|was|were|is|are|will) (.+)$", body)
    if m:
        ask = rng.choice(("How Many?", "How Many {n}?", "Head Count?", "Total?", "Number?") if m.group(1).lower() ==
                         "many" else ("How Much?", "Amount?", "Size?", "Total?"))
        return [f"{_cap(_title(m.group(3), title))}: {ask.format(n=_title(m.group(2), title))}"]
    m = re.match(r"(?i)what (?:is|was|are|were) (.+?)'s? (.+)$", body)
    if m:
        return [f"{_cap(_title(m.group(1), title))} {_title(m.group(2), title)}: What?"]
    m = re.match(r"(?i)(when|where|who|which|what) (?:did|does|do|was|were|is|are|has|have) (.+)$", body)
    if m:
        return [f"{_cap(_title(m.group(2), title))}: {m.group(1).capitalize()}?"]
    return []


# ------------------------------------------------------------------------------------------------ range
def _zh_guess(value: float, rng: random.Random) -> str:
    if value >= 1e8:
        return rng.choice((f"{int(value // 1e8)}亿多", "过亿", "上亿"))
    if value >= 1e4:
        return rng.choice((f"{int(value // 1e4)}万多", "过万", "上万", "几万"))
    if value >= 1000:
        return rng.choice(("上千", "几千", f"{int(value // 1000)}千多", "过千"))
    if value >= 100:
        return rng.choice(("上百", "几百", f"{int(value // 100)}百多", "小一千" if value >= 700 else "好几百"))
    if value >= 10:
        return rng.choice(("几十", "十几" if value < 20 else "二三十" if value < 40 else "好几十"))
    return "几"


def range_zh(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    m = re.search(r"(多少|几)(万|亿)?(台|个|家|名|件|人|辆|项|类|吨|元|条|座|所|套|处|次|位)?", body)
    if not m:
        return []
    fig = _figure(text)
    value = fig[1] if fig else rng.choice((300.0, 5000.0, 20000.0))
    scale = {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1)
    guess = _zh_guess(value, rng) if scale == 1 else f"{max(1, int(value // scale))}{m.group(2)}多"
    unit = m.group(3) or ""
    if rng.random() < 0.5:
        made = body[:m.start()] + f"大概{guess}{unit}" + body[m.end():] + rng.choice(("吗？", "吧？", "是吧？"))
    else:
        made = f"{body}，是不是有{guess}{unit}？"
    return [made]


def _en_guess(value: float, rng: random.Random) -> str:
    for floor, word, num in ((1e8, "hundreds of millions", "a hundred million"), (1e6, "millions", "a million"),
                             (1e4, "tens of thousands", "ten thousand"), (1e3, "thousands", "a thousand"),
                             (100, "hundreds", "a hundred"), (10, "dozens", "ten")):
        if value >= floor:
            return rng.choice((f"in the {word}?", f"more than {num}?", f"roughly {num} or so?", f"{word}?"))
    return "just a few?"


def range_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    if not re.match(r"(?i)how (many|much)\b", body):
        return []
    fig = _figure(text)
    value = fig[1] if fig else rng.choice((300.0, 5000.0, 20000.0))
    lead = rng.choice(("", "Roughly ", "Approximately ", "About "))
    core = (lead + body[0].lower() + body[1:]) if lead else body
    return [f"{core} — {_en_guess(value, rng)}"]


# ----------------------------------------------------------------------------------------------- polite
def polite_zh(text: str, rng: random.Random) -> list[str]:
    opener = rng.choice(("冒昧请教一下，", "冒昧问一下，", "想确认一下，", "不知道方不方便问一下，", "冒昧请教，", "想確認一下，"))
    return [opener + _body(text) + "？"]


def polite_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    low = body[0].lower() + body[1:] if body[:1].isupper() and not body[1:2].isupper() else body
    frame = rng.choice(("I was wondering if you might know: {lb}?", "Would it be possible to tell me {lb}?",
                        "Would you mind telling me {lb}?", "If it's not too much trouble, {lb}?",
                        "I hope you don't mind my asking — {lb}?"))
    return [frame.format(lb=low)]


_MAKERS: dict[str, Callable[[str, random.Random], list[str]]] = {
    "reverse.zh": reverse_zh, "reverse.en": reverse_en, "how.zh": how_zh, "how.en": how_en,
    "headline.en": headline_en, "range.zh": range_zh, "range.en": range_en, "polite.zh": polite_zh,
    "polite.en": polite_en,
}


VOICES = voiced.Voices(_MAKERS, KINDS, "readers25", SEED, "python -m eval.variants_readers25", __doc__, "voice")
variants, source_questions, pick, run, main = VOICES.variants, VOICES.source_questions, VOICES.pick, VOICES.run, VOICES.main


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
