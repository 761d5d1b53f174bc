"""A question's word in the forms another writer uses for the same thing, by CC-CEDICT's meanings (no word lists).

Readers name a thing by one word and the text by another: 党派 (political party) where the text writes 公明党, 弟弟
where it writes 弟为北宋文人魏泰, 武艺 where it writes 武功, 学校 where it names 复兴中学. Two rules, both read from the
meanings CC-CEDICT gives (index.synonyms' tables):

- the word's head character: a character of the word whose meaning is a meaning of the word, or the last English word
  of one (党派 'political party' → 党 'party'; 弟弟 'younger brother' → 弟; 学校 'school' → 校). The text writes the
  head alone, or as the end of a name (公明党).
- a near-synonym: a word of the same length written alike but for one character, sharing a meaning (武艺 'martial
  art' → 武功 'martial art'); it counts where the text writes it as a word (written_word: 罚金 is no word of 处罚金额).

A third rule serves an article read alone (subjects.py): a word of the article one of whose leading meanings is the
asked word's first meaning, a plural read as its singular (孩子 'child' where the article writes 子女
'children'; 去世 by 逝世, 建立 by 成立): same_meaning_written. A collection's lexicon pairs only words no article writes
with their synonyms (index.synonyms), so a word another article writes (孩子) has no other form of its own.

And for a kind whose name is asked, a word is a kind of it when one of its meanings ends with one of the kind's
(中学 'middle school' is a 学校 'school'; 集团 'corporation' a 公司 'corporation').
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")


def meanings(word: str, every: bool = False) -> set[str]:
    """The word's meanings: the first of each CC-CEDICT entry (every: all of them); without a leading 'to'."""
    from index.synonyms import _senses

    return {m[3:] if m.startswith("to ") else m for m in _senses()[1 if every else 0].get(word, set())}


_meanings = meanings


def _heads(meanings: set[str]) -> set[str]:
    """The meanings and their last words ('political party' → 'party')."""
    return meanings | {m.rsplit(" ", 1)[-1] for m in meanings if " " in m}


@lru_cache(maxsize=8192)
def head_characters(word: str) -> tuple[str, ...]:
    """The characters of a Chinese word (2–4 characters) that mean what the word means (党派 → 党, 弟弟 → 弟)."""
    if not _WORD.fullmatch(word):
        return ()
    heads = _heads(_meanings(word))
    return tuple(dict.fromkeys(c for c in word if heads & _meanings(c)))


@lru_cache(maxsize=8192)
def near_synonyms(word: str) -> tuple[str, ...]:
    """CC-CEDICT words of the word's length written alike but for one character that share a meaning (武艺 → 武功)."""
    if not _WORD.fullmatch(word):
        return ()
    from index.synonyms import _slot_words, _slots

    own = _meanings(word)
    if not own:
        return ()
    slots = _slots()
    found = []
    for i in range(len(word)):
        for other in _slot_words(slots, word[:i], word[i + 1 :]):
            if other != word and own & _meanings(other):
                found.append(other)
    return tuple(dict.fromkeys(found))


def written_word(word: str, contains, known=None) -> bool:
    """Whether the text writes a word as a word of its own, not merely its characters across two words (罚金 of
    处罚|金额): it occurs in some passage (contains) and jieba cuts some passage into it (known: the BM25 vocabulary,
    the text's words; its search mode also counts a dictionary word inside a longer one, 学校 of 大学校长). Without
    known, whether it occurs."""
    return bool(contains(word)) and (known is None or bool(known(word)))


@lru_cache(maxsize=8192)
def kind_of(word: str, kind: str) -> bool:
    """Whether a word names a kind of the asked kind: the same word, a shared meaning, or a meaning of the word that
    ends with one of the kind's (中学 'middle school' of 学校 'school')."""
    if word == kind:
        return True
    kinds = _meanings(kind)
    return any(m == k or m.endswith(" " + k) for m in meanings(word, every=True) for k in kinds)


_FILLERS = frozenset("a an the one's sb's sb sth".split())  # 'to change one's name' is 'to change a name'


def _folded(meaning: str) -> str:
    """A meaning compared in its singular, without a leading 'to' and without articles and placeholders ('children'
    → 'child', 'to pass away' → 'pass away', 'to change one's name' → 'change name')."""
    from index.wordforms import IRREGULAR

    words = [w for w in meaning.removeprefix("to ").split(" ") if w not in _FILLERS]
    head, _, last = " ".join(words).rpartition(" ")
    if last in IRREGULAR:
        last = IRREGULAR[last]
    elif len(last) > 4 and last.endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
        last = last[:-1]
    return f"{head} {last}".strip()


@lru_cache(maxsize=65536)
def _first_folded(word: str) -> frozenset[str]:
    return frozenset(_folded(m) for m in _meanings(word))


@lru_cache(maxsize=8192)
def _leading_folded(word: str) -> frozenset[str]:
    from index.synonyms import _senses

    return frozenset(_folded(m) for m in _senses()[3].get(word, set()) if m)


def same_meaning_written(word: str, texts, known=None) -> str:
    """A word of two to four characters that the texts (search_key form) write, as one of their own words (known: the
    BM25 vocabulary), one of whose leading meanings is the asked word's first (CC-CEDICT, plurals read as singulars):
    子女 'children' of 孩子 'child', 逝世 of 去世; not a word that means only a later sense of it (贸易 'trade' is no
    营业 'to do business; trade'); '' when none is."""
    if not _WORD.fullmatch(word):
        return ""
    first = _first_folded(word)
    if not first:
        return ""
    seen: set[str] = set()
    for text in texts:
        for run in re.findall(r"[\u4e00-\u9fff]{2,}", text):
            for size in (2, 3, 4):
                for i in range(len(run) - size + 1):
                    other = run[i : i + size]
                    if other == word or other in seen:
                        continue
                    seen.add(other)
                    if _leading_folded(other) & first and (known is None or known(other)):
                        return other
    return ""


def other_forms(word: str) -> tuple[str, ...]:
    """The forms a text may write a question's word in: its head characters and its near-synonyms."""
    return head_characters(word) + near_synonyms(word)


def kinds_in(text: str, kind: str) -> tuple[str, ...]:
    """The two-character words of a text (search_key form) that name a kind of the asked kind (中学 for 学校)."""
    if not _WORD.fullmatch(kind):
        return ()
    pieces = {text[i : i + 2] for i in range(len(text) - 1)}
    return tuple(sorted(p for p in pieces if p != kind and _WORD.fullmatch(p) and kind_of(p, kind)))
