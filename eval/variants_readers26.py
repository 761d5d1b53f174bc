"""Variants of OTHER sets' tune questions in readers26's four voices, answered as the product answers them: refusal
(and R@1) per voice, for tuning the question side before and after a change.

    python -m eval.variants_readers26 --index index_store/default --out /tmp/v26 [--per-kind 25] [--seed 30]
        [--failures]

Session 30's blind readers26 asked the text's facts as a slide / minutes maker (saying what the answer is for: 做PPT用，
做会议纪要要写…, For my slide on Dalian:), a translator checking a figure or term (翻译核对：, 翻译稿里要写…, I'm
translating this piece —), a hypothetical "suppose I were…" asker (假如我是济宁的网格员，…; Suppose I lived in Dalian:)
and a quiz host (抢答题：, 抢答哈，, Quiz round:). This script rewrites the answerable and near-miss TUNE questions of
every other set (readers26 itself, follow-ups and held-out rows are never read) with general templates that know no
question: each kind wraps the question as typed in one of its voice's frames (the hypothetical asker names a role in
the question's own city, or none).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from eval import voiced

SEED = 30
KINDS = ("slide.zh", "slide.en", "translate.zh", "translate.en", "suppose.zh", "suppose.en", "quiz.zh", "quiz.en")
_END = re.compile(r"[?？。.!！\s]+$")
_PLACES = ("大连", "济宁", "南阳", "湘潭", "竹埠港", "广州")
_EN_PLACES = ("Dalian", "Jining", "Nanyang", "Xiangtan", "Zhubugang", "Guangzhou")


def _body(text: str) -> str:
    return _END.sub("", text.strip())


def _low(body: str) -> str:
    return body[0].lower() + body[1:] if body[:1].isupper() and not body[1:2].isupper() else body


def slide_zh(text: str, rng: random.Random) -> list[str]:
    frame = rng.choice(("做PPT用，{b}？", "做PPT：{b}？", "做PPT嘛，{b}啊？", "做会议纪要要写这个，{b}？", "做个表格，{b}？",
                        "写汇报材料用：{b}？", "我在做幻灯片，{b}？", "PPT里要放：{b}？"))
    return [frame.format(b=_body(text))]


def slide_en(text: str, rng: random.Random) -> list[str]:
    frame = rng.choice(("For my slide: {lb}?", "For my slides — {lb}?", "Slide note: {lb}?", "For the minutes: {lb}?",
                        "I'm making a PPT: {lb}?", "For a table I'm drafting, {lb}?"))
    return [frame.format(lb=_low(_body(text)))]


def translate_zh(text: str, rng: random.Random) -> list[str]:
    frame = rng.choice(("翻译核对：{b}？", "翻译：{b}？", "我在翻译这篇，{b}？", "翻译稿里要写这个，{b}？", "翻译时想核对一下，{b}？",
                        "做翻译，{b}？"))
    return [frame.format(b=_body(text))]


def translate_en(text: str, rng: random.Random) -> list[str]:
    frame = rng.choice(("I'm translating this piece — {lb}?", "Translating: {lb}?", "Translator's query: {lb}?",
                        "Checking my translation: {lb}?", "For my translation, {lb}?"))
    return [frame.format(lb=_low(_body(text)))]


def suppose_zh(text: str, rng: random.Random) -> list[str]:
    place = next((p for p in _PLACES if p in text), "")
    role = rng.choice(("居民", "企业主", "环保局的工作人员", "记者", "网格员"))
    who = f"{place}的{role}" if place else rng.choice(("那里的居民", "当地人", "一个环保志愿者"))
    frame = rng.choice(("假如我是{w}，{b}？", "要是我是{w}，{b}？", "如果我是{w}，{b}？", "假设我是{w}，{b}？"))
    return [frame.format(w=who, b=_body(text))]


def suppose_en(text: str, rng: random.Random) -> list[str]:
    place = next((p for p in _EN_PLACES if p in text), "")
    who = rng.choice(("lived in {p}", "ran a firm in {p}", "worked at the {p} bureau")).format(p=place) if place else \
        rng.choice(("were a local resident", "ran a small firm there", "were a reporter"))
    frame = rng.choice(("Suppose I {w}: {lb}?", "Say I {w} — {lb}?", "If I {w}, {lb}?", "Imagine I {w}: {lb}?"))
    return [frame.format(w=who, lb=_low(_body(text)))]


def quiz_zh(text: str, rng: random.Random) -> list[str]:
    frame = rng.choice(("抢答题：{b}？", "抢答哈，{b}？", "抢答：{b}？", "下一题：{b}？", "第三题，{b}？", "竞猜：{b}？"))
    return [frame.format(b=_body(text))]


def quiz_en(text: str, rng: random.Random) -> list[str]:
    frame = rng.choice(("Quiz round: {lb}?", "Quiz night — {lb}?", "Next question: {lb}?", "Round two, question three: {lb}?",
                        "Quiz: {lb}?"))
    return [frame.format(lb=_low(_body(text)))]


_MAKERS: dict[str, Callable[[str, random.Random], list[str]]] = {
    "slide.zh": slide_zh, "slide.en": slide_en, "translate.zh": translate_zh, "translate.en": translate_en,
    "suppose.zh": suppose_zh, "suppose.en": suppose_en, "quiz.zh": quiz_zh, "quiz.en": quiz_en,
}


VOICES = voiced.Voices(_MAKERS, KINDS, "readers26", SEED, "python -m eval.variants_readers26", __doc__, "voice")
variants, source_questions, pick, run, main = VOICES.variants, VOICES.source_questions, VOICES.pick, VOICES.run, VOICES.main


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
