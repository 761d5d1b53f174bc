"""Who speaks in a document: ``名字：`` labels, participants lists in any layout, and roles.

A label is only a speaker when the text really is a dialogue: several turns, by names that
recur or that a participants list introduces. A short line without sentence punctuation
("变形金刚：超能连结") is a title, never a turn.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from index.clean import Block, compact
from index.lazy_pattern import lazy_compile

PARTICIPANT_MARKERS = ("对话人", "主持人", "嘉宾", "参会人", "出席人", "与会人", "参与人", "访谈人", "受访人", "出席者")
HOST_NAMES = frozenset({"主持人", "记者", "编辑", "提问", "问"})  # labels of whoever asks the questions
QA_LABELS = frozenset({"问", "答"})  # an interview in question-and-answer form: one-character labels that are turns
TURN_MARKERS = ("主持人", "嘉宾")  # markers that also open turns ('主持人：请两位谈谈…。')
EDITOR_NOTE_MARKERS = ("编者按", "编者的话", "编者语", "编后语", "编者注")
# Labels that name a field, not a person (时间：…, 来源：…), and labels that end in a verb of saying (他说：…).
_FIELDS = frozenset(
    "时间 地点 日期 来源 作者 编辑 责任编辑 摘要 关键词 关键字 注 备注 注释 电话 地址 邮箱 网址 标题 题目 主题 "
    "会议主题 原文 译者 出处 链接 附件 附 说明 简介 版次 栏目 单位 邮编 传真".split()
)
_SAYING = lazy_compile(r"(说|表示|指出|认为|强调|称|道|介绍|提出|回答|透露|坦言|直言|提到|写道|问)$")
_LABEL = lazy_compile(r"^\s*([\u4e00-\u9fff·A-Za-z]{2,12}|[问答])\s*[：:]")
# A sentence's end; a closing quote only after one (“…。”): 都有“河长” closes a quoted word, as in a title.
_TERMINAL = lazy_compile(r"[。！？!?；;…][”’」』]?$")
_LATIN_SENTENCE = lazy_compile(r"[A-Za-z0-9%)]\.[\"'”’)]?$")  # 'Survival was 87 percent.': a sentence, not a heading
_ENTRY_SPLIT = lazy_compile(r"[、，,；;]")
_PAREN = lazy_compile(r"^(.+?)[（(](.+)[）)]$")
# Titles that end a role ('…环保局局长'), longest first so that 副局长 wins over 局长.
_TITLES = sorted(
    """局长 厅长 部长 处长 科长 司长 主任 总编辑 副总编辑 编辑 记者 总裁 副总裁 董事长 总经理 经理 书记 市长 县长 省长
    区长 镇长 乡长 村长 主席 院长 所长 校长 教授 副教授 研究员 工程师 总工程师 秘书长 会长 社长 台长 站长 队长 组长
    委员 代表 专家 主持人 负责人 创始人 首席执行官 董事 监事 理事长 理事 博士 律师 医生 作家 导演 主编 馆长 行长""".split(),
    key=len,
    reverse=True,
)
TITLES = tuple(_TITLES)  # titles that end a role, longest first
_ORG_SUFFIX = lazy_compile(r"^(.*(?:局|厅|部|委|公司|集团|院|所|社|报|会|中心|大学|政府|办))(.+)$")


@dataclass(frozen=True)
class Role:
    """What a participants list or a byline says about a person."""

    role: str
    organisation: str = ""
    title: str = ""


def label(block: Block) -> str:
    """The ``名字`` of a block that opens with ``名字：``, else ''."""
    match = _LABEL.match(block.raw[0])
    return match.group(1) if match else ""


def opens_turn(block: Block, i: int) -> str:
    """The label of line i of a block when that line can open a turn (the first line, or after a sentence's end)."""
    match = _LABEL.match(block.raw[i])
    if not match or (i > 0 and not _TERMINAL.search(block.raw[i - 1].rstrip())):
        return ""
    return match.group(1)


def split_turns(blocks: list[Block], names: set[str] | None = None) -> list[Block]:
    """The blocks, each split before a line that opens another turn: notes typed one turn a line, with no blank
    line between turns ('李明华：…。' then '记者：…？'), are as many turns as lines.

    A line opens a turn when it starts with ``名字：`` and the line before it ends a sentence (so a turn whose text
    wraps onto a line that happens to start with a label is never cut), and the name is one of names or, without
    names, one that opens two lines or more in the text (as speaker_names asks names to recur: a single
    '第二部分：宁夏' or '赵志刚：…' inside a paragraph is left as it is).
    """
    if names is None:
        counts = Counter(opens_turn(b, i) for b in blocks for i in range(len(b.raw)))
        names = {name for name, n in counts.items() if name and n >= 2}
    out: list[Block] = []
    for block in blocks:
        start = 0
        for i in range(1, len(block.raw)):
            if opens_turn(block, i) in names:
                out.append(Block(block.first_line + start, block.raw[start:i]))
                start = i
        out.append(Block(block.first_line + start, block.raw[start:]))
    return out


# Common surnames: a one-time speaker's label starts with one (赵志刚：), a heading's never does (第二部分：, 附件：).
SURNAMES = frozenset(
    """王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡
    余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史
    陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 欧阳 司马 诸葛 上官""".split()
)

_PLACE_ENDS = frozenset("省市县区镇乡村庄州路街站港湾岛")


def person_label(name: str) -> bool:
    """A label that is a person's name, so that it is a turn even when the name speaks once ('赵志刚：…').

    A known surname and one or two characters more, not ending like a place (市, 区, 庄…), and either jieba tags
    the whole label as one person name (nr), or jieba's dictionary does not know it and cuts the surname off
    (苏国军 → 苏/国军; never 江河湖 → 江河/湖): a word that happens to start with a surname (黄河, 方法, 高度,
    江苏省) is no one. Headings and fields (第二部分, 附件, 背景, 时间) never start with a surname.
    """
    surname = name[:2] if name[:2] in SURNAMES else name[:1]
    if surname not in SURNAMES or not 1 <= len(name) - len(surname) <= 2 or name in _FIELDS or _SAYING.search(name):
        return False
    if name[-1] in _PLACE_ENDS:  # jieba tags 石家庄 and 高新区 nr: '石家庄：PM2.5下降了…' is a place's figures
        return False
    import jieba.posseg

    words = list(jieba.posseg.cut(name))
    if len(words) == 1:
        return words[0].flag.startswith("nr")
    unknown = jieba.posseg.dt.tokenizer.FREQ.get(name, 0) == 0
    return unknown and words[0].word == surname and not any(w.flag.startswith("ns") for w in words)


def one_time_speaker(block: Block) -> str:
    """The person a block of running text opens with ('赵志刚：我们把节水…。'), else '': the label is a person's
    name (person_label) and the block is no title or heading (a short line without a sentence's end)."""
    name = label(block)
    return name if name and not title_like(block) and person_label(name) else ""


# A person quoted in prose: “…”刘玉芬说。 / 陈建国介绍：“…” / 据陈建国介绍，… (who: the role and name before the verb).
_QUOTE_VERBS = r"(?:说道|说|表示|介绍|指出|认为|强调|透露|坦言|直言|提到|解释|告诉记者|称)"
_WHO = r"(?P<who>[^“”‘’「」。！？，,：:；;、（）()\s]{2,30}?)"
_QUOTED_IN_PROSE = (
    lazy_compile(rf"^[“「][^”」]+[”」][，,]?{_WHO}{_QUOTE_VERBS}[。，,：:]"),  # “…”刘玉芬说。
    lazy_compile(rf"^{_WHO}{_QUOTE_VERBS}[：:][“「]"),  # 陈建国介绍：“…”
    lazy_compile(rf"^据{_WHO}{_QUOTE_VERBS}[，,]"),  # 据陈建国介绍，…
)
_ANY = _WHO.replace("?P<who>", "")
_QUOTE_ANYWHERE = lazy_compile(rf"[”」][，,]?{_ANY}{_QUOTE_VERBS}[。，,：:]|(?:^|[。！？])据?{_ANY}{_QUOTE_VERBS}[：:，,]")


# An English paragraph quoting one person: '"…," said Dr. Wang Hui, director of the centre.' / '"…," Wang Hui said.'
_EN_SAID = r"(?:said|says|added|explained|noted|stressed|told reporters)"
_EN_WHO = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?P<who>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2})"
_EN_QUOTE = r"^[\"“][^\"“”]+[\"”],?\s+"
_EN_QUOTED = (
    lazy_compile(rf"{_EN_QUOTE}{_EN_SAID}\s+{_EN_WHO}(?:,\s+(?P<role>[^.;\"“”]{{3,80}}?))?\s*\.?$"),
    lazy_compile(rf"{_EN_QUOTE}{_EN_WHO}(?:,\s+(?P<role>[^.;\"“”]{{3,80}}?),)?\s+{_EN_SAID}\s*\.?$"),
)


def quoted_in_english(block: Block) -> tuple[str, Role]:
    """The person an English paragraph quotes and its role ('"Our target is…," said Dr. Wang Hui, director of the
    monitoring centre.' → 'Wang Hui', Role('director of the monitoring centre')); ('', Role('')) for anything else."""
    text = " ".join(line.strip() for line in block.raw if line.strip())
    match = next((m for m in (p.match(text) for p in _EN_QUOTED) if m), None)
    return (match.group("who"), Role(match.group("role") or "")) if match else ("", Role(""))


def quoted_person(block: Block) -> tuple[str, Role]:
    """The person a paragraph of running text quotes in prose ('“…”湿地公园管理处主任刘玉芬说。', '公园设计单位负责人
    陈建国介绍：“…”', '据陈建国介绍，…'), with the role the text gives them; ('', Role('')) when it quotes no one
    or more than one person (a paragraph quoting two people is nobody's alone)."""
    text = compact("".join(block.raw))
    if title_like(block):
        return "", Role("")
    match = next((m for m in (p.match(text) for p in _QUOTED_IN_PROSE) if m), None)
    if not match:
        return quoted_in_english(block)
    name, role = _person(match.group("who"))
    if not name:
        return "", Role("")
    others = {_person(m.group(1) or m.group(2) or "")[0] for m in _QUOTE_ANYWHERE.finditer(text)} - {"", name}
    return ("", Role("")) if others else (name, role)


def _person(who: str) -> tuple[str, Role]:
    """The name and role in '湿地公园管理处主任刘玉芬' (a known title before the name) or in a bare name ('刘玉芬')."""
    role, name = _name_after_title(who)
    if name and (name[:1] in SURNAMES or name[:2] in SURNAMES):
        return name, split_role(role)
    if person_label(who):
        return who, Role("")
    return "", Role("")


_INTERVIEW_VERB = lazy_compile(r"^.*?(?:专访|采访|访谈|对话|访问|走近|记者)了?")
_ASKERS = frozenset({"记者", "编辑", "主编", "总编辑", "副总编辑", "主持人"})  # a byline's titles: who asks, not answers


def interviewee(texts: list[str]) -> tuple[str, Role]:
    """The person an interview's title or lead names with a title ('专访市水务局局长张三：…' → 张三,
    Role('市水务局局长', '市水务局', '局长')): who answers; a byline's reporter ('本报记者 王丽') is who asks."""
    for text in texts:
        for entry in re.split(r"[，,。！？!?：:；;、“”‘’「」（）()\s]+", text):
            role, name = _name_after_title(entry)
            if not name or not (name[:1] in SURNAMES or name[:2] in SURNAMES):
                continue
            found = split_role(_INTERVIEW_VERB.sub("", role) or role)
            if found.title not in _ASKERS:
                return name, found
    return "", Role("")


def title_like(block: Block) -> bool:
    """A short block without sentence punctuation at its end: a title, heading, byline or caption, not running text."""
    text = compact("".join(block.raw))
    return (len(block.raw) <= 2 and len(text) <= 40 and not _TERMINAL.search(text) and not _LATIN_SENTENCE.search(text)
            and not text.endswith(("，", "、", ",")))


def split_role(text: str) -> Role:
    """'辽宁省大连市环保局局长' → Role('辽宁省大连市环保局局长', '辽宁省大连市环保局', '局长')."""
    for title in _TITLES:
        if text.endswith(title) and len(text) > len(title):
            org = text[: -len(title)]
            if org.endswith("副") and len(org) > 1:  # 副局长, 副总编辑
                org, title = org[:-1], "副" + title
            return Role(text, org, title)
    match = _ORG_SUFFIX.match(text)
    if match and match.group(2):
        return Role(text, match.group(1), match.group(2))
    return Role(text, text, "")


def _name_after_title(entry: str) -> tuple[str, str]:
    """('青山县环保局副局长', '赵芳') from '青山县环保局副局长赵芳' when a known title ends the role; else ('', '')."""
    best = ("", "")
    for title in _TITLES:
        at = entry.rfind(title)
        if at >= 0:
            end = at + len(title)
            name = entry[end:]
            if 2 <= len(name) <= 4 and end > len(best[0]):
                best = (entry[:end], name)
    return best


def read_participants(lines: list[str], names: set[str]) -> dict[str, Role]:
    """Roles from a participants list, whatever its layout.

    Args:
        lines: the list's lines without the marker ('对话人：'); one person per line or several
            on a line separated by 、，；.
        names: the speaker labels of the document (a person is found by the name ending or
            opening an entry; failing that, by the name after a title such as 局长).

    Returns:
        name -> Role for every person the list introduces.
    """
    roles: dict[str, Role] = {}
    by_length = sorted(names, key=len, reverse=True)
    for line in lines:
        for entry in (compact(e) for e in _ENTRY_SPLIT.split(line)):
            if not entry:
                continue
            paren = _PAREN.match(entry)
            if paren:
                roles.setdefault(paren.group(1), split_role(paren.group(2)))
                continue
            name = next((n for n in by_length if entry.endswith(n) and len(entry) > len(n)), "")
            if name:
                roles.setdefault(name, split_role(entry[: -len(name)]))
                continue
            name = next((n for n in by_length if entry.startswith(n) and len(entry) > len(n)), "")
            if name:
                roles.setdefault(name, split_role(entry[len(name) :].lstrip("：:")))
                continue
            role, name = _name_after_title(entry)
            if name:
                roles.setdefault(name, split_role(role))
    return roles


def marker_lines(block: Block) -> list[str]:
    """A labelled block's lines, the first without its '对话人：' label."""
    first = re.sub(r"^\s*[^：:]{1,12}[：:]", "", block.raw[0], count=1)
    return [first, *block.raw[1:]]


def speaker_names(blocks: list[Block]) -> set[str]:
    """The names that open speaker turns, or an empty set when the text is not a dialogue.

    A dialogue has at least two turns (blocks opening with ``名字：`` followed by running text),
    and one of their names recurs, or a participants list introduces one, or (a short exchange)
    at least half of two or more names are person names to jieba.
    """
    turn_names: Counter[str] = Counter()
    listed: list[str] = []
    for block in blocks:
        name = label(block)
        if not name:
            continue
        if name in PARTICIPANT_MARKERS and not (name in TURN_MARKERS and not title_like(block)):
            listed.extend(marker_lines(block))
        elif name in EDITOR_NOTE_MARKERS or name in _FIELDS or title_like(block):
            continue
        elif _SAYING.search(name) and name not in QA_LABELS:
            continue
        else:
            turn_names[name] += 1
    if sum(turn_names.values()) < 2:
        return set()
    introduced = set(read_participants(listed, set(turn_names))) if listed else set()
    recurring = any(count >= 2 for count in turn_names.values())
    if not recurring and not introduced & set(turn_names) and not _mostly_people(list(turn_names)):
        return set()
    return set(turn_names)


def _mostly_people(names: list[str]) -> bool:
    """At least two names and at least half of them person names ('许伟：…' '苏国军：…', not '背景：…' '方法：…', nor
    '石家庄：…', which jieba tags nr too): see person_label."""
    if len(names) < 2:
        return False
    return 2 * sum(name in HOST_NAMES or person_label(name) for name in names) >= len(names)
