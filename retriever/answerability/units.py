"""The question's content words (Unit): Chinese and English units, the asked attribute and how much of them a text covers."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.everyday import everyday
from index.lexicon import english_words, stem
from index.lexicon_query import pinyin_pieces
from index.normalize import canonical, search_key
from index.stopwords import STOPWORDS
from index.synonyms import synonyms
from index.wordforms import key_of
from retriever.answerability.entities import Entity
from retriever.answerability.quantity import UNITS

# The one home of the question's asking words, shared with retriever/answer_sentence.py.
# Chinese interrogative phrases (folded form, longest first): the words inside them ask and name nothing (多长时间 ->
# 时间 is not asked about).
ZH_ASKING = re.compile(
    r"多长时间|多久|什么时候|什么样|何时|哪一?天|哪一?年|哪里|哪儿|哪个|哪些|哪家|哪位|哪种|哪条|哪座|哪|怎么样|怎样|咋样|咋|啥"
    r"|如何|为什么|为何|什么|多少|几|是不是|有没有|是否|怎么|谁"
)
# Words that name nothing although they ask nothing (not BM25 stopwords: they do no harm there), and nouns so
# general that any account answers them (措施, 经验: 'what measures did he mention').
ZH_QUESTION_WORDS = frozenset(
    """一共 共 总共 总计 一年 名字 叫 叫做 多 最 一次 具体 主要 目前 现在 情况 大概 大约 当时 分别 到底 究竟
    措施 举措 做法 办法 经验 方法 工作 内容 方面 事情 看法 观点""".split()
)
EN_WH_WORDS = frozenset("what which who whom whose where when why how".split())
# Auxiliaries after the question word ('what has Dalian done'): what is asked is the noun after them.
EN_AUXILIARIES = frozenset(
    "is was are were be been being has have had do does did done can could will would shall should may might must".split()
)
EN_QUESTION_WORDS = frozenset(
    """tell name called call please say said mention mentioned describe explain give list know total number
    kind kinds type way ways thing things happen happened hello hi hey thanks thank bye ok okay go went come came
    take took put get measure measures step steps experience experiences approach approaches situation aspect
    aspects view views""".split()
)
_UNIT_CHARS = frozenset(u for u in UNITS.split("|") if len(u) == 1)


def names_nothing(word: str) -> bool:
    """A Chinese word that is no content: an interrogative phrase (哪一年, 有没有) or a word of ZH_QUESTION_WORDS."""
    return word in ZH_QUESTION_WORDS or bool(ZH_ASKING.fullmatch(word))
_lock = threading.Lock()


@dataclass(frozen=True)
class Unit:
    """A content word of the question: found in a text (in index.normalize.search_key form) when one of its forms occurs."""

    label: str
    weight: float
    forms: tuple[str, ...]

    def found_in(self, folded: str) -> bool:
        return any(f and f in folded for f in self.forms)


def _weight(term: str) -> float:
    return float(min(len(term), 4))


def chinese_units(terms: Sequence[str], lexicon: dict[str, list[str]] | None = None) -> list[Unit]:
    """Content words of a Chinese question from its BM25 terms (question words and bare units left out); a word the
    text never writes is also found by the index terms of its meaning (index.synonyms: 烧煤 by 燃煤), and an everyday
    word by the written terms it stands for (index.everyday: 厂子 by 企业, 钱 by 资金)."""
    units, seen = [], set()
    for term in terms:
        term = search_key(term)
        if term in seen or names_nothing(term) or term in _UNIT_CHARS or not term.strip():
            continue
        seen.add(term)
        others = dict.fromkeys(search_key(s) for s in synonyms(term, lexicon) + everyday(term, lexicon))
        units.append(Unit(term, _weight(term), (term, *(s for s in others if s != term))))
    return units


def english_units(question: str, lexicon: dict[str, list[str]]) -> list[Unit]:
    """Content words of an English question, each with the Chinese terms the lexicon maps it to.

    A word the lexicon cannot map (phone, population) has only its own spelling as a form, so
    it is found in a Chinese passage only when the passage writes it (PPP, PM2.5).
    """
    words = [w for w in english_words(question) if w not in EN_QUESTION_WORDS]
    parts = [p for w in words for p in ([w] + [x for x in w.split("-") if x and x != w])]
    words = [w for w in parts if w.isascii() and w not in EN_QUESTION_WORDS]
    forms: dict[str, set[str]] = {w: {w} for w in words}
    stems = [key_of(w, lexicon, stem) for w in words]  # base forms: sources -> source, held -> hold
    for i, (word, key) in enumerate(zip(words, stems)):
        forms[word].update(lexicon.get(key, []))
        forms[word].update(lexicon.get(re.sub(r"[^a-z]", "", word), []))
        if len(forms[word]) == 1:  # pinyin of a compound the lexicon holds in parts (wanggeyuan: 网格 + yuan)
            forms[word].update(t for _, terms in pinyin_pieces(word, lexicon) or () for t in terms)
        for size in (2, 3):  # gloss phrases (sulfur dioxide) and names written as syllable groups (wang qi)
            if i + size <= len(words):
                phrase = lexicon.get(" ".join(stems[i : i + size]), []) + lexicon.get("".join(words[i : i + size]), [])
                for other in words[i : i + size]:
                    forms[other].update(phrase)
    # A hyphenated word is found when its parts are: keep it only when it has forms of its own.
    return [
        Unit(w, 1.0, tuple(sorted(search_key(f) for f in forms[w])))
        for w in dict.fromkeys(words)
        if "-" not in w or len(forms[w]) > 1
    ]



_ZH_MARKER = re.compile(r"多少|几|什么|哪|谁")
_ZH_HOW = re.compile(r"为什么|为何|怎|如何")  # why and how questions ask for no attribute
# Verbs of meaning and likeness before 什么 (想说明什么, 把自己比作什么, 意味着什么): the question asks the point or the
# figure, which the answer states in its own words; the words before the verb (举例, 海岛度假) are what was said, not an
# attribute the answer must write.
_ZH_POINT = frozenset("说明 表明 证明 比作 比喻 比喻成 比成 比为 比方 看作 看成 当作 当成 视为 形容 意味着 象征 强调".split())
_NOUN_TAG = re.compile(r"^(?:n|vn|an|eng|l|j)")  # jieba tags of nouns, nominal verbs, idioms, abbreviations
# Names (places, people, organisations) are what a question is about, not the attribute it asks: unknown_names
# checks them (株州, a slip for 株洲, is no attribute the text lacks).
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nt"})
# Spoken place-holders that point at the topic instead of naming it (锅炉那块儿一共拆了多少台: the boilers are asked).
_PLACEHOLDERS = frozenset("块儿 那块 这块 那块儿 这块儿 那边 这边 那边儿 这边儿 那儿 这儿 事儿 玩意儿 东东".split())
# Heads of a time clause (年轻的时候, 改革期间, 来之前): they say when, not what is asked.
_TIME_HEADS = frozenset("时候 时 期间 之前 以前 之后 以后 当时 那时 时期 时代".split())
_CLAUSE_END = re.compile(r"[，。？！；、,.?!;：:\s]")
# Verbs of asking and number words after the question word are no attribute either ('which three provinces').
_PAST = re.compile(r"^[a-z]{3,}[^e]ed$")  # helped, provided, attended (not need, seed)
_EN_NOT_FOCUS = EN_AUXILIARIES | frozenset(
    """happen happens happened think thinks thought feel feels felt mean means meant use used spend spent make made
    one two three four five six seven eight nine ten hundred hundreds thousand thousands million millions billion""".split()
)


def focus_units(question: str, lang: str, units: Sequence[Unit], entities: Sequence[Entity]) -> list[Unit]:
    """The asked attribute: the content words next to the question word (常住人口 of 南阳市的常住人口是多少,
    员工 of 有多少名员工, 'population' of 'What is the population of Jining?'); [] for why/how questions, for
    who-questions and for a kind asked right after 哪/什么 (哪条大河: 淮河).
    """
    aliases = [a for e in entities for a in e.aliases]

    def names_entity(word: str) -> bool:
        return any(word in a or a in word for a in aliases)

    if lang == "zh":
        cut = [(w, t) for w, t, _ in tagged_around(canonical(question), aliases) if not w.isspace()]  # Latin words stay whole
        marker = next((i for i, (w, _) in enumerate(cut) if _ZH_MARKER.search(w) and not _ZH_HOW.search(w)), None)
        event = asked_event(cut, names_entity)
        own = {u.label: u for u in units}  # with their synonyms' and everyday words' forms (上班 by 工作)
        asked = [own.get(event) or Unit(event, _weight(event), (event,))] if event else []
        if marker is None:
            return asked
        if cut[marker][0] == "什么" and marker > 0 and cut[marker - 1][0] in _ZH_POINT:
            return []  # 想说明什么, 比作什么: a point or a figure is asked, no attribute
        found = []
        # The noun after 多少/几 is what is counted (多少台锅炉); after 哪/什么 it is a kind (哪条大河: 淮河), which the
        # answer names without writing it: only the noun before the question word is then asked (利率是多少).
        sides = ((-1, -1), (1, len(cut))) if re.search(r"多少|几", cut[marker][0]) else ((-1, -1),)
        for step, stop in sides:  # the nearest noun on each side, within the clause
            for i in range(marker + step, stop, step):
                word, tag = cut[i]
                if _CLAUSE_END.fullmatch(word) or names_entity(word):
                    break
                if i == marker + 1 and len(word) > 2 and word[0] in _UNIT_CHARS:
                    word = word[1:]  # the measure word belongs to 多少 (多少台燃媒锅炉 cut 台燃媒|锅炉)
                else:
                    if len(word) > 1 and word.endswith("是") and _NOUN_TAG.match(tag):
                        word = word[:-1]  # a copula the segmenter glued to a noun (…的账是哪几个部门: 账|是)
                    if (
                        word.isascii() or names_nothing(word) or word in STOPWORDS or word in _PLACEHOLDERS
                        or len(word) < 2 or word in _TIME_HEADS or not _NOUN_TAG.match(tag) or tag in _NAME_TAGS
                    ):
                        continue
                longer = [u.label for u in units if word in u.label and u.label[0] not in _UNIT_CHARS]
                whole = max(longer, key=len, default=word)  # 标车 of 黄标车
                found.append(own.get(whole) or Unit(whole, _weight(whole), (whole,)))  # its synonyms' forms too
                if step < 0 and i > 0:  # the noun it heads: 办公电话 asks an office number, not any 电话
                    before, before_tag = cut[i - 1]
                    if _modifier(before, before_tag, names_entity) and before not in whole:
                        found.append(own.get(before) or Unit(before, _weight(before), (before,)))
                break
        return found + ([] if event in [u.label for u in found] else asked)
    by_label = {u.label: u for u in units}
    words, naming = name_words(question, units, entities)
    marker = next((i for i, w in enumerate(words) if w in EN_WH_WORDS), None)
    if marker is None or words[marker] == "why":
        return []
    if words[marker] == "how" and marker + 1 < len(words) and words[marker + 1] not in ("many", "much"):
        return []
    if words[marker] in ("who", "whom"):
        return []  # 'who is the director': a person is asked; the role is a kind the answer need not write
    found: list[Unit] = []  # the first run of content words after the question word: its last two (the head noun)
    for i in range(marker + 1, len(words)):
        word = words[i]
        if "-" in word and word not in by_label:  # micro-stations: its head is the last part
            word = word.rsplit("-", 1)[-1]
        if found and _PAST.search(word):
            break  # a past participle ends the noun phrase (the bank provided, the people attended)
        unit = None if word in _EN_NOT_FOCUS else by_label.get(word)
        if unit is None or naming[i]:
            if found:
                break
            continue
        found.append(unit)
    return found[-2:]


def _modifier(word: str, tag: str, names_entity) -> bool:
    """A noun that qualifies the next one (办公 of 办公电话): a common noun of two characters or more."""
    return (
        len(word) >= 2 and bool(_NOUN_TAG.match(tag)) and tag not in _NAME_TAGS and not word.isascii()
        and not names_nothing(word) and word not in STOPWORDS and not names_entity(word)
    )


_WHEN_WHERE = re.compile(r"哪一?年|哪一?天|哪个月|几月|几日|几号|何时|何地|哪里|哪儿|时候")
_SPLIT_WHEN = frozenset("哪天 哪年 哪月 什么时候 什么时间 什么地方 哪个地方".split())  # cut in two by the tagger (哪|天)
_NOT_EVENT = frozenset("天 年 月 时间 地方 开始 进行 发生 出现 正式 首次 第一次".split())  # no event of their own
_EVENT_TAG = re.compile(r"^(?:v|n)")  # a verb or a noun: the event a when/where question asks about


def asked_event(cut: Sequence[tuple[str, str]], names_entity) -> str:
    """The event a when/where question asks about: the first verb or noun after 哪一年, 什么时候, 几月几日, 哪里
    (苏国军是哪一年出生的 -> 出生; 论坛在哪里举行 -> 举行); '' when the question asks no time or place. The text must
    report that event for the question to be answered, as it must write the noun a 多少 question counts."""
    pairs = zip(cut, cut[1:] + [("", "")])
    start = next((i for i, ((w, _), (n, _)) in enumerate(pairs) if _WHEN_WHERE.fullmatch(w) or w + n in _SPLIT_WHEN), None)
    if start is None:
        return ""
    for word, tag in cut[start + 1 :]:
        if _CLAUSE_END.fullmatch(word) or names_entity(word):
            return ""
        if _WHEN_WHERE.fullmatch(word) or word in _NOT_EVENT or len(word) < 2 or names_nothing(word) or word in STOPWORDS:
            continue
        if _EVENT_TAG.match(tag) and not word.isascii():
            return word
    return ""


# Kinds of organisation: 'company' (公司) names no entity although 广州普邦园林股份有限公司 ends in it ('Which company
# does Ou Jinxiong work for' asks the company).
_KIND_HEADS = frozenset("公司 有限公司 股份有限公司 企业 集团 银行 大学 学院 单位 机构 部门".split())


def name_words(question: str, units: Sequence[Unit], entities: Sequence[Entity]) -> tuple[list[str], list[bool]]:
    """An English question's words (lower case) and whether each names an asked entity: a word the lexicon maps
    to the entity (Guojun, Dalian), or a capitalised word it cannot map next to one (Su of 'Su Guojun')."""
    aliases = [a for e in entities for a in e.aliases]
    by_label = {u.label: u for u in units}
    raw = re.findall(r"[A-Za-z][A-Za-z0-9'-]*", unicodedata.normalize("NFKC", question))
    words = [re.sub(r"'s?$", "", w.lower()) for w in raw]
    forms = [[f for f in by_label[w].forms if not f.isascii()] if w in by_label else [] for w in words]
    naming = [any(f in a or a in f for f in cjk if f not in _KIND_HEADS for a in aliases) for cjk in forms]
    for i, word in enumerate(raw):  # an acronym (GDP) is no part of a name
        beside = any(0 <= j < len(raw) and naming[j] for j in (i - 1, i + 1))
        if word[0].isupper() and not word.isupper() and not forms[i] and beside:
            naming[i] = True
    return words, naming


def coverage(units: Sequence[Unit], folded_text: str) -> float:
    """Weighted share of the units found in the text (1.0 when there are none: nothing asked is missing)."""
    total = sum(u.weight for u in units)
    if not total:
        return 1.0
    return sum(u.weight for u in units if u.found_in(folded_text)) / total


# Nouns that name what a unit measures (多少钱: 几百亿元 answers without writing 钱): a number in
# the unit writes them, for the checks that the number stands with the asked words (focus_sentence, clause_number).
# Only money: 人口 by 万人 and 投资 by 元 answered near misses (s085 the population of Xiangtan, r246 湘潭五矿湖铁的
# 治理总投资: another number in the unit stood near the entity's words).
_MEASURED = ((frozenset("钱 金额 资金 费用 花费 经费 成本 价格 价钱".split()), ("元",)),)


def measured_by_number(units: Sequence[Unit], unit: str | None) -> list[Unit]:
    """The asked words, each noun of what a number measures (钱, 金额, 人口) also found by that number's unit (元, 万人),
    when the question asks a number (unit not None)."""
    if unit is None:
        return list(units)
    out = []
    for u in units:
        extra = next((marks for nouns, marks in _MEASURED if u.label in nouns or nouns.intersection(u.forms)), ())
        out.append(Unit(u.label, u.weight, u.forms + extra) if extra else u)
    return out


def attribute_units(units: Sequence[Unit], entities: Sequence[Entity]) -> list[Unit]:
    """The units that ask for something about the entity: all but those naming it (南阳市, Nanyang)."""
    aliases = [a for e in entities for a in e.aliases]
    return [u for u in units if not any(f in a or a in f for f in u.forms for a in aliases if f)]


@lru_cache(maxsize=1)
def pos_tagger():
    """jieba's part-of-speech tagger, loaded once (under a lock: its first cut builds tables)."""
    from index.tokenize import posseg as load

    posseg = load()
    with _lock:
        list(posseg.cut("初始化"))
    return posseg


def tagged_around(text: str, names: Sequence[str]) -> list[tuple[str, str, int]]:
    """(word, part-of-speech tag, start) of a text, tagged in pieces split at the known names it holds; each known
    name is one word tagged "known"."""
    from index.tokenize import split_at_names

    known = set(names)
    out, offset = [], 0
    for piece in split_at_names(text, names):
        if piece in known:
            out.append((piece, "known", offset))
            offset += len(piece)
            continue
        for word, tag in pos_tagger().cut(piece):
            out.append((word, tag, offset))
            offset += len(word)
    return out
