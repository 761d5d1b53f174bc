"""The question's content words (Unit): Chinese and English units, the asked attribute and how much of them a text covers."""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from index.abbreviations import expansions as abbreviation_expansions
from index.colloquial import mainland
from index.everyday import everyday
from index.lexicon import english_words, stem
from index.lexicon_query import pinyin_pieces, word_key
from index.normalize import search_key
from index.phrases import particle_of_verb, phrase_words, written_spans
from index.place_names import place_names
from index.stopwords import EN_LIGHT_VERBS, EN_QUERY_FILLER, EN_STOPWORDS
from index.synonyms import synonyms
from index.wordforms import base_forms
from retriever.answerability.entities import Entity, names_alias
from retriever.answerability.eras import rule_on
from retriever.answerability.quantity import UNITS

# The one home of the question's asking words, shared with retriever/answer_sentence.py.
# Chinese interrogative phrases (folded form, longest first): the words inside them ask and name nothing (多长时间 ->
# 时间 is not asked about).
ZH_ASKING = re.compile(
    r"多长时间|多久|什么时候|什么样|何时|哪一?天|哪一?年|哪里|哪儿|哪个|哪些|哪家|哪位|哪种|哪条|哪座|哪|怎么样|怎样|咋样|咋|啥"
    r"|如何|为什么|为何|什么|多少|几|是不是|有没有|是否|怎么|谁"
    r"|多[长高重远宽深厚](?=\s*(?:[?？。!！,，;；]|呢|啊|吗|$))"  # 寿命有多长: quantity.MEASURE_ASKED
)
# Words that name nothing although they ask nothing (not BM25 stopwords: they do no harm there), nouns so
# general that any account answers them (措施, 经验: 'what measures did he mention'), and the amount nouns that say
# 'the number of' as English 'number' and 'total' do (网格的数量是多少, 处理人数: the count of what they follow); the data
# journalist's conversion of the figure into another unit (罚款总额折成万元是多少, 折合多少亿): the unit is asked, not a word.
ZH_QUESTION_WORDS = frozenset(
    """一共 共 总共 总计 一年 名字 叫 叫做 多 最 一次 具体 主要 目前 现在 情况 大概 大约 当时 分别 到底 究竟
    措施 举措 做法 办法 经验 方法 工作 内容 方面 事情 看法 观点 数量 总数 数目 总量 个数 人数
    总额 数额 总和 合计 折成 折合 折算 换算 换算成 算成 约合 名称 全称 简称""".split()
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
    aspects view views percentage percentages percent proportion""".split()
)
UNIT_CHARS = frozenset(u for u in UNITS.split("|") if len(u) == 1)


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


def unit_weight(term: str) -> float:
    return float(min(len(term), 4))


def chinese_units(terms: Sequence[str], lexicon: dict[str, list[str]] | None = None) -> list[Unit]:
    """Content words of a Chinese question from its BM25 terms (question words and bare units left out); a word the
    text never writes is also found by the index terms of its meaning (index.synonyms: 烧煤 by 燃煤), and an everyday
    word by the written terms it stands for (index.everyday: 厂子 by 企业, 钱 by 资金), an amount word by what it counts
    (任务量 by 任务), official shorthand by the full names the text writes (index.abbreviations: 省厅 by 省环保厅), and a
    Taiwan or Hong Kong word by its mainland form (index.colloquial.mainland: 资讯 by 信息)."""
    units, seen = [], set()
    for term in terms:
        term = search_key(term)
        if term in seen or names_nothing(term) or term in UNIT_CHARS or not term.strip():
            continue
        seen.add(term)
        found = synonyms(term, lexicon) + everyday(term, lexicon) + amount_of(term) + abbreviation_expansions(term, lexicon)
        found += reduplicated(term) + [w for w in [mainland(term)] if w]  # 资讯 by 信息 (Taiwan's word)
        found += directed(term) + aspected(term)
        others = dict.fromkeys(search_key(s) for s in found)
        units.append(Unit(term, unit_weight(term), (term, *(s for s in others if s != term))))
    return units


def reduplicated(term: str) -> list[str]:
    """The one character a reduplicated word repeats (弟弟 -> 弟, 妈妈 -> 妈): the text may write it once."""
    return [term[0]] if len(term) == 2 and term[0] == term[1] and not term.isascii() else []


# Directional complements (调过来, 搬出去, 降下来): the verb before them says what was done; the text may write it without
# the direction, or with another (调到, 调任).
_DIRECTIONS = ("过来", "过去", "上来", "下来", "出来", "进来", "回来", "起来", "下去", "上去", "出去", "进去", "回去")


def directed(term: str) -> list[str]:
    """The verb of a verb + directional complement (调过来 -> 调, 搬出去 -> 搬); [] for other words."""
    if len(term) >= 3 and term.endswith(_DIRECTIONS) and not term.isascii():
        return [term[:-2]]
    return []


_ASPECT = frozenset("了过過着著")


def aspected(term: str) -> list[str]:
    """The verb of a one-character verb with its aspect particle that jieba cuts as one term (发了 -> 发, 建了 -> 建): the
    particle says when, not what was done, and the text may write the verb in a compound (发行, 拆除); [] for a word the
    dictionary knows whole (通过, 为了, 超过) and for a first character that is no verb (好了, 多了)."""
    if len(term) != 2 or term[1] not in _ASPECT or term.isascii():
        return []
    table = pos_tagger().dt.word_tag_tab
    return [term[0]] if term not in table and table.get(term[0], "").startswith("v") else []


_AMOUNT_SUFFIXES = ("量", "数")  # 任务量 the amount of tasks, 企业数 the number of firms


def amount_of(term: str) -> list[str]:
    """What an amount word counts (任务量 -> 任务, 企业数 -> 企业): the text gives the amount as a number of that thing
    (1416台燃煤锅炉整治任务); [] for other words and for a stem of one character (人数, 总量)."""
    if len(term) >= 3 and term.endswith(_AMOUNT_SUFFIXES) and not term.isascii():
        return [term[:-1]]
    return []


def english_units(question: str, lexicon: dict[str, list[str]]) -> list[Unit]:
    """Content words of an English question, each with the Chinese terms the lexicon maps it to.

    A word the lexicon cannot map (phone, population) has only its own spelling as a form, so
    it is found in a Chinese passage only when the passage writes it (PPP, PM2.5). Question framing (has, someone,
    them: index.stopwords.EN_QUERY_FILLER), a light verb in any form (gets, taken, done) and a bound prefix or function
    word of a hyphenated word (co- of Co-Governance, to of South-to-North) are no content words. A phrasal verb or set
    phrase ('track them down', 'clean up', 'at the source': index.phrases) is one unit, under its content word, found
    by the phrase's Chinese terms only: its particle is no word of its own.
    """
    raw = phrase_words(question)
    spans = written_spans(question, lexicon)
    whole: dict[str, list[str]] = {}  # content word of a phrase keyed as written -> the phrase's terms
    for start, end, key in spans:
        content = [w for w in raw[start:end] if w not in EN_STOPWORDS]
        if content:
            whole.setdefault(content[0], []).extend(lexicon.get(key, []))
    particles = {raw[i] for i in range(len(raw)) if particle_of_verb(raw, i)}
    words = [w for w in english_words(question) if w not in EN_QUESTION_WORDS and w not in EN_QUERY_FILLER]
    parts = [p for w in words for p in ([w] + [x for x in w.split("-") if x and x != w])]
    words = [
        w for w in parts
        if w.isascii() and w not in EN_QUESTION_WORDS and w not in EN_QUERY_FILLER and w not in EN_STOPWORDS
        and w not in _BOUND_PREFIXES
    ]
    forms: dict[str, set[str]] = {w: {w} for w in words}
    stems = [word_key(w, lexicon) for w in words]  # base forms: sources -> source, held -> hold; shutdown -> shut down
    dropped: set[str] = set()
    phrasal: set[str] = set()
    for i, (word, key) in enumerate(zip(words, stems)):
        if word in whole:
            forms[word].update(whole[word])
            phrasal.add(word)
            continue
        if word not in phrasal:
            forms[word].update(lexicon.get(key, []))
        forms[word].update(lexicon.get(re.sub(r"[^a-z]", "", word), []))
        if len(forms[word]) == 1:  # pinyin of a compound the lexicon holds in parts (wanggeyuan: 网格 + yuan)
            forms[word].update(t for _, terms in pinyin_pieces(word, lexicon) or () for t in terms)
        for size in (2, 3):  # gloss phrases (sulfur dioxide) and names written as syllable groups (wang qi)
            if i + size <= len(words):
                run = words[i : i + size]
                keyed = {" ".join(stems[i : i + size]), " ".join(map(stem, run))}  # base forms, or stems as glosses are
                phrase = [t for k in sorted(keyed) for t in lexicon.get(k, [])] + lexicon.get("".join(run), [])
                if phrase and size == 2 and run[1] in particles:  # a phrasal verb (track down): the phrase's meaning
                    forms[word] = {word, *phrase}
                    phrasal.add(word)
                    dropped.add(run[1])
                    continue
                for other in run:
                    forms[other].update(phrase)
    for name in place_names(question, lexicon):  # 'Xiang River' → 湘江: each of its words stands for the place
        for word in name.words:
            if word in forms:
                forms[word] = {word, *name.terms}
    dropped |= {w for w in particles if w not in phrasal}  # a particle alone ('back' of 'cut back') means nothing
    dropped |= {w for w in words if w not in phrasal and _light_verb(w)}
    # A hyphenated word is found when its parts are: keep it only when it has forms of its own.
    return [
        Unit(w, 1.0, tuple(sorted(search_key(f) for f in forms[w])))
        for w in dict.fromkeys(words)
        if ("-" not in w or len(forms[w]) > 1) and w not in dropped
    ]


# Bound prefixes a hyphen may split off (co-governance, non-point, re-use): no words of their own.
_BOUND_PREFIXES = frozenset("co non re pre sub anti multi semi inter mid post ex".split())


def _light_verb(word: str) -> bool:
    """A form of a light verb (gets, taken, doing, makes: index.stopwords.EN_LIGHT_VERBS): it names nothing alone."""
    return any(form in EN_LIGHT_VERBS for form in base_forms(word))


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
    if unit is None or not rule_on(10):
        return list(units)
    out = []
    for u in units:
        extra = next((marks for nouns, marks in _MEASURED if u.label in nouns or nouns.intersection(u.forms)), ())
        out.append(Unit(u.label, u.weight, u.forms + extra) if extra else u)
    return out


def attribute_units(units: Sequence[Unit], entities: Sequence[Entity]) -> list[Unit]:
    """The units that ask for something about the entity: all but those naming it (南阳市, Nanyang)."""
    aliases = [a for e in entities for a in e.aliases]
    return [u for u in units if not any(names_alias(f, aliases) for f in u.forms if f)]


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
    return list(_tagged_around(text, tuple(names)))


@lru_cache(maxsize=1024)
def _tagged_around(text: str, names: tuple[str, ...]) -> tuple[tuple[str, str, int], ...]:
    """tagged_around's words, tagged once a question (its focus, names, roles and places each read them)."""
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
    return tuple(out)
