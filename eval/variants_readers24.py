"""Variants of OTHER sets' tune questions in readers24's four voices, answered as the product answers them: refusal
(and R@1) per voice, for tuning the question side before and after a change.

    python -m eval.variants_readers24 --index index_store/default --out /tmp/v24 [--per-kind 25] [--seed 28]
        [--failures]

Session 28's blind readers24 asked the text's facts as a northern / south-western dialect speaker, a non-native
English writer with Chinese word order, a reader asking why / for what purpose, and a social-media user. Fixes fitted
to its tune rows may not carry, so this script rewrites the answerable and near-miss TUNE questions of every other
set (readers24 itself, follow-ups and held-out rows are never read) with general templates that know no question:

- ``dialect.zh``: 东北话 and 四川话: a place word after the city (那旮沓, 那疙瘩, 那嘎达, 那块儿, 那头), 多少 → 好多,
  怎么 → 咋个/啷个, 什么 → 啥子/啥, 很 → 贼/老, a final 嘛/噻/哈/嘞, an opening 那个啥/整了半天;
- ``chinglish.en``: Chinese word order in English: "How many N did X V?" → "X V N have how many?", articles and
  auxiliaries dropped, plurals made singular, "What is X's N?" → "X N is what?";
- ``social.zh`` / ``social.en``: a hashtag topic, 求问/蹲一个/家人们/有没有懂的/谢谢大佬 (en: "asking for a friend",
  "ngl", "pls", "lowkey", "ELI5:"), an @ mention of the city's bureau.

Every variant is asked with retriever.answer(). Printed per kind: answerable variants refused and their R@1,
near-miss variants refused; OUT/variants.jsonl holds every variant; --failures lists the misfires.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from eval import voiced

SEED = 28
KINDS = ("dialect.zh", "chinglish.en", "social.zh", "social.en")
_END = re.compile(r"[?？。.!！\s]+$")
_PLACES = ("大连市", "济宁市", "南阳市", "湘潭市", "大连", "济宁", "南阳", "湘潭", "竹埠港", "广州", "海口")
_EN_PLACES = ("Dalian", "Jining", "Nanyang", "Xiangtan", "Zhubugang", "Guangzhou", "Haikou")


def _body(text: str) -> str:
    return _END.sub("", text.strip())


# ---------------------------------------------------------------------------------------------- dialect
_PLACE_WORDS = ("那旮沓", "那疙瘩", "那嘎达", "那块儿", "那头", "那旮旯", "那块")
_DIALECT_WORDS = (("多少", ("好多", "好多", "多少")), ("怎么", ("咋个", "啷个", "咋")), ("什么", ("啥子", "啥", "啥玩意")),
                  ("很多", ("老鼻子", "贼多", "好多")), ("非常", ("贼", "老")), ("为什么", ("为啥子", "为啥", "咋个")))


def dialect_zh(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    out = body
    place = next((p for p in _PLACES if p in out), "")
    if place and rng.random() < 0.8:
        out = out.replace(place, place + rng.choice(_PLACE_WORDS), 1)
    for plain, spoken in _DIALECT_WORDS:
        if plain in out and rng.random() < 0.85:
            out = out.replace(plain, rng.choice(spoken), 1)
    opener = rng.choice(("", "", "", "那个啥，", "整了半天，", "问一哈，", "我问哈，"))
    closer = rng.choice(("", "嘛", "噻", "哈", "嘞", "啊", "咧"))
    made = f"{opener}{out}{closer}？"
    return [made] if made != text else []


# -------------------------------------------------------------------------------------------- chinglish
_AUX = r"(?:did|does|do|has|have|had|was|were|is|are|will|can)"


def _singular(words: str) -> str:
    return " ".join(re.sub(r"(?<=[a-z]{3})(?:ies)$", "y", re.sub(r"(?<=[a-z]{3}[^s])s$", "", w)) for w in words.split())


def _drop_articles(text: str) -> str:
    return re.sub(r"\b(?:the|a|an)\s+", "", text, flags=re.I)


def chinglish_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    m = re.match(rf"(?i)how (many|much) (.+?) {_AUX} (.+)$", body)
    made = []
    if m:
        noun, rest = m.group(2), m.group(3)
        rest = re.sub(r"['’]s\b", "", rest)
        tail = rng.choice(("have how {q}", "how {q}", "is how {q}", "total how {q}")).format(q=m.group(1).lower())
        made.append(f"{_drop_articles(rest)} {_singular(_drop_articles(noun))} {tail}?")
    m = re.match(rf"(?i)(what|who|which \w+|where|when) {_AUX} (.+)$", body)
    if m and not made:
        wh = m.group(1).lower()
        rest = _drop_articles(re.sub(r"['’]s\b", "", m.group(2)))
        made.append(f"{rest[0].upper() + rest[1:]} {rng.choice(('is', 'is', 'have'))} {wh}?")
    return made


# ----------------------------------------------------------------------------------------------- social
def social_zh(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    place = next((p for p in _PLACES if p in body), "")
    tag = rng.choice((f"#{place}#" if place else "#环保#", "#求问#", "#环保那些事#", f"@{place[:2]}环保" if place else "@环保局"))
    opener = rng.choice(("求问", "家人们", "有没有懂的", "蹲一个", ""))
    closer = rng.choice(("谢谢大佬", "蹲一个答案", "在线等", "求科普", ""))
    return [f"{tag} {opener}{body}？{closer}".strip()]


def social_en(text: str, rng: random.Random) -> list[str]:
    body = _body(text)
    place = next((p for p in _EN_PLACES if p in body), "")
    tag = rng.choice((f"#{place}" if place else "#environment", "#askingforafriend", "#pollution", ""))
    low = body[0].lower() + body[1:] if body and not body[:2].isupper() else body
    frame = rng.choice(("ngl {lb}?", "{b}? pls", "asking for a friend: {lb}?", "lowkey curious, {lb}?", "ELI5: {lb}?",
                        "{b}?? thx in advance"))
    return [f"{tag} {frame.format(b=body, lb=low)}".strip()]


_MAKERS: dict[str, Callable[[str, random.Random], list[str]]] = {
    "dialect.zh": dialect_zh, "chinglish.en": chinglish_en, "social.zh": social_zh, "social.en": social_en,
}


VOICES = voiced.Voices(_MAKERS, KINDS, "readers24", SEED, "python -m eval.variants_readers24", __doc__, "voice")
variants, source_questions, pick, run, main = VOICES.variants, VOICES.source_questions, VOICES.pick, VOICES.run, VOICES.main


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
