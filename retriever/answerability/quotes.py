"""Whether a phrase the question quotes occurs in the text: an invented quote close to a real one (session 17).

A reader asks who said a phrase (“环保工作要靠天吃饭”是谁说的？ Who said that "pollution is the price of growth"?), or
whether a speaker said it (王奇说过“网格员都是志愿者”吗？ 王奇说过网格员都是志愿者吗？ Did Wang Qi claim that …?). The
passage that holds a real phrase names its speaker; a phrase nobody wrote has no speaker to give, yet its words (环保工作,
网格员, 王奇) are all the text's, so every coverage check passes and the judge answered it with the nearest passage.

``quoted`` finds the phrases a question quotes: between quotation marks (“…”, 「…」, 『…』, "…"), or the claim after
说过/讲过/提到过 … 吗 and after say/claim/state (that) …; a short quoted term (“河长制”, “三见”) is a name, not a phrase,
and is left to the other checks. ``quote_absent`` scores how far the best of them is from the text:

- a Chinese phrase is looked for in the evidence passages, both in search_key form (traditional → simplified, numerals
  in Arabic, no whitespace: a phrase broken across the transcript's lines is whole) and without punctuation (一处违法，
  处处受限 for 一处违法、处处受限). It is found when an approximate match costs little for its length: the asker quoting
  from memory leaves words out (单靠国家投入是不够的 for …是远远不够的) and adds a few (腰杆子特别硬), and types a homophone
  (再 for 在, 买 for 卖); a character of another sound in place of the text's is a changed word (冬天 for 春天, 全靠 for
  单靠) and costs the most (``_cost``);
- an English phrase (or an English question's claim: Who said at the forum that …?) is checked across languages by its
  content words: the share of them (EN_FOUND) that one stretch of two adjacent sentences of the evidence writes, each
  through the lexicon's Chinese forms (CC-CEDICT glosses of the index's terms, the domain glossary). The lexicon maps
  only the text's own words, so a word it cannot map counts as unwritten; a phrase of fewer than three content words,
  or none mapped, is no evidence. A weak check, kept weak on purpose: a fair translation maps only part of its words
  (ashamed → 愧对, descendants → nothing: 0.5), so the bar is low and it refuses only phrases of which most words are
  foreign to the text (clean air is a basic human right; we must never trade the environment for GDP). Dense cosines of
  the question do not tell either (eval/quote_stress.jsonl: invented 0.744–0.825, translations 0.749–0.794).

Figures (session 17, quote1): see docs/notes/round2-session17-quote1.md.

quote_absent is 1.0 when a quoted phrase is not found, 0.0 when none is quoted or all are found; the Chinese phrases
found also make their words known to focus_known (腰杆子 of “腰杆子特别硬”: the slip is the quote's, not an attribute
the text lacks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from index.normalize import search_key

_HAN = re.compile(r"[\u4e00-\u9fff]")
_MARKS = re.compile(r"[“「『\"]([^“”「」『』\"]{2,80})[”」』\"]")
_ZH_SAID = r"(?:说过|說過|讲过|講過|提到过|提到過|提过|提過|表示过|表示過|讲到过|说到过)"
# 王奇说过网格员都是志愿者吗 / 张海冰是不是说过…？: the claim after the verb, to the closing particle
_CLAIM_TEXT = r"([^“”「」『』\"？?，,。！!]{4,40}?)"
_ZH_CLAIM = re.compile(
    rf"{_ZH_SAID}(?:这样的话|这句话|这话)?[：:，,]?{_CLAIM_TEXT}(?:这样的话|这句话|这话|的话)?"
    rf"(?:吗|嗎|么|麼|嘛|没有|沒有|没|沒)[？?。！!\s]*$|(?<=是不是|有没有|是否曾){_ZH_SAID}{_CLAIM_TEXT}[？?。！!\s]*$"
)
_ZH_ASKED = re.compile(r"多少|几|幾|什么|甚么|什麼|谁|誰|哪|怎|如何|为何|為何|为什么|為什麼|啥|咋")
# Who said (at the forum) that …? Which speaker claimed …? (Did X say that …? reads so after preamble.english_claimed)
_EN_CLAIM = re.compile(
    r"^(?:who|which(?: [a-z]+){0,2}?) (?:(?:had|has|have|ever|actually|really|once|first) )*"
    r"(?:said|claimed|stated|argued|suggested|insisted|mentioned|remarked|declared|says|claims)"
    r"(?: (?:at|during|in) the (?:forum|dialogue|talk|meeting))?(?: that)? ((?:(?![.?!;]\s).){12,200}?)[?？.!]?\s*$",
    re.I,
)
_EN_WH = re.compile(r"^(?:how|what|when|where|which|who|whom|whose|why|whether|if)\b", re.I)
_WORD_CHARS = re.compile(r"[^\w]|_")
MIN_ZH = 4  # characters: a shorter quoted phrase is a term (“河长制”), checked as a word elsewhere
MIN_EN_WORDS = 3
# the match cost a phrase of n characters may have and still be the text's: a word left out or added, a homophone typed
# (``_cost``); a character of another sound in place of the text's costs 1 and is allowed only in long phrases
ZH_TOLERANCE = 0.9
ZH_TOLERANCE_PER_CHAR = 0.07
_LEFT_OUT, _ADDED, _HOMOPHONE = 0.6, 0.4, 0.25
EN_FOUND = 0.5  # the share of an English phrase's content words one sentence stretch must write
EN_MIN_UNITS = 3


def quoted(question: str) -> list[str]:
    """The phrases the question quotes (the module's doc): within quotation marks, else the claim after 说过 … 吗 /
    say (that) …; a Chinese phrase of fewer than MIN_ZH characters, an English one of fewer than MIN_EN_WORDS words,
    and a claim asking a question word (说过要拆多少台吗) are none."""
    phrases = [m.group(1).strip() for m in _MARKS.finditer(question)]
    if not phrases:
        if _HAN.search(question):
            claim = _ZH_CLAIM.search(question)
            said = claim and (claim.group(1) or claim.group(2))
            if said and not _ZH_ASKED.search(said):
                phrases = [said]
        else:
            claim = _EN_CLAIM.search(question.strip())
            if claim and not _EN_WH.match(claim.group(1)):
                phrases = [claim.group(1)]
    out = []
    for phrase in phrases:
        if _HAN.search(phrase):
            if len(_key(phrase)) >= MIN_ZH:
                out.append(phrase)
        elif len(re.findall(r"[A-Za-z]+", phrase)) >= MIN_EN_WORDS:
            out.append(phrase)
    return out


def _key(text: str) -> str:
    """search_key without punctuation: the form in which a quoted phrase meets the text."""
    return _WORD_CHARS.sub("", search_key(text))


@lru_cache(maxsize=8192)
def _sound(char: str) -> str:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(char)[0] if _HAN.match(char) else char


def _cost(phrase: str, text: str) -> float:
    """The least cost of matching phrase to a stretch of text (an edit distance free at both ends of the text): a text
    character the phrase leaves out 0.6, a character the phrase adds 0.4, a homophone in place of the text's 0.25,
    another character 1 (no cheaper as one left out and one added: a changed word is no slip)."""
    n = len(phrase)
    sounds = [_sound(c) for c in phrase]
    previous = [_ADDED * i for i in range(n + 1)]
    best = previous[n]
    for t in text:
        t_sound = None
        current = [0.0]
        for i in range(1, n + 1):
            p = phrase[i - 1]
            if p == t:
                sub = 0.0
            else:
                if t_sound is None:
                    t_sound = _sound(t)
                sub = _HOMOPHONE if sounds[i - 1] == t_sound and _HAN.match(p) else 1.0
            current.append(min(previous[i - 1] + sub, previous[i] + _LEFT_OUT, current[i - 1] + _ADDED))
        previous = current
        best = min(best, previous[n])
    return best


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def chinese_found(phrase: str, texts: Sequence[str], contains=None) -> bool:
    """Whether a Chinese phrase occurs in one of the texts (or in the text contains looks in) within the tolerance."""
    key = _key(phrase)
    if contains is not None and contains(key):
        return True
    allowed = max(ZH_TOLERANCE, ZH_TOLERANCE_PER_CHAR * len(key))
    grams = _bigrams(key)
    for text in texts:
        flat = _key(text)
        if key in flat:
            return True
        if grams and len(grams & _bigrams(flat)) < len(grams) / 3:
            continue  # too few of its pairs of characters: no stretch can be close
        if _cost(key, flat) <= allowed:
            return True
    return False


def english_found(phrase: str, windows: Sequence[str], lexicon: dict) -> bool | None:
    """Whether one stretch of the text (search_key form) writes at least EN_FOUND of an English phrase's content words
    (a word the lexicon cannot map counts as not written: the lexicon holds the text's own words); None for a phrase of
    fewer than EN_MIN_UNITS content words, or none of them mapped (no evidence)."""
    from retriever.answerability.units import coverage, english_units

    units = english_units(phrase, lexicon)
    if len(units) < EN_MIN_UNITS or not any(f and not f.isascii() for u in units for f in u.forms):
        return None
    return max((coverage(units, w) for w in windows), default=0.0) >= EN_FOUND


def quote_check(question: str, passages: Sequence, lexicon: dict, contains=None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the phrases not found, the Chinese phrases found): the phrases the question quotes (``quoted``) that the
    evidence passages do not hold (the module's doc), as quoted; the Chinese phrases they hold, in search_key form
    (their words are the text's, slips and all: 腰杆子 of “腰杆子特别硬”)."""
    phrases = quoted(question)
    if not phrases:
        return (), ()
    from retriever.answerability.features import sentence_windows

    absent, found = [], []
    for phrase in phrases:
        if _HAN.search(phrase):
            if chinese_found(phrase, [c.text for c in passages], contains):
                found.append(_key(phrase))
            else:
                absent.append(phrase)
        else:
            windows = [w for c in passages for w in sentence_windows(c)]
            if english_found(phrase, windows, lexicon) is False:
                absent.append(phrase)
    return tuple(absent), tuple(found)
