"""Near misses on CMRC 2018: unanswerable questions made from the benchmark's own questions, checked mechanically.

CMRC's questions are all answerable, so on its own it measures only false abstention. The product's weak point is
the other side: a question that names the text's own entities but asks a fact the text never gives ("the text does
not say" is the right reply). This module makes such questions from each paragraph's questions, deterministically
(no randomness: every choice is ordered by a hash of the ids), in three kinds:

- entity: the question's subject (its paragraph's title, written in the question) is replaced by the title of
  another paragraph of the same half and the same kind (person, place, organisation, work, species, event; not
  'other', a concept or a drug), kept only when that paragraph (and every other paragraph naming the new subject)
  holds none of the question's asked words (its content words besides the subject and the asking words, with the
  other ways of saying them in SYNONYMS: 出生 / 生于, 环境 / 分布 …) and none of its answers. Questions whose fact
  nearly every paragraph of the kind gives in words of its own (a country, a birthplace, a job: _COUNTRY) and
  questions asking nothing but the subject (某某是什么？) are not moved. "阵内智则什么时候被任命为知行？": the comedian's
  paragraph never says 任命 or 知行.
- attribute: the subject asked for an attribute of its kind (人口, 面积, 身高, 血型, 市值, 售价, 寿命 …) that no
  paragraph naming the subject mentions: none of the attribute's check words (its name, units and synonyms) occurs;
  a town is asked for no ticket price, a park for no population. A source question naming its subject gives one;
  a paragraph's questions take its absent attributes in turn (no repeats).
- time: a year in the question (1981年, a year its paragraph mentions) moved to a year before every year its
  paragraph (and every paragraph naming the subject) mentions, 20 years before the earliest: the text gives the fact
  only for another year, and for none before it.

A paragraph's kind is read from its title and first sentence (paragraph_kind); a wrong kind makes an odd question
(天门冬以什么为食？), not an answerable one: the absence checks decide that. Spot-checked in session 15 on the even
half only (`python -m eval.cmrc_nearmiss 20`: the first 20 by hash order, mixed kinds; then the first 20 entity swaps;
and all 26 time shifts): 38 of the 40 and all 26 read unanswerable; the two (a habitat given as 分布, a shape as
平面为希腊十字) were closed with synonyms, after which the swaps made instead read unanswerable too.

Each made question records its source question's id, its kind and its half (the source paragraph's: even = tune,
odd = held out). The asked fact's absence is checked on the text, not on the judge: nothing here calls the judge.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from index.normalize import search_key

KINDS = ("entity", "attribute", "time")

# A paragraph's kind: first from how its title ends (南宁市第二中学, 渡川之战, 伊丽莎白港机场), then from its opening
# sentence, the title left out: the first kind one of whose words it holds, in this order (a species' first sentence
# names its family and genus; a person's, where they come from or their job).
TITLE_ENDS = (
    ("person", ("王后", "皇后", "皇帝", "公主", "太子")),
    ("event", ("之战", "战役", "战争", "选举", "锦标赛", "公开赛", "比赛", "运动会", "会议", "空难", "事件", "起义", "协议")),
    ("organisation", ("中学", "小学", "大学", "学院", "书院", "银行", "俱乐部", "医院", "集团", "基金会", "公司", "组织",
                      "联盟", "协会", "委员会", "党", "乐队", "球队")),
    ("place", ("市", "县", "区", "镇", "村", "乡", "线", "洞", "关", "峡谷", "机场", "教堂", "堂", "车站", "站", "河",
               "湖", "山", "岛", "广场", "港", "渔港", "道", "路", "街", "塔", "监狱", "别墅", "宫", "寺", "纪念碑",
               "剧院", "公园", "桥", "省", "州")),
)
KIND_WORDS = (
    ("species", ("学名", "鱼纲", "科植物", "亚科", "物种", "特有种")),
    ("person", ("政治家", "政治人物", "运动员", "艺人", "演员", "歌手", "作家", "诗人", "词人", "将军", "武将", "漫画家",
                "皇后", "王后", "球员", "画家", "导演", "主持", "科学家", "学者", "教授", "董事长", "太守", "官员",
                "虚拟人物", "家臣", "皇帝", "国王", "女王", "选手", "教练", "作曲家", "音乐家", "律师", "记者", "商人",
                "企业家", "哲学家", "数学家", "物理学家", "工程师", "大臣", "将领", "领袖", "先知", "主角", "专员")),
    ("work", ("游戏", "动画", "卡通", "漫画", "作品", "电影", "小说", "专辑", "电视剧", "歌曲", "单曲", "杂志", "剧集",
              "节目", "奥义书", "经书")),
    ("organisation", ("公司", "俱乐部", "银行", "学校", "中学", "小学", "大学", "学院", "书院", "医院", "基金会",
                      "组织", "协会", "政党", "企业", "集团", "报社", "电视台", "球队", "乐队", "机构", "联盟")),
    ("event", ("战役", "之战", "战争", "比赛", "选举", "运动会", "锦标赛", "赛事", "事件", "会议", "起义")),
    ("place", ("位于", "城市", "城镇", "小镇", "峡谷", "机场", "教堂", "车站", "铁路", "首府", "首都", "广场")),
)
# A person's first sentence often says where they come from (浙江诸暨人，), where they were born (生于乌拉圭) or gives a
# courtesy name (字拱辰，); a species', its family and genus (菊科蒿属的植物).
_PERSON = re.compile(
    r"(?:^|[，,）)])[\u4e00-\u9fff]{1,12}人[，,。]|[，,）)]字[\u4e00-\u9fff]{1,3}[，,]|(?<!发)生于|出生于"
)
_SPECIES = re.compile(r"[\u4e00-\u9fff]科[\u4e00-\u9fff]{1,6}属|[属科]的(?:一种|植物|动物)")
# A title's bracketed qualifier that tells the kind: 格斗天王 (电视剧), 纳豆 (艺人), 张永海 (1979年出生).
QUALIFIER = (("work", ("电视剧", "电影", "专辑", "游戏", "小说", "动画", "漫画", "歌曲")),
             ("person", ("艺人", "出生", "演员", "歌手", "运动员", "政治人物", "作家")))

# Attributes per kind: (name, question template, check words). The question is made only when no check word occurs
# in any paragraph that names the subject (search_key forms: simplified, lower-case, no spaces).
ATTRIBUTES: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "person": (
        ("身高", "{s}的身高是多少？", ("身高", "公分", "厘米", "cm", "个子")),
        ("血型", "{s}是什么血型？", ("血型",)),
        ("电话", "{s}的电话号码是多少？", ("电话", "号码", "手机")),
        ("体重", "{s}的体重是多少公斤？", ("体重", "公斤", "千克", "kg", "斤", "磅")),
        ("年薪", "{s}的年薪是多少？", ("年薪", "工资", "薪", "收入", "报酬", "月入", "元")),
        ("母校", "{s}毕业于哪所大学？", ("毕业", "大学", "学院", "就读", "学历", "学士", "硕士", "博士", "留学", "求学",
                                   "学习", "就学", "入学", "肄业", "学校")),
        ("配偶", "{s}的配偶叫什么名字？", ("配偶", "妻", "夫人", "丈夫", "夫", "结婚", "婚", "娶", "嫁", "正室", "继室",
                                   "皇后", "王后", "伴侣", "恋", "女友", "男友")),
    ),
    "place": (
        ("人口", "{s}的人口有多少？", ("人口", "居民", "万人", "户", "人数", "住民")),  # a settlement's only
        ("面积", "{s}的面积是多少平方公里？", ("面积", "平方", "公顷", "亩", "km", "占地")),
        ("邮政编码", "{s}的邮政编码是多少？", ("邮政", "邮编")),
        ("门票", "{s}的门票多少钱？", ("门票", "票价", "收费", "免费", "元", "票")),  # a site's only
        ("电话区号", "{s}的电话区号是多少？", ("区号", "电话")),
        ("年降雨量", "{s}的年降雨量是多少毫米？", ("降雨", "降水", "雨量", "毫米", "mm", "雨")),
    ),
    "organisation": (
        ("员工", "{s}有多少名员工？", ("员工", "职工", "雇员", "职员", "雇用", "雇佣", "工作人员", "教职", "人数", "名")),
        ("市值", "{s}的市值是多少？", ("市值", "股价", "上市", "股票", "证券交易所", "资产")),
        ("电话", "{s}的电话号码是多少？", ("电话", "号码")),
        ("营业收入", "{s}去年的营业收入是多少？", ("收入", "营收", "营业额", "利润", "盈利", "亏损", "元", "经费", "预算")),
        ("邮政编码", "{s}的邮政编码是多少？", ("邮政", "邮编")),
    ),
    "work": (
        ("售价", "{s}的售价是多少钱？", ("售价", "价格", "定价", "元", "美元", "日元", "円", "免费", "收费", "价")),
        ("销量", "{s}一共卖出了多少份？", ("销量", "销售", "售出", "卖出", "发行量", "万套", "万份", "万本", "万张", "销")),
        ("票房", "{s}的票房是多少？", ("票房",)),
        ("评分", "{s}在豆瓣上的评分是多少？", ("评分", "分数", "豆瓣", "评价")),
        ("制作成本", "{s}的制作成本是多少？", ("成本", "预算", "投资", "耗资", "资金", "元")),
    ),
    "species": (
        ("寿命", "{s}的寿命有多长？", ("寿命", "存活", "活到", "岁")),
        ("价格", "{s}在市场上每斤卖多少钱？", ("价格", "售价", "元", "市场", "价", "卖")),
        ("重量", "{s}成年后有多重？", ("重量", "体重", "公斤", "千克", "克", "斤", "重")),
        ("野外数量", "{s}在野外还剩多少只？", ("数量", "种群", "只", "株", "个体", "濒危", "灭绝")),
    ),
    "event": (
        ("观众人数", "{s}有多少名观众？", ("观众", "观看", "人次", "入场", "万人", "人数")),
        ("门票", "{s}的门票多少钱？", ("门票", "票价", "元", "票")),
        ("花费", "{s}一共花了多少钱？", ("花费", "耗资", "费用", "经费", "预算", "成本", "元", "资金", "投资")),
        ("转播", "{s}由哪家电视台转播？", ("转播", "直播", "电视", "播出", "播放")),
    ),
}

# Words that ask instead of naming: left out of a question's asked words.
ASKING = frozenset(
    "什么 哪些 哪个 哪里 哪儿 哪种 哪位 哪国 哪年 哪一年 哪一 哪家 哪所 多少 为什么 怎么 怎样 如何 是否 什么样 谁 几 "
    "何时 何地 时候 什么时候 哪天 多久 多长 多大 多高 多远 哪方面 是不是 有没有 主要 一个 一种 一些 哪座 哪部 哪条 "
    "之后 以后 以前 之前 当时 曾经 已经 现在 目前 其中 这个 那个 可以 能够 分别 具体 通常 一般 还有 一直 都 "
    "有关 关于 方面 情况 作用 内容 问题 原因 特点 结果 过程 方式 方法".split()
)

# Characters that name nothing on their own (a single-character jieba word made of one is no asked word).
FUNCTION_CHARS = frozenset(
    "的是有在为了和与被把将对从于以而及其之也都会要又叫称吗呢做去到让给向由等个时后前中内上下里多大小年月日岁几谁哪啥么"
    "怎何能可该此这那他她它们所最很就还才曾已再并或如若则因但却一二三四五六七八九十两得地着过吧啊被共约该各每"
)

# An asked word's other ways of saying the same (checked as absent too): a paraphrase could still answer it.
SYNONYMS = {
    "去世": ("逝世", "卒", "死", "病逝", "殁", "去世", "辞世"), "逝世": ("去世", "卒", "死", "病逝", "殁"),
    "死亡": ("去世", "逝世", "卒", "死", "殁"), "父亲": ("父", "之子", "之女", "儿子", "女儿"),
    "母亲": ("母", "之子", "之女"), "妻子": ("妻", "夫人", "娶", "正室", "配偶", "婚"), "丈夫": ("夫", "嫁", "婚"),
    "女儿": ("女",), "儿子": ("子",), "弟弟": ("弟",), "哥哥": ("兄",), "姐姐": ("姐",), "妹妹": ("妹",),
    "成立": ("创立", "创建", "建立", "创办", "始建", "设立", "成立", "建于", "创于", "创", "建"),
    "创立": ("成立", "创建", "建立", "创办", "设立", "创", "建"), "建立": ("成立", "创立", "创建", "建", "设立", "创"),
    "发生": ("举行", "举办", "召开", "开幕", "爆发", "开战", "发生"), "举行": ("举办", "召开", "开幕", "发生"),
    "位于": ("位于", "在", "坐落", "地处"), "担任": ("任", "出任", "就任", "职"), "发行": ("发售", "推出", "出版", "上市"),
    "发售": ("发行", "推出", "上市", "出售"), "出版": ("发行", "出版", "刊"), "分布": ("分布", "产", "生长", "见于"),
    "颜色": ("色",), "形状": ("形", "状", "平面", "呈", "十字", "圆", "方"), "外形": ("形", "外观", "状", "呈"),
    "样子": ("形", "状", "外观", "呈"),
    "体长": ("长", "公分", "厘米", "cm"), "身体": ("体",), "为食": ("食", "吃"), "食粮": ("食", "吃"), "食物": ("食", "吃"),
    "天敌": ("捕食", "猎食", "敌"), "生殖": ("繁殖", "产卵", "交配"),
    "环境": ("栖息", "生活", "生长", "水域", "海域", "分布", "见于", "水深", "湿地", "产于", "原产"),
    "生活": ("栖息", "生长", "分布", "见于", "水深", "产于", "原产"),
    "栖息": ("生活", "生长", "分布", "见于", "水深", "产于", "原产"),
    "功能": ("用", "作用", "用途", "功能"), "用途": ("用", "作用", "功能"),
    "作用": ("用", "功能", "用途"), "主治": ("治", "药", "用"), "味道": ("味", "甜", "酸", "苦", "口感"),
    "主演": ("演", "饰"), "创作": ("作", "著", "写", "编"), "设计": ("设计", "建筑师"), "得名": ("名", "称"),
    "名字": ("名", "称"), "名称": ("名", "称"), "由来": ("名", "称", "意为"), "别名": ("名", "称"),
    "别称": ("名", "称"), "又名": ("名", "称"), "俗名": ("名", "称"), "简称": ("名", "称"), "原名": ("名", "称"),
    "称呼": ("名", "称"), "称为": ("名", "称"), "称作": ("名", "称"), "称之为": ("名", "称"),
    "开始": ("始", "起", "首"), "播放": ("播", "放映"), "播出": ("播", "放映"), "时间": ("年", "月", "日"),
}

# A question asking where (哪里, 什么地方 …) asks for what a paragraph says with these words.
_WHERE = re.compile(r"哪里|哪儿|什么地方|何处|何地|哪个地方|哪座城市|哪个城市|哪个国家|哪国")
WHERE_WORDS = ["位于", "坐落", "地处", "位在", "处于", "位置"]
# A question asking a subject's country (哪国的政治家？), birthplace or job is answered by nearly every paragraph of its
# kind, in words of its own (生于 …, 演员、主持人): not moved to another subject.
_COUNTRY = re.compile(r"哪国|哪个国家|国籍|哪里人|什么国家|出生|生于|籍贯|祖籍|家乡|老家|职业|职务|职位|身份|工作")

_YEAR = re.compile(r"(?<![\d.])(\d{3,4})(?=\s*年(?!代))")  # 1981年 (not 1990年代, not 0.1981年)
_ANY_YEAR = re.compile(r"(?<![\d.])(1\d{3}|20\d{2})(?!\d)")  # every four-digit number a year could be
_BRACKETS = re.compile(r"\s*[（(][^）)]*[）)]\s*")


@dataclass(frozen=True)
class NearMiss:
    """One made question: the text does not give what it asks."""

    id: str  # the source question's id, '#', the kind
    question: str
    kind: str  # one of KINDS
    source: str  # the question it was made from
    doc: str  # the source question's paragraph
    half: str  # 'even' (tune) or 'odd' (held out): the source paragraph's
    check: str  # what was checked absent (words, or the year), for a reader of the made questions


def _key(*parts: str) -> str:
    return hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()


def subject_of(title: str) -> str:
    """The name a paragraph's title gives its subject: without a bracketed qualifier (张永海 (1979年出生) → 张永海)."""
    return _BRACKETS.sub("", title).strip()


def paragraph_kind(title: str, context: str) -> str:
    """The paragraph's kind (TITLE_ENDS, then KIND_WORDS in its first sentence); 'other' when none fits."""
    name = subject_of(title)
    qualifier = title[len(name):] if title.startswith(name) else ""
    for kind, words in QUALIFIER:
        if any(w in qualifier for w in words):
            return kind
    for kind, ends in TITLE_ENDS:
        if name.endswith(ends):
            return kind
    first = search_key(context.split("。")[0]).replace(search_key(name), "")
    if _SPECIES.search(first):
        return "species"
    if _PERSON.search(first[:60]) and "学名" not in first:
        return "person"
    for kind, words in KIND_WORDS:
        if any(w in first for w in words):
            return kind
    return "other"


SITE_ENDS = ("公园", "机场", "教堂", "堂", "广场", "车站", "站", "大厦", "寺", "宫", "塔", "纪念碑", "剧院", "别墅",
             "监狱", "峡谷", "洞", "河", "湖", "山", "道", "路", "线", "港", "关", "桥", "园")


def settlement(subject: str, context: str) -> bool:
    """A place people live in (a town, a district: asked for its population), not a site (a park, a station: asked
    for a ticket): by the subject's last word, else by its first sentence's."""
    if subject.endswith(SITE_ENDS):
        return False
    first = search_key(context.split("。")[0])
    return subject.endswith(("市", "县", "区", "镇", "村", "乡", "州", "省")) or any(
        w in first for w in ("城市", "城镇", "小镇", "首府", "首都", "行政区", "市镇"))


def asked_words(question: str, subject: str) -> list[str]:
    """The question's content words besides its subject and the asking words: jieba words of two or more characters
    (each long word with its parts: 占地面积, 占地, 面积), letter and digit runs, and single characters that name
    something (花 in 的花是什么样子: jieba cuts 花是); for a question asking where, the words that say where (位于 …)."""
    import jieba

    jieba.initialize()
    rest = search_key(question).replace(search_key(subject), " ")
    words = []
    for w in jieba.lcut(rest):
        w = w.strip()
        if w in ASKING or not re.search(r"\w", w):
            continue
        if re.fullmatch(r"[a-z0-9]+", w):
            words.append(w)
        elif len(w) == 2 and w[1] in FUNCTION_CHARS and w[0] not in FUNCTION_CHARS and not jieba.dt.FREQ.get(w):
            words.append(w[0])  # 花是, 叶有, 根有 (no dictionary word): a noun cut together with the verb after it
        elif len(w) >= 2:
            words.append(w)
            if len(w) >= 3 and not w.isascii():
                words += [p for p in jieba.lcut_for_search(w) if p != w and len(p) >= 2 and p not in ASKING]
        elif w not in FUNCTION_CHARS:
            words.append(w)
    if _WHERE.search(rest):
        words += WHERE_WORDS
    return list(dict.fromkeys(words))


def _with_synonyms(words: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(s for w in words for s in (w, *SYNONYMS.get(w, ()))))


class Collection:
    """The paragraphs in search_key form, and which of them name a subject."""

    def __init__(self, paragraphs) -> None:
        self.paragraphs = list(paragraphs)
        self.number = {p.id: n for n, p in enumerate(self.paragraphs)}
        self.text = {p.id: search_key(f"{p.title}\n{p.context}") for p in self.paragraphs}
        self.kind = {p.id: paragraph_kind(p.title, p.context) for p in self.paragraphs}
        self.subject = {p.id: subject_of(p.title) for p in self.paragraphs}

    def half(self, doc: str) -> str:
        return ("even", "odd")[self.number[doc] % 2]

    def naming(self, subject: str, own: str) -> list[str]:
        """The paragraph `own` and every other paragraph whose text holds the subject's name."""
        key = search_key(subject)
        return [own, *(d for d, t in self.text.items() if d != own and key in t)]

    def none_holds(self, docs: Sequence[str], words: Sequence[str]) -> bool:
        keys = [search_key(w) for w in words if search_key(w)]
        return not any(k in self.text[d] for d in docs for k in keys)


def entity_swap(q, c: Collection) -> NearMiss | None:
    """The question asked of another paragraph's subject of the same kind and half that gives none of its asked words
    (with synonyms) and none of its answers; None when no paragraph qualifies or the question names no subject."""
    subject = c.subject[q.doc]
    if len(subject) < 2 or subject not in q.question or c.kind[q.doc] == "other":
        return None  # an 'other' paragraph (a concept, a drug, a number system) has no kind to swap within
    asked = asked_words(q.question, subject)
    if not asked or _COUNTRY.search(q.question):
        return None  # 某某是谁？ asks about the subject itself: any subject answers it
    checked = _with_synonyms(asked) + list(q.answers)
    half = c.half(q.doc)
    others = sorted(
        (p.id for p in c.paragraphs if p.id != q.doc and c.half(p.id) == half and c.kind[p.id] == c.kind[q.doc]),
        key=lambda d: _key(q.id, d),
    )
    for other in others:
        new = c.subject[other]
        if len(new) < 2 or search_key(new) in c.text[q.doc] or new in q.question:
            continue
        if c.none_holds(c.naming(new, other), checked):
            text = q.question.replace(subject, new)
            return NearMiss(f"{q.id}#entity", text, "entity", q.id, q.doc, half, f"{new}: no {'/'.join(asked)}")
    return None


def attribute_swaps(questions, c: Collection) -> list[NearMiss]:
    """Each question naming its paragraph's subject gives the subject asked for one attribute of its kind that no
    paragraph naming it mentions; a paragraph's questions take its absent attributes in turn (no repeats)."""
    out = []
    by_doc: dict[str, list] = {}
    for q in questions:
        subject = c.subject[q.doc]
        if len(subject) >= 2 and subject in q.question:
            by_doc.setdefault(q.doc, []).append(q)
    for doc, asked in by_doc.items():
        subject = c.subject[doc]
        naming = c.naming(subject, doc)
        kind = c.kind[doc]
        if kind not in ATTRIBUTES:
            continue  # an 'other' paragraph (a concept, a drug) has no attributes to ask for
        settled = settlement(c.subject[doc], next(p.context for p in c.paragraphs if p.id == doc))
        free = [a for a in ATTRIBUTES[kind] if c.none_holds(naming, a[2])
                and not (kind == "place" and a[0] == ("门票" if settled else "人口"))]
        free.sort(key=lambda a: _key(doc, a[0]))
        for q, (name, template, words) in zip(asked, free):
            out.append(NearMiss(f"{q.id}#attribute", template.format(s=subject), "attribute", q.id, doc, c.half(doc),
                                f"{name}: no {'/'.join(words)}"))
    return out


def time_shift(q, c: Collection) -> NearMiss | None:
    """The question's year (one its paragraph mentions) moved 20 years before the earliest year that any paragraph
    naming the subject (or the paragraph itself) mentions; None without such a year."""
    found = [m for m in _YEAR.finditer(q.question) if m.group(1) in c.text[q.doc]]
    if len(found) != 1:
        return None
    docs = c.naming(c.subject[q.doc], q.doc) if len(c.subject[q.doc]) >= 2 else [q.doc]
    years = [int(y) for d in docs for y in _ANY_YEAR.findall(c.text[d])]
    year = int(found[0].group(1))
    if not years or year not in years:
        return None
    new = min(years) - 20
    if any(str(new) in c.text[d] for d in docs) or any(str(new) in a for a in q.answers):
        return None
    shifted = q.question[: found[0].start(1)] + str(new) + q.question[found[0].end(1):]
    return NearMiss(f"{q.id}#time", shifted, "time", q.id, q.doc, c.half(q.doc), f"{year} → {new}: before {min(years)}")


def generate(paragraphs, questions) -> list[NearMiss]:
    """Every near miss of the collection, in the order of the source questions, kinds in KINDS order."""
    c = Collection(paragraphs)
    made: dict[str, list[NearMiss]] = {}
    for m in attribute_swaps(questions, c):
        made.setdefault(m.source, []).append(m)
    out = []
    for q in questions:
        entity = entity_swap(q, c)
        time = time_shift(q, c)
        out += [m for m in (entity, *made.get(q.id, []), time) if m is not None]
    return out


def counts(made: Sequence[NearMiss]) -> dict[str, dict[str, int]]:
    """{half: {kind: number made}} (and 'all')."""
    out = {h: dict(Counter(m.kind for m in made if h in ("all", m.half))) for h in ("even", "odd", "all")}
    return {h: {k: out[h].get(k, 0) for k in KINDS} for h in out}


def main() -> int:  # pragma: no cover - a reader's look at the even half's made questions
    """python -m eval.cmrc_nearmiss [N]: counts per half and kind, and N made questions of the EVEN half (tune)."""
    import sys

    from eval.cmrc import load

    paragraphs, questions = load()
    made = generate(paragraphs, questions)
    for half, by_kind in counts(made).items():
        print(f"{half:<4} " + ", ".join(f"{k} {n}" for k, n in by_kind.items()))
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    asked = {q.id: q.question for q in questions}
    even = [m for m in made if m.half == "even"]
    for m in sorted(even, key=lambda m: _key(m.id))[:n]:
        print(f"{m.kind:<9} {asked[m.source]}  →  {m.question}   [{m.check}]")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
