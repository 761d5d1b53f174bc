"""A pinyin signal for BM25: homophone slips (燃媒锅炉, 网隔员) and pinyin words (dalian guolu) still match.

Each Chinese word of a passage (two characters or more) also gives toneless pinyin tokens under the
``py:`` prefix (锅炉 → ``py:guolu``; a polyphonic word gives each reading: 区锦雄 → ``py:qujinxiong``,
``py:oujinxiong``). A question gives pinyin tokens for the stretches of its Chinese text that are
not words of the index (燃媒 → ``py:ranmei``) and for its Latin words that spell pinyin
(``Zhubugang`` → ``py:zhubugang``; ``Wang Qi`` → ``py:wangqi``). The sparse index weights them
below exact terms (index.tokenize.TERM_WEIGHTS).

Readings come from pypinyin: the phrase-aware reading at build time, and its single-character
table (``pypinyin.pinyin_dict``, cached by index/pinyin_table.py) at query time, loaded only when needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import product

from index.errors import MissingDependencyError
from index.normalize import CJK_RUN

PREFIX = "py:"
MAX_VARIANTS = 4  # readings kept per word (polyphonic characters multiply them)
SPAN = (2, 4)  # question stretches of 2 to 4 characters are looked up by their pinyin
MIN_SYLLABLES = 2  # a lone Latin word must spell this many syllables to count as pinyin ('dalian', not 'wang')
_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ", "aaaaeeeeiiiioooouuuuvvvvvnnnm")
_CJK_SPAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_LATIN = re.compile(r"[A-Za-züÜ]+")


def toneless(reading: str) -> str:
    """'lǜ' → 'lv', 'qū' → 'qu'."""
    return reading.translate(_TONES).lower()


@lru_cache(maxsize=1)
def _table():
    """pypinyin's single-character table (code point -> readings), without the package's phrase dictionaries: from
    forumqa's cache in about a millisecond (index/pinyin_table.py), else from pypinyin's module (~0.1 s)."""
    from index.pinyin_table import load_table

    return load_table()


@lru_cache(maxsize=1)
def _first_read_table() -> dict[str, str]:
    """Toneless reading → the characters whose commonest reading it is, in the table's order (内 is under nei, not
    na), derived from _table() once and cached beside it (index/pinyin_table.py): building it took ~0.1 s of a cold
    question whose words are read for homophone slips."""
    from pathlib import Path

    from index.pinyin_table import cached_derived

    return cached_derived("first", _derive_first_read, (Path(__file__),))


def _derive_first_read() -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for point, raw in _table().items():
        first = next((toneless(r) for r in raw.split(",") if r), None)
        if first is not None:
            out.setdefault(first, []).append(chr(point))
    return {reading: "".join(chars) for reading, chars in out.items()}


def chars_read_first(reading: str) -> tuple[str, ...]:
    """The characters whose commonest toneless reading is this one (char_readings(c)[0] == reading), in code point
    order."""
    return tuple(_first_read_table().get(reading, ""))


@lru_cache(maxsize=8192)
def char_readings(char: str) -> tuple[str, ...]:
    """Every toneless reading of a character, the commonest first (区 → qu, ou); () when it has none."""
    raw = _table().get(ord(char), "")
    return tuple(dict.fromkeys(toneless(r) for r in raw.split(",") if r))


_SYLLABLES = frozenset(
    """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai can cang cao
    ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun
    chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die din ding diu
    dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei
    gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai
    huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke
    kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang
    liao lie lin ling liu lo long lou lu luan lue lun luo lv lve ma mai man mang mao me mei men meng mi mian miao
    mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nia nian niang niao nie nin ning niu nong
    nou nu nuan nue nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi
    qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru rua ruan
    rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua
    shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao
    tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wong wu xi xia xian xiang xiao xie xin
    xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao
    ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui
    zhun zhuo zi zong zou zu zuan zui zun zuo
    """.split()
)  # toneless pinyin syllables (v for ü; lue/nue as typed too)


def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable."""
    return _SYLLABLES


def syllable_count(word: str) -> int:
    """The fewest pinyin syllables a Latin word splits into ('guolu' → 2, 'xian' → 1); 0 when it is not pinyin."""
    word = word.lower().replace("ü", "v")
    if not word.isascii() or not word.isalpha():
        return 0
    best = [0] + [0] * len(word)  # best[i]: fewest syllables spelling word[:i] (0: none)
    for end in range(1, len(word) + 1):
        options = [best[s] + 1 for s in range(max(0, end - 6), end) if (s == 0 or best[s]) and word[s:end] in _SYLLABLES]
        best[end] = min(options) if options else 0
    return best[-1]


def is_pinyin(word: str) -> bool:
    """True when a Latin word splits into pinyin syllables ('guolu', 'xiangtan'; not 'boiler')."""
    return syllable_count(word) > 0


def spellings(text: str, limit: int = MAX_VARIANTS) -> list[str]:
    """Toneless pinyin spellings of a Chinese text over its characters' readings (at most limit)."""
    options = [char_readings(c) or (c,) for c in text]
    return ["".join(p) for _, p in zip(range(limit), product(*options))]


@lru_cache(maxsize=1)
def _lazy_pinyin():
    try:
        from pypinyin import Style, lazy_pinyin
    except ImportError as error:
        raise MissingDependencyError("the pinyin signal needs: pip install pypinyin") from error
    return lambda text: lazy_pinyin(text, style=Style.NORMAL, errors="ignore")


def word_spellings(word: str) -> list[str]:
    """A word's pinyin: its phrase-aware reading (pypinyin) first, then other readings of its characters."""
    first = "".join(_lazy_pinyin()(word))
    return list(dict.fromkeys([first, *spellings(word)]))[:MAX_VARIANTS]


def document_pinyin(tokens: Iterable[str]) -> list[str]:
    """The ``py:`` tokens of a passage's BM25 tokens: each Chinese word of two characters or more, in pinyin."""
    out = []
    for token in tokens:
        if len(token) >= 2 and CJK_RUN.match(token):
            out.extend(PREFIX + s for s in word_spellings(token))
    return out


def chinese_pinyin(text: str, exact: Callable[[str], bool], slips: Iterable[str]) -> list[str]:
    """``py:`` tokens for the stretches (2 to 4 characters) of a question's Chinese around words the index lacks.

    Args:
        text: the question in canonical form (index.normalize.canonical).
        exact: whether a stretch is itself a word of the index (then its exact term already matches).
        slips: the question's words that are not in the index (燃媒, 网隔员): stretches must overlap one.
    """
    marked = [False] * len(text)
    for slip in slips:
        start = text.find(slip)
        while start >= 0:
            marked[start : start + len(slip)] = [True] * len(slip)
            start = text.find(slip, start + 1)
    out: list[str] = []
    for run in _CJK_SPAN.finditer(text):
        for size in range(SPAN[0], SPAN[1] + 1):
            for start in range(run.start(), run.end() - size + 1):
                piece = text[start : start + size]
                if any(marked[start : start + size]) and not exact(piece):
                    out.extend(PREFIX + s for s in spellings(piece))
    return list(dict.fromkeys(out))


def latin_pinyin(text: str) -> list[str]:
    """``py:`` tokens for a question's Latin words that spell pinyin: words of two syllables or more alone, and
    runs of two or three words joined ('wang qi' → ``py:wangqi``)."""
    words = [w.lower().replace("ü", "v") for w in _LATIN.findall(text)]
    counts = [syllable_count(w) for w in words]
    flags = [c > 0 for c in counts]
    out = [PREFIX + w for w, c in zip(words, counts) if c >= MIN_SYLLABLES]
    for size in (2, 3):
        for i in range(len(words) - size + 1):
            if all(flags[i : i + size]):
                out.append(PREFIX + "".join(words[i : i + size]))
    return list(dict.fromkeys(out))



def sounds_known(word: str, contains: Callable[[str], bool], known: Callable[[str], bool]) -> bool:
    """Whether a Chinese word reads like transcript words: split into pieces of two or more characters,
    each in the text or sounding like an index word, at least one only by sound (普邦圆林: 普邦 + 圆林 ≈ yuanlin).

    Args:
        word: Chinese characters (canonical form).
        contains: whether a text occurs in some passage.
        known: whether a BM25 term (here ``py:…``) is in the index's vocabulary.
    """
    n = len(word)
    if n < 2 or not CJK_RUN.match(word):
        return False
    # reach[i] = (piece boundaries reach i, some piece so far matched by sound only)
    reach: list[tuple[bool, bool] | None] = [None] * (n + 1)
    reach[0] = (True, False)
    for end in range(2, n + 1):
        for start in range(0, end - 1):
            if reach[start] is None:
                continue
            piece = word[start:end]
            if contains(piece):
                state = (True, reach[start][1])
            elif any(known(PREFIX + s) for s in spellings(piece)):
                state = (True, True)
            else:
                continue
            if reach[end] is None or (state[1] and not reach[end][1]):
                reach[end] = state
    return bool(reach[n] and reach[n][1])
