"""Older romanisations of Chinese names read as the pinyin the index knows (session 18, readers14's English writer).

An English reader may write a place or a person in Wade-Giles (Hsiang-tan, Chi-ning, Ta-lien, Tan-chiang-kou), in the
postal spellings (Siangtan, Chuchow) or in pinyin split into syllables (Ji Ning). The index's lexicon knows the pinyin
(xiangtan → 湘潭), so ``pinyin_names`` rewrites such a word — or a run of capitalised syllables — as the pinyin word when
one reading of it by the spelling systems' regular correspondences (hs → x, ch → zh/j, k → g, t → d, p → b, ts → z/c,
ien → ian, ung → ong, ow → ou …) is a word of the lexicon that stands for a proper name (湘潭, not 逐步). An English
word (tan, king) or a word the lexicon already maps stays as typed. General: the lexicon and the tagger decide.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

# Wade-Giles and postal pieces → their pinyin readings (longest first; the piece itself is always one reading)
_PIECES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ch'", ("q", "ch")), ("ts'", ("c",)), ("tz'", ("c",)), ("k'", ("k",)), ("t'", ("t",)), ("p'", ("p",)),
    ("hs", ("x",)), ("ien", ("ian",)), ("ieh", ("ie",)), ("ung", ("ong",)), ("chow", ("zhou",)), ("ow", ("ou",)),
    ("ch", ("zh", "j", "q")), ("ts", ("z", "c")), ("tz", ("z",)), ("ih", ("i",)), ("si", ("xi",)), ("ki", ("ji", "qi")),
    ("k", ("g", "j")), ("t", ("d",)), ("p", ("b",)), ("j", ("r",)), ("ü", ("v", "u")), ("o", ("e", "uo")),
)
_PIECE = re.compile("|".join(re.escape(p) for p, _ in _PIECES))
_READINGS = dict(_PIECES)
MAX_READINGS = 4096
# a word, or a run of capitalised words or hyphened syllables (Ji Ning, Hsiang-tan, Tan-chiang-kou)
_NAME = re.compile(r"[A-Z][a-z'’ü]*(?:(?:-| (?=[A-Z]))[A-Za-z'’ü]+)*")


def readings(word: str) -> list[str]:
    """The pinyin spellings a romanised word may stand for (hyphens, spaces and apostrophes dropped at the end)."""
    text = word.lower().replace("’", "'")
    parts, at = [], 0
    for match in _PIECE.finditer(text):
        if match.start() > at:
            parts.append((text[at : match.start()],))
        piece = match.group(0)
        parts.append((piece, *_READINGS[piece]))
        at = match.end()
    parts.append((text[at:],))
    out = [""]
    for options in parts:
        out = [o + p for o in out for p in options][:MAX_READINGS]
    return list(dict.fromkeys(re.sub(r"[-' ]", "", o) for o in out))


# A Latin word with an accented letter (Nányáng, Jǐníng, Xiāngtán): pinyin with its tone marks, or a word of another
# language (café). Macrons and carons mark only pinyin tones; an acute or grave accent, only when the word without it
# is one the lexicon knows.
_ACCENTED = re.compile(r"[A-Za-z\u00c0-\u024f\u0300-\u036f]*[\u00c0-\u024f\u0300-\u036f][A-Za-z\u00c0-\u024f\u0300-\u036f]*")
_PINYIN_ONLY_MARKS = frozenset("\u0304\u030c")  # combining macron (ā) and caron (ǎ)


def toneless(question: str, lexicon: dict[str, list[str]]) -> str:
    """The question with the tone marks of its pinyin words taken off (Nányáng → Nanyang, Jǐníng → Jining; ü stays),
    so the lexicon and the name checks read them; a word of another language keeps its accents unless the lexicon
    knows it without them."""

    def repl(match: re.Match) -> str:
        word = match.group(0)
        parts = unicodedata.normalize("NFD", word)
        marks = {c for c in parts if unicodedata.combining(c) and c != "\u0308"}
        plain = unicodedata.normalize("NFC", "".join(c for c in parts if c not in marks))
        if not plain.isascii() or plain == word:
            return word
        return plain if marks & _PINYIN_ONLY_MARKS or plain.lower() in lexicon else word

    return _ACCENTED.sub(repl, question)


def _one_slip(word: str) -> list[str]:
    """The spellings one slip away from a word: two neighbouring letters swapped (Dailan), one letter too many
    (Jinning, Xiangtang) or one left out (Nanyng)."""
    swaps = [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1) if word[i] != word[i + 1]]
    extra = [word[:i] + word[i + 1 :] for i in range(len(word))]
    missing = [word[:i] + c + word[i:] for i in range(len(word) + 1) for c in "abcdefghijklmnopqrstuvwxyz"]
    return list(dict.fromkeys(swaps + extra + missing))


MIN_SLIPPED = 5  # a shorter name one slip away from another word is too likely a different word


def pinyin_names(question: str, lexicon: dict[str, list[str]], is_name: Callable[[str], bool],
                 is_english: Callable[[str], bool]) -> str:
    """The question with its romanised names written as the lexicon's pinyin (Hsiang-tan → Xiangtan); as typed when
    it holds none.

    Args:
        question: an English question.
        lexicon: the index's English/pinyin lexicon (word → Chinese terms).
        is_name: whether a Chinese term is a proper name (index.place_names.is_proper_name).
        is_english: whether a lower-case word is an English word (such a word is never read as a name).
    """

    def repl(match: re.Match) -> str:
        possessive = re.search(r"['’]s$", match.group(0))
        if possessive:  # Hsiang-tan's
            return repl_name(match.group(0)[: possessive.start()]) + possessive.group(0)
        return repl_name(match.group(0))

    def repl_name(typed: str) -> str:
        joined = re.sub(r"[-' ’]", "", typed.lower())
        whole = " " not in typed and "-" not in typed
        if joined in lexicon:  # Ji Ning, Nan-yang: pinyin split into its syllables (not Zhang Haibing, a full name)
            from index.pinyin import syllables

            split = all(p.lower() in syllables() for p in re.split(r"[- ]", typed))
            return joined.capitalize() if split and not whole and any(is_name(t) for t in lexicon[joined]) else typed
        if whole and is_english(joined):
            return typed
        for reading in readings(typed):
            if reading != joined and any(is_name(t) for t in lexicon.get(reading, ())):
                return reading.capitalize()
        if whole and len(joined) >= MIN_SLIPPED and joined not in lexicon:  # Dailan, Jinning: a slip of the keys
            slipped = [w for w in _one_slip(joined) if any(is_name(t) for t in lexicon.get(w, ()))]
            if len({frozenset(lexicon[w]) for w in slipped}) == 1:  # dalian and dailian are both 大连: one name
                return slipped[0].capitalize()
        return typed

    return _NAME.sub(repl, toneless(question, lexicon))


def proper_name(term: str) -> bool:
    """Whether a Chinese term is a name: the tagger reads it as one, or CC-CEDICT glosses it as one (大连 'Dalian
    subprovincial city …', which jieba tags an adverb)."""
    from index.lexicon import _all_definitions
    from index.place_names import is_proper_name

    return is_proper_name(term) or any(d[:1].isupper() for d in _all_definitions().get(term, ()))


# English honorifics before a surname and, maybe, a given name (Mr Ou, Dr. Su Guojun)
_HONORIFIC = re.compile(
    r"\b(?:Mister|Missus|Mr|Mrs|Ms|Miss|Madam|Doctor|Dr|Professor|Prof)\.? ([A-Z][a-z]+)(?: ([A-Z][a-z]+))?\b"
)


def titled_surnames(question: str, names: Iterable[str]) -> str:
    """An English question with an honorific and a surname (Mr Ou, Mr. Su) written as the full name of the one
    speaker it names (Ou Jinxiong: 区锦雄, whose surname 区 reads ou), as 区总 names him in Chinese
    (retriever.query.title_aliases). As typed when no speaker or several have that surname, or the given name
    written after it is another: an honorific before someone the text never names stays for the unknown-name check.

    Args:
        question: an English question.
        names: the index's speakers' names (two or three Chinese characters name a person).
    """
    from index.pinyin import char_readings, spellings

    people = [n for n in names if 2 <= len(n) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", n)]

    def repl(match: re.Match) -> str:
        surname, given = match.group(1).lower(), (match.group(2) or "").lower()
        full = {
            next(s[len(surname):] for s in spellings(name) if s.startswith(surname))
            for name in people if surname in char_readings(name[0]) and any(s.startswith(surname) for s in spellings(name))
        }
        if len(full) != 1 or not next(iter(full)):
            return match.group(0)
        rest = full.pop()
        if given and given != rest:  # Mr Ou Jianguo is someone else
            return match.group(0)
        return f"{match.group(1)} {rest.capitalize()}"

    return _HONORIFIC.sub(repl, question)
