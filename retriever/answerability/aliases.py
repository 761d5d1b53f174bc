"""Other names for what the text names: a 2026 reader's names for renamed bodies, cities' nicknames, provinces' short
forms (session 25, readers21).

A reader asks with names the text never writes: today's names of bodies renamed since the text was written
(生态环境部 for the text's 环境保护部, 南阳市生态环境局 for 环保局, "Ministry of Ecology and Environment"), a city's
well-known nickname (滨城 = 大连, 莲城 = 湘潭, 宛城 = 南阳, 孔孟之乡 = 济宁), a region named by a province's short form
(鲁西南的济宁, 豫西南那个南阳, 对话人名单里豫那位局长) and the press's short forms (中环报 = 中国环境报, 省厅). ``aliased``
writes them as the text does before the question is searched and judged, so that the name checks (unknown_names,
focus_known) meet the text's own name. The table is aliases.tsv.

Each alias fails open and safe: it is read as the text's name only when the text never writes the alias itself and does
write that name (泉城 stays 泉城 in a text without 济南: a city the text never names stays unknown). A one-character
short form (豫, 湘) is read only as a word of its own before a pointing or belonging word (豫那位局长, 湘籍, 辽省), never
inside a word (湘潭, 湘江, 豫鄂陕). A name then doubled (滨城大连 → 大连大连, 豫西南那个南阳 → 河南那个南阳) is kept once
when the two stand side by side, and an aside on the name's time (（当时叫环保局）, （现在的生态环境部）, "(in 2016 still
Ministry of Environmental Protection)") is dropped: it names what the question already names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).with_name("aliases.tsv")
_HAN = r"[\u3400-\u9fff]"


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = []
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, names = line.split("\t")[:2]
        rows.append((alias.strip(), tuple(n.strip() for n in names.split("|") if n.strip())))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))  # the longest alias first: 生态环境部门 before 生态环境部


# an aside on the time of a name: （当时叫环保局）, （现在的生态环境部）, (in 2016 still …), (now …, formerly …)
_ASIDE = re.compile(
    r"[（(]\s*(?:当时|當時|当年|當年|那时|那時|那会儿|那會兒|现在|現在|现为|現為|现称|現稱|今|原|旧称|舊稱|前身|后来|後來|即"
    r"|in\s+(?:19|20)\d\d|now\b|then\b|formerly\b|previously\b|at\s+the\s+time\b|back\s+then\b|today\b|later\b"
    r"|still\b|renamed\b|called\b)(?P<name>[^（）()]{0,60})[）)]",
    re.I,
)
# the words before the name an aside gives (叫环保局, 的生态环境部, still Ministry of …)
_ASIDE_LEAD = re.compile(
    r"^(?:\s|[：:，,]|叫做|叫作|称为|稱為|名为|名為|叫|称|稱|是|的|为|為|still\b|called\b|named\b|known\s+as\b|the\b"
    r"|was\b|is\b|it\s+was\b)+",
    re.I,
)


# a one-character short form read as its province: at the start or after a non-Han character or a placing word, and
# before a pointing or belonging word
_SHORT_BEFORE = r"(?:^|(?<=[^\u3400-\u9fff])|(?<=[里裡在从從自是和跟与與及的]))"
_SHORT_AFTER = r"(?=那位|这位|這位|那个|那個|这个|這個|那边|那邊|这边|這邊|那里|那裡|这里|這裡|省|籍|地区|地區)"
_LINK = r"(?:的|那个|那個|这个|這個|那座|这座|這座|即|也就是|就是|[，,、\s])?"


def _spliced(question: str, simple: str) -> tuple[str, str]:
    """The question and its simplified form, or the simplified form twice when the two differ in length."""
    return (question, simple) if len(simple) == len(question) else (simple, simple)


def aliased(question: str, contains: Callable[[str], bool] | None = None) -> str:
    """The question with the text's names for other names it uses (see the module's docstring); as typed when none
    applies. Without ``contains`` (no text to check against) the question is returned as typed."""
    if contains is None or not question:
        return question
    from index.normalize import to_simplified

    has_han = re.search(_HAN, question) is not None
    text = question
    simple = to_simplified(text) if has_han else text
    text, simple = _spliced(text, simple)
    lowered = simple.lower()
    spans: list[tuple[int, int, str]] = []
    taken = [False] * len(simple)
    for alias, names in _table():
        ascii_alias = alias.isascii()
        if ascii_alias:
            pattern = r"\b" + r"\s+".join(map(re.escape, alias.split())) + r"\b"
        elif len(alias) == 1:
            pattern = _SHORT_BEFORE + re.escape(alias) + _SHORT_AFTER
        else:
            pattern = re.escape(alias)
        matches = [m for m in re.finditer(pattern, lowered if ascii_alias else simple, re.I)]
        if not matches:
            continue
        if not ascii_alias and len(alias) > 1 and contains(alias):
            continue  # the text writes the alias itself: it means what the text means by it
        if ascii_alias:
            name = names[0]
        else:
            name = next((n for n in names if contains(n)), None)
            if name is None:
                continue  # the text never writes the name either: the alias stays as unknown as the name would
        for m in matches:
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            spans.append((m.start(), m.end(), _cased(name, text[m.start():m.end()]) if ascii_alias else name))
    if not spans:
        return _without_asides(text, contains, has_han) if _ASIDE.search(text) else question
    out = text
    for start, end, name in sorted(spans, reverse=True):
        out = out[:start] + name + out[end:]
    out = _without_asides(_once(out, {name for _, _, name in spans}, has_han), contains, has_han)
    return _tidy(re.sub(r"\s{2,}", " ", out))


def _once(text: str, names: set[str], has_han: bool) -> str:
    """A name written twice side by side kept once (大连大連, 济宁的济宁 → 大连, 济宁; 河南那个南阳 stays)."""
    from index.normalize import to_simplified

    simple = to_simplified(text) if has_han else text
    if len(simple) != len(text):
        text = simple
    for name in names:
        pattern = rf"{re.escape(name)}({_LINK}){re.escape(name)}"
        for m in reversed(list(re.finditer(pattern, simple, re.I))):
            cut = m.start() + len(name)
            text = text[:cut] + text[m.end():]
            simple = simple[:cut] + simple[m.end():]
    return text


def _without_asides(text: str, contains: Callable[[str], bool], has_han: bool) -> str:
    """The question without an aside on a name's time whose name the question already writes outside it (南阳市环保局
    （当时叫环保局）, once 生态环境局 was read as 环保局): an aside whose name is written nowhere else stays (湘潭市城管局（当时叫
    市容局）: the text may write only the aside's name)."""
    from index.normalize import to_simplified

    def key(s: str) -> str:
        return re.sub(r"\s+", " ", to_simplified(s) if has_han else s).strip().lower()

    def drop(m: re.Match) -> str:
        name = _ASIDE_LEAD.sub("", m.group("name")).strip(" ，,。.")
        rest = text[: m.start()] + " " + text[m.end() :]
        return "" if not name or key(aliased(name, contains)) in key(rest) else m.group(0)

    return _tidy(_ASIDE.sub(drop, text))


def _tidy(text: str) -> str:
    """The text without spaces before a closing punctuation mark, stripped (pure)."""
    return re.sub(r"\s+(?=[,，。？?！!）)])", "", text).strip()


def _cased(name: str, typed: str) -> str:
    """An English name in the case the asker typed the alias in (Title Case or lower case)."""
    if typed[:1].isupper():
        return " ".join(w if w in {"of", "and", "for"} else w[:1].upper() + w[1:] for w in name.split())
    return name
