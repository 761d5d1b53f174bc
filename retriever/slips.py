"""Homophone slips of a spoken or typed question read as the text's word (交经 → 交警, 北便 → 北边).

Speech-to-text and pinyin input write a word the asker meant with characters that only sound like it. The pinyin
signal (index/pinyin.py) already finds the passage by sound, and the judge knows the slip by sound
(retriever.answerability.names.sounds_written), but every check that looks for the question's words in a passage
(the answer checks, BM25's exact terms, the highlight) still looks for the slipped word. ``corrected`` writes the
question with the text's word in its place before anything reads it, so they all see the word the text writes.

A stretch of the question is corrected when:

- the text never writes it and it is no index term, no name the index knows (its speakers), no part of an index term
  of three characters or more the question writes (经开区), holds no particle, question word or pronoun (罚了, 多大, 我想)
  and is no word everyone writes (jieba's count WELL_KNOWN or more);
- it is a word of two to four characters as jieba cuts the question (without guessing unknown words), or two or
  three one-character words together (the slip jieba cut apart: 岳|糖, 河|长|至: 河长制, not 长至 → 长治; after a count
  too, unless the first is a measure word: 多少交|经 → 交警, never 多少台|锅); never a piece of a longer word jieba knows;
  or a stretch across one word boundary where jieba glued the slipped character onto a neighbour (小锅|路 for 小锅炉,
  一|供给 for 一共|给), cutting at most one of the two words, a two-character word the text never writes, and read
  only as a stretch the text writes (小锅炉 need be no word: jieba cuts the swapped character into one, 锅炉) with no
  rival reading: the dictionary alone decides no stretch across words (it would read 请简|述 as 请柬, 多少|件 as 少见),
  except where jieba's character model (its HMM, which knows no dictionary) reads the stretch as one word and leaves
  the rest of the cut word a word (一|供给 reads 一供|给: 一共|给; an adverb or function word is how a question asks,
  the text need not write it), and never cutting a word DOMINANT times commoner than the reading (河长|至今: 长治|今);
- swapping one of its characters for another of the same commonest reading, toneless (便 bian → 边; 内 reads nei first,
  so 拿 na never becomes 内), gives a word (jieba, CC-CEDICT or an index term) that the text writes: exactly one, or one
  index term or jieba word among several (圆林 → 园林); else, when the text writes none, a common dictionary word far
  commoner than any other reading (COMMON, DOMINANT: 上办 → 上班, 北便 → 北边), and only where the typed characters
  start no longer word jieba knows (靠前 of 靠前面: 更靠前 is no 考前) and the reading leaves jieba guessing no word over
  them (年轻十一值到): a valid reading as typed is not rewritten into a word the text lacks;
- where readings compete, the one that sounds like the typed word with its tones too (speech-to-text writes what it
  heard) breaks the tie: among readings the text writes (主提 zhǔ tí: 主题, not 主体 zhǔ tǐ), or the commonest dictionary
  reading when it alone sounds so (一值 yī zhí: 一直, not 一只 zhī or 一致 zhì; never a rarer one: 之派 is no 支派, since
  指派 is commoner); a rare word jieba knows but its cut reads apart (大|盖, counted 3 times) is no word the asker
  chose when a reading sounds exactly like it (大概); two overlapping stretches (时一 → 十一, 一值 → 一直) leave the
  reading that makes the likelier question by jieba's dictionary (年轻时一直);
- a numeral canonical() reads as a count (三元 → 3元) may start a slip (三元两河 → the text's 三源两河: retriever.query);
- a real word (发型, 地址, 自燃: jieba or CC-CEDICT, a word the asker may well mean and the text may simply not hold),
  or a text word rivalled by a commoner dictionary word the text lacks (市之: 市直 or 市值), is corrected only where
  the text writes the corrected word with the question's next character on either side (人与自燃和谐 → 自然: the text
  writes 与自然), so that a question about a thing the text lacks (南阳市环保局的办公地址; the text writes 地质) stays a
  question about it.

General: nothing here is about one text; the text's own words and the dictionary decide.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

Known = Callable[[str], bool]
WELL_KNOWN = 1000  # jieba's count of a word nobody writes for another (retriever.answerability.names.WELL_KNOWN)
DOMINANT = 5  # a dictionary reading is chosen when jieba counts it this many times as often as the next
COMMON = 50  # and at least this often (关掉 80, 一共 726): rare words are no safer guess than the slip
_HANZI = re.compile(r"[\u4e00-\u9fff]+")
SIZES = (2, 3, 4)
# no part of a slipped word (罚了, 往北, 在哪, 多大, 我想)
_FUNCTION = frozenset(
    "了的吗呢啊呀吧嘛么着过得地和与及或在是也都就还又被把将从向往对给到跟里"  # particles, prepositions
    "哪谁几啥咋怎什多那这我你他她它们不没很太有个会能要想说让搞弄"  # question words, pronouns, negation, modals
    "才再"  # (persona21) adverbs as 也都就还又: 多少钱才把 is no 钱财
)
_COUNTING = re.compile(r"(?:多少|几|\d)$")
# stretches whose readings are remembered (a question reads a stretch in meant and written_reading; a stretch has
# up to ~900 readings, ~150 KB)
SWAPPED_CACHE = 128


@lru_cache(maxsize=1)
def _measures() -> frozenset[str]:
    """The one-character measure words and units a count stands before (index.normalize.UNITS: 家, 台, 件, 名)."""
    from index.normalize import UNITS

    return frozenset(u for u in UNITS.split("|") if len(u) == 1)


@dataclass(frozen=True)
class Slip:
    """One corrected stretch of the question: where it starts, as typed and as the text writes it."""

    start: int
    typed: str
    written: str


def _jieba():
    from index.tokenize import _jieba as load

    return load()


def _freq() -> Mapping[str, int]:
    return _jieba().dt.FREQ


@lru_cache(maxsize=4096)
def _chars_first_read(reading: str) -> tuple[str, ...]:
    """The characters whose commonest reading is a toneless reading (内 reads nei first, not na: no 拿 na)."""
    from index.pinyin import chars_read_first

    return chars_read_first(reading)


def one_swapped(word: str) -> Iterator[str]:
    """The words that read like word with one of its characters swapped for another of the same commonest reading."""
    return iter(_swapped(word))


def _swapped(word: str) -> tuple[str, ...]:
    """one_swapped's words (hundreds: a few words' worth are remembered, by _options and _glued_options)."""
    from index.pinyin import char_readings

    out = []
    for i, char in enumerate(word):
        for reading in char_readings(char)[:1]:  # the slip's commonest reading (便 bian, not pian: 北便 is 北边)
            out += [word[:i] + other + word[i + 1 :] for other in _chars_first_read(reading) if other != char]
    return tuple(out)


@lru_cache(maxsize=SWAPPED_CACHE)
def _options(word: str) -> tuple[tuple[str, bool], ...]:
    """The distinct words one swapped character away, each with whether it is a dictionary word (is_word)."""
    return tuple((t, is_word(t)) for t in dict.fromkeys(_swapped(word)))


def readings_of(word: str, contains: Known, known: Known) -> tuple[list[str], list[tuple[int, str]]]:
    """What a slip may stand for, one swapped character away: (the text's words: written in some passage and a
    dictionary word or an index term; the dictionary's words with jieba's counts, commonest first)."""
    freq = _freq()
    options = [t for t, dictionary in _options(word) if dictionary or known(t)]
    written = [t for t in options if contains(t)]
    common = sorted(((freq.get(t, 0), t) for t in options if freq.get(t, 0) > 0), reverse=True)
    return written, common


def meant(word: str, contains: Known, known: Known) -> tuple[str, bool]:
    """(the word a slip stands for, whether no other reading competes with it); ('', False) when unsure.

    The text's word when exactly one reads like the slip, or one index term or jieba word among them (sure unless a
    commoner dictionary word that the text lacks reads like it too: 市之 may be the text's 市直 or the commoner 市值);
    else the dictionary word when it is common (COMMON) and DOMINANT times as common as any other reading (上办 → 上班,
    北便 → 北边)."""
    from index.normalize import to_simplified

    written, common = readings_of(word, contains, known)
    written = list(dict.fromkeys(to_simplified(t) for t in written))  # 主題 is the text's 主题 (its search form)
    if len(written) > 1:  # 圆林: the text's 园林 (a term) rather than CC-CEDICT's rarer words the text also holds
        written = [t for t in written if known(t) or _freq().get(t, 0) > 0] or written
    if len(written) > 1:  # 主提: the text writes 主题 and 主体; the asker said 提 tí, as 题, not 体 tǐ
        written = [t for t in written if same_tones(word, t)] or written
        if len(written) == 1:
            mine = _freq().get(written[0], 0)
            return written[0], not any(n > mine and t != written[0] and same_tones(word, t) for n, t in common)
    if len(written) == 1:
        mine = _freq().get(written[0], 0)
        rivals = [(n, t) for n, t in common if not same_tones(word, written[0]) or same_tones(word, t)]
        return written[0], not any(n > mine and t != written[0] for n, t in rivals)
    if written or not common:
        return "", False
    first = common[0][0]
    second = common[1][0] if len(common) > 1 else 0
    if first >= COMMON and first >= DOMINANT * second:
        return common[0][1], True
    # 一值: the commonest reading 一直 (zhí) is the only one that sounds like it, tones included (not 一只 zhī, 一致 zhì);
    # never a rarer one the tones single out (之派 is no 支派: 指派 is commoner); and only an adverb or a time word, how
    # a question asks (the text need not write it): a content word the text lacks is no repair (话为 is no 化为)
    heard = [n for n, t in common if same_tones(word, t)]
    if same_tones(word, common[0][1]) and first >= COMMON and first >= DOMINANT * max(heard[1:], default=0):
        if _tag(common[0][1]) in ASKING:
            return common[0][1], True
    return "", False


ASKING = ("d", "t")  # jieba's tags of adverbs and time words (一直, 大概, 目前): how a question asks


_NUMERAL_MEASURE = re.compile(r"[一二两三四五六七八九十百千几\d]+[^\W\d]")


def _counted_noun(word: str) -> bool:
    """Whether a one-character word is a common noun (jieba tags it n, counted WELL_KNOWN times or more: 事, 人),
    the thing a numeral and its measure word count (一件|事), no slip's first character."""
    return len(word) == 1 and _tag(word) == "n" and _freq().get(word, 0) >= WELL_KNOWN


def _tag(word: str) -> str:
    """jieba's part-of-speech tag of a dictionary word ('' when it has none)."""
    from index.tokenize import posseg

    return posseg().dt.word_tag_tab.get(word, "")


def tones(char: str) -> str:
    """A character's commonest reading with its tone (提 tí, 体 tǐ); '' when it has none."""
    from index.pinyin import _table

    return (_table().get(ord(char)) or "").split(",")[0]


def same_tones(typed: str, reading: str) -> bool:
    """Whether a reading sounds exactly like the typed word, tones included (一值 and 一直: yī zhí; 一只 is yī zhī):
    speech-to-text writes what it heard, so a rival that sounds otherwise is less likely the word meant."""
    return len(typed) == len(reading) and all(a == b or tones(a) == tones(b) != "" for a, b in zip(typed, reading))


def is_word(word: str) -> bool:
    """Whether a word is in jieba's dictionary or CC-CEDICT (高管, which jieba lacks): a word the asker may mean."""
    from index.lexicon import cedict_words

    return _freq().get(word, 0) > 0 or word in cedict_words()


TERM_SIZES = range(3, 7)


def _terms_within(text: str, known: Known) -> list[tuple[int, int]]:
    """Where the question writes index terms of three characters or more: (start, end) pairs."""
    return [
        (a, a + n)
        for n in TERM_SIZES
        for a in range(len(text) - n + 1)
        if _HANZI.fullmatch(text[a : a + n]) and known(text[a : a + n])
    ]


def _words(text: str) -> list[tuple[int, str]]:
    """jieba's precise cut of the text, without guessing unknown words: (start, word) pairs."""
    return list(_cut(text, False))


@lru_cache(maxsize=4096)
def _cut(text: str, hmm: bool) -> tuple[tuple[int, str], ...]:
    """jieba's cut of a text, with or without its HMM, as (start, word) pairs (a question's stretches are cut again
    and again: each candidate reading, each form of the question)."""
    out, at = [], 0
    for word in _jieba().lcut(text, HMM=hmm):
        out.append((at, word))
        at += len(word)
    return tuple(out)


def find_slips(text: str, known: Known, contains: Known, protected: Iterable[str] = ()) -> list[Slip]:
    """The homophone slips of a question (see the module), left to right, never overlapping.

    Args:
        text: the question (canonical form: simplified characters).
        known: whether a term is in the index's BM25 vocabulary.
        contains: whether a text occurs in some passage.
        protected: names the question may use that are never corrected (the index's speakers and their cities).
    """
    freq = _freq()
    words = _words(text)
    unknown = _unknown_words(text)
    guarded = [(m.start(), m.end()) for p in protected if p for m in re.finditer(re.escape(p), text)]
    guarded += _terms_within(text, known)  # 经开区, 大数据: the index's own long words are no part of a slip

    found: dict[int, Slip | None] = {}

    def first(i: int) -> Slip | None:
        """first_of(i), once a word (a stretch that reaches past a slip asks for the next words' slips again)."""
        if i not in found:
            found[i] = first_of(i)
        return found[i]

    def first_of(i: int) -> Slip | None:
        """The first slip starting within word i (its own stretches, then those across the next boundary)."""
        start, word = words[i]
        # the word itself, or a one-character word with the next word's first character(s) (小|锅路, 一|供给: 一供)
        stretches: list[tuple[int, str, str | None]] = [(start, word, None)] if len(word) >= 2 else []
        # 多少家|厂子: the measure word after a count is no slip's part; 多少交|经 is no measure word (交警)
        counted = i > 0 and _COUNTING.search(words[i - 1][1]) and word in _measures()
        # (persona21) nor the noun a numeral and its measure word count (头一件|事|干 is no 件实干)
        counted = counted or (i > 0 and _counted_noun(word) and bool(_NUMERAL_MEASURE.fullmatch(words[i - 1][1])))
        if len(word) == 1 and word not in _FUNCTION and not counted and i + 1 < len(words):
            nxt = words[i + 1][1]
            if len(nxt) == 1:  # never into a word jieba knows (车|出动, 想|知道: a real word is no part of a slip)
                stretches.append((start, word + nxt, None))
                if i + 2 < len(words) and len(words[i + 2][1]) == 1 and words[i + 2][1] not in _FUNCTION:
                    stretches.append((start, word + nxt + words[i + 2][1], None))  # 河|长|至: 河长制, not 长至 → 长治
        if not counted:
            stretches += _across(text, words, i, contains)
        for at, piece, rest in stretches:
            if len(piece) not in SIZES or not _HANZI.fullmatch(piece) or contains(piece) or known(piece):
                continue
            if any(a < at + len(piece) and at < b for a, b in guarded) or freq.get(piece, 0) >= WELL_KNOWN:
                continue
            if any(c in _FUNCTION for c in piece) and not _word_ending_coverb(piece, at, rest, words):
                continue  # 罚了, 水啊: a particle is no part of a slipped word
            written, sure = meant(piece, contains, known)
            if rest is not None and not written:
                written, sure = written_reading(piece, contains, known)
            if not written:
                continue
            cut = _cut_word(words, at, piece)
            if cut and DOMINANT * freq.get(written, 0) < freq.get(cut, 0):
                continue  # 河长|至今 is no 河长治|今: the word it cuts reads far likelier than the reading it gives
            in_text = contains(written)
            glued = bool(cut) and rest is not None and _one_word(piece, words, i, rest)
            # 大|盖 (counted 3 times) for 大概 (3331, the same tones): a rare word jieba's own cut reads apart is no
            # word the asker chose
            apart = freq.get(piece, 0) > 0 and (at, piece) not in words and same_tones(piece, written)
            if not in_text and not (_repairs(text, at, piece, written, unknown, apart) or glued):
                continue  # 更|靠|前 is no 考前: the dictionary's reading only for characters that read as no words
            if rest is not None and not (sure and in_text) and not (sure and glued):
                if not _in_context(text, at, piece, written, contains):
                    continue  # across words only to a reading the text writes, unrivalled (never the dictionary's)
            if ((is_word(piece) and not apart) or not sure) and not _in_context(text, at, piece, written, contains):
                continue  # a word the asker may mean: only where the text writes the reading in context
            return Slip(at, piece, written)
        return None

    out: list[Slip] = []
    taken = 0
    for i, (start, _) in enumerate(words):
        if start < taken:
            continue
        slip = first(i)
        if slip is None:
            continue
        end = slip.start + len(slip.typed)
        # 时|一|值: 时一 (十一) strands 值 of the stretch 一值 (一直) that reaches past it: the text's word, else the likelier
        # question decides (a stretch inside the first is no rival: 长至 of 河|长|至)
        for j in range(i + 1, len(words)):
            if words[j][0] >= end:
                break
            other = first(j)
            reaches = other is not None and other.start < end < other.start + len(other.typed)
            if reaches and _rather(text, other, slip, contains):
                slip = other
                break
        out.append(slip)
        taken = slip.start + len(slip.typed)
    return out


# Prepositions (coverbs) among _FUNCTION: one stands before its object, so at the end of a word jieba cuts whole it is
# the word's own character (专向 for 专项, as 方向, 去向), not a preposition the asker wrote.
_COVERBS = frozenset("在从向往对给到跟把被将与和及")


def _word_ending_coverb(piece: str, at: int, rest: str | None, words: list[tuple[int, str]]) -> bool:
    """Whether a stretch is one word as jieba cuts it whose only function character is a preposition at its end."""
    return (
        rest is None and (at, piece) in words and piece[-1] in _COVERBS
        and not any(c in _FUNCTION for c in piece[:-1])
    )


def _likelier(text: str, one: Slip, other: Slip) -> bool:
    """Whether the question reads likelier with one slip corrected than with the other, by jieba's dictionary (the
    log probability of its best cut): 年轻时一直 rather than 年轻十一值."""
    dt = _jieba().dt
    dt.check_initialized()

    def score(sentence: str) -> float:
        route: dict = {}
        dt.calc(sentence, dt.get_DAG(sentence), route)
        return route[0][0]

    return score(corrected(text, [one])) > score(corrected(text, [other]))


def _rather(text: str, one: Slip, other: Slip, contains: Known) -> bool:
    """Whether one slip is the better reading of the question than an overlapping other: a reading the text writes
    before one it lacks (岳糖 → the text's 岳塘, not 糖经 → 糖精), else the likelier question."""
    mine, theirs = contains(one.written), contains(other.written)
    return mine > theirs if mine != theirs else _likelier(text, one, other)


def _unknown_words(text: str) -> list[tuple[int, int]]:
    """Where jieba's HMM guesses words in the question: runs of characters it reads as one unknown word rather than
    as known words of their own (上办, 一供定; never 更|靠|前), as (start, end) pairs."""
    return [(at, at + len(word)) for at, word in _cut(text, True) if len(word) >= 2 and not _freq().get(word, 0)]


def _repairs(text: str, at: int, piece: str, written: str, unknown: list[tuple[int, int]], apart: bool = False) -> bool:
    """Whether a reading the text never writes repairs the question: the typed characters are no start of a longer
    word jieba knows (靠前 of 靠前面: a sequence the language writes, 更靠前 is no 考前), and with the reading in their
    place jieba guesses no word over them or over a word it had to guess around them (上办 → 上班, 类憋 → 类别; 年轻时一值
    is no 十一|值到)."""
    if piece in _freq() and not apart:  # jieba's dictionary holds every start of its words (count 0 when no word)
        return False
    end = at + len(piece)
    a, b = at, end
    for x, y in unknown:
        if x < end and at < y:
            a, b = min(a, x), max(b, y)
    fixed = text[:at] + written + text[end:]
    return not any(x < b and a < y for x, y in _unknown_words(fixed))


def _cut_word(words: list[tuple[int, str]], at: int, piece: str) -> str:
    """The word of jieba's cut that the stretch takes only part of ('' when it covers whole words): 供给 of 一|供给."""
    end = at + len(piece)
    for start, word in words:
        if start < end and at < start + len(word) and not (at <= start and start + len(word) <= end):
            return word
    return ""


def _one_word(piece: str, words: list[tuple[int, str]], i: int, rest: str) -> bool:
    """Whether a stretch across words i and i+1 reads as one word of its own to jieba's character model (its HMM,
    which knows no dictionary) while what is left of the word it cuts is a dictionary word: 一|供给 reads 一供|给 (the
    slip of 一共|给, an adverb the text need not write); 请|简述, 人|出力 and 名声|上 read as typed."""
    from jieba import finalseg

    pair = words[i][1] + words[i + 1][1]
    return piece in list(finalseg.cut(pair)) and _freq().get(rest, 0) > 0


def _across(text: str, words: list[tuple[int, str]], i: int, contains: Known) -> list[tuple[int, str, str]]:
    """Stretches across the boundary after word i, whose slipped character jieba glued onto a neighbour (小锅|路 for
    小锅炉, 一|供给 for 一共|给): (start, stretch, what is left of the word it cuts: '' when it cuts none). A stretch
    covers word i and the next word, whole or in part; one word it may cover in part (never both: 一共|安置 is no slip
    共安): a two-character word the text never writes (供给 of 一|供给; the text's own word is meant as written), of
    which it takes the character next to the boundary."""
    if i + 1 >= len(words):
        return []
    (start, word), (after, nxt) = words[i], words[i + 1]
    end = after + len(nxt)
    firsts = [start] + ([after - 1] if len(word) == 2 and not contains(word) else [])
    lasts = [end] + ([after + 1] if len(nxt) == 2 and not contains(nxt) else [])
    return [
        (a, text[a:b], text[start:a] + text[b:end])
        for a in firsts
        for b in lasts
        if (a == start or b == end) and (b - a) in SIZES and not any(c in _FUNCTION for c in text[a:b])
    ]


def written_reading(piece: str, contains: Known, known: Known) -> tuple[str, bool]:
    """A stretch's reading that the text writes, though it is no word itself: one swapped character away, and jieba
    cuts the swapped character into a word of two characters or more that is a dictionary word or an index term
    (小锅路 → 小锅炉: 小|锅炉). (reading, True) when exactly one reads so, else ('', False)."""
    # the word test first: it is local, while contains may ask a server (Milvus) once per option
    found = [option for option, word in _glued_options(piece) if (is_word(word) or known(word)) and contains(option)]
    return (found[0], True) if len(found) == 1 else ("", False)


@lru_cache(maxsize=SWAPPED_CACHE)
def _glued_options(piece: str) -> tuple[tuple[str, str], ...]:
    """The readings one swapped character away in which jieba cuts the swapped character into a word of two
    characters or more: (reading, that word) pairs, in one_swapped's order."""
    freq = _freq().get
    out = []
    for option in dict.fromkeys(one_swapped(piece)):
        at = next(i for i, (a, b) in enumerate(zip(piece, option)) if a != b)
        # jieba's cut (no HMM) makes a word of two characters or more only of a dictionary word (a positive count):
        # with none over the swapped character, its word is that character alone (the cut itself is the cost)
        if not any(freq(option[a:b], 0) > 0 for a in range(at + 1) for b in range(max(a + 2, at + 1), len(option) + 1)):
            continue
        word = next(w for start, w in _words(option) if start <= at < start + len(w))
        if len(word) >= 2:
            out.append((option, word))
    return tuple(out)


CONTEXT = 1  # characters of the question on each side that the text must write with the corrected word


def _in_context(text: str, at: int, piece: str, written: str, contains: Known) -> bool:
    """Whether the text writes the corrected word with the question's characters just before or after it."""
    before = text[max(0, at - CONTEXT) : at]
    after = text[at + len(piece) : at + len(piece) + CONTEXT]
    return bool(
        (len(before) == CONTEXT and _HANZI.fullmatch(before) and contains(before + written))
        or (len(after) == CONTEXT and _HANZI.fullmatch(after) and contains(written + after))
    )


def corrected(text: str, slips: Iterable[Slip]) -> str:
    """The question with each slip written as the text writes it."""
    out, last = [], 0
    for slip in sorted(slips, key=lambda s: s.start):
        out.append(text[last : slip.start] + slip.written)
        last = slip.start + len(slip.typed)
    return "".join(out) + text[last:]
