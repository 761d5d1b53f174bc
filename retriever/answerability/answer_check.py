"""The answer check: does a sentence of the asked entity's passages state what the question asks?

A question asks for a kind of answer (answer_kind): a time (哪一年, 什么时候, when), a person (谁, 哪位, who), a name
(哪家公司, 叫什么名字, which bank, the name of), a place (哪里, where) or a number (quantity.py). The text answers it
only where one sentence gives an answer of that kind *and* speaks of what is asked: 济宁第一季度是被环保部哪位领导约谈的
is not answered by 被环保部门约谈后 (no person named there), 南阳农村的污水处理项目是哪家第三方公司运营的 not by
实行第三方运营管理模式 (no company named), and 'How many yellow-label vehicles did Dalian scrap' not by
全市3000余名交警… (the number counts police officers, in another clause than the vehicles).

Two scores, each 1.0 when the question asks no such answer (nothing to check):

- stated_answer: the best share of the asked words (the focus, else the attribute) in a sentence that also gives an
  answer of the asked kind (a time, a person's name, a name, a place); for time, person, name and place questions.
- clause_number: the best share of the asked words (the counted thing and what happens to it) in one clause (between
  commas) that gives a number in the asked unit; for number questions ('how much did X pay/spend' asks money: 元).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import lru_cache

from index.lazy_pattern import lazy_compile
from index.normalize import CJK, canonical, search_key
from index.records import Chunk, Kind
from retriever.answerability.asked import ORIGIN, PERSON, PLACE, TIME
from retriever.answerability.eras import rule_on
from retriever.answerability.heads import head_characters, kind_of
from retriever.answerability.kinds import named_at
from retriever.answerability.names import person_name
from retriever.answerability.quantity import (
    BARE_COUNT,
    COUNT,
    DURATION,
    RATE_WRITTEN,
    bounds_in,
    counts_things,
    gives_count,
    graded_out,
    numbered_word,
    other_side,
)
from retriever.answerability.units import Unit, coverage, pos_tagger
from retriever.sentence_spans import PREPARED

_SPEAKER = lazy_compile(r"^\s*[\u4e00-\u9fff]{2,8}[：:]\s*")
_SENTENCE = lazy_compile(r"(?<=[。！？!?；;\n])")  # a line of the participants list is a sentence of its own
_FIELD_LINE = lazy_compile(r"^\s*(?:[\u4e00-\u9fff]{2,4}|[A-Za-z]{3,9})\s*[：:]\s*\S", re.M)  # 时间：…, Venue: …
# the fields of a record that say when, where and under whom its event took place (会议纪要: 时间：…, 地点：…, 主持：…)
_RECORD_FIELD = lazy_compile(
    r"^\s*(?:时间|日期|地点|地址|主持|会议时间|会议地点|date|time|venue|place|location|chair)\s*[：:]\s*\S", re.I | re.M
)
_PLACE_FIELD = lazy_compile(r"^\s*(?:地点|地址|会议地点|会址|venue|place|location)\s*[：:]\s*\S", re.I)
_CLAUSE = lazy_compile(r"[，,；;。！？!?：:]")
_TIME = lazy_compile(
    r"(?:19|20)\d{2}\s*年|[〇零一二三四五六七八九]{4}年|\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{1,2}\s*日|今年|去年|前年|明年|年初|年底"
    r"|上世纪|年代|当年|同年|此前|以来"
    # a year before 1900 (（1562年）, 天正16年（1588年）), a time of day (12时26分, 11:00), a weekday, a part of the day
    r"|(?<![\d.])1[0-8]\d{2}\s*年|\d{1,2}\s*时\s*\d{1,2}\s*分|(?<![\d.])\d{1,2}:\d{2}(?!\d)|(?:星期|周)[一二三四五六日天]"
    r"|凌晨|清晨|早上|上午|中午|正午|下午|傍晚|晚上|午夜|夜间|平日|周末"
    # an ancient or a historical time: 公元前25年, 公元前三千年, 19世纪, 孔雀王朝时期
    r"|公元前?\s*(?:\d{1,4}|[〇零一二两三四五六七八九十百千]{1,6})\s*年|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*世纪"
    r"|[\u4e00-\u9fff]{1,4}(?:王朝|朝)(?:时期|年间|末年|初年|初期|中期|末期)"
)
# A day of the calendar (12月17日, 17号, 星期一, 元旦, 当天 of a day told before): what 几月几号 or 哪一天 asks
DAY = "day"
_DAY = lazy_compile(
    r"\d{1,2}\s*[日号](?!元)|[一二三四五六七八九十]{1,3}[日号]|(?:星期|周)[一二三四五六日天]|初[一二三四五六七八九十]|除夕|元旦"
    r"|当天|当日|同日|次日|翌日|前一天|这一天|那一天|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b",
    re.I,
)
# (session 28, nm9) a month of the calendar (12月, 十一月, 11月底, 当月, December), or a day (_DAY): what 几月, 哪个月 or
# 'in which month' asks; a year, 年初 or 年底 gives none. 三个月 is a duration, no month.
MONTH = "month"
_MONTH = lazy_compile(
    r"(?<![\d.])\d{1,2}\s*月(?!份?以来)|(?<![个几多每两])[一二三四五六七八九十正腊冬]{1,2}月|当月|同月|本月|上月|次月"
    r"|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b",
    re.I,
)
# (session 28, nm9) a graded quality (Ⅲ类, 劣Ⅴ类, IV类水, 三类, 二级, 优良, class III): what 水质类别 or water grade asks
GRADE = "grade"
_GRADE = lazy_compile(
    r"劣?(?:[ⅠⅡⅢⅣⅤ]|(?<![A-Za-z])(?:I{1,3}|IV|V)(?![A-Za-z])|[一二三四五])\s*类|[一二三四五六\d]\s*级(?!市|政府|单位)|优良|优于|"
    r"(?:轻度|中度|重度|严重)污染|\b(?:class|grade|category)\s+(?:i{1,3}|iv|v|\d)\b",
    re.I,
)
_NAME_MARKS = lazy_compile(r"《[^》]{2,}》|“[^”]{2,}”|「[^」]{2,}」")
_PLACE_END = lazy_compile(
    r"[\u4e00-\u9fff]{1,6}(?:省|市|县|区|镇|乡|村|州)(?![长委])|[\u4e00-\u9fff]{2,6}机关|在([\u4e00-\u9fff]{2,4}?)(?:召开|举行|举办|开幕|开展|出生|工作|任职)"
    # (session 30, fa12) where one served or studied is the office or school named before the post (最初在刑部任笔帖式,
    # 在人大机关工作, 在复兴中学就读), and where a thing came from is what the text says it comes from (源于…的苏美人):
    # an office, a body or a people answers 在哪里任职 or 发源于哪里, not only a place's name
    r"|在([\u4e00-\u9fff]{2,6}?)(?:担任|任|供职|就职|就读|读书|上学|学习|上班|当|做|服役|任教)"
    r"|(?:发源|起源|源|来|产生|诞生|出)(?:于|自)([\u4e00-\u9fff]{2,})"
)
_SOURCE = lazy_compile(r"(?:发源|起源|源|来|产生|诞生|出)(?:于|自)[\u4e00-\u9fff]{2}")
_SOURCE_WORDS = "发源 起源 来源 源于 源自 起于 来自 出自"
_ROLE_WORD = lazy_compile(
    r"[\u4e00-\u9fff]{0,3}(?:书记|市长|省长|县长|局长|厅长|部长|主任|总编辑|编辑|总裁|经理|董事长|主席|领导|负责人|专家|教授|记者)"
)
_ORIGIN = lazy_compile(r"土生土长|籍贯|老家|出生在|出生于|生于|祖籍")
_ORG_SUFFIXES = ("公司", "集团", "银行", "酒店", "宾馆", "饭店", "大学", "学院", "研究院", "研究所", "交易所", "医院", "协会")
_ORG_GROUPS = (
    ("公司", "集团"), ("银行",), ("酒店", "宾馆", "饭店"), ("大学", "学院", "高校", "学校"), ("研究院", "研究所"),
    ("医院",), ("交易所",), ("协会",),
)
_ORG_KINDS = frozenset("公司 企业 集团 银行 酒店 宾馆 饭店 大学 高校 学校 学院 机构 单位 交易所 医院 司 家".split())
_ACTORS = lazy_compile(r"第[三3]方|政府|部门|公安|企业|公众|群众|市民|村民|社会资本|环保局|环保部门|审计|财政")
# A government department as the text names it, by its function (公安系统, 财政, 环保部门, 市环保局, 交警支队): the answer
# to 哪个部门, which no organisation's name with a suffix gives (全市公安系统是主力军).
_DEPARTMENT = lazy_compile(
    r"(?:公安|财政|环保|审计|交警|交通|工商|税务|住建|城管|水利|国土|发改|农业|林业|卫生|教育|监察|纪委|检察|法院)"
    r"(?:系统|部门|机关|局|厅|委|支队|大队)?|[\u4e00-\u9fff]{1,4}(?:局|厅)(?![长])"
)
_DEPARTMENT_KINDS = frozenset({"部门", "机关", "部委"})
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})
_ANAPHORIC = lazy_compile(r"^(?:这|這|此|该|該)(?![里裡边邊儿兒样樣么麼])")  # 这场攻坚战, 此项工作: the topic told before
# A transliterated name: parts joined by the middle dot (伊夫林·比阿特丽斯·霍尔, 约翰·海克特·麦克阿瑟), which jieba does not
# tag as a person.
_FOREIGN_NAME = lazy_compile(r"[\u4e00-\u9fff]{1,8}(?:[·•・][\u4e00-\u9fff]{1,10})+")
_COUNTRY = frozenset({"country", "nation", "state"})
# A name followed by its short form in Latin letters in brackets (东日本旅客铁道（JR东日本）, 世界卫生组织（WHO）): Chinese
# writes a body's full name so, whatever it ends in (session 19, cmrc7)
_SHORT_NAMED = lazy_compile(r"([\u4e00-\u9fff]{3,16})\s*[(（]\s*[A-Za-z]{2,}[\u4e00-\u9fffA-Za-z]{0,8}\s*[)）]")


def speech(chunk: Chunk) -> str:
    """The passage's text without its speaker's leading '名字：' (the speaker's own name answers no 'who')."""
    match = _SPEAKER.match(chunk.text)
    if match and chunk.speaker and match.group(0).strip().rstrip("：:") == chunk.speaker:
        return chunk.text[match.end() :]
    return chunk.text


def said_by_speaker(chunk: Chunk) -> bool:
    """Whether a passage is a named speaker's own words (not the host's question, a title or the participants list)."""
    return bool(chunk.speaker) and chunk.kind == Kind.SPEECH.value


@lru_cache(maxsize=8192)
def sentences_of(text: str) -> tuple[str, ...]:
    """The text's sentences (canonical form, punctuation kept)."""
    return tuple(s for s in (canonical(p).strip() for p in _SENTENCE.split(text)) if s)


@lru_cache(maxsize=8192)
def _tags(sentence: str) -> tuple[tuple[str, str], ...]:
    return tuple((w, t) for w, t in pos_tagger().cut(sentence) if w.strip())


def gives(
    sentence: str, kind: str, asked: Sequence[str], named: Sequence[str] = (), role: bool | Sequence[str] = False
) -> bool:
    """Whether a sentence (canonical form) gives an answer of the kind, not counting the names the question writes.

    Args:
        sentence: one sentence, canonical form.
        kind: answer_kind of the question (ORIGIN for 哪里人).
        asked: the question's own words and names (search_key form): they answer nothing.
        named: the kind whose name is asked (kinds.asked_kind: 公司, 酒店): an organisation's kind asks an
            organisation's name (第三方运营 or a quoted slogan names no company).
        role: the question names the role whose holder it asks (湘潭市长叫什么名字): only a person's name answers; when
            it is the role's words (asked.asked_roles: 市长), only a sentence writing one of them gives the holder.
    """

    def fresh(word: str) -> bool:
        return len(word) >= 2 and not any(word in a for a in asked if a)

    if kind == TIME:
        return bool(_TIME.search(sentence))
    if kind == DAY:
        return bool(_DAY.search(sentence))
    if kind == GRADE:
        return bool(_GRADE.search(sentence))
    if kind == MONTH:
        return bool(_MONTH.search(sentence) or _DAY.search(sentence))
    tags = _tags(sentence)
    if kind == ORIGIN:
        return bool(_ORIGIN.search(sentence)) or any(
            t == "ns" and fresh(w) and n == "人" for (w, t), (n, _) in zip(tags, tags[1:])
        )
    if kind == PLACE:
        if _PLACE_FIELD.match(sentence):  # 地点：市政府3号会议室, Venue: …: a field list names where
            return True
        siblings = listed_beside(sentence, asked)  # a place listed beside the asked thing is not where it is

        def where(word: str) -> bool:
            return fresh(word) and not any(word in s for s in siblings)

        return any(where(next((g for g in m.groups() if g), m.group(0))) for m in _PLACE_END.finditer(sentence)) or any(
            t == "ns" and where(w) for w, t in tags
        )
    if kind == PERSON and PREPARED.match(sentence.strip()):
        return True  # Prepared by the Municipal Environmental Monitoring Centre, 市环境监测中心编制: who made it
    if kind == PERSON:
        if role and not isinstance(role, bool) and not any(r in sentence for r in role):
            return False  # (session 28, nm9) who was minister: the holder's name stands by the role's word (部长)
        if not role and any(fresh(m.group(0)) for m in _ROLE_WORD.finditer(sentence)):
            return True  # 市委书记、市长…共同签署: who signed is answered by a role
        if not role and (_organisation(tags, fresh) or any(fresh(m) for m in _ACTORS.findall(sentence))):
            return True  # 跟谁签了合作协议: 清华大学环境学院; who operates them: 第三方
        if any(fresh(m.group(0)) for m in _FOREIGN_NAME.finditer(sentence)):
            return True
        if CJK.search(sentence) and any(t == "eng" and len(w) >= 4 and w.isalpha() and fresh(w) for w, t in tags):
            return True  # a Chinese sentence writes a foreign person's or firm's name in Latin letters (由Kampon Tansacha先生)
        if any(fresh(m.group(1)) for m in _SHORT_NAMED.finditer(sentence)):
            return True  # a name with its Latin short form in brackets: 东日本旅客铁道（JR东日本）, no suffix needed
        return any(t in _PERSON_TAGS and fresh(w) and person_name(w) for w, t in tags)
    if _organisation(tags, fresh, _suffixes(named)):
        return True
    if any(t == "nt" and fresh(w) and any(kind_of(w[-2:], k) for k in named) for w, t in tags):
        return True  # 哪所学校: 复兴中学, a name ending in a kind of school (heads.kind_of)
    if any(k in _DEPARTMENT_KINDS for k in named) and any(fresh(m) for m in _DEPARTMENT.findall(sentence)):
        return True  # 哪个部门打主力: 全市公安系统 (a department named by its function)
    if any((k in _ORG_KINDS or k[-1:] in _ORG_KINDS) and not _country(k) for k in named):
        return False  # 哪家公司: only an organisation's name answers (第三方运营, 环保企业 name none)
    folded = search_key(sentence)
    heads = set(named) | {k[-1] for k in named if len(k) > 1}  # 哪条大河: 淮河 is named by its head 河
    heads |= {h for k in named for h in head_characters(k)}  # 哪一党派: 公明党 is named by its head 党
    if any(named_at(folded, m.start(), k) for k in heads for m in re.finditer(re.escape(k), folded)):
        return True
    return any(fresh(m) for m in _NAME_MARKS.findall(sentence)) or any(t == "ns" and fresh(w) for w, t in tags)


def names_place(sentence: str, asked: Sequence[str]) -> bool:
    """Whether a sentence names a place (a place name jieba knows, of two characters or more: 甘井子区, 陕西省, 湘乡)
    that is none of the asked names nor holds one (大连市 is no district of 大连): the answer to which district, county,
    province or town. A common word jieba tags as a place (城市, 海关: CC-CEDICT gives it a common meaning) or a generic
    place word (市区, 工业区, 13个区) names none."""
    from retriever.answerability.heads import meanings

    siblings = listed_beside(sentence, asked)
    return any(
        t == "ns" and len(w) >= 2 and not any(a and (w in a or a in w) for a in asked) and not meanings(w, every=True)
        and not any(w in s for s in siblings)
        for w, t in _tags(sentence)
    )


_LIST_CLAUSE = lazy_compile(r"[，,；;。！？!?：:]")


def listed_beside(sentence: str, asked: Sequence[str]) -> list[str]:
    """The other members of a list (A、B、C; A和B) one member of which is an asked word (竹埠港、锰矿地区、吴家巷工业区、
    湘乡五矿湖铁: 湘乡五矿湖铁 beside 锰矿; 竹埠港区域企业退出和锰矿重金属治理): a place listed beside the asked thing is
    another member, not where it is (session 23, nm4: 百年锰矿在哪个区 is not answered by 湘乡 or 竹埠港)."""
    out: list[str] = []
    for clause in _LIST_CLAUSE.split(sentence):
        members = re.split(r"、|和|与|及", clause)
        if len(members) < 2:
            continue
        # the list's own words around it are no member (在岳塘区的竹埠港、…、湘乡五矿湖铁等四大片区: 岳塘区, 四大片区)
        members[0] = re.split(r"[的了在是有]", members[0])[-1]
        members[-1] = members[-1].split("等")[0]
        if any(len(a) >= 2 and a in m for m in members for a in asked):
            out += [m for m in members if not any(len(a) >= 2 and a in m for a in asked)]
    return out


def _country(kind: str) -> bool:
    """A kind meaning a country (国家 'country; nation; state'): its 家 is no 哪家's organisation; a place name answers."""
    from retriever.answerability.heads import meanings

    return bool(meanings(kind) & _COUNTRY)


def _suffixes(kinds: Sequence[str]) -> tuple[str, ...]:
    """The ends of the organisations' names that answer a question about a kind (哪家酒店: 酒店, 宾馆, 饭店; 哪家: any)."""
    kinds = ["公司" if k == "企业" else k for k in kinds]  # 哪家企业 is answered by a company's name
    groups = [g for g in _ORG_GROUPS if any(k in g or k[-2:] in g for k in kinds)]
    return tuple(s for g in groups for s in g) or _ORG_SUFFIXES


def _organisation(tags: Sequence[tuple[str, str]], fresh, suffixes: Sequence[str] = _ORG_SUFFIXES) -> bool:
    """An organisation's name ending in one of the suffixes: a name jieba knows as one (清华大学), or a place or name
    followed closely by a kind of organisation (广州普邦园林股份有限公司)."""
    for i, (word, tag) in enumerate(tags):
        if tag == "nt" and word.endswith(tuple(suffixes)) and fresh(word):
            return True
        if tag in ("ns", "nr", "nz", "nt"):
            ahead = "".join(w for w, _ in tags[i + 1 : i + 5])
            match = re.match(rf"^[\u4e00-\u9fff]{{0,8}}?({'|'.join(suffixes)})", ahead)
            if match and fresh(word + ahead[: match.end()]):
                return True
    return False


# Who did it, as a text of record states it: the doer of the asked deed, after 由 or 被 before its verb (目前由爱贝克思代理,
# 由孙协志主演) or as the subject opening the clause of the verb (香港无线电视已于2006年买下…播映权): a name there answers who,
# whatever kind of body it is (a TV station, a record label), where no suffix, role or person's name marks it
# (session 22, cmrc9). The deed is a verb of the question (买下 of 被谁买下) or the verb of a doer's noun it asks
# (代理 of 代理人是谁, as features._agent_written reads 设计师).
_NOMINAL = ("n", "l", "j", "eng", "nr", "nrt", "nrfg", "nz", "nt", "ns")
_BEFORE_DEED = frozenset({"d", "p", "m", "t", "q", "f"})  # adverbs and times between doer and verb (no 的: a modifier)
_DOER_ENDS = frozenset("者人师商家方员")
_AGENT_MARK = lazy_compile(r"[由被]")


def doer_deed(word: str) -> str:
    """The deed of a doer's noun (代理 of 代理人, 负责 of 负责人, 开发 of 开发商): its verb, a word of the tagger's
    dictionary before a doer's ending; '' for any other word."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{3,5}", word) or word[-1] not in _DOER_ENDS:
        return ""
    return word[:-1] if word[:-1] in pos_tagger().dt.word_tag_tab else ""


def asked_deeds(words: Sequence[Unit]) -> tuple[str, ...]:
    """The deeds a who-question asks the doer of: its verbs (买下) and the verbs of its doer's nouns (代理 of 代理人)."""
    table = pos_tagger().dt.word_tag_tab
    deeds = []
    for unit in words:
        label = unit.label
        if not re.fullmatch(r"[\u4e00-\u9fff]{2,5}", label):
            continue
        if table.get(label, "").startswith("v"):
            deeds.append(label)
        elif doer_deed(label):
            deeds.append(doer_deed(label))
    return tuple(dict.fromkeys(deeds))


def with_deeds(words: Sequence[Unit]) -> list[Unit]:
    """The asked words, a doer's noun also found by its deed (代理人 where the text writes 由…代理)."""
    return [Unit(u.label, u.weight, (*u.forms, doer_deed(u.label))) if doer_deed(u.label) else u for u in words]


def doer_named(sentence: str, deeds: Sequence[str], fresh) -> bool:
    """Whether a clause of the sentence names who did an asked deed: a word of a name or a noun the question does not
    write, after 由/被 before the deed's verb, or opening the clause with only adverbs and times between it and the verb."""
    for clause in _CLAUSE.split(sentence):
        for deed in deeds:
            at = clause.find(deed)
            if at <= 0:
                continue
            before = clause[:at]
            marks = list(_AGENT_MARK.finditer(before))
            if marks:
                agent = _tags(before[marks[-1].end() :])
                if 0 < len(before) - marks[-1].end() <= 12 and any(
                    t.startswith(_NOMINAL) and fresh(w) for w, t in agent
                ):
                    return True
                continue
            tags = _tags(before)
            run = 0
            while run < len(tags) and tags[run][1].startswith(_NOMINAL):
                run += 1
            if run and any(fresh(w) for w, _ in tags[:run]) and all(
                t in _BEFORE_DEED or t.startswith("t") for _, t in tags[run:]
            ):
                return True
    return False


def stated_answer(
    kind: str | None,
    words: Sequence[Unit],
    passages: Sequence[Chunk],
    asked: Sequence[str],
    named: Sequence[str] = (),
    role: bool = False,
    attribute: Sequence[Unit] = (),
    speaker: bool = False,
    doc_titles: Mapping[str, str] | None = None,
    division: str = "",
    own: Sequence[str] = (),
) -> float:
    """The best share of the asked words in a sentence of the passages that gives an answer of the kind; 1.0 when no
    kind is asked.

    Args:
        kind: answer_kind of the question.
        words: the asked words (the focus, else the attribute).
        passages: the asked entity's passages (the best few when it names none).
        asked: the question's own names and words (search_key form): they answer nothing.
        named: the kind whose name is asked (kinds.asked_kind).
        role: the question asks who holds a role it names (only a person's name answers).
        attribute: every asked word the text writes, scored instead of the asked words when no passage writes any of
            those (a paraphrase, or an English focus word glossed wrongly: paper -> 造纸, when the answer sentence
            names the roadmap asked of).
        speaker: the question asks who said something (asked.asks_speaker): a sentence of a speaker's own words
            gives its person, the speaker.
        doc_titles: each document's title (doc id -> title): a record's field list (时间：…, 地点：…) stands with its
            document's title even when the title's passage is not among the passages.
        division: the division of a country asked (asked.asked_division: 区 for 哪个区, which district): only a place's
            name answers, not a title in 《》 nor the asked city itself.
        own: the asked entities' names (大连, 大连市): a district of Dalian is no place named 大连市.
    """
    if kind is None and not division:
        return 1.0
    # a field list (时间：…, 地点：…) records its document's subject: its title's words stand with each field
    titles = {c.doc: search_key(c.text) for c in passages if c.kind == Kind.TITLE.value}
    deeds = asked_deeds([*words, *attribute]) if kind == PERSON and not role else ()
    if deeds:  # the doer asked by their noun is told by the deed's verb (代理人 of 由爱贝克思代理)
        words, attribute = with_deeds(words), with_deeds(attribute)
    texts = [search_key(speech(c)) for c in passages]
    if attribute and not any(coverage(words, t) > 0 for t in texts):
        words = attribute

    def fresh(word: str) -> bool:
        return len(word) >= 2 and not any(word in a for a in asked if a)

    best = 0.0
    for chunk in passages:
        about = titles.get(chunk.doc, "") if _FIELD_LINE.search(chunk.text) or PREPARED.match(chunk.text) else ""
        if not about and doc_titles and _RECORD_FIELD.search(chunk.text):
            about = search_key(doc_titles.get(chunk.doc, ""))
        previous = ""
        for sentence in sentences_of(speech(chunk)):
            if best >= 1.0:
                return best
            recorded = about and (_FIELD_LINE.match(sentence) or PREPARED.match(sentence))
            # a sentence opening with a demonstrative (这场攻坚战，全市公安系统是主力军) speaks of the passage's topic so far
            topic = previous if _ANAPHORIC.match(sentence) else ""
            # (session 30, fa12) 源于/来自 states where a thing came from: it says the asked 发源/起源 in other words
            source = "\n" + _SOURCE_WORDS if kind == PLACE and _SOURCE.search(sentence) else ""
            share = coverage(words, search_key(sentence) + ("\n" + about if recorded else "") + topic + source)
            previous += "\n" + search_key(sentence)
            answers = names_place(sentence, [*asked, *own]) if division else gives(sentence, kind, asked, named, role)
            answers = answers or bool(deeds) and doer_named(sentence, deeds, fresh)
            if share > best and ((speaker and said_by_speaker(chunk)) or answers):
                best = share
    return best


_NAME_TAGS = frozenset({"ns", "nt", "nz"})


@lru_cache(maxsize=4096)
def _named(form: str) -> bool:
    tags = _tags(form)
    return len(tags) == 1 and tags[0][1] in _NAME_TAGS


def named_object(unit: Unit) -> bool:
    """Whether an asked word is the name of a place or a body (竹埠港, 清华大学, 清华), by itself or by a Chinese form
    jieba tags as one word of a name (ns, nt, nz; not nr: 小镇 is tagged a person's name)."""
    return any(len(f) >= 2 and CJK.search(f) and _named(f) for f in (unit.label, *unit.forms) if f)


def clause_number(
    unit: str | None, words: Sequence[Unit], passages: Sequence[Chunk], attribute: Sequence[Unit] = (),
    quoted: Sequence[str] = (),
    counted: str = "",
    bounds: Sequence[tuple[str, str]] = (),
    rate: bool = False,
) -> float:
    """The best share of every asked word (the attribute) around a clause of the passages that gives a number in the
    unit (the clause and its neighbours within one sentence); 1.0 when no number is asked (unit None). A measure word
    (多少台, 几项) takes any count: 几项约束性指标 is answered by 13个约束性指标.

    The number must stand with what happens to the counted thing, not only with the thing: 992名网格员 does not say how
    many grid officers were disciplined, nor 28家企业全部退出 how many were shut down under technical guidelines
    (readers8 tune k137, k119; readers7 n113). The score was half the counted words' share and half the attribute's
    (leave one set out near miss 0.859, false abstention 0.015); the attribute's share alone: 0.876 and 0.017, log loss
    0.141 -> 0.137 (three quarters the attribute's: 0.871 and 0.015; the product of the two: 0.847).

    Args:
        unit: the unit of the number an answer must give (quantity.counted_unit; '元' for English money).
        words: the asked words (the focus, else the attribute).
        passages: the asked entity's passages (the best few when it names none).
        attribute: every asked word (the question's content words less the entity's names): the score is their
            share, so that the number stands with what happens to the counted thing (拆除, attended), there or, when
            an asked word stands with the number, in the sentences of the passage before it (its topic:
            强力淘汰黄标车… 全市3000余名交警).
        quoted: the numbers the question writes itself (quoted_numbers): a reader who restates the text's figure and
            asks a part of it (湘潭那47个重点项目现在已经完工了几个) is not answered by that figure (session 20, nm1).
        counted: the words naming the counted thing (quantity.counted_words): of a count of things or people, the
            asked words among them must stand in the number's own clause or the one before it, not only one clause
            over (两家五星级的酒店 gives no number of rooms; session 22, nm3); unless the number ends its clause with a
            bare measure word (关停486家, 处理102人): its noun is elided or told before, in the text's own words.
        bounds: the bounded quantities the question asks of (quantity.bounds_in: 10吨以上): a number whose window
            writes one on the other side only (10吨以下) counts other things (session 27).
        rate: the question asks an amount per item or per period (quantity.asks_rate: 每辆补贴多少钱, how much did
            Dalian pay each owner): a number whose window writes no rate (RATE_WRITTEN: 每, 均, 元/辆, 全年) is a total
            or another figure, not it (session 29, nm10).
    """
    if unit is None or unit in (DURATION, "年"):
        return 1.0  # a time is told in a clause of its own (2012年初，湘潭市确立了…): focus_sentence checks it
    # a count of things (how many villages) is no number of levels (市县乡村4级网格: 4 counts levels, not 村), unless
    # the levels are what is counted (how many levels, 几级: the asked words, not the attribute's four-level)
    # (session 30, nm11) 多少个 counts as a bare 多少 does: 南阳一共设了多少个环境监管网格 is not answered by 4级网格
    levels = (unit == COUNT or (unit == "个" and rule_on(30))) and not any("级" in f for u in words for f in u.forms)
    thing = _counted_units(words, counted) if counts_things(unit) else []
    thing_forms = tuple(f for u in _counted_units(words, counted) for f in u.forms)  # 五水 of how many water fronts
    # an amount of no counted thing asked of a named body or place (how much is Jining paying Tsinghua, how much of it
    # went to Zhubugang): the name, when the passages write it, must stand by the number, as a counted thing must; an
    # amount another clause gives is of something else (session 26, nm7)
    objects = [
        u for u in words
        if named_object(u) and any(u.found_in(search_key(speech(c))) for c in passages)
    ] if rule_on(26) and not thing and not counts_things(unit) else []
    best = 0.0
    for chunk in passages:
        previous, topic = "", ""
        for sentence in sentences_of(speech(chunk)):
            clauses = _clauses(search_key(sentence))
            for i, clause in enumerate(clauses):
                # the asker's bound repeated by the text (less than 10万 of 不足10万人): that bound is the text's answer
                own = [n for n, d in bounds_in(clause) if (n, d) in bounds] if bounds and rule_on(27) else []
                mine = [n for n in quoted if n not in own]
                counted = graded_out(_unquoted(clause, mine)) if levels else _unquoted(clause, mine)
                unnamed = _NAMED_SPAN.sub(" ", counted) if rule_on(27) else counted
                if gives_count(unnamed, unit) or numbered_word(counted, unit, thing_forms):
                    window = ",".join(clauses[max(i - 1, 0) : i + 2]) + (previous if i == 0 else "")
                    if bounds and rule_on(27) and other_side(bounds, window):
                        continue
                    # (session 30, nm11) a bound the sentence sets once scopes its list of figures (全市共拆除1416台10吨以下
                    # 燃煤锅炉，提标改造1377台，市区圆满完成843台: every figure is of boilers under 10 tonnes)
                    if bounds and rule_on(30) and other_side(bounds, ",".join(clauses)):
                        continue
                    if rate and not RATE_WRITTEN.search(window):
                        continue
                    score = _clause_score(words, attribute, window)
                    if rule_on(11) and any(u.found_in(window) for u in words):  # the number counts an asked thing: the
                        context = window + topic  # rest may be the passage's topic, told before (全市3000余名交警)
                        score = max(score, _clause_score(words, attribute, context))
                    if thing and not BARE_COUNT.search(clause):  # the number counts a thing it names: the asked one
                        score = min(score, coverage(thing, ",".join(clauses[max(i - 1, 0) : i + 1])))
                    if objects:
                        score = min(score, coverage(objects, window))
                    best = max(best, score)
                    if best >= 1.0:
                        return best
            previous = "。" + search_key(sentence)
            topic += previous
    return best




def counted_forms(words: Sequence[Unit], counted: str) -> tuple[str, ...]:
    """The forms of the asked words naming the counted thing (水 of how many water fronts: quantity.numbered_word)."""
    return tuple(f for u in _counted_units(words, counted) for f in u.forms)


def _counted_units(words: Sequence[Unit], counted: str) -> list[Unit]:
    """The asked words naming the counted thing: written in the question's counted words (an English word whole)."""
    if not counted:
        return []
    latin = counted.split()
    return [
        u for u in words
        if (u.label in latin if u.label.isascii() else any(f and f in counted for f in (u.label, *u.forms) if not f.isascii()))
    ]


# A name in quotation marks or title marks (“十五小”, “十三五”, 《…三市…协议》): a numeral in it is part of the name,
# no count of anything (how many factories did Nanyang close is not answered by 取缔…“十五小”企业: fifteen kinds, no
# number of factories; session 27, nm8: readers8 k119, readers9 a131). A numeral heading the counted thing's word in a
# name (“五水共治” for how many water fronts) is numbered_word's, read on the clause as written.
_NAMED_SPAN = lazy_compile(r"[“「《『][^“”「」《》『』]{1,24}[”」》』]")
# A figure the question writes with an English scale word (40.85 million yuan, 1.8 billion): the text writes it in
# 万 and 亿 (4085万元, 18亿元), the same figure restated, no answer (session 27, nm8: readers22 zo129)
_SCALED = lazy_compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(million|billion|thousand)\b", re.I)
_SCALE = {"million": (100, "万"), "billion": (10, "亿"), "thousand": (1000, "")}

_QUOTED = lazy_compile(r"(?<!\d)(?<!\d[.,])\d(?:[\d.,]*\d)?(?!\d)(?![.,]\d)")  # 47, 40.85, 1,000; not 2 of 1,000


def quoted_numbers(question: str) -> tuple[str, ...]:
    """The numbers a question writes in digits (47 of 湘潭那47个重点项目; 100 of checked 100%), search_key form. Not a
    number search_key spells out of a word (这两年 → 2年: a time the asker speaks of, no figure restated; readers2 s037,
    readers13 p037 refused so; session 21, nm2)."""
    typed = {n.replace(",", "") for n in _QUOTED.findall(unicodedata.normalize("NFKC", question))}
    numbers = [n for n in _QUOTED.findall(search_key(question)) if n.replace(",", "") in typed]
    if rule_on(27):
        for figure, scale in _SCALED.findall(unicodedata.normalize("NFKC", question)):
            factor, _ = _SCALE[scale.lower()]
            value = Decimal(figure) * factor
            numbers.append(format(value.normalize(), "f") if value == value.to_integral() else str(value))
    return tuple(dict.fromkeys(numbers))


def _unquoted(clause: str, quoted: Sequence[str]) -> str:
    """The clause without the numbers the question itself writes: they are the asker's, not an answer. With them
    their magnitude (18亿元 of a question's 18亿: the 亿 left alone would read as a numeral, session 27)."""
    scale = r"(?:\s*[余多])?(?:\s*[万亿])?" if rule_on(27) else ""
    for number in quoted:
        clause = re.sub(rf"(?<!\d)(?<!\d[.,]){re.escape(number)}(?!\d)(?![.,]\d){scale}", " ", clause)
    return clause


def _clause_score(words: Sequence[Unit], attribute: Sequence[Unit], text: str) -> float:
    """The share of every asked word in the text (before session 12: half that and half the counted words')."""
    if rule_on(12):
        return coverage(attribute or words, text)
    return (coverage(words, text) + coverage(attribute or words, text)) / 2


@lru_cache(maxsize=8192)
def _clauses(text: str) -> tuple[str, ...]:
    return tuple(c for c in _CLAUSE.split(text) if c)


# A code asked (a phone number, a stock ticker, 电话号码, 股票代码): only digits or a Latin code answer it.
_CODE_ZH = lazy_compile(r"(?:号码|代码|编号|电话|热线|网址|邮箱|邮编)(?:是|是什么|是多少|多少|为)?[？?]?$")
_CODE_EN = lazy_compile(
    r"\b(?:phone|telephone|fax|hotline|contact) number\b|\bticker\b|\bstock (?:code|symbol)\b|\bzip code\b|\bpostcode\b"
    r"|\b(?:website|web address|url|e-?mail address)\b",
    re.I,
)
_CODE = lazy_compile(r"(?<![\d.])\d{5,}|\d{3,4}-\d{4,}|[a-z0-9-]+\.(?:com|cn|org|net|gov)\b|[\w.]+@[\w.]+", re.I)


def asks_code(question: str, lang: str) -> bool:
    """Whether a question asks a code (a phone number, a stock ticker, a website): digits or a Latin code answer it."""
    text = canonical(question)
    return bool(_CODE_EN.search(text) if lang != "zh" else _CODE_ZH.search(text.rstrip("？?。 ")))


def detail_filled(
    kind: str | None,
    unit: str | None,
    words: Sequence[Unit],
    passages: Sequence[Chunk],
    asked: Sequence[str],
    named: Sequence[str] = (),
    role: bool = False,
    code: bool = False,
) -> float:
    """Whether the sentence that speaks most of the asked words holds a filler of the asked detail: a person, a name, a
    place, a time (answer_kind), a number in the asked unit, a code (asks_code). The answer checks above take the
    best share over sentences that give *some* filler; this one asks the best-speaking sentence (or its neighbour,
    equal in share) to give it: 济宁…约谈 is told, by whom is not; the hotline is named, its number is not. 1.0 when
    no detail is asked (what, how, why) or no sentence speaks of the asked words; 0.0 when none of the best gives it.

    Args:
        kind: answer_kind of the question (None: a number, a code or nothing).
        unit: the unit of the asked number (clause_number's), None when no number is asked.
        words: the asked words.
        passages: the asked entity's passages (the best few when it names none).
        asked: the question's own names and words (they answer nothing).
        named: the kind whose name is asked; role: the question asks who holds a role it names.
        code: the question asks a code (asks_code).
    """
    if unit in (DURATION, "年") or code:
        unit = None  # a time is told in a clause of its own (clause_number); a code is no count (电话是多少)
    if kind is None and unit is None and not code:
        return 1.0
    scored = []
    for chunk in passages:
        sentences = sentences_of(speech(chunk))
        for i, sentence in enumerate(sentences):
            scored.append((coverage(words, search_key(sentence)), sentence, sentences[i + 1] if i + 1 < len(sentences) else ""))
    top = max((s for s, _, _ in scored), default=0.0)
    if top <= 0:
        return 1.0

    def fills(sentence: str) -> bool:
        if code:
            return bool(_CODE.search(sentence))
        if unit is not None:
            return gives_count(search_key(sentence), unit)
        return gives(sentence, kind, asked, named, role)

    return float(any(fills(s) or (n and fills(n)) for share, s, n in scored if share >= top))


# Questions of two parts (session 24, parts2). A reader asks two things at once (how many people …, and in how many
# zones; 一共拆了多少台，烟尘又削减了多少吨？; 以谁为总召集人？确定的重点项目一共有多少个？): the answer checks read the
# question word of the whole as asking one filler and want every asked word beside it, so both parts' words are scored
# against one sentence, which no text writes. Each part is checked on its own (features.analyse): the weaker part is
# the question's answer check, so a near miss whose one part the text never gives stays refused.
_ZH_ASKING = lazy_compile(
    r"谁|什么|啥|哪|多少(?!多少)|(?<!十)几(?![十百千万亿乎])|怎么|怎样|如何|为什么|为何|多久|多长|多大|多高|多远|是否|有没有|是不是|吗"
)
_EN_WH = r"(?:what|who|whom|whose|where|when|which|why|how)"
# ', and what …', 'and how many …', ', and in how many …' (a preposition before the question word), '; …'
_EN_JOIN = lazy_compile(
    rf"(?i),?\s*\band\s+(?:(?:in|at|for|of|by|from|with|to|on|since|until)\s+)?(?={_EN_WH}\b)|;\s*"
)
# a part asks when it holds a question word (In tonnes, how much soot …; … gives duties to how many departments) or
# opens with an auxiliary (Was it below one percent?)
_EN_ASKING = lazy_compile(rf"(?i)\b{_EN_WH}\b|^\s*(?:is|are|was|were|do|does|did|can|could|has|have|had|will|would)\b")
MIN_PART_WORDS = 3  # an English part shorter (When and where was …: 'When') is no question of its own


def asked_parts(question: str) -> list[str]:
    """The questions a question of two or more parts asks; [] for one question.

    Chinese: sentences ended by ？ or ；, and within one the clauses between commas grouped so that each part asks
    something of its own (a question word: 谁, 多少, 哪, 几, 吗 …; not 几十亿, 几乎): 截至11月底，济宁…立案处罚了多少起，
    罚款金额又是多少 asks two (the time before the first question word belongs to it). English: sentences ended by ?,
    and ', and' + a question word (after a preposition: and in how many zones) or '; ' joining two questions. A part
    that asks nothing of its own is joined to the part before it (or after it, when it opens the question); a list of
    asked things in one clause (哪天、在哪个城市, When and where …) is one question."""
    text = question.strip()
    if CJK.search(text):
        parts: list[str] = []
        for sentence in (s for s in re.split(r"(?<=[？?；;!！])", text) if s.strip()):
            current = ""
            clauses = [c for c in re.split(r"(?<=[，,])", sentence) if c.strip()]
            for i, clause in enumerate(clauses):
                current += clause
                rest = "".join(clauses[i + 1 :])
                if _ZH_ASKING.search(current) and _ZH_ASKING.search(rest):
                    parts.append(current)
                    current = ""
            if current:
                if parts and not _ZH_ASKING.search(current):
                    parts[-1] += current
                else:
                    parts.append(current)
        parts = [re.sub(r"[，,；;？?!！\s]+$", "", p) + "？" for p in parts]
        parts = [p for p in parts if len(p) > 2]
        return parts if len(parts) >= 2 and all(_ZH_ASKING.search(p) for p in parts) else []
    pieces = [p for s in re.split(r"(?<=\?)\s+", text) for p in _EN_JOIN.split(s) if p and p.strip()]
    parts = []
    for piece in pieces:
        piece = piece.strip().rstrip(" ,.?")
        if parts and (len(parts[-1].split()) < MIN_PART_WORDS or not _EN_ASKING.search(piece)):
            parts[-1] += (" and " if _EN_ASKING.search(piece) else ", ") + piece  # When and where …: one question
        else:
            parts.append(piece)
    parts = [p + "?" for p in parts if p]
    if len(parts) >= 2 and len(parts[-1].split()) < MIN_PART_WORDS:
        parts[-2:] = [parts[-2].rstrip("?") + " and " + parts[-1]]
    return parts if len(parts) >= 2 and all(_EN_ASKING.search(p) for p in parts) else []


def names_thing(units: Sequence[Unit]) -> bool:
    """Whether a part's content words name a thing of its own (a noun: 职务, 重点项目, position; an English word by
    a noun among its Chinese forms, or one without any): 有多少名, 发了多少, how many did it build name none and ask
    about what the part before named (有没有专职网格员，有多少名: how many of them), so the question is one, not two."""
    table = pos_tagger().dt.word_tag_tab

    def noun(word: str) -> bool:
        word = word[:-1] if len(word) > 1 and word[-1] in "了过着" else word  # 发了, 拆过: a verb with its aspect
        return table.get(word, "").startswith(("n", "eng")) or word not in table and len(word) >= 2

    for unit in units:
        if not unit.label.isascii():
            if noun(unit.label):
                return True
            continue
        chinese = [f for f in unit.forms if f and not f.isascii()]
        if not chinese or any(table.get(f, "").startswith("n") for f in chinese):
            return True
    return False



def asked_together(words: Sequence[Unit], windows: Sequence[str], checked: bool) -> float:
    """The best share of the asked words inside one stretch of two adjacent sentences of the asked entity's passages,
    for a question that asks no kind of answer (how is Dalian doing on garbage sorting, keywords: Nanyang tourism);
    1.0 when the question asks a kind or a number (checked: stated_answer and clause_number check those) or when the
    text writes none of its asked words (focus_known and words_unmapped speak of those: it fails open).

    The answer checks score 1.0 when there is nothing to check, and that 1.0 was the only evidence of a question that
    names a city of the text and two words the text writes apart (垃圾 in one speech, 分类 in another): session 29's
    English out-of-scope rows answered at p 0.92-0.99 (en10). A share of the words each written somewhere is no sign
    that the text speaks of them together (session 30, en11).

    Args:
        words: the asked words the text writes (the attribute less the entity's names).
        windows: the asked entity's passages' two-sentence windows (search_key form; the best few with no entity).
        checked: the question asks a kind of answer or a number.
    """
    if checked or not words:
        return 1.0
    return max((coverage(words, w) for w in windows), default=0.0)
